package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bins of given edges: those outside the data's range cannot hold a row and are left out (said, except the
 * implicit bins below the first and above the last edge); empty bins within it are kept.
 */
class GroupBinsTest {
    private static final Frame AGES = Frame.of("ages", List.of(NumericColumn.wrap("age", new double[] {18, 19, 45, 50, 75}),
            CategoricalColumn.of("sex", new String[] {"F", "F", "M", "M", "F"})));

    private static List<String> labels(Groups groups) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < groups.groupCount(); g++) {
            out.add(groups.label(g));
        }
        return out;
    }

    @Test
    void binsOutsideTheRangeOfTheDataAreLeftOutAndSaid() {
        Groups groups = Groups.of(AGES, List.of(ProtectedAttribute.withEdges("age", -10, 0, 25, 100, 120)));
        assertThat(labels(groups)).containsExactly("age=(0, 25]", "age=(25, 100]");
        assertThat(groups.notes()).containsExactly(
                "bins of column 'age' outside the range of its values are left out: [-10, 0], (100, 120].");
        assertThat(labels(Groups.of(AGES, List.of(ProtectedAttribute.withEdges("age", 18, 50, 75)))))
                .containsExactly("age=[18, 50]", "age=(50, 75]");
    }

    @Test
    void emptyBinsWithinTheRangeAndEmptyIntersectionsAreKept() {
        Groups groups = Groups.of(AGES, List.of(ProtectedAttribute.withEdges("age", 0, 20, 30, 40, 100), ProtectedAttribute.of("sex")));
        assertThat(labels(groups)).containsExactly("age=[0, 20], sex=F", "age=[0, 20], sex=M", "age=(20, 30], sex=F",
                "age=(20, 30], sex=M", "age=(30, 40], sex=F", "age=(30, 40], sex=M", "age=(40, 100], sex=F", "age=(40, 100], sex=M");
        int[][] rows = groups.rows();
        assertThat(rows[groups.find("age=[0, 20], sex=M")]).isEmpty();
        assertThat(rows[groups.find("age=(20, 30], sex=F")]).isEmpty();
        assertThat(rows[groups.find("age=(40, 100], sex=F")]).containsExactly(4);
        assertThat(groups.notes()).isEmpty();
    }
}
