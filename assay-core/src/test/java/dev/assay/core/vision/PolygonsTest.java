package dev.assay.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Polygon rasterisation against hand-worked areas and against RLE written by pycocotools' own
 * {@code rleFrPoly} and {@code rleMerge} (common/maskApi.c lines 162-202 and 49-70), compiled by
 * scripts/golden/coco_polygon_golden.py.
 */
class PolygonsTest {

    @Test
    void axisAlignedRectangleCoversItsPixels() {
        // lines 182-191: columns x = 0..9 have their centres inside [0, 10]; rows from ceil(0) to 5 exclusive
        RleMask m = Polygons.rasterise(new double[] {0, 0, 10, 0, 10, 5, 0, 5}, 20, 20);
        assertThat(m.area()).isEqualTo(50);
        // each of the 10 columns: 5 pixels in, 15 out (column-major, 20 rows)
        assertThat(m.toCompressed()).isEqualTo(new RleMask(20, 20, new long[] {0, 5, 15, 5, 15, 5, 15, 5, 15, 5, 15, 5, 15, 5,
                15, 5, 15, 5, 15, 5, 215}).toCompressed());
    }

    @Test
    void rightTriangleLosesTheDiagonal() {
        // column c (0..9) is inside for rows 0 .. 9 - c: the hypotenuse y = 10 - x is not filled, 9 + 8 + ... + 0 = 45
        assertThat(Polygons.rasterise(new double[] {0, 0, 10, 0, 0, 10}, 12, 12).area()).isEqualTo(45);
    }

    @Test
    void partsOfOneObjectAreUnited() {
        // 4 x 4 + 3 x 3 apart; overlapping 6 x 6 twice sharing 3 x 3: 36 + 36 - 9
        assertThat(Polygons.toMask(List.of(new double[] {0, 0, 4, 0, 4, 4, 0, 4}, new double[] {6, 6, 9, 6, 9, 9, 6, 9}), 10, 10)
                .area()).isEqualTo(25);
        assertThat(Polygons.toMask(List.of(new double[] {0, 0, 6, 0, 6, 6, 0, 6}, new double[] {3, 3, 9, 3, 9, 9, 3, 9}), 10, 10)
                .area()).isEqualTo(63);
    }

    @Test
    void matchesMaskApiOnEveryGoldenCase() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/golden/coco_polygons.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        assertThat(cases.size()).isEqualTo(8);
        for (JsonNode c : cases) {
            List<double[]> polygons = new ArrayList<>();
            for (JsonNode p : c.get("polygons")) {
                double[] xy = new double[p.size()];
                for (int i = 0; i < xy.length; i++) {
                    xy[i] = p.get(i).asDouble();
                }
                polygons.add(xy);
            }
            long[] counts = new long[c.get("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = c.get("counts").get(i).asLong();
            }
            RleMask expected = new RleMask(c.get("h").asInt(), c.get("w").asInt(), counts);
            RleMask actual = Polygons.toMask(polygons, c.get("h").asInt(), c.get("w").asInt());
            assertThat(actual.toCompressed()).as(c.get("name").asText()).isEqualTo(expected.toCompressed());
            assertThat(actual.area()).as(c.get("name").asText()).isEqualTo(c.get("area").asLong());
        }
    }

    @Test
    void rejectsShortOrOddPolygons() {
        assertThatThrownBy(() -> Polygons.rasterise(new double[] {0, 0, 1, 1}, 5, 5)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 3 points");
        assertThatThrownBy(() -> Polygons.rasterise(new double[] {0, 0, 1, 1, 2}, 5, 5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("found 5 numbers");
        assertThatThrownBy(() -> Polygons.toMask(List.of(), 5, 5)).isInstanceOf(InvalidInputException.class);
    }
}
