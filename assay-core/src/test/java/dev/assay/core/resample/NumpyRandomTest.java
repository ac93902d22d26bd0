package dev.assay.core.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.uncertainty.Golden;
import org.junit.jupiter.api.Test;

/** Draw for draw against numpy.random.RandomState 1.24.2 (scripts/golden/resample_golden.py). */
class NumpyRandomTest {

    @Test
    void everyDrawEqualsNumpy() {
        JsonNode cases = Golden.read("resample/numpy_random.json").get("cases");
        assertThat(cases.size()).isEqualTo(5);
        for (JsonNode c : cases) {
            NumpyRandom r = new NumpyRandom(c.get("seed").asLong());
            for (JsonNode op : c.get("ops")) {
                String kind = op.get(0).asText();
                JsonNode expected = op.get(2);
                for (int i = 0; i < expected.size(); i++) {
                    String where = "seed " + c.get("seed") + " " + kind + " " + op.get(1) + " draw " + i;
                    switch (kind) {
                        case "double" -> assertThat(r.nextDouble()).as(where).isEqualTo(expected.get(i).asDouble());
                        case "uniform_half" -> assertThat(r.uniform(0, 0.5)).as(where).isEqualTo(expected.get(i).asDouble());
                        case "randint" -> assertThat(r.randint(op.get(1).asLong()) & 0xFFFFFFFFL).as(where)
                                .isEqualTo(expected.get(i).asLong());
                        default -> {
                        }
                    }
                }
                if (kind.equals("permutation")) {
                    assertThat(r.permutation(op.get(1).asInt())).containsExactly(Golden.ints(expected));
                }
                if (kind.equals("choice_no_replace")) {
                    int[] perm = r.permutation(op.get(1).asInt());
                    assertThat(java.util.Arrays.copyOf(perm, expected.size())).containsExactly(Golden.ints(expected));
                }
            }
        }
    }

    @Test
    void seedsOutsideNumpysRangeAreRefused() {
        assertThatThrownBy(() -> new NumpyRandom(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumpyRandom(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
