package dev.assay.cli;

import dev.assay.core.load.BatchSweep;
import dev.assay.core.load.LoadResult;
import dev.assay.core.load.MaxRateSearch;
import dev.assay.core.load.StressTest;
import java.util.List;
import java.util.Map;

/** How {@code assay load} writes the outcome of each of its modes: as text, JSON or the HTML report. */
interface LoadWriter {
    /** A single run and one verdict line per objective. */
    String run(LoadResult r, LoadObjectives objectives);

    /** The steps of a {@code --profile}, met when every step meets the objectives. */
    String profile(String spec, List<LoadResult> steps, boolean met);

    /** A {@code --find-max} search. */
    String search(MaxRateSearch.Outcome o, LoadObjectives objectives, double maxErrorRate);

    /** A {@code --stress} run. */
    String stress(StressTest.Outcome o);

    /** A batch-size and worker sweep. */
    String sweep(BatchSweep.Outcome o, LoadObjectives objectives);

    /** The writer of a {@code --format} value: text, json or html. */
    static LoadWriter of(String format, String target, Map<String, String> settings) {
        switch (format) {
            case "json":
                return new LoadJson();
            case "html":
                return new LoadReport(target, settings);
            default:
                return new LoadText();
        }
    }
}
