package dev.assay.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SQuAD evaluate-v1.1.py's normalize_answer, exact_match_score and f1_score, worked by hand. */
class SquadMetricsTest {
    @Test
    void normalisation() {
        assertThat(SquadMetrics.normalize("The  Denver Broncos!")).isEqualTo("denver broncos");
        assertThat(SquadMetrics.normalize("an apple, a day")).isEqualTo("apple day");
    }

    @Test
    void exactMatchAndF1() {
        assertThat(SquadMetrics.exactMatch("the Denver Broncos", "Denver Broncos.")).isTrue();
        // prediction "denver broncos won" against "broncos": precision 1/3, recall 1, F1 0.5
        assertThat(SquadMetrics.f1("Denver Broncos won", "the Broncos")).isCloseTo(0.5, within(1e-12));
        assertThat(SquadMetrics.f1("Carolina", "Broncos")).isZero();
        assertThat(SquadMetrics.exactMatch(List.of("a", "Broncos"), List.of("b", "broncos"))).isCloseTo(50.0, within(1e-12));
    }

    @Test
    void perplexity() {
        // two texts, three tokens with probabilities 1/2, 1/4, 1/8: exp(-(mean log p)) = 4
        double[][] lp = {{Math.log(0.5)}, {Math.log(0.25), Math.log(0.125)}};
        assertThat(Perplexity.of(lp)).isCloseTo(4.0, within(1e-12));
    }
}
