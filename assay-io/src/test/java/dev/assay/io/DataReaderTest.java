package dev.assay.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.ColumnType;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataReaderTest {
    private final DataReader reader = new DataReader();

    @TempDir
    Path tmp;

    static Path data(String name) {
        try {
            return Path.of(DataReaderTest.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static Map<String, Long> counts(CategoricalColumn c) {
        Map<String, Long> out = new LinkedHashMap<>();
        long[] n = c.levelCounts();
        for (int i = 0; i < n.length; i++) {
            out.put(c.levels().get(i), n[i]);
        }
        return out;
    }

    @Test
    void germanCreditLoadsWithTypesCountsAndProvenance() throws Exception {
        Path file = data("german_credit.csv");
        LoadedData loaded = reader.read(file, "current");
        Frame f = loaded.frame();

        assertThat(f.rowCount()).isEqualTo(1000);
        assertThat(f.columnCount()).isEqualTo(21);
        assertThat(f.source()).isEqualTo(file.toString());
        CategoricalColumn label = (CategoricalColumn) f.column("class");
        assertThat(counts(label)).containsExactly(Map.entry("bad", 300L), Map.entry("good", 700L));
        assertThat(counts((CategoricalColumn) f.column("foreign_worker"))).containsExactly(Map.entry("no", 37L), Map.entry("yes", 963L));
        List<String> numeric = List.of("duration", "credit_amount", "installment_commitment", "residence_since", "age",
                "existing_credits", "num_dependents");
        for (Column c : f.columns()) {
            assertThat(c.type()).as(c.name()).isEqualTo(numeric.contains(c.name()) ? ColumnType.NUMERIC : ColumnType.CATEGORICAL);
        }
        NumericColumn age = (NumericColumn) f.column("age");
        assertThat(age.get(0)).isEqualTo(67.0);
        assertThat(f.column("purpose").format(0)).isEqualTo("radio/tv");

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(loaded.info().fingerprint()).isEqualTo("sha256:" + sha);
        assertThat(loaded.info().role()).isEqualTo("current");
        assertThat(loaded.info().location()).isEqualTo(file.toString());
        assertThat(loaded.info().rows()).isEqualTo(1000);
        assertThat(loaded.info().columns()).isEqualTo(21);
    }

    @Test
    void onlyTheColumnsAskedForAreReadWhenTheFileHoldsThemAll() {
        Path file = data("german_credit.csv");
        ReadOptions few = ReadOptions.defaults().withOnlyColumns(java.util.Arrays.asList("class", null, "age"))
                .withColumnType("duration", ColumnType.CATEGORICAL).withoutFingerprint();
        LoadedData loaded = reader.read(file, "current", few);
        assertThat(loaded.frame().columns()).extracting(Column::name).containsExactly("duration", "age", "class");
        assertThat(loaded.frame().column("duration").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(loaded.frame().column("age").format(0)).isEqualTo("67");
        assertThat(loaded.info().fingerprint()).isNull();
        assertThat(loaded.info().columns()).isEqualTo(3);

        ReadOptions typo = ReadOptions.defaults().withOnlyColumns(List.of("class", "agee"));
        assertThat(reader.read(file, "current", typo).frame().columnCount()).isEqualTo(21);
    }

    @Test
    void irisValuesMatchTheFileText() throws IOException {
        Frame f = reader.read(data("iris.csv"), "reference").frame();
        List<String> lines = Files.readAllLines(data("iris.csv"));
        assertThat(f.rowCount()).isEqualTo(lines.size() - 1);
        for (int row = 0; row < f.rowCount(); row++) {
            String[] fields = lines.get(row + 1).split(",");
            for (int c = 0; c < 4; c++) {
                assertThat(((NumericColumn) f.columns().get(c)).get(row)).isEqualTo(Double.parseDouble(fields[c]));
            }
            assertThat(f.column("species").format(row)).isEqualTo(fields[4]);
        }
        assertThat(counts((CategoricalColumn) f.column("species")))
                .containsExactly(Map.entry("setosa", 50L), Map.entry("versicolor", 50L), Map.entry("virginica", 50L));
    }

    @Test
    void adultQuestionMarksAreMissingOnlyWhenDeclared() throws IOException {
        Path file = data("adult_first2000.csv");
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        List<String> stringColumns = List.of("workclass", "education", "marital-status", "occupation", "relationship", "race", "sex",
                "native-country", "income-per-year");

        Frame plain = reader.read(file, "current").frame();
        Frame marked = reader.read(file, "current", ReadOptions.defaults().withMissingValues("?")).frame();

        assertThat(marked.rowCount()).isEqualTo(2000);
        for (String name : stringColumns) {
            int col = List.of(header).indexOf(name);
            long questionMarks = lines.stream().skip(1).filter(l -> l.split(",", -1)[col].equals("?")).count();
            assertThat(plain.column(name).type()).as(name).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(marked.column(name).type()).as(name).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(plain.column(name).missingCount()).as(name).isZero();
            assertThat(marked.column(name).missingCount()).as(name).isEqualTo((int) questionMarks);
            assertThat(((CategoricalColumn) plain.column(name)).levels().contains("?")).isEqualTo(questionMarks > 0);
            assertThat(((CategoricalColumn) marked.column(name)).levels()).doesNotContain("?");
        }
        assertThat(marked.column("workclass").missingCount()).isPositive();
        assertThat(marked.column("age").type()).isEqualTo(ColumnType.NUMERIC);
    }

    @Test
    void parquetAndJsonCopiesLoadToTheSameFrameAsTheCsv() throws SQLException {
        Path csv = data("adult_first2000.csv");
        Path parquet = tmp.resolve("adult.parquet");
        Path jsonl = tmp.resolve("adult.jsonl");
        Path jsonArray = tmp.resolve("adult.json");
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:"); Statement st = conn.createStatement()) {
            String from = "(SELECT * FROM read_csv('" + csv.toAbsolutePath() + "'))";
            st.execute("COPY " + from + " TO '" + parquet + "' (FORMAT PARQUET)");
            st.execute("COPY " + from + " TO '" + jsonl + "' (FORMAT JSON)");
            st.execute("COPY " + from + " TO '" + jsonArray + "' (FORMAT JSON, ARRAY true)");
        }
        ReadOptions options = ReadOptions.defaults().withMissingValues("?");
        Frame expected = reader.read(csv, "current", options).frame();
        for (Path copy : List.of(parquet, jsonl, jsonArray)) {
            Frame f = reader.read(copy, "current", options).frame();
            assertThat(f.columnNames()).as(copy.toString()).isEqualTo(expected.columnNames());
            assertThat(f.columns()).as(copy.toString()).isEqualTo(expected.columns());
            assertThat(f.source()).isEqualTo(copy.toString());
        }
    }

    @Test
    void freeTextBecomesTextAndRepeatedStringsStayCategorical() throws IOException {
        StringBuilder sb = new StringBuilder("text,topic\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("message number ").append(i).append(" about things,topic ").append(i % 7).append('\n');
        }
        Frame f = reader.read(write("notes.csv", sb.toString()), "current").frame();
        assertThat(f.column("text")).isInstanceOf(TextColumn.class);
        assertThat(f.column("text").format(2999)).isEqualTo("message number 2999 about things");
        assertThat(((CategoricalColumn) f.column("topic")).levels()).hasSize(7);
    }

    @Test
    void manyDistinctValuesInFewRowsStayCategorical() throws IOException {
        StringBuilder sb = new StringBuilder("name\n");
        for (int i = 0; i < 900; i++) {
            sb.append("person ").append(i).append('\n');
        }
        assertThat(reader.read(write("names.csv", sb.toString()), "current").frame().column("name")).isInstanceOf(CategoricalColumn.class);
    }

    @Test
    void levelsAreSortedAndEmptyFieldsAreMissing() throws IOException {
        Frame f = reader.read(write("x.csv", "c,n\nz,1\na,\n,3\nm,NaN\n"), "current").frame();
        CategoricalColumn c = (CategoricalColumn) f.column("c");
        assertThat(c.levels()).containsExactly("a", "m", "z");
        assertThat(c.get(0)).isEqualTo("z");
        assertThat(c.isMissing(2)).isTrue();
        NumericColumn n = (NumericColumn) f.column("n");
        assertThat(n.toArray()).containsExactly(1.0, Double.NaN, 3.0, Double.NaN);
    }

    @Test
    void naIsAValueUnlessDeclaredMissing() throws IOException {
        Path file = write("na.csv", "x\n1\nNA\n3\n");
        assertThat(reader.read(file, "current").frame().column("x")).isInstanceOf(CategoricalColumn.class);
        Frame f = reader.read(file, "current", ReadOptions.defaults().withMissingValues("NA")).frame();
        assertThat(((NumericColumn) f.column("x")).toArray()).containsExactly(1.0, Double.NaN, 3.0);
    }

    @Test
    void numericLabelDeclaredCategoricalKeepsItsSpelling() throws IOException {
        Path file = write("labels.csv", "y,score\n1,0.9\n0,0.2\n1,0.5\n");
        Frame inferred = reader.read(file, "current").frame();
        assertThat(inferred.column("y")).isInstanceOf(NumericColumn.class);
        Frame f = reader.read(file, "current", ReadOptions.defaults().withColumnType("y", ColumnType.CATEGORICAL)).frame();
        CategoricalColumn y = (CategoricalColumn) f.column("y");
        assertThat(y.levels()).containsExactly("0", "1");
        assertThat(y.get(0)).isEqualTo("1");
        assertThat(f.column("score")).isInstanceOf(NumericColumn.class);
    }

    @Test
    void columnDeclaredNumericIsParsedAndABadValueNamesItsLine() throws IOException {
        Path file = write("bad.csv", "id,amount\n\"a,1\",\"1.5\"\n\nb,2.5\nc,oops\n");
        Path good = write("good.csv", "id,amount\na, 1.5\nb,-2e3\nc,?\n");
        Frame f = reader.read(good, "current", ReadOptions.defaults().withMissingValues("?").withColumnType("amount", ColumnType.NUMERIC))
                .frame();
        assertThat(((NumericColumn) f.column("amount")).toArray()).containsExactly(1.5, -2000.0, Double.NaN);

        assertThatThrownBy(() -> reader.read(file, "current", ReadOptions.defaults().withColumnType("amount", ColumnType.NUMERIC)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'amount'")
                .hasMessageContaining("line 5 (data row 3)")
                .hasMessageContaining("'oops'")
                .hasMessageContaining("numeric")
                .hasMessageContaining("remove or correct the value, or declare the column categorical".substring(1));
    }

    @Test
    void declaringATypeForAnAbsentColumnListsTheColumns() {
        assertThatThrownBy(() -> reader.read(data("iris.csv"), "current", ReadOptions.defaults().withColumnType("specis", ColumnType.CATEGORICAL)))
                .isInstanceOf(UnknownColumnException.class)
                .hasMessageContaining("'specis'")
                .hasMessageContaining("Did you mean 'species'")
                .hasMessageContaining("sepal length (cm)");
    }

    @Test
    void columnDeclaredTextIsText() {
        Frame f = reader.read(data("iris.csv"), "current", ReadOptions.defaults().withColumnType("species", ColumnType.TEXT)).frame();
        assertThat(f.column("species")).isInstanceOf(TextColumn.class);
        assertThat(f.column("species").format(0)).isEqualTo("setosa");
    }

    @Test
    void delimiterIsGuessedFromTheHeaderOrGiven() throws IOException {
        Frame semi = reader.read(write("semi.csv", "a;b\n1,5;x\n2;y\n"), "current").frame();
        assertThat(semi.columnNames()).containsExactly("a", "b");
        assertThat(semi.column("a").format(0)).isEqualTo("1,5");
        Frame tab = reader.read(write("t.tsv", "a\tb\n1\tx\n"), "current").frame();
        assertThat(tab.columnNames()).containsExactly("a", "b");
        Frame pipe = reader.read(write("p.txt", "a|b,c\n1|x,y\n"), "current", ReadOptions.defaults().withDelimiter(',')).frame();
        assertThat(pipe.columnNames()).containsExactly("a|b", "c");
    }

    @Test
    void booleansAreCategoricalAndDatesAreIsoText() throws IOException {
        Path json = write("events.ndjson", "{\"ok\": true, \"day\": \"2012-01-31\", \"at\": \"2012-01-31 10:30:00\"}\n"
                + "{\"ok\": false, \"day\": \"2013-02-01\", \"at\": \"2013-02-01 00:00:05\"}\n{\"ok\": null, \"day\": null, \"at\": null}\n");
        Frame f = reader.read(json, "current").frame();
        CategoricalColumn ok = (CategoricalColumn) f.column("ok");
        assertThat(ok.levels()).containsExactly("false", "true");
        assertThat(ok.codesArray()).containsExactly(1, 0, -1);
        assertThat(f.column("day")).isInstanceOf(TextColumn.class);
        assertThat(f.column("day").format(0)).isEqualTo("2012-01-31");
        assertThat(f.column("at").format(1)).isEqualTo("2013-02-01T00:00:05");
        assertThat(f.column("at").isMissing(2)).isTrue();
    }

    @Test
    void formatCanBeGivenWhateverTheExtension() throws IOException {
        Path file = write("export.dat", "{\"a\": 1}\n{\"a\": 2}\n");
        Frame f = reader.read(file, "current", ReadOptions.defaults().withFormat(DataFormat.JSON)).frame();
        assertThat(((NumericColumn) f.column("a")).toArray()).containsExactly(1.0, 2.0);
    }

    @Test
    void missingFileSaysTheAbsolutePathAndWorkingDirectory() {
        Path file = Path.of("no-such-dir", "nothing.csv");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("File not found: " + file)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("working directory " + Path.of("").toAbsolutePath())
                .hasMessageContaining("does not exist either");
    }

    @Test
    void directoryIsRejectedWithTheDataFilesInIt() throws IOException {
        write("one.csv", "a\n1\n");
        assertThatThrownBy(() -> reader.read(tmp, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a directory")
                .hasMessageContaining("one.csv");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = write("empty.csv", "");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + " is empty (0 bytes)");
    }

    @Test
    void headerWithoutRowsIsRejected() throws IOException {
        Path file = write("header.csv", "age,name\n");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has a header line (columns age, name) but no data rows");
    }

    @Test
    void duplicateColumnNamesAreRejectedBeforeDuckDbRenamesThem() throws IOException {
        Path file = write("dup.csv", "a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("names column 'a' more than once")
                .hasMessageContaining("rename");
    }

    @Test
    void raggedRowInTheSampleIsReportedWithItsLine() throws IOException {
        Path file = write("ragged.csv", "a,b,c\n1,x,2\n\n3,y\n4,z,5\n");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Line 4 of " + file + " has 2 fields where the header has 3")
                .hasMessageContaining("3,y");
    }

    @Test
    void raggedRowAfterTheSampleIsReportedWithItsLine() throws IOException {
        StringBuilder sb = new StringBuilder("age,name,score\n");
        for (int i = 0; i < 30000; i++) {
            sb.append(i).append(",n").append(i).append(",1\n");
        }
        sb.append("61,n,3,4\n");
        Path file = write("late.csv", sb.toString());
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Line 30002 of " + file + " has 4 fields where the header has 3")
                .hasMessageContaining("61,n,3,4");
    }

    @Test
    void valueAfterTheTypeSampleThatDoesNotFitIsReportedWithItsLine() throws IOException {
        StringBuilder sb = new StringBuilder("age,name\n");
        for (int i = 0; i < 30000; i++) {
            sb.append(i).append(",n").append(i).append('\n');
        }
        sb.append("unknown,x\n");
        Path file = write("late-type.csv", sb.toString());
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 'age'")
                .hasMessageContaining("line 30002 holds 'unknown'")
                .hasMessageContaining("declare the column's type");
        Frame f = reader.read(file, "current", ReadOptions.defaults().withColumnType("age", ColumnType.CATEGORICAL)).frame();
        assertThat(f.column("age").format(30000)).isEqualTo("unknown");
    }

    @Test
    void unsupportedExtensionListsTheSupportedOnes() throws IOException {
        Path file = write("data.xlsx", "not really");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Cannot tell the format of " + file)
                .hasMessageContaining(".csv, .tsv, .txt, .parquet, .json, .jsonl, .ndjson");
    }

    @Test
    void csvRenamedParquetIsReportedAsNotParquet() throws IOException {
        Path file = tmp.resolve("iris.parquet");
        Files.copy(data("iris.csv"), file);
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + " is not a readable Parquet file");
    }

    @Test
    void invalidJsonIsReported() throws IOException {
        Path file = write("broken.jsonl", "{\"a\": 1}\n{\"a\": \n");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + " is not valid JSON")
                .hasMessageContaining("line 3");
    }

    @Test
    void csvBooleansKeepTheirSpelling() throws IOException {
        Frame f = reader.read(write("flags.csv", "flag\nyes\nno\nTrue\n"), "current").frame();
        assertThat(((CategoricalColumn) f.column("flag")).levels()).containsExactly("True", "no", "yes");
    }

    @Test
    void jsonValueThatIsNotANumberNamesItsRecord() throws IOException {
        Path file = write("scores.jsonl", "{\"s\": \"0.5\"}\n{\"s\": \"high\"}\n");
        assertThatThrownBy(() -> reader.read(file, "current", ReadOptions.defaults().withColumnType("s", ColumnType.NUMERIC)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Column 's' in " + file + " is declared numeric, but record 2 holds 'high'");
        Path numbers = write("numbers.jsonl", "{\"s\": \"0.5\"}\n{\"s\": \"7\"}\n");
        Frame f = reader.read(numbers, "current", ReadOptions.defaults().withColumnType("s", ColumnType.NUMERIC)).frame();
        assertThat(((NumericColumn) f.column("s")).toArray()).containsExactly(0.5, 7.0);
    }

    @Test
    void numbersWithBlanksAroundThemAreNumbersAndHexIsNot() throws IOException {
        Frame f = reader.read(write("blanks.csv", "y,s,t\n1, 0.5 ,0x1p-1\n0,\t.25,2\n1,,3\n"), "current").frame();
        assertThat(((NumericColumn) f.column("s")).toArray()).containsExactly(0.5, 0.25, Double.NaN);
        assertThat(f.column("t")).isInstanceOf(CategoricalColumn.class);
        assertThatThrownBy(() -> f.numeric("t", "score"))
                .hasMessage("Column 't' (score) in " + tmp.resolve("blanks.csv") + " must be numeric, but row 1 (line 2) holds"
                        + " '0x1p-1', which is not a number (numbers are written like 0.5, -2, 1e-3, NaN or Inf). Correct or remove"
                        + " the value, or pick a numeric column.");
    }

    @Test
    void rowsNameTheirLineAcrossBlankLinesAndQuotedLineBreaks() throws IOException {
        Frame f = reader.read(write("lines.csv", "y,s\n\"a\nb\",1\n\nc,x\n"), "current").frame();
        assertThat(f.describeRow(0)).isEqualTo("row 1 (line 2)");
        assertThat(f.describeRow(1)).isEqualTo("row 2 (line 5)");
    }

    @Test
    void aHugeFieldNamesItsLineAndIsNotEchoed() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 4; i++) {
            sb.append(i).append(",x,1\n");
        }
        sb.append("5,").append("y".repeat(3_000_000)).append(",1\n6,z,1\n");
        Path file = write("huge.csv", sb.toString());
        assertThatThrownBy(() -> reader.read(file, "current"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Line 6 of " + file + " (3,000,004 bytes; it starts 5," + "y".repeat(58) + "... (2999944 more characters))"
                        + " is longer than the 2,000,000 bytes a CSV line may have. Shorten or remove the long value; if the line"
                        + " should have ended earlier, look for an unclosed double quote.");
    }

    @Test
    void raggedAndNonNumericValuesAreQuotedShort() throws IOException {
        String longValue = "v".repeat(500);
        Path ragged = write("ragged-long.csv", "a,b\n1,2\n3," + longValue + ",4\n");
        assertThatThrownBy(() -> reader.read(ragged, "current"))
                .hasMessage("Line 3 of " + ragged + " has 3 fields where the header has 2 (delimiter ','): 3," + "v".repeat(58)
                        + "... (444 more characters). Every row needs one value per header column: fix the row (a missing value is an"
                        + " empty field between two delimiters), and quote values that contain the delimiter.");
        Path declared = write("declared.csv", "a\n1\n" + longValue + "\n");
        assertThatThrownBy(() -> reader.read(declared, "current", ReadOptions.defaults().withColumnType("a", ColumnType.NUMERIC)))
                .hasMessageStartingWith("Column 'a' in " + declared + " is declared numeric, but line 3 (data row 2) holds '"
                        + "v".repeat(60) + "... (440 more characters)', which is not a number.");
    }

    @Test
    void anUnclosedQuoteIsNamedWithTheLineItOpensOn() throws IOException {
        Path file = write("quote.csv", "a,b,c\n1,x,2\n3,\"y,4\n5,z,6\n7,w,8\n");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .hasMessage("Line 3 of " + file + " has 2 fields where the header has 3 (delimiter ','): 3,y,4\\n5,z,6\\n7,w,8\\n."
                        + " The row runs over 3 lines, so a double quote in it is probably never closed. Every row needs one value per"
                        + " header column: fix the row (a missing value is an empty field between two delimiters), and quote values"
                        + " that contain the delimiter.");
    }

    @Test
    void aFileOfBlankLinesHasNoHeader() throws IOException {
        Path file = write("blank.csv", "\n\n\n");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .hasMessage("File " + file + " holds only blank lines. Expected a header line and at least one data row; check that"
                        + " the file was written completely.");
    }

    @Test
    void aHeaderWithLongNamesAndNoRowsIsQuotedShort() throws IOException {
        Path file = write("names.csv", "id," + "n".repeat(100) + "\n");
        assertThatThrownBy(() -> reader.read(file, "current"))
                .hasMessage("File " + file + " has a header line (columns id, " + "n".repeat(60) + "... (40 more characters)) but no"
                        + " data rows. Check that the file was written completely.");
    }

    @Test
    void columnWithOnlyMissingValuesIsAnEmptyCategory() throws IOException {
        Frame f = reader.read(write("empty-col.csv", "a,b\n1,?\n2,\n"), "current", ReadOptions.defaults().withMissingValues("?")).frame();
        assertThat(f.column("b")).isInstanceOf(CategoricalColumn.class);
        assertThat(((CategoricalColumn) f.column("b")).levels()).isEmpty();
        assertThat(f.column("b").missingCount()).isEqualTo(2);
    }
}
