package dev.assay.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.BinaryOutcomes;
import dev.assay.core.slicing.Binning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranking, duplicates and nested repeats on small frames whose answer is known by construction. */
class SegmentSelectionTest {

    /** 400 rows: a in {x, y}, b in {p, q}; errors only where a = x and b = p (100 rows, 60 wrong). */
    private static Frame frame() {
        String[] a = new String[400];
        String[] b = new String[400];
        String[] c = new String[400];
        for (int i = 0; i < 400; i++) {
            a[i] = i < 200 ? "x" : "y";
            b[i] = i % 2 == 0 ? "p" : "q";
            c[i] = a[i];
        }
        return Frame.of(CategoricalColumn.of("a", a), CategoricalColumn.of("b", b), CategoricalColumn.of("copy", c));
    }

    private static BinaryOutcomes outcomes(int wrongInCell) {
        boolean[] truth = new boolean[400];
        boolean[] predicted = new boolean[400];
        int wrong = 0;
        for (int i = 0; i < 400; i++) {
            truth[i] = i % 4 < 2;
            predicted[i] = truth[i];
            if (i < 200 && i % 2 == 0 && wrong < wrongInCell) {
                predicted[i] = !truth[i];
                wrong++;
            }
        }
        return new BinaryOutcomes(truth, predicted, "1");
    }

    @Test
    void aWeakCellIsReportedAndItsParentsOnlyForTheirOwnRows() {
        SegmentReport report = WeakSegmentSearch.search(frame(), List.of("a", "b"), outcomes(60),
                SegmentSettings.defaults(SegmentMetric.ACCURACY));
        assertThat(report.segments()).extracting(WeakSegment::description).containsExactly("a = x and b = p");
        WeakSegment s = report.segments().get(0);
        assertThat(s.test().metric()).isEqualTo(0.4);
        assertThat(s.test().restMetric()).isEqualTo(1.0);
        assertThat(s.impact()).isEqualTo(0.6 * 100 / 400);
        assertThat(report.significant()).isEqualTo(3);
    }

    @Test
    void cellsOfAUniformlyWeakSliceAreNotRepeated() {
        boolean[] truth = new boolean[400];
        boolean[] predicted = new boolean[400];
        for (int i = 0; i < 400; i++) {
            truth[i] = i % 4 < 2;
            predicted[i] = i < 200 && i / 2 % 10 < 3 ? !truth[i] : truth[i];
        }
        SegmentReport report = WeakSegmentSearch.search(frame(), List.of("a", "b"), new BinaryOutcomes(truth, predicted, "1"),
                SegmentSettings.defaults(SegmentMetric.ACCURACY));
        assertThat(report.tests()).filteredOn(t -> t.adjustedP() <= 0.05).extracting(t -> t.slice().describe())
                .contains("a = x", "a = x and b = p", "a = x and b = q");
        assertThat(report.segments()).extracting(WeakSegment::description).containsExactly("a = x");
    }

    @Test
    void slicesWithTheSameRowsAreTriedOnce() {
        SegmentReport report = WeakSegmentSearch.search(frame(), List.of("a", "copy"), outcomes(60),
                SegmentSettings.defaults(SegmentMetric.ACCURACY));
        assertThat(report.duplicates()).isEqualTo(4);
        assertThat(report.tests()).extracting(t -> t.slice().describe()).containsExactly("a = x", "a = y");
        assertThat(report.segments()).extracting(WeakSegment::description).containsExactly("a = x");
    }

    @Test
    void aNestedSliceIsReportedWhenClearlyWorseThanItsParent() {
        SegmentReport report = WeakSegmentSearch.search(frame(), List.of("a", "b"), outcomes(60),
                new SegmentSettings(SegmentMetric.ACCURACY, Binning.DEFAULT, false, 30, 0.05, 10));
        assertThat(report.segments()).extracting(WeakSegment::description).containsExactly("a = x", "b = p");
    }

    @Test
    void smallSlicesAreNotTriedAndBadSettingsAreRefused() {
        SegmentReport report = WeakSegmentSearch.search(frame(), List.of("a", "b"), outcomes(60),
                new SegmentSettings(SegmentMetric.RECALL, Binning.DEFAULT, true, 60, 0.05, 10));
        assertThat(report.tests()).allSatisfy(t -> assertThat(t.count()).isGreaterThanOrEqualTo(60));
        assertThat(report.tooSmall()).isEqualTo(4);
        assertThatThrownBy(() -> new SegmentSettings(SegmentMetric.RECALL, Binning.DEFAULT, true, 30, 1.5, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> SegmentMetric.parse("auc")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("recall");
    }
}
