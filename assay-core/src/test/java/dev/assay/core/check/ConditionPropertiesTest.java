package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.core.check.Subject.Aggregate;
import dev.assay.core.check.Subject.Every;
import dev.assay.core.check.Subject.Function;
import dev.assay.core.check.Subject.One;
import dev.assay.core.check.Threshold.Arithmetic;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.ConditionOutcome.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the condition grammar over many generated conditions (a fixed seed, so failures
 * repeat): the canonical text parses back to an equal condition, spacing does not matter, and any
 * text either parses or fails with a readable message whose suggestion is itself valid.
 */
class ConditionPropertiesTest {
    private static final String[] NAMES = {"recall", "f0.5", "roc_auc", "psi", "x", "ndcg@10", "a:b-c", "min", "count"};
    private static final String[] KEYS = {"sex=female", "age", "class=setosa", "age=(30, 40]", "race=Asian Pac", "x=[1, 2)",
            "income=>50K", "é=ü", "a.b", "k=v w"};
    private static final double[] NUMBERS = {0, 0.8, 1, 2, 40, -2.5, 0.02, 1e-9, 1.5e20, 123456.789, 0.1 + 0.2, Math.PI};

    private final Random random = new Random(20_240_611);

    @Test
    void canonicalTextParsesBackToAnEqualCondition() {
        for (int i = 0; i < 5_000; i++) {
            Condition c = randomCondition();
            Condition back = Condition.parse(c.text(), c.severity());
            assertThat(back).as(c.text()).isEqualTo(c);
            assertThat(back.text()).isEqualTo(c.text());
        }
    }

    @Test
    void spacingBetweenThePartsDoesNotMatter() {
        for (int i = 0; i < 2_000; i++) {
            Condition c = randomCondition();
            String spaced = spaced(c);
            assertThat(Condition.parse(spaced, c.severity())).as(spaced).isEqualTo(c);
        }
    }

    @Test
    void anyTextParsesOrFailsWithAValidSuggestion() {
        String alphabet = "ab[]().*<>=!-+ 0123456789,%_e";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(randomCondition().text());
            for (int edits = 1 + random.nextInt(3); edits > 0 && text.length() > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertParsesOrSuggestsAValidCondition(text.toString());
        }
    }

    private static void assertParsesOrSuggestsAValidCondition(String text) {
        Throwable t = catchThrowable(() -> {
            Condition c = Condition.parse(text, Severity.FAIL);
            assertThat(Condition.parse(c.text(), Severity.FAIL)).as(text).isEqualTo(c);
        });
        if (t == null) {
            return;
        }
        assertThat(t).as(text).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Cannot read the condition '");
        String message = t.getMessage();
        int did = message.lastIndexOf("Did you mean '");
        if (did >= 0) {
            assertThat(message).as(text).endsWith("'?");
            String suggestion = message.substring(did + "Did you mean '".length(), message.length() - 2);
            assertThat(Condition.parse(suggestion, Severity.FAIL).text()).as(text).isEqualTo(suggestion);
        } else {
            assertThat(message).as(text).endsWith("or 'max(psi[*]) < 0.2'.");
        }
    }

    private Condition randomCondition() {
        Bound bound = pick(Bound.values());
        String name = pick(NAMES);
        Subject subject = switch (random.nextInt(4)) {
            case 0 -> new One(name, null, bound);
            case 1 -> new One(name, pick(KEYS), bound);
            case 2 -> new Every(name, bound);
            default -> {
                Function f = pick(Function.values());
                Criterion filter = f == Function.COUNT && random.nextBoolean() ? new Criterion(pick(Comparison.values()), threshold(true))
                        : null;
                yield new Aggregate(f, name, bound, filter);
            }
        };
        boolean count = subject instanceof Aggregate a && a.function() == Function.COUNT;
        return new Condition(subject, new Criterion(pick(Comparison.values()), threshold(!count)), pick(Severity.values()));
    }

    private Threshold threshold(boolean mayBeRelative) {
        double number = random.nextBoolean() ? pick(NUMBERS) : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 6);
        if (!mayBeRelative || random.nextBoolean()) {
            return new Threshold.Fixed(number);
        }
        Arithmetic a = pick(Arithmetic.values());
        return new Threshold.Relative(a, a == Arithmetic.NONE ? 0 : number);
    }

    /** The condition written with random spaces wherever the grammar allows them. */
    private String spaced(Condition c) {
        List<String> parts = new ArrayList<>();
        Subject s = c.subject();
        if (s instanceof Aggregate a) {
            parts.add(a.function().id());
            parts.add("(");
        }
        parts.add(s.name());
        if (s instanceof One one && one.key() != null) {
            parts.add("[" + space() + one.key() + space() + "]");
        } else if (!(s instanceof One)) {
            parts.add("[" + space() + "*" + space() + "]");
        }
        String bound = s.bound().suffix();
        if (s instanceof Aggregate a) {
            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + bound);
            if (a.filter() != null) {
                parts.addAll(criterion(a.filter()));
            }
            parts.add(")");
        } else {
            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + bound);
        }
        parts.addAll(criterion(c.criterion()));
        StringBuilder sb = new StringBuilder(space());
        for (String p : parts) {
            sb.append(p).append(space());
        }
        return sb.toString();
    }

    private List<String> criterion(Criterion c) {
        List<String> parts = new ArrayList<>(List.of(c.comparison().symbol()));
        if (c.threshold() instanceof Threshold.Relative r) {
            parts.add("reference");
            if (r.arithmetic() != Arithmetic.NONE) {
                parts.add(r.arithmetic().symbol());
                parts.add(Numbers.exact(r.amount()));
            }
        } else {
            parts.add(c.threshold().text());
        }
        return parts;
    }

    private String space() {
        return " ".repeat(random.nextInt(3));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private double pick(double[] values) {
        return values[random.nextInt(values.length)];
    }
}
