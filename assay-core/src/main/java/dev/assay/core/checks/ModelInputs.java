package dev.assay.core.checks;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import java.util.ArrayList;
import java.util.List;

/** The columns a model reads: those its feature mapping names, else every column but the label. */
public final class ModelInputs {

    private ModelInputs() {
    }

    /** The input columns of {@code model} present in {@code frame}, in the model's order. */
    public static List<String> of(Model model, Frame frame, String label) {
        List<String> out = new ArrayList<>();
        model.info().features().features().forEach(f -> {
            if (frame.has(f.column()) && !out.contains(f.column())) {
                out.add(f.column());
            }
        });
        if (out.isEmpty()) {
            frame.columnNames().stream().filter(c -> !c.equals(label)).forEach(out::add);
        }
        return out;
    }
}
