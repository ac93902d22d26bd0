package dev.assay.core.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.uncertainty.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sampler against imbalanced-learn 0.12.4 {@code fit_resample} with the same seed, on Pima diabetes, wine,
 * German credit (SMOTE-NC) and the fixtures of imbalanced-learn's own tests: the same kept rows in the same order
 * and the same new rows (within 1e-9).
 */
class SamplersGoldenTest {
    private static final JsonNode GOLDEN = Golden.read("resample/samplers.json");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : GOLDEN.get("cases")) {
            out.add(Arguments.of(c.get("data").asText() + " " + c.get("method").asText() + " " + c.get("params"), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resamplesAsImbalancedLearn(String name, JsonNode c) {
        String data = c.get("data").asText();
        double[][] x;
        String[] labels;
        boolean[] categorical = null;
        List<List<String>> levels = new ArrayList<>();
        if (GOLDEN.get("data").has(data)) {
            x = Golden.doubleRows(GOLDEN.get("data").get(data).get("x"));
            labels = Golden.strings(GOLDEN.get("data").get(data).get("y")).toArray(new String[0]);
        } else {
            ResampleData d = ResampleData.byName(data);
            labels = d.labels();
            if (data.equals("german")) {
                categorical = new boolean[d.columns().size()];
                for (JsonNode j : c.get("params").get("categorical")) {
                    categorical[j.asInt()] = true;
                }
                x = encode(d.cells(), categorical, levels);
            } else {
                x = d.numeric();
            }
        }
        boolean numeric = java.util.Arrays.stream(labels).allMatch(s -> s.matches("-?\\d+"));
        Classes classes = Classes.of(labels, numeric);
        Resampled r = sampler(c.get("method").asText(), c.get("params"), categorical).resample(x, classes);

        assertThat(r.kept()).containsExactly(Golden.ints(c.get("kept")));
        List<String> yNew = Golden.strings(c.get("y_new"));
        assertThat(r.syntheticClasses().length).isEqualTo(yNew.size());
        for (int i = 0; i < yNew.size(); i++) {
            assertThat(classes.names().get(r.syntheticClasses()[i])).isEqualTo(yNew.get(i));
        }
        if (!c.has("new_rows")) {
            assertThat(r.synthetic()).isEmpty();
            return;
        }
        JsonNode rows = c.get("new_rows");
        assertThat(r.synthetic().length).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < x[0].length; j++) {
                JsonNode e = rows.get(i).get(j);
                double v = r.synthetic()[i][j];
                if (categorical != null && categorical[j]) {
                    assertThat(levels.get(j).get((int) v)).as("new row %d column %d", i, j).isEqualTo(e.asText());
                } else {
                    assertThat(v).as("new row %d column %d", i, j).isCloseTo(e.asDouble(), within(1e-9 * (1 + Math.abs(v))));
                }
            }
        }
    }

    static Sampler sampler(String method, JsonNode p, boolean[] categorical) {
        long seed = p.path("seed").asLong(0);
        int k = p.path("k").asInt(5);
        SamplingStrategy s = p.has("strategy") ? SamplingStrategy.parse(p.get("strategy").asText()) : SamplingStrategy.auto();
        return switch (method) {
            case "smote" -> new Smote(s, k, seed);
            case "adasyn" -> new Adasyn(s, k, seed);
            case "borderline_smote" -> new BorderlineSmote(s, p.get("kind").asInt(), k, p.get("m").asInt(), seed);
            case "smotenc" -> new SmoteNc(categorical, s, k, seed);
            case "random_over" -> new RandomOverSampler(s, seed);
            case "random_under" -> new RandomUnderSampler(s, seed);
            case "tomek" -> new TomekLinks(s);
            case "nearmiss" -> new NearMiss(s, p.get("version").asInt(), 3, 3);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** Numbers as they are; each categorical column as the index of its value among the sorted values. */
    static double[][] encode(String[][] cells, boolean[] categorical, List<List<String>> levels) {
        int w = categorical.length;
        for (int j = 0; j < w; j++) {
            TreeSet<String> set = new TreeSet<>();
            for (String[] row : cells) {
                set.add(row[j]);
            }
            levels.add(categorical[j] ? new ArrayList<>(set) : List.of());
        }
        double[][] x = new double[cells.length][w];
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < w; j++) {
                x[i][j] = categorical[j] ? levels.get(j).indexOf(cells[i][j]) : Double.parseDouble(cells[i][j]);
            }
        }
        return x;
    }
}
