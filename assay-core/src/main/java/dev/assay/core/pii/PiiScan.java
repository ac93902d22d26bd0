package dev.assay.core.pii;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.progress.Progress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans columns for personal data with the {@link Recognizers}: a value holds an entity when one of the entity's
 * matches in it scores at least the threshold (default 0.4, the score of a phone number without context) after
 * {@link ColumnContext} enhancement by the column name. Dates count only in columns named like dates of birth.
 * Each distinct value is analysed once.
 */
public final class PiiScan {
    /** The default threshold on Presidio's score scale. */
    public static final double DEFAULT_THRESHOLD = 0.4;
    private static final int EXAMPLES = 3;

    private final List<Recognizer> recognizers;
    private final double threshold;

    /** A scan with the predefined recognizers. */
    public PiiScan(double threshold) {
        this(Recognizers.all(), threshold);
    }

    /** A scan with the given recognizers, reporting entities that score at least {@code threshold} in (0, 1]. */
    public PiiScan(List<Recognizer> recognizers, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new InvalidInputException("The PII score threshold must be in (0, 1], found " + threshold + ".");
        }
        this.recognizers = List.copyOf(recognizers);
        this.threshold = threshold;
    }

    /** The findings of every named column of {@code frame}, in the order given. */
    public List<ColumnFindings> scan(Frame frame, List<String> columns, Progress progress) {
        if (frame.rowCount() == 0) {
            throw new InvalidInputException(frame.source() + " has no rows: there is nothing to scan for personal data.");
        }
        List<ColumnFindings> out = new ArrayList<>();
        progress.begin("Scanning columns for personal data", columns.size());
        for (String name : columns) {
            out.add(column(frame.column(name, "scanned column")));
            progress.advance(name);
        }
        progress.end();
        return out;
    }

    /** The findings of one column. */
    public ColumnFindings column(Column column) {
        ColumnContext context = ColumnContext.of(column.name());
        Map<String, Map<PiiEntity, List<PiiMatch>>> cache = new HashMap<>();
        Map<PiiEntity, Integer> counts = new EnumMap<>(PiiEntity.class);
        Map<PiiEntity, List<String>> examples = new EnumMap<>(PiiEntity.class);
        int values = 0;
        int withPii = 0;
        if (column instanceof CategoricalColumn) {
            CategoricalColumn c = (CategoricalColumn) column;
            long[] levelCounts = c.levelCounts();
            for (int l = 0; l < levelCounts.length; l++) {
                values += (int) levelCounts[l];
                if (levelCounts[l] > 0) {
                    Map<PiiEntity, List<PiiMatch>> found = analyse(c.levels().get(l), context);
                    record(c.levels().get(l), (int) levelCounts[l], found, counts, examples);
                    withPii += found.isEmpty() ? 0 : (int) levelCounts[l];
                }
            }
        } else {
            for (int i = 0; i < column.size(); i++) {
                String v = column.format(i);
                if (v == null) {
                    continue;
                }
                values++;
                Map<PiiEntity, List<PiiMatch>> found = cache.computeIfAbsent(v, x -> analyse(x, context));
                record(v, 1, found, counts, examples);
                withPii += found.isEmpty() ? 0 : 1;
            }
        }
        return new ColumnFindings(column.name(), values, withPii, counts, examples);
    }

    /** The entities {@code value} holds, each with its matches at or above the threshold. */
    Map<PiiEntity, List<PiiMatch>> analyse(String value, ColumnContext context) {
        Map<PiiEntity, List<PiiMatch>> out = new LinkedHashMap<>();
        for (Recognizer r : recognizers) {
            if ((r.entity() == PiiEntity.DATE_TIME && !context.birth()) || !r.mayHold(value)) {
                continue;
            }
            boolean boost = context.mentions(r.context());
            List<PiiMatch> kept = new ArrayList<>();
            for (PiiMatch m : r.analyze(value)) {
                PiiMatch scored = boost ? m.withScore(ColumnContext.enhance(m.score())) : m;
                if (scored.score() >= threshold) {
                    kept.add(scored);
                }
            }
            if (!kept.isEmpty()) {
                out.put(r.entity(), kept);
            }
        }
        return out;
    }

    private static void record(String value, int times, Map<PiiEntity, List<PiiMatch>> found, Map<PiiEntity, Integer> counts,
            Map<PiiEntity, List<String>> examples) {
        found.forEach((entity, matches) -> {
            counts.merge(entity, times, Integer::sum);
            List<String> shown = examples.computeIfAbsent(entity, e -> new ArrayList<>());
            String masked = Masking.mask(value, matches);
            if (shown.size() < EXAMPLES && !shown.contains(masked)) {
                shown.add(masked);
            }
        });
    }
}
