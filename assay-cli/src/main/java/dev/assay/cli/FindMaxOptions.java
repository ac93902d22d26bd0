package dev.assay.cli;

import dev.assay.core.load.MaxRateSearch;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code assay load --find-max}: the bounds of the search for the highest sustained rate. */
final class FindMaxOptions {
    /** How close the highest sustained and the lowest unsustained rate get before the search stops. */
    static final double TOLERANCE = 0.05;

    @Option(names = "--find-max", description = "Find the highest open-loop rate that meets every --slo and --max-error-rate: "
            + "start at --rate, double until broken, then bisect to within 5%. Each step runs --warmup then --duration.")
    boolean enabled;

    @Option(names = "--max-rate", paramLabel = "R", defaultValue = "100000",
            description = "With --find-max: the highest rate tried (default: ${DEFAULT-VALUE}).")
    double maxRate;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "12",
            description = "With --find-max: runs at most (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--max-error-rate", paramLabel = "X", defaultValue = "0.001",
            description = "With --find-max: the largest share of failed or dropped requests (default: ${DEFAULT-VALUE}).")
    double maxErrorRate;

    @Option(names = "--time-budget", paramLabel = "D", defaultValue = "10m",
            description = "With --find-max: no step starts that could end after this (default: ${DEFAULT-VALUE}).")
    String budget;

    /** The search from {@code startRps}, its options checked. */
    MaxRateSearch search(double startRps) {
        if (!(maxRate >= startRps && maxRate <= 1e6)) {
            throw Options.invalid("--max-rate", String.valueOf(maxRate), List.of("at least --rate (" + startRps + "), at most 1000000"));
        }
        if (maxSteps < 1 || maxSteps > 100) {
            throw Options.invalid("--max-steps", String.valueOf(maxSteps), List.of("1 to 100"));
        }
        if (!(maxErrorRate >= 0 && maxErrorRate < 1)) {
            throw Options.invalid("--max-error-rate", String.valueOf(maxErrorRate), List.of("0 or more and below 1, e.g. 0.001"));
        }
        Duration time = LoadCommand.duration("--time-budget", budget);
        if (time.isZero()) {
            throw Options.invalid("--time-budget", budget, List.of("a positive duration such as 90s, 10m"));
        }
        return new MaxRateSearch(startRps, maxRate, maxSteps, TOLERANCE, time);
    }
}
