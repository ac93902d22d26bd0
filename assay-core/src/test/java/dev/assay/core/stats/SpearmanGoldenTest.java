package dev.assay.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.uncertainty.Golden;
import org.junit.jupiter.api.Test;

/** {@link Spearman} against SciPy 1.10.1 (scripts/golden/spearman_golden.py) on German credit and small cases. */
class SpearmanGoldenTest {
    private static final JsonNode GOLDEN = Golden.read("stats/spearman.json");

    private static double[] array(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    @Test
    void correlationAndRanksMatchScipy() {
        assertThat(GOLDEN.get("cases")).hasSize(8);
        for (JsonNode c : GOLDEN.get("cases")) {
            double[] x = array(c.get("x"));
            double r = Spearman.correlation(x, array(c.get("y")));
            if (c.get("correlation").isNull()) {
                assertThat(r).as(c.get("name").asText()).isNaN();
            } else {
                assertThat(r).as(c.get("name").asText()).isCloseTo(c.get("correlation").asDouble(), within(1e-12));
            }
            assertThat(Spearman.ranks(x)).as(c.get("name").asText()).containsExactly(array(c.get("ranks_x")), within(1e-12));
        }
    }

    @Test
    void edgeCases() {
        assertThat(Spearman.correlation(new double[] {1}, new double[] {2})).isNaN();
        assertThat(Spearman.correlation(new double[0], new double[0])).isNaN();
        assertThatThrownBy(() -> Spearman.correlation(new double[] {1, 2}, new double[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spearman.ranks(new double[] {1, Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    }
}
