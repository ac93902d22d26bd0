package dev.assay.core.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sequence of open-loop steps at constant rates: {@code step:R1,R2,.../D} runs each rate for D;
 * {@code ramp:A..B/D} runs 10 equal steps from A to B (A + (B - A) i / 9) sharing D.
 */
public record RateProfile(String spec, List<Step> steps) {
    private static final Pattern STEP = Pattern.compile("step:([0-9.]+(?:,[0-9.]+)*)/(\\S+)");
    private static final Pattern RAMP = Pattern.compile("ramp:([0-9.]+)\\.\\.([0-9.]+)/(\\S+)");
    /** The number of steps of a ramp. */
    public static final int RAMP_STEPS = 10;
    /** What a profile looks like, for messages. */
    public static final String FORMAT = "step:100,200,400/10s (each rate for 10s) or ramp:100..1000/30s (10 steps over 30s)";

    /** One rate for one duration. */
    public record Step(double rate, Duration duration) {
    }

    public RateProfile {
        steps = List.copyOf(steps);
    }

    /** @throws IllegalArgumentException when {@code text} is not a profile or a rate or duration is out of range */
    public static RateProfile parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<Step> steps = new ArrayList<>();
        Matcher s = STEP.matcher(t);
        Matcher r = RAMP.matcher(t);
        if (s.matches()) {
            Duration each = LoadDurations.parse(s.group(2));
            for (String rate : s.group(1).split(",")) {
                steps.add(new Step(rate(rate), each));
            }
        } else if (r.matches()) {
            double from = rate(r.group(1));
            double to = rate(r.group(2));
            Duration each = LoadDurations.parse(r.group(3)).dividedBy(RAMP_STEPS);
            for (int i = 0; i < RAMP_STEPS; i++) {
                steps.add(new Step(from + (to - from) * i / (RAMP_STEPS - 1), each));
            }
        } else {
            throw new IllegalArgumentException("not a profile: '" + text + "'; give " + FORMAT);
        }
        if (steps.size() > 100 || steps.stream().anyMatch(x -> x.duration().isZero())) {
            throw new IllegalArgumentException("a profile has 1 to 100 steps of positive duration; give " + FORMAT);
        }
        return new RateProfile(t, steps);
    }

    private static double rate(String text) {
        double r;
        try {
            r = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a rate: '" + text + "'; give " + FORMAT, e);
        }
        if (!(r > 0 && r <= 1e6)) {
            throw new IllegalArgumentException("a rate must be above 0 and at most 1000000, got " + text);
        }
        return r;
    }
}
