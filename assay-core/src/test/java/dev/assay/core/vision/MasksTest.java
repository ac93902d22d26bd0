package dev.assay.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Box and mask overlap, COCO RLE coding and segmentation scores on hand-counted cases. */
class MasksTest {

    @Test
    void boxIouInBothLayoutsAndAgainstACrowd() {
        double[] a = {0, 0, 10, 10};
        double[] b = {5, 0, 10, 10};
        // overlap 5 x 10 = 50, union 150
        assertThat(BoxIou.xywh(a, b)).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(BoxIou.xyxy(new double[] {0, 0, 10, 10}, new double[] {5, 0, 15, 10})).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(BoxIou.dice(a, b)).isCloseTo(0.5, within(1e-15));
        // against a crowd the union is the detection's area: 50 / 100
        assertThat(BoxIou.xywh(a, b, true)).isCloseTo(0.5, within(1e-15));
        assertThat(BoxIou.xywh(a, new double[] {10, 0, 5, 5})).isZero();
    }

    @Test
    void compressedCountsFollowMaskApi() {
        // counts 1, 2, 1: single 5-bit groups '1', '2', '1'
        assertThat(new RleMask(2, 2, new long[] {1, 2, 1}).toCompressed()).isEqualTo("121");
        // the fourth count is stored as its difference to the second, 1 - 5 = -4 -> 28 + 48 = 'L'
        RleMask m = RleMask.fromCompressed(3, 3, "053L");
        assertThat(m.area()).isEqualTo(6);
        assertThat(m.toCompressed()).isEqualTo("053L");
        RleMask big = new RleMask(100, 100, new long[] {1234, 5000, 3766});
        assertThat(RleMask.fromCompressed(100, 100, big.toCompressed()).area()).isEqualTo(5000);
    }

    @Test
    void maskIouAndDiceFromDensePixels() {
        // 2 x 3 masks, row-major: A covers the left two columns, B the right two
        boolean[] a = {true, true, false, true, true, false};
        boolean[] b = {false, true, true, false, true, true};
        RleMask ma = RleMask.fromDense(a, 2, 3);
        RleMask mb = RleMask.fromDense(b, 2, 3);
        assertThat(ma.area()).isEqualTo(4);
        assertThat(ma.intersection(mb)).isEqualTo(2);
        assertThat(ma.iou(mb, false)).isCloseTo(2 / 6.0, within(1e-15));
        assertThat(ma.iou(mb, true)).isCloseTo(2 / 4.0, within(1e-15));
        assertThat(ma.dice(mb)).isCloseTo(0.5, within(1e-15));
        assertThatThrownBy(() -> ma.iou(new RleMask(3, 2, new long[] {6}), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("different sizes");
        assertThatThrownBy(() -> new RleMask(2, 2, new long[] {1, 2}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("add up to 3");
    }

    @Test
    void pixelAccuracyAndMeanIou() {
        int[] truth = {0, 0, 1, 1, 2, 2, 255};
        int[] pred = {0, 1, 1, 1, 2, 0, 2};
        SegmentationMetrics s = SegmentationMetrics.of(truth, pred, 4, 255);
        // 4 of 6 counted pixels right; IoU: class 0 1/3, class 1 2/3, class 2 1/2, class 3 absent
        assertThat(s.pixelAccuracy()).isCloseTo(4 / 6.0, within(1e-15));
        assertThat(s.classIou(3)).isNaN();
        assertThat(s.meanIou()).isCloseTo((1 / 3.0 + 2 / 3.0 + 0.5) / 3, within(1e-15));
        assertThatThrownBy(() -> SegmentationMetrics.of(new int[] {5}, new int[] {0}, 4, -1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0..3");
    }
}
