package dev.assay.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stems of NLTK 3.8's PorterStemmer() (golden/porter_nltk.json, scripts/golden/porter_golden.py). */
class PorterStemmerTest {
    @Test
    void everyWordStemsAsNltk() throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/porter_nltk.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        List<String> wrong = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = golden.fields();
        int n = 0;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String stem = PorterStemmer.stem(e.getKey());
            if (!stem.equals(e.getValue().asText())) {
                wrong.add(e.getKey() + " -> " + stem + " (NLTK " + e.getValue().asText() + ")");
            }
            n++;
        }
        assertThat(n).isGreaterThan(1000);
        assertThat(wrong).isEmpty();
    }

    @Test
    void rougeWithStemmingAgainstRouge155() {
        // rouge_scorer_test.py testRouge1AgainstRouge155WithStemming and testRouge2AgainstRouge155WithStemming, second lines of
        // rouge/testdata/target.txt and prediction.txt
        String target = "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer "
                + "HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw "
                + "p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN";
        String prediction = "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed "
                + "nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD";
        assertClose(Rouge.STEMMED.rougeN(1, target, prediction), 0.69231, 0.42857, 0.52941);
        assertClose(Rouge.STEMMED.rougeN(2, target, prediction), 0.48000, 0.29268, 0.36364);
        // testRouge1AgainstRouge155: the same pair without stemming
        assertClose(Rouge.PLAIN.rougeN(1, target, prediction), 0.65385, 0.40476, 0.50000);
    }

    private static void assertClose(RougeScore s, double p, double r, double f) {
        assertThat(s.precision()).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(s.recall()).isCloseTo(r, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(s.f()).isCloseTo(f, org.assertj.core.data.Offset.offset(1e-5));
    }
}
