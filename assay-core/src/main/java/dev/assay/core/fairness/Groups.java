package dev.assay.core.fairness;

import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a frame grouped by one or several protected attributes. With several, the groups are
 * the product of their values (intersections), every combination included: an empty combination is
 * a group of size 0, reported rather than dropped. Missing values form a group of their own
 * ({@code missing}), and {@link #notes()} says so.
 */
public final class Groups {
    private final List<String> columns;
    private final List<List<String>> values;
    private final int[] group;
    private final int count;
    private final List<String> notes;

    private Groups(List<String> columns, List<List<String>> values, int[] group, int count, List<String> notes) {
        this.columns = List.copyOf(columns);
        this.values = List.copyOf(values);
        this.group = group;
        this.count = count;
        this.notes = List.copyOf(notes);
    }

    /**
     * Groups the rows of {@code frame} by {@code attributes}.
     *
     * @throws InvalidInputException if no attribute is given, a column is unknown or holds free text,
     *     or a column has a single value (nothing to compare)
     */
    public static Groups of(Frame frame, List<ProtectedAttribute> attributes) {
        if (attributes.isEmpty()) {
            throw new InvalidInputException("No protected attribute is given: name the column(s) whose groups to compare, e.g. sex or race.");
        }
        List<AttributeLevels> levels = new ArrayList<>();
        for (ProtectedAttribute attribute : attributes) {
            levels.add(AttributeLevels.of(frame, attribute));
        }
        Groups shape = of(levels, frame.source());
        int[] group = new int[frame.rowCount()];
        for (AttributeLevels level : levels) {
            int width = level.names().size();
            int[] c = level.codes();
            for (int i = 0; i < group.length; i++) {
                group[i] = group[i] * width + c[i];
            }
        }
        return new Groups(shape.columns, shape.values, group, shape.count, shape.notes);
    }

    /**
     * The groups of the attributes' levels without their rows ({@link #rowCount()} 0): for counts
     * made elsewhere, e.g. by a distributed engine, passed to {@link GroupCounts#of}. The group of a
     * row whose attributes have codes {@code c1, c2, ...} is {@code (c1 * width2 + c2) * width3 + ...}.
     *
     * @param source the data's name in messages; may be null
     * @throws InvalidInputException as {@link #of(Frame, List)}
     */
    public static Groups of(List<AttributeLevels> levels, String source) {
        if (levels.isEmpty()) {
            throw new InvalidInputException("No protected attribute is given: name the column(s) whose groups to compare, e.g. sex or race.");
        }
        List<String> columns = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long product = 1;
        for (AttributeLevels level : levels) {
            long[] sizes = level.sizes();
            long nonEmpty = java.util.Arrays.stream(sizes).filter(s -> s > 0).count();
            if (nonEmpty < 2) {
                throw new InvalidInputException("protected column '" + Excerpt.of(level.column()) + "'"
                        + (source == null ? "" : " of " + source) + " has "
                        + (nonEmpty == 0 ? "no rows" : "a single value ('" + Excerpt.of(level.names().get(firstNonEmpty(sizes)))
                        + "') in all " + level.rows() + " rows")
                        + ", so there are no groups to compare. Choose a column with at least two values, or check the data was not filtered to one group.");
            }
            if (!level.outOfRange().isEmpty()) {
                notes.add("bins of column '" + Excerpt.of(level.column()) + "' outside the range of its values are left out: "
                        + String.join(", ", level.outOfRange()) + ".");
            }
            if (level.missingRows() > 0) {
                notes.add("column '" + Excerpt.of(level.column()) + "' has " + level.missingRows()
                        + " missing value(s); they form the group 'missing'.");
            }
            product *= level.names().size();
            if (product > 1_000_000) {
                throw new InvalidInputException("the protected attributes " + columns + " and '" + level.column()
                        + "' make over a million intersections; group by fewer columns or bin numeric ones more coarsely.");
            }
            columns.add(level.column());
            values.add(level.names());
        }
        return new Groups(columns, values, new int[0], (int) product, notes);
    }

    /** Groups by the given columns, each by value or, for numbers with many values, by quartile. */
    public static Groups of(Frame frame, String... columns) {
        List<ProtectedAttribute> attributes = new ArrayList<>();
        for (String c : columns) {
            attributes.add(ProtectedAttribute.of(c));
        }
        return of(frame, attributes);
    }

    /**
     * Groups by the protected attributes the schema names, each by value or, for numbers with many
     * values, by quartile.
     *
     * @throws InvalidInputException if the schema names none, or as {@link #of(Frame, List)}
     */
    public static Groups of(Frame frame, Schema schema) {
        if (schema.protectedAttributes().isEmpty()) {
            throw new InvalidInputException("The schema names no protected attribute" + (frame.source() == null ? "" : " for "
                    + frame.source()) + ": give the column(s) whose groups to compare (the protected_attributes role).");
        }
        return of(frame, schema.protectedAttributes().toArray(new String[0]));
    }

    /** The protected columns, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The number of groups, empty intersections included. */
    public int groupCount() {
        return count;
    }

    /** The number of rows grouped. */
    public int rowCount() {
        return group.length;
    }

    /** The group of {@code row}. */
    public int group(int row) {
        return group[row];
    }

    /** The rows of each group, group by group (an empty array for an empty group). */
    public int[][] rows() {
        int[] sizes = new int[count];
        for (int g : group) {
            sizes[g]++;
        }
        int[][] rows = new int[count][];
        for (int g = 0; g < count; g++) {
            rows[g] = new int[sizes[g]];
        }
        int[] filled = new int[count];
        for (int i = 0; i < group.length; i++) {
            rows[group[i]][filled[group[i]]++] = i;
        }
        return rows;
    }

    /** The value of each protected column for {@code group}, in column order. */
    public List<String> values(int group) {
        String[] out = new String[columns.size()];
        int rest = group;
        for (int a = columns.size() - 1; a >= 0; a--) {
            int width = values.get(a).size();
            out[a] = values.get(a).get(rest % width);
            rest /= width;
        }
        return List.of(out);
    }

    /** The group as a person reads it: {@code sex=Female} or {@code sex=Female, race=Black}. */
    public String label(int group) {
        List<String> v = values(group);
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < v.size(); a++) {
            sb.append(a == 0 ? "" : ", ").append(columns.get(a)).append('=').append(v.get(a));
        }
        return sb.toString();
    }

    /**
     * The group with the given values, one per protected column, or its label.
     *
     * @throws InvalidInputException if no group has these values; the message lists the groups
     */
    public int find(String... valuesOrLabel) {
        return findAs("group", valuesOrLabel);
    }

    /** {@link #find(String...)}, the message calling the group {@code role}, e.g. "privileged group". */
    int findAs(String role, String... valuesOrLabel) {
        List<String> wanted = List.of(valuesOrLabel);
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            if (values(g).equals(wanted) || wanted.size() == 1 && label(g).equals(wanted.get(0))) {
                return g;
            }
            labels.add(columns.size() == 1 ? values(g).get(0) : label(g));
        }
        String given = String.join(", ", wanted);
        List<String> close = Suggestions.closest(given, labels, 3);
        throw new InvalidInputException("the " + role + " '" + Excerpt.of(given) + "' does not occur in protected column(s) "
                + columns + (close.isEmpty() ? "." : "; did you mean " + String.join(" or ", close.stream().map(s -> "'" + s + "'").toList()) + "?")
                + " The groups are: " + String.join(", ", labels.subList(0, Math.min(20, labels.size())))
                + (labels.size() > 20 ? ", ..." : "") + ".");
    }

    /** Why some groups look as they do, e.g. which column's missing values form a group; empty if nothing to say. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    private static int firstNonEmpty(long[] sizes) {
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] > 0) {
                return i;
            }
        }
        return 0;
    }
}
