package dev.assay.core.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognizer made of regular expressions, each with a score, as Presidio's {@code PatternRecognizer}: every
 * match starts at its pattern's score; {@link #validate} returning true raises it to 1.0 and false drops it;
 * {@link #invalidate} returning true drops it; duplicates are then removed.
 */
abstract class PatternRecognizer implements Recognizer {
    /** Presidio's default regex flags: DOTALL, MULTILINE and IGNORECASE. */
    static final int FLAGS = Pattern.DOTALL | Pattern.MULTILINE | Pattern.CASE_INSENSITIVE;

    /** A named regular expression and the score of its matches. */
    record Scored(String name, Pattern regex, double score) {
        static Scored of(String name, String regex, double score) {
            return new Scored(name, Pattern.compile(regex, FLAGS), score);
        }
    }

    private final PiiEntity entity;
    private final List<Scored> patterns;
    private final List<String> context;

    PatternRecognizer(PiiEntity entity, List<Scored> patterns, List<String> context) {
        this.entity = entity;
        this.patterns = List.copyOf(patterns);
        this.context = List.copyOf(context);
    }

    @Override
    public final PiiEntity entity() {
        return entity;
    }

    @Override
    public final List<String> context() {
        return context;
    }

    @Override
    public List<PiiMatch> analyze(String text) {
        List<PiiMatch> found = new ArrayList<>();
        for (Scored p : patterns) {
            Matcher m = p.regex().matcher(text);
            while (m.find()) {
                if (m.start() == m.end()) {
                    continue;
                }
                String match = text.substring(m.start(), m.end());
                double score = p.score();
                Boolean valid = validate(match);
                if (valid != null) {
                    score = valid ? 1.0 : 0.0;
                }
                if (invalidate(match)) {
                    score = 0.0;
                }
                if (score > 0) {
                    found.add(new PiiMatch(entity, m.start(), m.end(), score));
                }
            }
        }
        return Recognizer.withoutDuplicates(found);
    }

    /** True raises a match to 1.0, false drops it, null leaves the pattern's score. */
    Boolean validate(String match) {
        return null;
    }

    /** True drops a match. */
    boolean invalidate(String match) {
        return false;
    }
}
