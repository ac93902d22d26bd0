package dev.assay.junit;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A deliberately degraded model: the wrapped classifier's predictions are shuffled among the rows of one group. */
final class ShuffledForGroup implements Model {
    private final Model inner;
    private final String column;
    private final String value;
    private final long seed;

    ShuffledForGroup(Model inner, String column, String value, long seed) {
        this.inner = inner;
        this.column = column;
        this.value = value;
        this.seed = seed;
    }

    @Override
    public ModelInfo info() {
        return inner.info();
    }

    @Override
    public Predictions predict(Frame features) {
        ClassPredictions p = (ClassPredictions) inner.predict(features);
        Column group = features.column(column);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < features.rowCount(); i++) {
            if (!group.isMissing(i) && group.format(i).equals(value)) {
                rows.add(i);
            }
        }
        List<Integer> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        int k = p.classes().size();
        int[] predicted = p.predicted().clone();
        double[] probabilities = p.probabilities().clone();
        for (int j = 0; j < rows.size(); j++) {
            int to = rows.get(j);
            int from = shuffled.get(j);
            predicted[to] = p.predicted()[from];
            System.arraycopy(p.probabilities(), from * k, probabilities, to * k, k);
        }
        return new ClassPredictions(p.classes(), predicted, probabilities);
    }

    @Override
    public void close() {
        inner.close();
    }
}
