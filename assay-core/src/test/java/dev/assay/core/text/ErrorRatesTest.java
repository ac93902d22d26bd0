package dev.assay.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked edit counts in the style of jiwer's tests/test_measures.py (corpus rate: summed edits over summed reference units). */
class ErrorRatesTest {
    @Test
    void werCountsWordEdits() {
        // one substitution in two words
        assertThat(ErrorRates.wer(List.of("hello world"), List.of("hello duck"))).isCloseTo(0.5, within(1e-12));
        // surrounding and repeated spaces are removed by the default transforms
        assertThat(ErrorRates.wer(List.of("  hello   world "), List.of("hello world"))).isZero();
        // corpus: (1 + 2) edits over (2 + 3) words, not the mean of 0.5 and 2/3
        assertThat(ErrorRates.wer(List.of("hello world", "i like dogs"), List.of("hello duck", "i like"))).isCloseTo(2 / 5.0, within(1e-12));
        // insertions can push WER above 1
        assertThat(ErrorRates.wer(List.of("a"), List.of("b c d"))).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void cerCountsCharactersWithInnerSpaces() {
        // "hello world" (11 characters) to "hello duck": 4 substitutions and one deletion
        assertThat(ErrorRates.cer(List.of("hello world"), List.of("hello duck"))).isCloseTo(5 / 11.0, within(1e-12));
        assertThat(ErrorRates.cer(List.of("abc"), List.of(""))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void emptyReferenceIsRefused() {
        assertThatThrownBy(() -> ErrorRates.wer(List.of("a", " "), List.of("a", "b"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reference 2 is empty");
    }
}
