package dev.assay.core.text;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference and hypothesis texts read from two columns of a frame. A missing hypothesis is an empty
 * output; a missing reference is refused, naming its row, since no metric can judge against nothing.
 *
 * @param references one reference per row
 * @param hypotheses one hypothesis per row
 */
public record TextPairs(List<String> references, List<String> hypotheses) {

    /** The pairs of columns {@code reference} and {@code hypothesis} of {@code frame}. */
    public static TextPairs of(Frame frame, String reference, String hypothesis) {
        Column ref = frame.column(reference, "reference");
        Column hyp = frame.column(hypothesis, "hypothesis");
        if (frame.rowCount() == 0) {
            throw new InvalidInputException(where(frame) + " has no rows: text-generation metrics need at least one pair of "
                    + "reference and hypothesis.");
        }
        List<String> refs = new ArrayList<>(frame.rowCount());
        List<String> hyps = new ArrayList<>(frame.rowCount());
        for (int row = 0; row < frame.rowCount(); row++) {
            String r = ref.format(row);
            if (r == null || r.isBlank()) {
                throw new InvalidInputException(where(frame) + ", " + frame.describeRow(row) + " has no reference text in column '" + reference
                        + "': fill it or remove the row.");
            }
            String h = hyp.format(row);
            refs.add(r);
            hyps.add(h == null ? "" : h);
        }
        return new TextPairs(List.copyOf(refs), List.copyOf(hyps));
    }

    private static String where(Frame frame) {
        return frame.source() == null ? "the data" : frame.source();
    }
}
