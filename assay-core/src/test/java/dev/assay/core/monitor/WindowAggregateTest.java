package dev.assay.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.profile.CategoryProfile;
import dev.assay.core.profile.ColumnProfile;
import dev.assay.core.profile.NumericProfile;
import java.time.Instant;
import java.util.Arrays;
import org.apache.datasketches.kll.KllSketch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WindowAggregateTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static AdultBatches adult;

    @BeforeAll
    static void read() {
        adult = AdultBatches.read();
    }

    @Test
    void splitThenMergeEqualsAllAtOnce() {
        int n = adult.features.rowCount();
        WindowAggregate all = new WindowAggregate("v1", START);
        adult.add(all, 0, n);
        WindowAggregate left = new WindowAggregate("v1", START);
        WindowAggregate right = new WindowAggregate("v1", START);
        int[] cuts = {0, 700, 9000, 15001, 27000, n};
        for (int i = 0; i + 1 < cuts.length; i++) {
            adult.add(i % 2 == 0 ? left : right, cuts[i], cuts[i + 1]);
        }
        WindowAggregate merged = new WindowAggregate("v1", START);
        merged.merge(left);
        merged.merge(right);

        assertThat(merged.rows()).isEqualTo(all.rows()).isEqualTo(n);
        assertThat(merged.labelledRows()).isEqualTo(n);
        assertThat(merged.realised().toArray()).isDeepEqualTo(all.realised().toArray());
        assertSameBins(merged.predicted(), all.predicted());
        assertSameBins(merged.labelled(), all.labelled());
        double eps = KllSketch.getNormalizedRankError(NumericProfile.K, true);
        for (ColumnProfile c : all.features().columns()) {
            ColumnProfile m = merged.features().column(c.name());
            assertThat(m.rows()).as(c.name()).isEqualTo(c.rows());
            assertThat(m.missing()).as(c.name()).isEqualTo(c.missing());
            assertThat(m.distinct()).as(c.name()).isCloseTo(c.distinct(), within(0.05 * c.distinct() + 1));
            if (c instanceof NumericProfile) {
                NumericProfile a = (NumericProfile) c;
                NumericProfile b = (NumericProfile) m;
                assertThat(b.min()).isEqualTo(a.min());
                assertThat(b.max()).isEqualTo(a.max());
                assertThat(b.moments().mean()).isCloseTo(a.moments().mean(), within(1e-9));
                assertThat(b.moments().m2()).isCloseTo(a.moments().m2(), within(1e-6 * a.moments().m2()));
                for (double p = 0.05; p < 1; p += 0.05) {
                    assertThat(b.cdf(a.quantile(p))).as(c.name() + " at " + p).isCloseTo(a.cdf(a.quantile(p)), within(2 * eps));
                }
            } else {
                assertThat(((CategoryProfile) m).counts()).as(c.name()).isEqualTo(((CategoryProfile) c).counts());
            }
        }
    }

    @Test
    void bytesRoundTripToAnEqualAggregate() {
        WindowAggregate a = new WindowAggregate("v1", START);
        adult.add(a, 0, 5000);
        adult.add(a, 5000, 12000);
        byte[] bytes = WindowAggregateCodec.toBytes(a);
        WindowAggregate back = WindowAggregateCodec.fromBytes(bytes, "window v1/10:00");
        assertSameContent(back, a);
        assertSameContent(WindowAggregateCodec.fromBytes(WindowAggregateCodec.toBytes(back), "w"), a);
        assertThat(back.version()).isEqualTo("v1");
        assertThat(back.start()).isEqualTo(START);
        assertThat(back.rows()).isEqualTo(12000);
        assertThat(back.realised().toArray()).isDeepEqualTo(a.realised().toArray());
        assertThat(back.predicted().sameAs(a.predicted())).isTrue();
        assertThat(back.labelled().sameAs(a.labelled())).isTrue();
        assertThat(back.score().quantile(0.5)).isEqualTo(a.score().quantile(0.5));
        assertThat(((NumericProfile) back.features().column("age")).quantile(0.9))
                .isEqualTo(((NumericProfile) a.features().column("age")).quantile(0.9));
        assertThat(bytes.length).as("12,000 rows of 8 features in a few tens of KB").isLessThan(60_000);

        WindowAggregate again = WindowAggregateCodec.fromBytes(bytes, "w");
        adult.add(again, 12000, 13000);
        assertThat(again.rows()).isEqualTo(13000);
    }

    @Test
    void anEmptyAggregateRoundTrips() {
        WindowAggregate empty = new WindowAggregate("v2", START);
        WindowAggregate back = WindowAggregateCodec.fromBytes(WindowAggregateCodec.toBytes(empty), "w");
        assertThat(back.rows()).isZero();
        assertThat(back.features()).isNull();
        assertThat(back.labelCoverage()).isNaN();
        back.merge(empty);
        assertThat(back.rows()).isZero();
    }

    @Test
    void labelCoverageCountsLabelledRows() {
        WindowAggregate a = new WindowAggregate("v1", START);
        int[] rows = java.util.stream.IntStream.range(0, 1000).toArray();
        a.add(adult.features.slice(rows), AdultBatches.pick(adult.predicted, rows), AdultBatches.pick(adult.scores, rows));
        int[] some = java.util.stream.IntStream.range(0, 250).toArray();
        a.addLabels(AdultBatches.pick(adult.truth, some), AdultBatches.pick(adult.predicted, some), AdultBatches.pick(adult.scores, some));
        assertThat(a.labelCoverage()).isEqualTo(0.25);
    }

    @Test
    void badInputIsRefusedWithTheRowAndTheFix() {
        WindowAggregate a = new WindowAggregate("v1", START);
        Frame f = Frame.of(NumericColumn.of("x", 1, 2, 3));
        assertThatThrownBy(() -> a.add(f, new boolean[3], new double[] {0.1, 1.5, 0.2})).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Row 2").hasMessageContaining("1.5").hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> a.add(f, new boolean[3], new double[] {0.1, Double.NaN, 0.2})).hasMessageContaining("Row 2");
        assertThatThrownBy(() -> a.add(f, new boolean[2], new double[2])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("3 feature rows, 2 predictions");
        assertThat(a.rows()).as("nothing half-added").isZero();
        a.add(f, new boolean[3], new double[3]);
        Frame other = Frame.of(NumericColumn.of("y", 1));
        assertThatThrownBy(() -> a.add(other, new boolean[1], new double[1])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'x'");
        assertThat(a.rows()).isEqualTo(3);
        assertThat(a.predicted().total(0)).as("the refused batch left no trace").isEqualTo(3);
        assertThat(a.score().count()).isEqualTo(3);
        assertThatThrownBy(() -> a.merge(new WindowAggregate("v2", START))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("version v2");
    }

    @Test
    void corruptBytesAreRefusedNamingThem() {
        WindowAggregate a = new WindowAggregate("v1", START);
        adult.add(a, 0, 300);
        byte[] bytes = WindowAggregateCodec.toBytes(a);
        assertThatThrownBy(() -> WindowAggregateCodec.fromBytes(Arrays.copyOf(bytes, bytes.length - 9), "key 17"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("key 17").hasMessageContaining("truncated or corrupt");
        assertThatThrownBy(() -> WindowAggregateCodec.fromBytes("hello".getBytes(), "key 18"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("key 18 is not a stored window aggregate");
        byte[] flipped = bytes.clone();
        flipped[100] ^= 0x55;
        assertThatThrownBy(() -> WindowAggregateCodec.fromBytes(flipped, "key 19")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key 19");
    }

    /** Every value an aggregate reports, compared exactly (not the bytes: an HLL sketch read back may serialise with other flags). */
    private static void assertSameContent(WindowAggregate b, WindowAggregate a) {
        for (ColumnProfile c : a.features().columns()) {
            ColumnProfile d = b.features().column(c.name());
            assertThat(d.rows()).isEqualTo(c.rows());
            assertThat(d.missing()).isEqualTo(c.missing());
            assertThat(d.distinct()).isEqualTo(c.distinct());
            if (c instanceof NumericProfile) {
                NumericProfile x = (NumericProfile) c;
                NumericProfile y = (NumericProfile) d;
                assertThat(y.moments()).isEqualTo(x.moments());
                assertThat(y.sortedView().getQuantiles()).containsExactly(x.sortedView().getQuantiles());
                assertThat(y.sortedView().getCumulativeWeights()).containsExactly(x.sortedView().getCumulativeWeights());
            } else {
                assertThat(((CategoryProfile) d).counts()).isEqualTo(((CategoryProfile) c).counts());
            }
        }
        assertThat(b.score().sortedView().getQuantiles()).containsExactly(a.score().sortedView().getQuantiles());
    }

    private static void assertSameBins(ScoreBins a, ScoreBins b) {
        for (int c = 0; c < 2; c++) {
            for (int bin = 0; bin < ScoreBins.BINS; bin++) {
                assertThat(a.count(c, bin)).isEqualTo(b.count(c, bin));
                assertThat(a.sum(c, bin)).isCloseTo(b.sum(c, bin), within(1e-9));
            }
        }
    }
}
