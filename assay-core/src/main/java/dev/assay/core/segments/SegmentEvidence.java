package dev.assay.core.segments;

import dev.assay.core.result.EvidenceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table and sentences of a {@link SegmentReport}: data for reports, no formatting. */
public final class SegmentEvidence {
    private SegmentEvidence() {
    }

    /** One row per reported segment, worst impact first. */
    public static EvidenceTable table(SegmentReport report) {
        SegmentMetric m = report.settings().metric();
        List<List<Object>> rows = new ArrayList<>();
        for (WeakSegment s : report.segments()) {
            SliceTest t = s.test();
            rows.add(List.of(s.description(), s.rows(), t.positives(), t.metric(), t.restMetric(), t.difference(),
                    s.interval().lower(), s.interval().upper(), t.pValue(), t.adjustedP(), s.impact()));
        }
        return new EvidenceTable("Weak segments by " + m.id() + " (worst impact first; impact = shortfall x the slice's share of the"
                + " " + m.denominator() + "; 95% Wilson interval of the slice's " + m.id() + ")",
                List.of("segment", "rows", "positives", m.id(), "rest", "difference", "ci lower", "ci upper", "p-value",
                        "adjusted p", "impact"), rows);
    }

    /** How the search went: what was tried, how, and what was left out. */
    public static String describe(SegmentReport r, String positiveClass) {
        SegmentMetric m = r.settings().metric();
        return String.format(Locale.ROOT, "Positive class '%s'. %d slices of %d column%s%s tried (at least %d %s each;"
                + " %d smaller and %d with the same rows as an earlier one not tried); each against the other rows with a"
                + " one-sided Fisher exact test, Benjamini-Hochberg FDR %s over all %d; %d significant, %d reported.",
                positiveClass, r.tried(), r.columns().size(), r.columns().size() == 1 ? "" : "s",
                r.settings().pairs() ? " and their pairs" : "", r.settings().minSize(), m.denominator(), r.tooSmall(),
                r.duplicates(), r.settings().fdr(), r.tried(), r.significant(), r.segments().size());
    }

    /** E.g. {@code education = HS-grad: accuracy 0.512 against 0.871 (n=10501, adjusted p 3.1e-120)}. */
    public static String headline(WeakSegment s, SegmentMetric m) {
        return String.format(Locale.ROOT, "%s: %s %.3f against %.3f on the rest (%d rows, adjusted p %.2g).", s.description(),
                m.id(), s.test().metric(), s.test().restMetric(), s.rows(), s.test().adjustedP());
    }
}
