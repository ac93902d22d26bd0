package dev.assay.core.privacy.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.uncertainty.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attack results on real models' probabilities (German credit, a fully grown random forest and a logistic
 * regression, training vs held-out rows) against scikit-learn and statsmodels on the same rows
 * ({@code scripts/golden/privacy_golden.py}).
 */
class GoldenMembershipTest {
    private static final double[] TARGETS = {0.01, 0.001};

    @Test
    void attacksMatchScikitLearnOnRealModels() {
        JsonNode cases = Golden.read("privacy/membership.json").get("cases");
        assertThat(cases.size()).isEqualTo(2);
        for (JsonNode c : cases) {
            Fixture f = Fixture.read("/golden/privacy/" + c.get("fixture").asText());
            double delta = c.get("delta").asDouble();
            for (MembershipSignal signal : MembershipSignal.values()) {
                JsonNode expected = c.get("attacks").get(signal.id());
                double[] scores = f.scores(signal);
                double[] head = Golden.doubles(expected.get("scores_head"));
                for (int i = 0; i < head.length; i++) {
                    assertThat(scores[i]).isCloseTo(head[i], within(1e-12 * Math.max(1, Math.abs(head[i]))));
                }
                AttackResult r = ThresholdAttack.evaluate(signal, f.side(scores, true), f.side(scores, false), TARGETS, delta, 0.95);
                String what = c.get("fixture").asText() + " " + signal.id();
                assertThat(r.members()).as(what).isEqualTo(expected.get("members").asInt());
                assertThat(r.auc()).as(what).isCloseTo(expected.get("auc").asDouble(), within(1e-12));
                assertThat(r.advantage()).as(what).isCloseTo(expected.get("advantage").asDouble(), within(1e-12));
                for (TprAtFpr t : r.tprAtFpr()) {
                    JsonNode e = expected.get("tpr_at_fpr").get(Double.toString(t.target()));
                    assertThat(t.value()).as(what).isCloseTo(e.get("value").asDouble(), within(1e-12));
                    assertThat(t.fpr()).as(what).isCloseTo(e.get("fpr").asDouble(), within(1e-12));
                    assertThat(t.ciLow()).as(what).isCloseTo(e.get("ci_low").asDouble(), within(1e-9));
                    assertThat(t.ciHigh()).as(what).isCloseTo(e.get("ci_high").asDouble(), within(1e-9));
                }
                assertThat(r.epsilonLowerBound()).as(what).isCloseTo(expected.get("epsilon_lower_bound").asDouble(), within(1e-9));
            }
        }
    }

    @Test
    void theOverfitModelLeaksMoreThanTheSmallOne() {
        Fixture forest = Fixture.read("/golden/privacy/membership_deep_forest.csv");
        Fixture logistic = Fixture.read("/golden/privacy/membership_logistic.csv");
        double[] fs = forest.scores(MembershipSignal.LOSS);
        double[] ls = logistic.scores(MembershipSignal.LOSS);
        AttackResult f = ThresholdAttack.evaluate(MembershipSignal.LOSS, forest.side(fs, true), forest.side(fs, false), TARGETS, 0, 0.95);
        AttackResult l = ThresholdAttack.evaluate(MembershipSignal.LOSS, logistic.side(ls, true), logistic.side(ls, false), TARGETS, 0,
                0.95);
        assertThat(f.auc()).isGreaterThan(0.7);
        assertThat(l.auc()).isLessThan(0.56);
        assertThat(f.advantage()).isGreaterThan(3 * l.advantage());
        assertThat(f.epsilonLowerBound()).isGreaterThan(2).isGreaterThan(10 * l.epsilonLowerBound());
    }

    /** The rows of a membership fixture: member flag, true class index and class probabilities. */
    record Fixture(boolean[] member, int[] label, double[][] probabilities) {

        static Fixture read(String resource) {
            List<String> lines;
            try (InputStream in = GoldenMembershipTest.class.getResourceAsStream(resource)) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            boolean[] member = new boolean[lines.size()];
            int[] label = new int[lines.size()];
            double[][] p = new double[lines.size()][];
            for (int i = 0; i < member.length; i++) {
                String[] cells = lines.get(i).split(",");
                member[i] = cells[0].equals("1");
                label[i] = Integer.parseInt(cells[1]);
                p[i] = new double[cells.length - 2];
                for (int c = 2; c < cells.length; c++) {
                    p[i][c - 2] = Double.parseDouble(cells[c]);
                }
            }
            return new Fixture(member, label, p);
        }

        double[] scores(MembershipSignal signal) {
            double[] out = new double[member.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = signal.score(probabilities[i], 0, probabilities[i].length, label[i]);
            }
            return out;
        }

        double[] side(double[] scores, boolean members) {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                if (member[i] == members) {
                    out.add(scores[i]);
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
