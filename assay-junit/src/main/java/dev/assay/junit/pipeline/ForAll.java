package dev.assay.junit.pipeline;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import java.util.Random;

/**
 * Runs a {@link FrameProperty} on generated frames and, when it fails, shrinks the frame to a minimal
 * counterexample:
 * <pre>{@code
 * ForAll.frames(FrameGenerator.like(train)).seed(Seeds.of("scaler")).check(PipelineProperties.keepsFiniteValues(scaler));
 * }</pre>
 * The failure message gives the property, the try that failed, the seed (to replay it with {@code -Dassay.seed}),
 * the minimal frame as a table and the property's own message on it.
 */
public final class ForAll {
    /** The default number of frames tried. */
    public static final int DEFAULT_TRIES = 100;
    /** The most candidate frames the shrinker tries. */
    private static final int SHRINK_BUDGET = 5000;
    /** The most rows a counterexample shows. */
    private static final int SHOWN_ROWS = 20;

    private final FrameGenerator generator;
    private final int tries;
    private final long seed;

    private ForAll(FrameGenerator generator, int tries, long seed) {
        this.generator = generator;
        this.tries = tries;
        this.seed = seed;
    }

    /** Properties over frames from {@code generator}, 100 tries, the seed {@code Seeds.of("ForAll")}. */
    public static ForAll frames(FrameGenerator generator) {
        return new ForAll(generator, DEFAULT_TRIES, Seeds.of("ForAll"));
    }

    /** The number of frames tried. */
    public ForAll tries(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("tries(" + count + "): try at least one frame.");
        }
        return new ForAll(generator, count, seed);
    }

    /** The seed of the generator; {@link Seeds#of} gives one per test. */
    public ForAll seed(long value) {
        return new ForAll(generator, tries, value);
    }

    /**
     * Checks {@code property} on every generated frame.
     *
     * @throws AssertionError on the first failure, with the minimal counterexample and the seed
     */
    public void check(NamedProperty property) {
        Random random = new Random(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            Frame input = generator.generate(random);
            Throwable failure = failure(property, input);
            if (failure != null) {
                Shrinker shrinker = new Shrinker(f -> failure(property, f) != null, SHRINK_BUDGET);
                Frame minimal = shrinker.shrink(input);
                Throwable last = failure(property, minimal);
                AssertionError error = new AssertionError("Property '" + property.name() + "' failed on try " + attempt
                        + " of " + tries + " (seed " + seed + "; replay with -D" + Seeds.PROPERTY + "=" + seed + ").\n"
                        + "Minimal counterexample (" + minimal.rowCount() + " of " + input.rowCount() + " rows, "
                        + shrinker.steps() + " shrink steps):\n" + table(minimal) + describe(last), last);
                throw error;
            }
        }
    }

    /** Checks {@code property}, named {@code name} in the failure message. */
    public void check(String name, FrameProperty property) {
        check(NamedProperty.of(name, property));
    }

    private static Throwable failure(FrameProperty property, Frame input) {
        try {
            property.verify(input);
            return null;
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The frame as a text table, one row a line, cells separated by {@code " | "}. */
    static String table(Frame frame) {
        StringBuilder sb = new StringBuilder("  ").append(String.join(" | ", frame.columnNames())).append('\n');
        for (int row = 0; row < Math.min(frame.rowCount(), SHOWN_ROWS); row++) {
            sb.append("  ");
            for (int c = 0; c < frame.columnCount(); c++) {
                Column column = frame.columns().get(c);
                sb.append(c == 0 ? "" : " | ").append(column.isMissing(row) ? "NA" : column.format(row));
            }
            sb.append('\n');
        }
        if (frame.rowCount() > SHOWN_ROWS) {
            sb.append("  ... ").append(frame.rowCount() - SHOWN_ROWS).append(" more rows\n");
        }
        return sb.toString();
    }
}
