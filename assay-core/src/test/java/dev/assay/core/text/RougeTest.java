package dev.assay.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors of rouge-score's rouge_scorer_test.py (github.com/google-research/google-research, rouge/). */
class RougeTest {
    // rouge/testdata/target.txt and prediction.txt, first lines (scored against ROUGE-1.5.5 in testRouge1AgainstRouge155)
    private static final String TARGET0 = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr "
            + "q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L";
    private static final String PREDICTION0 = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi";

    @Test
    void smallCases() {
        // testRouge1, testRouge2, testRougeLConsecutive, testRougeLNonConsecutive
        assertScore(Rouge.PLAIN.rougeN(1, "testing one two", "testing"), 1, 1 / 3.0, 1 / 2.0);
        assertScore(Rouge.PLAIN.rougeN(2, "testing one two", "testing one"), 1, 1 / 2.0, 2 / 3.0);
        assertScore(Rouge.PLAIN.rougeL("testing one two", "testing one"), 1, 2 / 3.0, 4 / 5.0);
        assertScore(Rouge.PLAIN.rougeL("testing one two", "testing two"), 1, 2 / 3.0, 4 / 5.0);
        // testRougeEmpty
        assertScore(Rouge.PLAIN.rougeN(1, "testing one two", ""), 0, 0, 0);
        assertScore(Rouge.PLAIN.rougeL("testing one two", ""), 0, 0, 0);
        assertScore(Rouge.PLAIN.rougeLsum("testing one two", ""), 0, 0, 0);
    }

    @Test
    void againstRouge155() {
        // testRouge1AgainstRouge155, testRouge2AgainstRouge155, testRougeLAgainstRouge155 (5 places)
        assertScore(Rouge.PLAIN.rougeN(1, TARGET0, PREDICTION0), 0.68750, 0.40741, 0.51163);
        assertScore(Rouge.PLAIN.rougeN(2, TARGET0, PREDICTION0), 0.53333, 0.30769, 0.39024);
        assertScore(Rouge.PLAIN.rougeL(TARGET0, PREDICTION0), 0.68750, 0.40741, 0.51163);
    }

    @Test
    void summaryLevelLcs() {
        // testRougeLsum: Lin 2004 section 3.2 example, recall 4/5, precision 4/10
        RougeScore s = Rouge.PLAIN.rougeLsum("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");
        assertScore(s, 0.4, 0.8, 0.5333);
        assertScore(Rouge.PLAIN.rougeLsum("", "w1"), 0, 0, 0);
        assertScore(Rouge.PLAIN.rougeLsum("w1 w2 w3 w4 w5", "/"), 0, 0, 0);
        // testLcsTable: one LCS of [1 2 3 4 5] and [2 5 3 4] sits at indices 1, 2, 3
        assertThat(Rouge.lcsIndices(List.of("1", "2", "3", "4", "5"), List.of("2", "5", "3", "4"))).containsExactly(1, 2, 3);
    }

    private static void assertScore(RougeScore s, double p, double r, double f) {
        assertThat(s.precision()).as("precision").isCloseTo(p, within(1e-4));
        assertThat(s.recall()).as("recall").isCloseTo(r, within(1e-4));
        assertThat(s.f()).as("f").isCloseTo(f, within(1e-4));
    }
}
