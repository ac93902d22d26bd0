package dev.assay.cli;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.core.model.PositiveClassScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One model's score of the positive class for every row of a file, as {@code assay compare --baseline}
 * and {@code --candidate} name it: a column of the file, or a model (an ONNX or Tribuo file, or an
 * HTTP URL) loaded as {@code assay evaluate --model} loads one, which scores the file's rows.
 *
 * @param option the option, for messages ({@code --baseline})
 * @param spec the column name or model location as given
 */
record ScoreSource(String option, String spec) {

    /** Whether the scores are a column of {@code frame} (else a model). */
    boolean isColumn(Frame frame) {
        return frame.has(spec);
    }

    /**
     * The scores of the rows of {@code frame}, read from {@code file}.
     *
     * @param label the label column a model's classes are matched to
     * @param positive the label value of the positive class
     * @throws InvalidInputException if the column has a missing value, or the spec is neither a column nor
     *     a model, or the model does not give the positive class's probability
     */
    double[] scores(Path file, Frame frame, Column label, String positive) {
        if (isColumn(frame)) {
            return column(file, frame);
        }
        if (!looksLikeModel()) {
            throw new InvalidInputException(option + " '" + Excerpt.of(spec) + "' is neither a column of " + file
                    + " nor a model: name a column of scores of the positive class, or a model file (.onnx, .tribuo.gz) or an"
                    + " http(s):// URL.");
        }
        try (Model model = ModelLoaders.load(ModelSource.of(spec))) {
            return PositiveClassScores.of(model, frame, label, positive);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + ": " + e.getMessage(), e);
        }
    }

    private boolean looksLikeModel() {
        String lower = spec.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || Files.isRegularFile(Path.of(spec));
    }

    private double[] column(Path file, Frame frame) {
        double[] values = frame.numeric(spec, option.substring(2) + " score").toArray();
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new InvalidInputException("The " + option.substring(2) + " score column '" + Excerpt.of(spec) + "' of "
                        + file + " has no value in " + frame.describeRow(i) + ". Both models must score every row: drop the row"
                        + " from the file or score it with both models.");
            }
        }
        return values;
    }
}
