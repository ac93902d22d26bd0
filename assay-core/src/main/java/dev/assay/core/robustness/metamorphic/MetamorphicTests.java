package dev.assay.core.robustness.metamorphic;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The three CheckList tests (checklist {@code Expect.inv}, {@code Expect.monotonic}, {@code Expect.eq}), on rows
 * of a tabular or text data set. Each predicts the rows once before and once after the change (two calls).
 * <ul>
 *   <li>INV passes a row when its predicted class stays; with a tolerance {@code t > 0} a changed class still
 *       passes when the probability of the original class moved by at most {@code t}.</li>
 *   <li>DIR passes a row when the probability {@code p} of the declared class moves the declared way:
 *       {@code p' − p + t ≥ 0} for not_decrease, {@code p' − p − t ≤ 0} for not_increase.</li>
 *   <li>MFT passes a case when the predicted class is its expected class.</li>
 * </ul>
 * A row the model gives no finite probability after the change fails.
 */
public final class MetamorphicTests {

    /** The direction a DIR test expects. */
    public enum Direction {
        /** The score must not go down (beyond the tolerance). */
        NOT_DECREASE,
        /** The score must not go up (beyond the tolerance). */
        NOT_INCREASE
    }

    private MetamorphicTests() {
    }

    /** INV: the prediction must not change under {@code change}. */
    public static MetamorphicResult inv(Model model, Frame rows, Transformation change, double tolerance, int examples) {
        return pairwise("inv", model, rows, change, examples, (before, after, i) -> {
            String c = before.predicted(i);
            if (c.equals(after.predicted(i))) {
                return Double.isFinite(after.score(i, c)) || Double.isNaN(before.score(i, c));
            }
            double d = Math.abs(after.score(i, c) - before.score(i, c));
            return tolerance > 0 && d <= tolerance;
        }, (before, i) -> before.predicted(i));
    }

    /** DIR: the probability of {@code scoreClass} must move in {@code direction} under {@code change}. */
    public static MetamorphicResult dir(Model model, Frame rows, Transformation change, String scoreClass, Direction direction,
            double tolerance, int examples) {
        return pairwise("dir", model, rows, change, examples, (before, after, i) -> {
            if (!before.classes().contains(scoreClass)) {
                throw new InvalidInputException("Model " + model.info().name() + " has no class '" + Excerpt.of(scoreClass)
                        + "' (its classes: " + before.classes() + "); name one of them as the class whose score must move.");
            }
            double d = after.score(i, scoreClass) - before.score(i, scoreClass);
            return direction == Direction.NOT_DECREASE ? d + tolerance >= 0 : d - tolerance <= 0;
        }, (before, i) -> scoreClass);
    }

    /** MFT: each case must be predicted as its {@code expected} value. */
    public static MetamorphicResult mft(Model model, Frame cases, Column expected, int examples) {
        if (cases.rowCount() == 0) {
            return new MetamorphicResult("mft", "no cases", 0, 0, List.of());
        }
        for (int i = 0; i < cases.rowCount(); i++) {
            if (expected.isMissing(i)) {
                throw new InvalidInputException("Case " + (i + 1) + " has no expected class in column '" + Excerpt.of(expected.name())
                        + "'; give one for every case.");
            }
        }
        Outputs out = Outputs.of(model, cases);
        long failures = 0;
        List<MetamorphicResult.Failure> failing = new ArrayList<>();
        for (int i = 0; i < cases.rowCount(); i++) {
            String want = expected.format(i);
            if (!want.equals(out.predicted(i))) {
                failures++;
                if (failing.size() < examples) {
                    failing.add(new MetamorphicResult.Failure("case " + (i + 1), values(cases, i, expected.name()), want,
                            out.predicted(i), Double.NaN, out.score(i, out.predicted(i))));
                }
            }
        }
        return new MetamorphicResult("mft", cases.rowCount() + " cases", cases.rowCount(), failures, failing);
    }

    private interface Expectation {
        boolean holds(Outputs before, Outputs after, int row);
    }

    private interface ScoredClass {
        String of(Outputs before, int row);
    }

    private static MetamorphicResult pairwise(String test, Model model, Frame rows, Transformation change, int examples,
            Expectation expectation, ScoredClass scored) {
        Frame changed = change.apply(rows);
        int[] applicable = changedRows(rows, changed);
        if (applicable.length == 0) {
            return new MetamorphicResult(test, change.describe(), 0, 0, List.of());
        }
        Frame a = rows.slice(applicable);
        Frame b = changed.slice(applicable);
        Outputs before = Outputs.of(model, a);
        Outputs after = Outputs.of(model, b);
        long failures = 0;
        List<MetamorphicResult.Failure> failing = new ArrayList<>();
        for (int i = 0; i < applicable.length; i++) {
            if (!expectation.holds(before, after, i)) {
                failures++;
                if (failing.size() < examples) {
                    String c = scored.of(before, i);
                    failing.add(new MetamorphicResult.Failure(a.describeRow(i), differences(a, b, i), before.predicted(i),
                            after.predicted(i), before.score(i, c), after.score(i, c)));
                }
            }
        }
        return new MetamorphicResult(test, change.describe(), applicable.length, failures, failing);
    }

    private static int[] changedRows(Frame before, Frame after) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < before.rowCount(); i++) {
            for (Column c : before.columns()) {
                if (!Objects.equals(c.format(i), after.column(c.name()).format(i))) {
                    out.add(i);
                    break;
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String differences(Frame before, Frame after, int row) {
        List<String> parts = new ArrayList<>();
        for (Column c : before.columns()) {
            String x = c.format(row);
            String y = after.column(c.name()).format(row);
            if (!Objects.equals(x, y)) {
                parts.add(c.name() + ": " + show(x) + " → " + show(y));
            }
        }
        return String.join("; ", parts);
    }

    private static String values(Frame cases, int row, String skip) {
        List<String> parts = new ArrayList<>();
        for (Column c : cases.columns()) {
            if (!c.name().equals(skip)) {
                parts.add(c.name() + "=" + show(c.format(row)));
            }
        }
        return String.join(", ", parts);
    }

    private static String show(String value) {
        return value == null ? "(missing)" : Excerpt.of(value);
    }
}
