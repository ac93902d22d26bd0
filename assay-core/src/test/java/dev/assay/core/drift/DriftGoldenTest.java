package dev.assay.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every drift method against SciPy 1.10.1 on real data: {@code golden/drift.json} from {@code scripts/golden/drift_golden.py}. */
class DriftGoldenTest {
    private static JsonNode golden() throws IOException {
        try (InputStream in = DriftGoldenTest.class.getResourceAsStream("/golden/drift.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        golden().get("cases").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void matchesScipy(JsonNode c) {
        Frame ref = side(c, c.get("reference"), true);
        Frame cur = side(c, c.get("current"), false);
        Iterator<Map.Entry<String, JsonNode>> columns = c.get("columns").fields();
        int checked = 0;
        while (columns.hasNext()) {
            Map.Entry<String, JsonNode> e = columns.next();
            JsonNode g = e.getValue();
            ColumnSamples.Pair pair = ColumnSamples.of(e.getKey(), ref, "ref", cur, "cur");
            assertThat(pair.problem()).isNull();
            assertThat(pair.reference().count()).isEqualTo(g.get("n_ref").asLong());
            assertThat(pair.current().count()).isEqualTo(g.get("n_cur").asLong());
            if (g.get("kind").asText().equals("numeric")) {
                numeric(e.getKey(), (NumericSample) pair.reference(), (NumericSample) pair.current(), g);
            } else {
                categorical(e.getKey(), (CategorySample) pair.reference(), (CategorySample) pair.current(), g);
            }
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static void numeric(String column, NumericSample r, NumericSample c, JsonNode g) {
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(r.sorted(), c.sorted());
        assertThat(ks.statistic()).as(column + " D").isCloseTo(g.get("ks_statistic").asDouble(), within(1e-15));
        assertThat(ks.exact()).as(column + " exact").isEqualTo(g.get("ks_exact").asBoolean());
        assertRelative(column + " KS p", ks.pValue(), g.get("ks_p").asDouble(), 1e-9);
        assertRelative(column + " W1", Wasserstein.distance(r.sorted(), c.sorted()), g.get("wasserstein").asDouble(), 1e-12);
        assertRelative(column + " std", Wasserstein.standardDeviation(r.sorted()), g.get("ref_std").asDouble(), 1e-12);
        CramerVonMises.Result cvm = CramerVonMises.test(r.sorted(), c.sorted());
        assertRelative(column + " CvM T", cvm.statistic(), g.get("cvm_statistic").asDouble(), 1e-10);
        assertThat(cvm.pValue()).as(column + " CvM p").isCloseTo(g.get("cvm_p").asDouble(), within(cvm.exact() ? 1e-12 : 1e-8));
        Binned bins = Binned.quantiles(r, c, 10);
        assertThat(bins.labels()).hasSize(g.get("edges").size() + 1);
        distances(column, bins, g);
    }

    private static void categorical(String column, CategorySample r, CategorySample c, JsonNode g) {
        Binned bins = Binned.categories(r, c);
        List<String> levels = new ArrayList<>();
        g.get("levels").forEach(l -> levels.add(l.asText()));
        assertThat(bins.labels()).containsExactlyInAnyOrderElementsOf(levels);
        ChiSquareHomogeneity.Result chi = ChiSquareHomogeneity.test(bins.reference(), bins.current());
        assertRelative(column + " chi2", chi.statistic(), g.get("chi2_statistic").asDouble(), 1e-12);
        assertThat(chi.dof()).isEqualTo(g.get("dof").asInt());
        assertRelative(column + " chi2 p", chi.pValue(), g.get("chi2_p").asDouble(), 1e-9);
        assertRelative(column + " V", chi.cramersV(), g.get("cramers_v").asDouble(), 1e-12);
        distances(column, bins, g);
    }

    private static void distances(String column, Binned bins, JsonNode g) {
        double[] p = bins.referenceShares();
        double[] q = bins.currentShares();
        assertThat(HistogramDistances.psi(p, q)).as(column + " PSI").isCloseTo(g.get("psi").asDouble(), within(1e-12));
        assertThat(HistogramDistances.jensenShannon(p, q)).as(column + " JS").isCloseTo(g.get("jensen_shannon").asDouble(), within(1e-12));
        assertThat(HistogramDistances.hellinger(p, q)).as(column + " H").isCloseTo(g.get("hellinger").asDouble(), within(1e-12));
    }

    @Test
    void kolmogorovSurvivalOnEveryBranch() throws IOException {
        for (JsonNode g : golden().get("kstwo_sf")) {
            long n = g.get("n").asLong();
            double x = g.get("x").asDouble();
            assertRelative("kstwo.sf(" + x + ", " + n + ")", KolmogorovDistribution.sf(n, x), g.get("sf").asDouble(), 1e-9);
        }
    }

    private static void assertRelative(String what, double actual, double expected, double tolerance) {
        assertThat(actual).as(what).isCloseTo(expected, within(Math.max(Math.abs(expected) * tolerance, 1e-300)));
    }

    private static Frame side(JsonNode c, JsonNode desc, boolean reference) {
        String file = desc.has("file") ? "examples/german-credit/" + desc.get("file").asText() : c.get("file").asText();
        Predicate<String[]> keep = r -> true;
        if (desc.has("year")) {
            String year = desc.get("year").asText();
            keep = r -> r[0].startsWith(year);
        } else if (desc.has("sex")) {
            String sex = desc.get("sex").asText();
            keep = r -> r[9].equals(sex);
        }
        int head = desc.has("head") ? desc.get("head").asInt() : Integer.MAX_VALUE;
        return CsvFrames.read(file, keep, new ArrayList<>(), head);
    }
}
