package dev.assay.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.slicing.Binning;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlipSlicesTest {
    // 12 rows: 4 negative flips, 3 of them among the 4 rows of region=north
    private static final Frame FRAME = Frame.of(
            CategoricalColumn.of("region", new String[] {"north", "north", "north", "north", "south", "south", "south", "south",
                    "east", "east", "east", "east"}),
            NumericColumn.of("age", new double[] {20, 21, 22, 23, 30, 31, 32, 33, 40, 41, 42, 43}),
            TextColumn.of("note", new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}));
    private static final boolean[] FLIPS = {true, true, false, true, false, false, false, false, true, false, false, false};

    @Test
    void ranksSlicesByFlipsBeyondTheirShare() {
        List<FlipSlices> top = FlipSlices.top(FRAME, List.of("region", "age", "note"), FLIPS, new Binning(3, 50), 5);
        FlipSlices first = top.get(0);
        // region = north and age in [20, 27.67] hold the same rows; equal excess and rate go by description
        assertThat(first.slice().describe()).isEqualTo("age in [20, 27.666666666666664]");
        assertThat(top.get(1).slice().describe()).isEqualTo("region = north");
        assertThat(first.slice().rows()).containsExactly(0, 1, 2, 3);
        assertThat(first.flips()).isEqualTo(3);
        assertThat(first.rows()).isEqualTo(4);
        assertThat(first.rate()).isEqualTo(0.75);
        assertThat(first.overallRate()).isCloseTo(4 / 12.0, within(1e-15));
        assertThat(first.excess()).isCloseTo(3 - 4 * 4 / 12.0, within(1e-12));
        assertThat(top).allSatisfy(f -> assertThat(f.excess()).isPositive());
        assertThat(top).extracting(f -> f.slice().describe()).doesNotContain("region = south").noneMatch(d -> d.startsWith("note"));
        assertThat(top).extracting(FlipSlices::excess).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void noFlipsNoSlicesAndTopLimits() {
        assertThat(FlipSlices.top(FRAME, List.of("region"), new boolean[12], Binning.DEFAULT, 5)).isEmpty();
        assertThat(FlipSlices.top(FRAME, List.of("region", "age"), FLIPS, new Binning(3, 50), 1)).hasSize(1);
    }
}
