package dev.assay.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.compare.AucInterval;
import dev.assay.core.data.Frame;
import dev.assay.core.drift.domain.DomainClassifier;
import dev.assay.core.drift.domain.DomainDrift;
import dev.assay.core.drift.domain.DomainSettings;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The domain classifier on real data: Seattle weather against a shuffled split of itself, and against other years. */
class DomainClassifierTest {
    private static final String SEATTLE = "assay-core/src/test/resources/drift/seattle_weather.csv";
    private static final List<String> FEATURES = List.of("precipitation", "temp_max", "temp_min", "wind", "weather");

    @Test
    void theAucIntervalMatchesScikitLearnAndDeLong() throws IOException {
        JsonNode g = DriftOverTimeGoldenTest.golden().get("auc");
        Frame y2015 = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2015"), new ArrayList<>(), Integer.MAX_VALUE);
        Frame y2012 = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2012"), new ArrayList<>(), Integer.MAX_VALUE);
        double[] pos = ((dev.assay.core.data.NumericColumn) y2015.column("temp_max")).toArray();
        double[] neg = ((dev.assay.core.data.NumericColumn) y2012.column("temp_max")).toArray();
        boolean[] positive = new boolean[pos.length + neg.length];
        double[] scores = new double[positive.length];
        for (int i = 0; i < pos.length; i++) {
            positive[i] = true;
            scores[i] = pos[i];
        }
        System.arraycopy(neg, 0, scores, pos.length, neg.length);
        AucInterval auc = AucInterval.of(positive, scores, 0.95);
        assertThat(auc.auc()).isCloseTo(g.get("auc").asDouble(), within(1e-12));
        assertThat(auc.standardError()).isCloseTo(g.get("standard_error").asDouble(), within(1e-12));
        assertThat(auc.lower()).isCloseTo(auc.auc() - 1.959963984540054 * auc.standardError(), within(1e-12));
    }

    @Test
    void aShuffledSplitOfOneDataSetCannotBeToldApart() {
        Frame all = CsvFrames.read(SEATTLE, r -> true, new ArrayList<>(), Integer.MAX_VALUE);
        int[] order = permutation(all.rowCount(), new SplittableRandom(7));
        int half = all.rowCount() / 2;
        Frame a = all.slice(java.util.Arrays.copyOfRange(order, 0, half));
        Frame b = all.slice(java.util.Arrays.copyOfRange(order, half, order.length));
        DomainDrift d = DomainClassifier.run(a, "a", b, "b", FEATURES, DomainSettings.defaults(11));
        assertThat(d.auc().lower()).isLessThan(0.5);
        assertThat(d.auc().upper()).isGreaterThan(0.5);
        assertThat(d.auc().auc()).isBetween(0.4, 0.6);
    }

    @Test
    void aPlantedShiftIsFoundAndItsFeatureRankedFirst() {
        Frame ref = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2012") || r[0].startsWith("2013"), new ArrayList<>(),
                Integer.MAX_VALUE);
        Frame cur = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2014") || r[0].startsWith("2015"), new ArrayList<>(),
                Integer.MAX_VALUE);
        double[] wind = ((dev.assay.core.data.NumericColumn) cur.column("wind")).toArray();
        for (int i = 0; i < wind.length; i++) {
            wind[i] += 1.0;
        }
        Frame shifted = cur.withColumn(dev.assay.core.data.NumericColumn.wrap("wind", wind));
        // weather is left out: its mix of labels differs between these years, which separates them by itself
        List<String> numeric = FEATURES.subList(0, 4);
        DomainDrift d = DomainClassifier.run(ref, "2012-13", shifted, "2014-15", numeric, DomainSettings.defaults(11));
        assertThat(d.auc().lower()).isGreaterThan(0.6);
        assertThat(d.features().get(0).column()).isEqualTo("wind");
        assertThat(d.features().get(0).univariateAuc()).isGreaterThan(0.6);
        // the same years without the shift are much harder to tell apart
        DomainDrift plain = DomainClassifier.run(ref, "2012-13", cur, "2014-15", numeric, DomainSettings.defaults(11));
        assertThat(plain.auc().auc()).isLessThan(d.auc().auc() - 0.1);
    }

    @Test
    void menAndWomenOfAdultAreToldApartByRelationshipAndMaritalStatus() {
        List<String> header = new ArrayList<>();
        Frame men = CsvFrames.read("examples/models/adult.csv", r -> r[9].equals("Male"), header, Integer.MAX_VALUE);
        Frame women = CsvFrames.read("examples/models/adult.csv", r -> r[9].equals("Female"), header, Integer.MAX_VALUE);
        List<String> features = header.stream().filter(c -> !c.equals("sex")).toList();
        DomainDrift d = DomainClassifier.run(men, "men", women, "women", features, DomainSettings.defaults(5));
        assertThat(d.auc().lower()).isGreaterThan(0.8);
        assertThat(d.features().get(0).column()).isIn("relationship", "marital-status");
        assertThat(d.features().subList(0, 3)).extracting(DomainDrift.FeatureSeparation::column).contains("relationship");
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        Frame a = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2012"), new ArrayList<>(), Integer.MAX_VALUE);
        Frame b = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2015"), new ArrayList<>(), Integer.MAX_VALUE);
        assertThat(DomainClassifier.run(a, "a", b, "b", FEATURES, DomainSettings.defaults(3)))
                .isEqualTo(DomainClassifier.run(a, "a", b, "b", FEATURES, DomainSettings.defaults(3)));
    }

    @Test
    void unusableInputIsExplained() {
        Frame a = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2012"), new ArrayList<>(), 3);
        Frame b = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2015"), new ArrayList<>(), 100);
        assertThatThrownBy(() -> DomainClassifier.run(a, "ref.csv", b, "cur.csv", FEATURES, DomainSettings.defaults(3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ref.csv has 3 rows");
        Frame c = CsvFrames.read(SEATTLE, r -> r[0].startsWith("2012"), new ArrayList<>(), 100);
        assertThatThrownBy(() -> DomainClassifier.run(c, "ref.csv", b, "cur.csv", List.of("nope"), DomainSettings.defaults(3)))
                .hasMessageContaining("No column can be used").hasMessageContaining("'nope'");
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
