package dev.assay.core.slicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnBinsTest {

    /** Every numeric column of Adult, cut in 4 and 10 quantile bins, against pandas.qcut (slicing_golden.py). */
    @Test
    void quantileBinsMatchPandasQcutOnAdult() throws IOException {
        Frame adult = adultNumbers();
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/slicing_adult.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        for (JsonNode c : golden.get("cases")) {
            String column = c.get("column").asText();
            ColumnBins bins = ColumnBins.of(adult, column, new Binning(c.get("q").asInt(), 50));
            List<Slice> slices = bins.slices();
            assertThat(slices).as(column).hasSize(c.get("counts").size());
            for (int b = 0; b < slices.size(); b++) {
                assertThat(slices.get(b).size()).as(column + " bin " + b).isEqualTo(c.get("counts").get(b).asInt());
            }
            if (c.has("edges")) {
                JsonNode e = c.get("edges");
                for (int b = 0; b < slices.size(); b++) {
                    String label = (b == 0 ? "[" : "(") + dev.assay.core.data.NumberText.format(e.get(b).asDouble()) + ", "
                            + dev.assay.core.data.NumberText.format(e.get(b + 1).asDouble()) + "]";
                    assertThat(bins.term(b)).isEqualTo(new SliceTerm(column, label, SliceTerm.Kind.INTERVAL));
                }
            } else {
                assertThat(bins.term(0).kind()).isEqualTo(SliceTerm.Kind.VALUE);
            }
        }
    }

    @Test
    void describesIntervalsValuesAndMissing() {
        Frame frame = Frame.of(NumericColumn.of("age", 17, 20, 30, 40, 50, 60, Double.NaN, 90),
                CategoricalColumn.of("sex", "F", "M", "F", null, "M", "F", "M", "F"));
        ColumnBins age = ColumnBins.of(frame, "age", new Binning(2, 50));
        assertThat(age.slices()).extracting(Slice::describe)
                .containsExactly("age in [17, 40]", "age in (40, 90]", "age is missing");
        assertThat(age.slices()).extracting(Slice::size).containsExactly(4, 3, 1);
        ColumnBins sex = ColumnBins.of(frame, "sex", Binning.DEFAULT);
        List<Slice> pairs = age.crossSlices(sex);
        assertThat(pairs).extracting(Slice::describe).contains("age in [17, 40] and sex = F", "age is missing and sex = M");
        assertThat(pairs.stream().mapToInt(Slice::size).sum()).isEqualTo(8);
        assertThat(pairs).extracting(Slice::describe).contains("age in [17, 40] and sex is missing");
        assertThat(pairs.get(0).refines(age.slices().get(0))).isTrue();
    }

    @Test
    void fewDistinctNumbersAreCutByValue() {
        Frame frame = Frame.of(NumericColumn.of("flag", 0, 1, 1, 0, 1, 0.5));
        assertThat(ColumnBins.of(frame, "flag", Binning.DEFAULT).slices()).extracting(Slice::describe)
                .containsExactly("flag = 0", "flag = 0.5", "flag = 1");
    }

    @Test
    void keepsTheMostFrequentCategories() {
        Frame frame = Frame.of(CategoricalColumn.of("c", "a", "b", "b", "c", "c", "c"));
        ColumnBins bins = ColumnBins.of(frame, "c", new Binning(4, 2));
        assertThat(bins.slices()).extracting(Slice::describe).containsExactly("c = b", "c = c");
        assertThat(bins.bin(0)).isEqualTo(ColumnBins.NONE);
        assertThat(bins.note()).contains("3 values").contains("2 most frequent");
    }

    @Test
    void refusesFreeText() {
        Frame frame = Frame.of("mail.csv", List.of(TextColumn.of("body", "hello there", "buy now")));
        assertThatThrownBy(() -> ColumnBins.of(frame, "body", Binning.DEFAULT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'body' of mail.csv holds free text");
    }

    @Test
    void distinctValuesWithTheirCountsGiveTheBinsOfTheRows() throws IOException {
        Frame adult = adultNumbers();
        for (String name : List.of("age", "fnlwgt", "education-num", "capital-gain", "hours-per-week")) {
            NumericColumn column = (NumericColumn) adult.column(name, "slice");
            java.util.TreeMap<Double, Long> counts = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
            for (int i = 0; i < column.size(); i++) {
                counts.merge(column.get(i), 1L, Long::sum);
            }
            counts.put(Double.NaN, 0L);
            double[] values = counts.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            long[] rows = counts.values().stream().mapToLong(Long::longValue).toArray();
            ColumnBins fromRows = ColumnBins.of(adult, name, new Binning(7, Binning.DEFAULT.maxLevels()));
            ColumnBins fromDistinct = ColumnBins.ofDistinct(Frame.of(NumericColumn.wrap(name, values)), name, rows,
                    new Binning(7, Binning.DEFAULT.maxLevels()));
            assertThat(fromDistinct.binCount()).as(name).isEqualTo(fromRows.binCount());
            for (int b = 0; b < fromRows.binCount(); b++) {
                assertThat(fromDistinct.term(b)).as(name).isEqualTo(fromRows.term(b));
            }
            java.util.Map<Double, Integer> at = new java.util.HashMap<>();
            for (int r = 0; r < values.length; r++) {
                at.put(values[r], r);
            }
            for (int i = 0; i < column.size(); i++) {
                assertThat(fromDistinct.bin(at.get(column.get(i)))).as(name + " row " + i).isEqualTo(fromRows.bin(i));
            }
        }
        Frame categories = Frame.of(CategoricalColumn.of("c", "a", "b", "b", "c", "c", "c"));
        Frame distinct = Frame.of(CategoricalColumn.of("c", "a", "b", "c"));
        ColumnBins top = ColumnBins.ofDistinct(distinct, "c", new long[] {1, 2, 3}, new Binning(4, 2));
        ColumnBins rows = ColumnBins.of(categories, "c", new Binning(4, 2));
        assertThat(top.note()).isEqualTo(rows.note());
        assertThat(List.of(top.term(0), top.term(1))).isEqualTo(List.of(rows.term(0), rows.term(1)));
    }

    private static Frame adultNumbers() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../examples/models/adult.csv"));
        String[] header = lines.get(0).split(",");
        List<NumericColumn> columns = new ArrayList<>();
        for (String name : List.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week")) {
            int col = List.of(header).indexOf(name);
            double[] values = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                values[i - 1] = Double.parseDouble(lines.get(i).split(",")[col]);
            }
            columns.add(NumericColumn.wrap(name, values));
        }
        return Frame.of(columns);
    }
}
