package dev.assay.core.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.metrics.BinaryOutcomes;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A weakness planted in a real model's predictions on Adult (the logistic regression of
 * segments_golden.py) is found: part of the correct predictions of one group are flipped.
 */
class PlantedSegmentTest {
    private static final List<String> FEATURES = List.of("age", "workclass", "fnlwgt", "education", "education-num",
            "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week",
            "native-country");

    @Test
    void aPlantedWeakGroupIsReportedFirst() {
        SegmentSettings settings = SegmentSettings.defaults(SegmentMetric.ACCURACY);
        SegmentReport before = WeakSegmentSearch.search(AdultSegments.frame(), FEATURES, AdultSegments.outcomes(), settings);
        assertThat(before.segments().get(0).description()).isEqualTo("marital-status = Married-civ-spouse");

        BinaryOutcomes planted = plant(AdultSegments.frame(), "education", "HS-grad", null, null, 0.4);
        SegmentReport after = WeakSegmentSearch.search(AdultSegments.frame(), FEATURES, planted, settings);

        WeakSegment first = after.segments().get(0);
        assertThat(first.description()).isEqualTo("education = HS-grad");
        assertThat(first.rows()).isEqualTo(10501);
        assertThat(first.test().adjustedP()).isLessThan(1e-100);
        assertThat(first.interval().upper()).isLessThan(first.test().restMetric());
        assertThat(after.tried()).isGreaterThan(1000);
        assertThat(after.segments()).hasSizeLessThanOrEqualTo(settings.maxSegments());
    }

    @Test
    void aPlantedWeakPairIsReported() {
        SegmentSettings settings = SegmentSettings.defaults(SegmentMetric.ACCURACY);
        BinaryOutcomes planted = plant(AdultSegments.frame(), "education", "Masters", "sex", "Female", 0.6);
        SegmentReport report = WeakSegmentSearch.search(AdultSegments.frame(), List.of("education", "sex", "race"), planted,
                settings);

        assertThat(report.segments()).extracting(WeakSegment::description).contains("education = Masters and sex = Female");
        SegmentReport unplanted = WeakSegmentSearch.search(AdultSegments.frame(), List.of("education", "sex", "race"),
                AdultSegments.outcomes(), settings);
        assertThat(unplanted.segments()).extracting(WeakSegment::description)
                .doesNotContain("education = Masters and sex = Female");
    }

    /** Flips a share {@code fraction} (seeded) of the correct predictions of the rows where a = va (and b = vb). */
    static BinaryOutcomes plant(Frame frame, String a, String va, String b, String vb, double fraction) {
        boolean[] truth = AdultSegments.truth();
        boolean[] predicted = AdultSegments.predicted();
        Random random = new Random(7);
        for (int i = 0; i < truth.length; i++) {
            boolean inGroup = va.equals(frame.column(a).format(i)) && (b == null || vb.equals(frame.column(b).format(i)));
            if (inGroup && truth[i] == predicted[i] && random.nextDouble() < fraction) {
                predicted[i] = !predicted[i];
            }
        }
        return new BinaryOutcomes(truth, predicted, ">50K");
    }
}
