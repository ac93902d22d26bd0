package dev.assay.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked edit counts and the test vectors of jiwer (corpus rate: summed edits over summed reference units). */
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

    /** Vectors of jiwer's tests/test_measures.py (github.com/jitsi/jiwer at c1b0d5e), default transforms. */
    @Test
    void werMatchesJiwerTestMeasures() {
        // TestMeasuresDefaultTransform.test_input_gt_string_h_string
        assertThat(ErrorRates.wer(List.of("This is a test"), List.of("This is a test"))).isZero();
        assertThat(ErrorRates.wer(List.of("This is a test"), List.of(""))).isEqualTo(1.0);
        assertThat(ErrorRates.wer(List.of("This is a test"), List.of("This test"))).isEqualTo(0.5);
        // TestMeasuresDefaultTransform.test_known_values (from Morris et al., "From WER and RIL to MER and WIL")
        assertThat(ErrorRates.wer(List.of("X"), List.of("X"))).isZero();
        assertThat(ErrorRates.wer(List.of("X"), List.of("X X Y Y"))).isEqualTo(3.0);
        assertThat(ErrorRates.wer(List.of("X Y X"), List.of("X Z"))).isCloseTo(2 / 3.0, within(1e-16));
        assertThat(ErrorRates.wer(List.of("X"), List.of("Y"))).isEqualTo(1.0);
        assertThat(ErrorRates.wer(List.of("X"), List.of("Y Z"))).isEqualTo(2.0);
        // TestMeasuresDefaultTransform.test_permutations_invariance
        assertThat(ErrorRates.wer(List.of("i", "am i good"), List.of("i am", "i good"))).isEqualTo(0.5);
        assertThat(ErrorRates.wer(List.of("am i good", "i"), List.of("i good", "i am"))).isEqualTo(0.5);
        // TestMeasuresContiguousSentencesTransform.test_different_sentence_length_equal_type (one pair: same transform)
        assertThat(ErrorRates.wer(List.of("i am a short ground truth"),
                List.of("i am a considerably longer and very much incorrect hypothesis"))).isCloseTo(7 / 6.0, within(1e-16));
        // TestMeasuresDefaultTransform.test_fail_on_different_sentence_length
        assertThatThrownBy(() -> ErrorRates.wer(List.of("hello", "this", "sentence", "is fractured"), List.of("this sentence")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("4 references but 1 hypotheses");
    }

    /** Vectors of jiwer's tests/test_cer.py (github.com/jitsi/jiwer at c1b0d5e). */
    @Test
    void cerMatchesJiwerTestCer() {
        // TestCERInputMethods.test_input_ref_string_hyp_string: 14 characters, spaces included
        assertThat(ErrorRates.cer(List.of("This is a test"), List.of("This is a test"))).isZero();
        assertThat(ErrorRates.cer(List.of("This is a test"), List.of(""))).isEqualTo(14 / 14.0);
        assertThat(ErrorRates.cer(List.of("This is a test"), List.of("This test"))).isCloseTo(5 / 14.0, within(1e-16));
        // TestCERInputMethods.test_known_values
        assertThat(ErrorRates.cer(List.of("X"), List.of("X"))).isZero();
        assertThat(ErrorRates.cer(List.of("X"), List.of("X X Y Y"))).isEqualTo(6.0);
        assertThat(ErrorRates.cer(List.of("X Y X"), List.of("X Z"))).isCloseTo(3 / 5.0, within(1e-16));
        assertThat(ErrorRates.cer(List.of("X"), List.of("Y"))).isEqualTo(1.0);
        assertThat(ErrorRates.cer(List.of("X"), List.of("Y Z"))).isEqualTo(3.0);
        // TestCERInputMethods.test_permutations_invariance
        assertThat(ErrorRates.cer(List.of("i", "am i good"), List.of("i am", "i good"))).isCloseTo(0.6, within(1e-16));
        assertThat(ErrorRates.cer(List.of("am i good", "i"), List.of("i good", "i am"))).isCloseTo(0.6, within(1e-16));
        // TestCERInputMethods.test_fail_on_different_sentence_length
        assertThatThrownBy(() -> ErrorRates.cer(List.of("hello", "this", "sentence", "is fractured"), List.of("this sentence")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void emptyReferenceIsRefused() {
        assertThatThrownBy(() -> ErrorRates.wer(List.of("a", " "), List.of("a", "b"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reference 2 is empty");
    }
}
