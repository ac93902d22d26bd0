package dev.assay.core.vision;

import static dev.assay.core.vision.Coco.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases under the rules of pycocotools' cocoeval.py; each expected value is derived in the
 * comment beside it (101 recall thresholds, precision made monotone from the right).
 */
class CocoEvaluatorTest {
    private static final double TOL = 1e-12;

    @Test
    void perfectDetectionsScoreOneEverywhereDefined() {
        CocoMetrics m = new Coco().categories(1, 2)
                .gt(1, 1, 0, 0, 100, 100).gt(1, 2, 200, 200, 50, 50).gt(2, 1, 10, 10, 20, 20)
                .dt(1, 1, 0.9, 0, 0, 100, 100).dt(1, 2, 0.8, 200, 200, 50, 50).dt(2, 1, 0.7, 10, 10, 20, 20)
                .evaluate();
        for (String id : new String[] {"map", "map_50", "map_75", "map_small", "map_medium", "map_large", "ar_100",
                "ar_small", "ar_medium", "ar_large"}) {
            assertThat(value(m, id)).as(id).isCloseTo(1.0, within(TOL));
        }
        // the detection limit applies per image and category, and each pair here has one object
        assertThat(value(m, "ar_1")).isCloseTo(1.0, within(TOL));
    }

    @Test
    void aDuplicateBetweenTwoHitsCostsKnownPrecision() {
        // sorted: hit (rc .5, pr 1), duplicate (rc .5, pr .5), hit (rc 1, pr 2/3); envelope 1, 2/3, 2/3;
        // recall thresholds 0..0.50 (51) read precision 1, 0.51..1 (50) read 2/3 at every IoU threshold
        CocoMetrics m = new Coco().categories(1)
                .gt(1, 1, 0, 0, 100, 100).gt(1, 1, 300, 300, 100, 100)
                .dt(1, 1, 0.9, 0, 0, 100, 100).dt(1, 1, 0.8, 0, 0, 100, 100).dt(1, 1, 0.7, 300, 300, 100, 100)
                .evaluate();
        double expected = (51 + 50 * (2.0 / 3)) / 101;
        assertThat(value(m, "map")).isCloseTo(expected, within(1e-9));
        assertThat(value(m, "map_50")).isCloseTo(expected, within(1e-9));
        assertThat(value(m, "ar_100")).isCloseTo(1.0, within(TOL));
        assertThat(value(m, "ar_1")).isCloseTo(0.5, within(TOL));
        assertThat(m.classAp(0).getAsDouble()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void iouOfExactlyOneHalfMatchesAtTheFirstThresholdOnly() {
        // the detection is the left half of the object: 5000 / 10000 = 0.5
        CocoMetrics m = new Coco().categories(1).gt(1, 1, 0, 0, 100, 100).dt(1, 1, 0.9, 0, 0, 50, 100).evaluate();
        assertThat(BoxIou.xywh(new double[] {0, 0, 50, 100}, new double[] {0, 0, 100, 100})).isEqualTo(0.5);
        assertThat(value(m, "map_50")).isCloseTo(1.0, within(TOL));
        assertThat(value(m, "map_75")).isCloseTo(0.0, within(TOL));
        assertThat(value(m, "map")).isCloseTo(0.1, within(TOL));
        assertThat(value(m, "ar_100")).isCloseTo(0.1, within(TOL));
    }

    @Test
    void iouOfExactlyPoint95MatchesAtEveryThresholdAndPoint94MissesTheLast() {
        CocoMetrics exact = new Coco().categories(1).gt(1, 1, 0, 0, 100, 100).dt(1, 1, 0.9, 0, 0, 95, 100).evaluate();
        assertThat(value(exact, "map")).isCloseTo(1.0, within(TOL));
        CocoMetrics below = new Coco().categories(1).gt(1, 1, 0, 0, 100, 100).dt(1, 1, 0.9, 0, 0, 94, 100).evaluate();
        assertThat(value(below, "map")).isCloseTo(0.9, within(TOL));
    }

    @Test
    void detectionsInsideACrowdRegionAreIgnoredEvenWhenScoredHighest() {
        // IoU with a crowd is |D ∩ G| / |D| = 1 for boxes inside it, so both match it and are ignored
        Coco crowd = new Coco().categories(1).gt(1, 1, 0, 0, 100, 100).gt(1, 1, 200, 0, 100, 100, true)
                .dt(1, 1, 0.97, 210, 10, 20, 20).dt(1, 1, 0.95, 250, 50, 20, 20).dt(1, 1, 0.9, 0, 0, 100, 100);
        CocoMetrics m = crowd.evaluate();
        assertThat(value(m, "map")).isCloseTo(1.0, within(TOL));
        assertThat(value(m, "ar_100")).isCloseTo(1.0, within(TOL));
        // the same region not marked crowd: two false positives first, then a hit: precision 1/3 at every recall,
        // while the unmatched region halves recall (thresholds 0..0.5 read 1/3, the other 50 read 0)
        CocoMetrics plain = new Coco().categories(1).gt(1, 1, 0, 0, 100, 100).gt(1, 1, 200, 0, 100, 100)
                .dt(1, 1, 0.97, 210, 10, 20, 20).dt(1, 1, 0.95, 250, 50, 20, 20).dt(1, 1, 0.9, 0, 0, 100, 100).evaluate();
        assertThat(value(plain, "map")).isCloseTo(51 * (1.0 / 3) / 101, within(1e-9));
        assertThat(value(plain, "ar_100")).isCloseTo(0.5, within(TOL));
    }

    @Test
    void categoriesWithoutGroundTruthAreLeftOutOfTheMeans() {
        // category 2 has nothing, category 3 only a false detection: both stay -1 and do not pull the mean down
        CocoMetrics m = new Coco().categories(1, 2, 3).gt(1, 1, 0, 0, 100, 100).dt(1, 1, 0.9, 0, 0, 100, 100)
                .dt(1, 3, 0.99, 500, 500, 10, 10).evaluate();
        assertThat(value(m, "map")).isCloseTo(1.0, within(TOL));
        assertThat(m.classAp(0).getAsDouble()).isCloseTo(1.0, within(TOL));
        assertThat(m.classAp(1)).isEmpty();
        assertThat(m.classAp(2)).isEmpty();
        assertThat(m.precisionCurve50(1)).isNull();
        // no small or medium objects: those means are undefined (pycocotools prints -1)
        assertThat(m.summary().get("map_small")).isEmpty();
        assertThat(m.summary().get("map_medium")).isEmpty();
    }

    @Test
    void sizeRangesUseTheBoundsOfCocoInclusively() {
        // a 32 x 32 object (area 1024) is both small and medium; its detection counts in both
        CocoMetrics m = new Coco().categories(1).gt(1, 1, 0, 0, 32, 32).dt(1, 1, 0.9, 0, 0, 32, 32).evaluate();
        assertThat(value(m, "map_small")).isCloseTo(1.0, within(TOL));
        assertThat(value(m, "map_medium")).isCloseTo(1.0, within(TOL));
        assertThat(m.summary().get("map_large")).isEmpty();
        // a false detection of medium size next to a small object: it is a false positive for "all" but
        // ignored (unmatched and outside the range) for "small"
        CocoMetrics mixed = new Coco().categories(1).gt(1, 1, 0, 0, 10, 10).dt(1, 1, 0.99, 100, 100, 50, 50)
                .dt(1, 1, 0.9, 0, 0, 10, 10).evaluate();
        assertThat(value(mixed, "map_small")).isCloseTo(1.0, within(TOL));
        assertThat(value(mixed, "map")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void detectionLimitsCutTheBestOfEachImage() {
        // twelve objects found, scores falling: at most 1 and 10 detections find 1/12 and 10/12 of them
        Coco c = new Coco().categories(1);
        for (int i = 0; i < 12; i++) {
            c.gt(1, 1, i * 200, 0, 100, 100).dt(1, 1, 1 - i / 100.0, i * 200, 0, 100, 100);
        }
        CocoMetrics m = c.evaluate();
        assertThat(value(m, "ar_1")).isCloseTo(1 / 12.0, within(TOL));
        assertThat(value(m, "ar_10")).isCloseTo(10 / 12.0, within(TOL));
        assertThat(value(m, "ar_100")).isCloseTo(1.0, within(TOL));
    }

    @Test
    void missedObjectsAndNoDetectionsGiveZero() {
        CocoMetrics m = new Coco().categories(1).gt(1, 1, 0, 0, 100, 100).image(2).evaluate();
        assertThat(value(m, "map")).isEqualTo(0.0);
        assertThat(value(m, "ar_100")).isEqualTo(0.0);
    }

    @Test
    void thresholdsAreNumpyLinspace() {
        assertThat(CocoEvaluator.IOU_THRESHOLDS[0]).isEqualTo(0.5);
        assertThat(CocoEvaluator.IOU_THRESHOLDS[9]).isEqualTo(0.95);
        assertThat(CocoEvaluator.IOU_THRESHOLDS[5]).isEqualTo(0.75);
        assertThat(CocoEvaluator.RECALL_THRESHOLDS).hasSize(101);
        assertThat(CocoEvaluator.RECALL_THRESHOLDS[50]).isEqualTo(0.5);
    }
}
