package dev.assay.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors of sacreBLEU's own tests (github.com/mjpost/sacrebleu, test/test_bleu.py and test/test_sentence_bleu.py). */
class BleuTest {
    // test/test_bleu.py: _refs (two reference streams) and _hyps of the README example
    private static final List<String> HYPS = List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
    private static final List<List<String>> REFS = List.of(
            List.of("The dog bit the man.", "The dog had bit the man."),
            List.of("It was not unexpected.", "No one was surprised."),
            List.of("The man bit him first.", "The man had bitten the dog."));

    @Test
    void corpusBleuOfTheReadmeExample() {
        // test/test_bleu.py test_corpus_bleu_cases: default settings 48.530827; smooth_method none the same
        assertThat(Bleu.defaults().corpus(HYPS, REFS).score()).isCloseTo(48.530827, within(1e-6));
        assertThat(Bleu.of(BleuSmoothing.NONE, false).corpus(HYPS, REFS).score()).isCloseTo(48.530827, within(1e-6));
        // empty hypotheses are kept and score 0
        assertThat(Bleu.defaults().corpus(List.of("", "", ""), REFS).score()).isZero();
    }

    @Test
    void statisticsAndFloorSmoothing() {
        // test/test_bleu.py test_case_statistics: counts [4, 2, 1, 0], totals [6, 5, 4, 3]
        long[] stats = Bleu.defaults().statistics("am I am a character sequence", List.of("I am a symbol string sequence a a"));
        assertThat(stats).containsExactly(6, 8, 4, 2, 1, 0, 6, 5, 4, 3);
        // test_case_offset: raw_corpus_bleu (floor smoothing) with 0.1 gives 0.1555722182, with 0.0 gives 0
        List<String> hyp = List.of("am I am a character sequence");
        List<List<String>> ref = List.of(List.of("I am a symbol string sequence a a"));
        assertThat(new Bleu(BleuSmoothing.FLOOR, 0.1, false).corpus(hyp, ref).score() / 100).isCloseTo(0.1555722182, within(1e-8));
        assertThat(new Bleu(BleuSmoothing.FLOOR, 0.0, false).corpus(hyp, ref).score()).isZero();
        // test_raw_bleu_cases: "this is a fest" against "this is a test" with floor 0.01
        assertThat(new Bleu(BleuSmoothing.FLOOR, 0.01, false).corpus(List.of("this is a fest"), List.of(List.of("this is a test"))).score() / 100)
                .isCloseTo(0.223606797749979, within(1e-8));
    }

    @Test
    void scoringFromStatistics() {
        // test/test_bleu.py test_case_scoring: correct [9, 7, 5, 3], total [10, 8, 6, 4], lengths 11 and 11
        assertThat(Bleu.of(BleuSmoothing.NONE, false).score(new long[] {11, 11, 9, 7, 5, 3, 10, 8, 6, 4}, false).score() / 100)
                .isCloseTo(0.8375922397, within(1e-8));
        // test_case_degenerate_stats: no matches score 0 whatever the lengths
        assertThat(Bleu.defaults().score(new long[] {0, 1, 0, 0, 0, 0, 4, 4, 2, 1}, false).score()).isZero();
        assertThat(Bleu.defaults().score(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, false).score()).isZero();
    }

    @Test
    void sentenceBleuWithEachSmoothing() {
        // test/test_sentence_bleu.py: REF and SYS, tokenize 13a, effective order, tolerance 1e-3
        String ref = "producţia de zahăr brut se exprimă în zahăr alb;";
        String sys = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";
        assertThat(Bleu.defaults().sentence(sys, List.of(ref)).score()).isCloseTo(8.493, within(1e-3));
        assertThat(Bleu.of(BleuSmoothing.NONE, false).sentence(sys, List.of(ref)).score()).isCloseTo(0.0, within(1e-3));
        assertThat(Bleu.of(BleuSmoothing.FLOOR, false).sentence(sys, List.of(ref)).score()).isCloseTo(4.51688, within(1e-3));
        assertThat(new Bleu(BleuSmoothing.FLOOR, 0.5, false).sentence(sys, List.of(ref)).score()).isCloseTo(10.10, within(1e-2));
        assertThat(Bleu.of(BleuSmoothing.ADD_K, false).sentence(sys, List.of(ref)).score()).isCloseTo(14.882, within(1e-3));
        assertThat(new Bleu(BleuSmoothing.ADD_K, 2, false).sentence(sys, List.of(ref)).score()).isCloseTo(21.389, within(1e-3));
        // test_cases_zero_bleu: nothing in common scores 0 under every smoothing
        for (BleuSmoothing s : BleuSmoothing.values()) {
            assertThat(Bleu.of(s, false).sentence("this is a cat", List.of("okay thanks")).score()).as(s.id()).isZero();
        }
    }

    @Test
    void effectiveOrder() {
        // test/test_bleu.py test_case_effective_order, floor 0.01 (raw_corpus_bleu) on single sentences
        Bleu floor = new Bleu(BleuSmoothing.FLOOR, 0.01, false);
        assertThat(floor.sentence("test", List.of("a test")).score() / 100).isCloseTo(0.3678794411714425, within(1e-8));
        assertThat(floor.sentence("a test", List.of("a test")).score() / 100).isCloseTo(1.0, within(1e-8));
        assertThat(floor.sentence("a little test", List.of("a test")).score() / 100).isCloseTo(0.03218297948685433, within(1e-8));
    }

    @Test
    void papineniBrevityPenalty() {
        // Papineni et al. 2002, section 2.2.2: BP = exp(1 - r / c) for c <= r; 4 of 4 matching tokens against 8 → e^-1
        BleuScore score = Bleu.defaults().sentence("the cat sat down", List.of("the cat sat down on the red mat"));
        assertThat(score.brevityPenalty()).isCloseTo(Math.exp(1 - 8.0 / 4), within(1e-12));
        assertThat(score.score()).isCloseTo(100 * Math.exp(-1), within(1e-9));
    }

    @Test
    void tokenizer13a() {
        assertThat(Tokenizer13a.tokenize("It wasn't surprising.")).isEqualTo("It wasn't surprising .");
        assertThat(Tokenizer13a.tokenize("3.14 and 1,000 -5 a-b &amp; x 7-8")).isEqualTo("3.14 and 1,000 -5 a-b & x 7 - 8");
    }
}
