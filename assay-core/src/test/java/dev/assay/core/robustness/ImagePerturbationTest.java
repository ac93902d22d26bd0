package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Image perturbations on small two-channel images: layouts, seeds, ranges, missing values and the patch. */
class ImagePerturbationTest {
    private static final int H = 5;
    private static final int W = 4;
    private static final int C = 2;

    /** {@code rows} random images in layout hwc or chw, the same pixel values either way. */
    private static Frame images(int rows, boolean channelsLast, List<String> names) {
        ImageShape shape = new ImageShape(H, W, C, channelsLast);
        double[][] v = new double[H * W * C][rows];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < C; c++) {
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        v[shape.index(y, x, c)][i] = r.nextInt(256);
                    }
                }
            }
        }
        List<NumericColumn> columns = new ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            names.add("v" + k);
            columns.add(NumericColumn.wrap("v" + k, v[k]));
        }
        return Frame.of(columns.toArray(NumericColumn[]::new));
    }

    private static Perturbation make(String name, String layout, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("image_shape", H + "x" + W + "x" + C);
        all.put("image_layout", layout);
        all.put("pixel_range", "0..255");
        return PerturbationCatalog.create(name, PerturbationSettings.of(all));
    }

    @Test
    void everyImagePerturbationIsSeededAndIgnoresTheLayout() {
        List<String> hwcNames = new ArrayList<>();
        List<String> chwNames = new ArrayList<>();
        Frame hwc = images(30, true, hwcNames);
        Frame chw = images(30, false, chwNames);
        ImageShape a = new ImageShape(H, W, C, true);
        ImageShape b = new ImageShape(H, W, C, false);
        for (String name : List.of("brightness", "contrast", "image_noise", "blur", "rotation", "occlusion")) {
            Perturbation p = make(name, "hwc", Map.of());
            Perturbation q = make(name, "chw", Map.of());
            Frame x = p.apply(hwc, PerturbationTarget.of(hwc, hwcNames, Constraints.NONE), 9);
            Frame y = q.apply(chw, PerturbationTarget.of(chw, chwNames, Constraints.NONE), 9);
            assertThat(x.columns()).as(name).isEqualTo(p.apply(hwc, PerturbationTarget.of(hwc, hwcNames, Constraints.NONE), 9)
                    .columns());
            assertThat(x.columns()).as(name).isNotEqualTo(hwc.columns());
            for (int c = 0; c < C; c++) {
                for (int yy = 0; yy < H; yy++) {
                    for (int xx = 0; xx < W; xx++) {
                        assertThat(x.column("v" + a.index(yy, xx, c))).as(name).isEqualTo(
                                NumericColumn.wrap("v" + a.index(yy, xx, c), ((NumericColumn) y.column("v" + b.index(yy, xx, c)))
                                        .toArray()));
                    }
                }
            }
        }
    }

    @Test
    void valuesStayInThePixelRangeAndAMissingPixelLeavesItsImageAlone() {
        List<String> names = new ArrayList<>();
        Frame f = images(20, true, names);
        double[] first = ((NumericColumn) f.column("v0")).toArray();
        first[3] = Double.NaN;
        f = f.withColumn(NumericColumn.wrap("v0", first));
        PerturbationTarget t = PerturbationTarget.of(f, names, Constraints.NONE);
        Frame bright = make("brightness", "hwc", Map.of("delta", 0.5)).apply(f, t, 1);
        for (String n : names) {
            NumericColumn before = (NumericColumn) f.column(n);
            NumericColumn after = (NumericColumn) bright.column(n);
            for (int i = 0; i < 20; i++) {
                if (i == 3) {
                    assertThat(after.format(i)).isEqualTo(before.format(i));
                } else {
                    assertThat(after.get(i)).as("rounded half to even, clipped").isEqualTo(Math.min(255,
                            Math.rint(before.get(i) + 127.5)));
                }
            }
        }
    }

    @Test
    void occlusionFillsOneSquareInEveryChannel() {
        List<String> names = new ArrayList<>();
        Frame f = images(10, true, names);
        Frame o = make("occlusion", "hwc", Map.of("size", 0.5, "fill", 300)).apply(f, PerturbationTarget.of(f, names,
                Constraints.NONE), 4);
        ImageShape s = new ImageShape(H, W, C, true);
        for (int i = 0; i < 10; i++) {
            int filled = 0;
            for (int c = 0; c < C; c++) {
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        filled += ((NumericColumn) o.column("v" + s.index(y, x, c))).get(i) == 255 ? 1 : 0;
                    }
                }
            }
            assertThat(filled).as("a 2x2 patch clipped to 255 in 2 channels, row %d", i).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void badShapesAndRangesAreRefused() {
        assertThatThrownBy(() -> ImageShape.parse("28by28", null)).hasMessageContaining("28x28");
        assertThatThrownBy(() -> ImageShape.parse("0x5", null)).hasMessageContaining("positive");
        assertThatThrownBy(() -> ImageShape.parse("8x8", "nhwc")).hasMessageContaining("hwc");
        assertThatThrownBy(() -> PerturbationCatalog.create("blur", PerturbationSettings.of(Map.of("image_shape", "8x8",
                "pixel_range", "0..")))).hasMessageContaining("finite range");
        assertThat(ImageShape.parse(" 32 x 32 x 3 ", "CHW")).isEqualTo(new ImageShape(32, 32, 3, false));
    }
}
