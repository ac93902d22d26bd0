package dev.assay.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors of sacreBLEU's test/test_chrf.py (github.com/mjpost/sacrebleu), tolerance 1e-4 as there. */
class ChrfTest {
    @Test
    void effectiveOrderCasesWithBetaThree() {
        // test_cases_effective_order: char_order 6, word_order 0, beta 3, eps_smoothing False
        Chrf chrf = new Chrf(6, 0, 3, false);
        assertThat(chrf.corpusSingle(List.of("a"), List.of("a"))).isCloseTo(100.0, within(1e-4));
        assertThat(chrf.corpusSingle(List.of(""), List.of("reference"))).isCloseTo(0.0, within(1e-4));
        assertThat(chrf.corpusSingle(List.of("a b c"), List.of("abc"))).isCloseTo(100.0, within(1e-4));
        assertThat(chrf.corpusSingle(List.of("a", "b"), List.of("a", "c"))).isCloseTo(50.0, within(1e-4));
        assertThat(chrf.corpusSingle(List.of("aa"), List.of("ab"))).isCloseTo(25.0, within(1e-4));
    }

    @Test
    void defaultChrfOfRealSentences() {
        // test_sentence_level_chrf: sentence_chrf with char order 6, beta 2 and eps_smoothing True
        Chrf chrf = new Chrf(6, 0, 2, true);
        assertThat(chrf.sentence("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
                List.of("Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře."))).isCloseTo(39.14078509, within(1e-4));
        assertThat(chrf.sentence("Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
                List.of("A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři."))).isCloseTo(31.22557079, within(1e-4));
        assertThat(chrf.sentence("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
                List.of("Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli."))).isCloseTo(57.15704367, within(1e-4));
    }

    @Test
    void epsSmoothingCasesWithBetaThree() {
        // test_cases: char_order 6, word_order 0, beta 3, eps_smoothing True
        Chrf chrf = new Chrf(6, 0, 3, true);
        assertThat(chrf.corpusSingle(List.of("aa"), List.of("ab"))).isCloseTo(8.3333, within(1e-4));
        assertThat(chrf.corpusSingle(List.of("a b c"), List.of("a b c"))).isCloseTo(50.0, within(1e-4));
        assertThat(chrf.corpusSingle(List.of(""), List.of("reference"))).isCloseTo(0.0, within(1e-4));
        assertThat(chrf.corpusSingle(List.of(" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "),
                List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."))).isCloseTo(64.1302698, within(1e-4));
    }

    @Test
    void chrfPlusPlusAddsWordBigrams() {
        // chrF++ of identical texts is 100 and word n-grams lower it when words differ but characters mostly agree
        assertThat(Chrf.plusPlus().sentence("the cat sat.", List.of("the cat sat."))).isCloseTo(100.0, within(1e-9));
        double plain = Chrf.defaults().sentence("the cats sat", List.of("the cat sat"));
        assertThat(Chrf.plusPlus().sentence("the cats sat", List.of("the cat sat"))).isLessThan(plain);
    }
}
