package dev.assay.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoalitionPlanTest {

    private static int size(boolean[] mask) {
        int s = 0;
        for (boolean b : mask) {
            s += b ? 1 : 0;
        }
        return s;
    }

    @Test
    void fullBudgetEnumeratesEveryCoalitionWithTheShapleyKernel() {
        int m = 6;
        CoalitionPlan plan = CoalitionPlan.of(m, 1000, new SplittableRandom(1));
        assertThat(plan.complete()).isTrue();
        assertThat(plan.masks()).hasSize((1 << m) - 2);
        Set<String> distinct = new HashSet<>();
        plan.masks().forEach(mask -> distinct.add(Arrays.toString(mask)));
        assertThat(distinct).hasSize((1 << m) - 2);
        // kernel (M - 1) / (C(M, s) s (M - s)), normalised to sum 1 over all coalitions
        double total = 0;
        for (int s = 1; s < m; s++) {
            total += (m - 1.0) / (s * (m - s));
        }
        for (int i = 0; i < plan.masks().size(); i++) {
            int s = size(plan.masks().get(i));
            double want = (m - 1.0) / (ExactShapley.binomial(m, s) * s * (m - s)) / total;
            assertThat(plan.weights()[i]).isCloseTo(want, within(1e-15));
        }
    }

    @Test
    void smallBudgetEnumeratesSmallAndLargeSizesFirstThenSamplesInPairs() {
        int m = 14;
        CoalitionPlan plan = CoalitionPlan.of(m, 2 * m + 2048, new SplittableRandom(9));
        assertThat(plan.complete()).isFalse();
        assertThat(plan.masks()).hasSize(2 * m + 2048);
        assertThat(Arrays.stream(plan.weights()).sum()).isCloseTo(1, within(1e-12));
        List<boolean[]> masks = plan.masks();
        long ones = masks.stream().filter(x -> size(x) == 1).count();
        long twos = masks.stream().filter(x -> size(x) == 2).count();
        long thirteens = masks.stream().filter(x -> size(x) == m - 1).count();
        assertThat(ones).isEqualTo(m);
        assertThat(thirteens).isEqualTo(m);
        assertThat(twos).isEqualTo(m * (m - 1) / 2);
        Set<String> distinct = new HashSet<>();
        masks.forEach(mask -> distinct.add(Arrays.toString(mask)));
        assertThat(distinct).hasSize(masks.size());
        assertThat(CoalitionPlan.of(m, 2076, new SplittableRandom(9)).weights()).containsExactly(plan.weights());
    }
}
