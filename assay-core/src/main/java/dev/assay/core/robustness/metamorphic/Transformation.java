package dev.assay.core.robustness.metamorphic;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A declared change of input rows for a metamorphic test. A row is tested only when the change alters one of its
 * values (e.g. a substitution {@code Male → Female} leaves rows of women alone).
 */
public interface Transformation {

    /** What the change does, for reports, e.g. {@code sex: Male → Female}. */
    String describe();

    /** The rows changed, in the same order. */
    Frame apply(Frame rows);

    /** How {@link #change} alters a number. */
    enum Operation {
        /** {@code x + amount}. */
        ADD,
        /** {@code x × amount}. */
        MULTIPLY,
        /** {@code amount}. */
        SET
    }

    /** A catalog perturbation applied with {@code seed} within {@code target}. */
    static Transformation perturbation(Perturbation perturbation, PerturbationTarget target, long seed) {
        return new Transformation() {
            @Override
            public String describe() {
                List<String> parts = new ArrayList<>();
                perturbation.settings().forEach((k, v) -> parts.add(k + " " + v));
                return perturbation.name() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
            }

            @Override
            public Frame apply(Frame rows) {
                return perturbation.apply(rows, target, seed);
            }
        };
    }

    /**
     * Every value {@code from} of {@code column} replaced by {@code to} (compared as the data writes them; numbers
     * as numbers).
     */
    static Transformation substitution(String column, String from, String to) {
        return new Transformation() {
            @Override
            public String describe() {
                return column + ": " + from + " → " + to;
            }

            @Override
            public Frame apply(Frame rows) {
                Column c = rows.column(column, "substituted column");
                if (c instanceof NumericColumn n) {
                    double a = number(column, from);
                    double b = number(column, to);
                    double[] v = n.toArray();
                    for (int i = 0; i < v.length; i++) {
                        v[i] = v[i] == a ? b : v[i];
                    }
                    return rows.withColumn(NumericColumn.wrap(column, v));
                }
                if (c instanceof CategoricalColumn cat) {
                    List<String> levels = new ArrayList<>(cat.levels());
                    if (!levels.contains(to)) {
                        levels.add(to);
                    }
                    int[] codes = cat.codesArray();
                    int source = cat.levels().indexOf(from);
                    for (int i = 0; i < codes.length; i++) {
                        codes[i] = source >= 0 && codes[i] == source ? levels.indexOf(to) : codes[i];
                    }
                    return rows.withColumn(CategoricalColumn.wrap(column, codes, levels));
                }
                String[] v = new String[c.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = from.equals(c.format(i)) ? to : c.format(i);
                }
                return rows.withColumn(TextColumn.wrap(column, v));
            }
        };
    }

    /** Numeric {@code column} changed by {@code operation} with {@code amount}; missing values stay missing. */
    static Transformation change(String column, Operation operation, double amount) {
        return new Transformation() {
            @Override
            public String describe() {
                String a = NumericColumn.of("x", amount).format(0);
                return column + switch (operation) {
                    case ADD -> " + " + a;
                    case MULTIPLY -> " × " + a;
                    case SET -> " set to " + a;
                };
            }

            @Override
            public Frame apply(Frame rows) {
                Column c = rows.column(column, "changed column");
                if (!(c instanceof NumericColumn n)) {
                    throw new InvalidInputException("Column '" + Excerpt.of(column) + "' is " + c.type().id() + "; "
                            + operation.name().toLowerCase(Locale.ROOT) + " changes numbers. Use a substitution for "
                            + "categories and text.");
                }
                double[] v = n.toArray();
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isNaN(v[i])) {
                        v[i] = operation == Operation.ADD ? v[i] + amount : operation == Operation.MULTIPLY ? v[i] * amount : amount;
                    }
                }
                return rows.withColumn(NumericColumn.wrap(column, v));
            }
        };
    }

    private static double number(String column, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Column '" + Excerpt.of(column) + "' is numeric, but the substitution names '"
                    + Excerpt.of(text) + "'; give numbers.");
        }
    }
}
