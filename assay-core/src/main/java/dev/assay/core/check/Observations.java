package dev.assay.core.check;

import dev.assay.core.chart.Chart;
import dev.assay.core.result.ConfusionCounts;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;

/** What a {@link MeasuringCheck} measured: values, evidence and notes, collected while measuring. */
public final class Observations {
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<EvidenceTable> tables = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String summary;
    private ConfusionCounts confusionMatrix;

    public Observations measurement(Measurement m) {
        measurements.add(m);
        return this;
    }

    public Observations table(EvidenceTable t) {
        tables.add(t);
        return this;
    }

    public Observations chart(Chart c) {
        charts.add(c);
        return this;
    }

    /** A fact the reader should know, e.g. which class was taken as positive. Duplicates are dropped. */
    public Observations note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
        return this;
    }

    /** The confusion matrix as data, for machine-readable reports. */
    public Observations confusionMatrix(ConfusionCounts counts) {
        this.confusionMatrix = counts;
        return this;
    }

    /** A one-line summary shown next to the verdict. */
    public Observations summary(String text) {
        this.summary = text;
        return this;
    }

    public List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    public List<EvidenceTable> tables() {
        return List.copyOf(tables);
    }

    public List<Chart> charts() {
        return List.copyOf(charts);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public String summary() {
        return summary;
    }

    /** The confusion matrix, or null. */
    public ConfusionCounts confusionMatrix() {
        return confusionMatrix;
    }
}
