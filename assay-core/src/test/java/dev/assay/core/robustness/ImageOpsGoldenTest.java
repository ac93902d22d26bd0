package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.uncertainty.Golden;
import org.junit.jupiter.api.Test;

/**
 * Blur and rotation against SciPy's {@code ndimage.gaussian_filter} and {@code ndimage.rotate} on real digit images
 * ({@code image_ops.json}, {@code scripts/golden/image_golden.py}).
 */
class ImageOpsGoldenTest {

    @Test
    void blurMatchesScipyGaussianFilter() {
        int checked = 0;
        for (JsonNode c : Golden.read("image_ops.json").get("cases")) {
            double[] plane = doubles(c.get("plane"));
            for (JsonNode b : c.get("blur")) {
                double[] out = ImageOps.blur(plane, c.get("height").asInt(), c.get("width").asInt(), b.get("sigma").asDouble());
                assertThat(out).containsExactly(doubles(b.get("out")), within(1e-12));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);
    }

    @Test
    void rotationMatchesScipyRotate() {
        int checked = 0;
        for (JsonNode c : Golden.read("image_ops.json").get("cases")) {
            double[] plane = doubles(c.get("plane"));
            for (JsonNode r : c.get("rotate")) {
                double[] out = ImageOps.rotate(plane, c.get("height").asInt(), c.get("width").asInt(), r.get("degrees").asDouble(),
                        r.get("fill").asDouble());
                assertThat(out).as("%s degrees, fill %s", r.get("degrees"), r.get("fill"))
                        .containsExactly(doubles(r.get("out")), within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(24);
    }

    @Test
    void reflectionMirrorsAboutTheEdge() {
        assertThat(new int[] {ImageOps.reflect(-1, 4), ImageOps.reflect(-2, 4), ImageOps.reflect(4, 4), ImageOps.reflect(9, 4)})
                .containsExactly(0, 1, 3, 1);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
