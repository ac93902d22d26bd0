package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.SuiteResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class ReportsTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheFourReportsIntoANewDirectory() throws IOException {
        Path dir = tmp.resolve("build/assay");
        SuiteResult result = SampleSuites.binaryClassification();

        List<Path> written = Reports.writeAll(result, dir);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("report.json", "junit.xml", "summary.md", "report.html");
        assertThat(written).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir.toAbsolutePath()));
        assertThat(listing(dir)).containsExactlyInAnyOrder("report.json", "junit.xml", "summary.md", "report.html");
        assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo(new JsonReportWriter().render(result));
        assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo(new HtmlReportWriter().render(result));
    }

    @Test
    void replacesEarlierReports() throws IOException {
        Files.writeString(tmp.resolve("summary.md"), "old");

        Reports.writeAll(SampleSuites.allPassing(), tmp);

        assertThat(Files.readString(tmp.resolve("summary.md"))).startsWith("## Assay suite smoke: **PASS**");
        assertThat(listing(tmp)).hasSize(4);
    }

    @Test
    void aPathUnderARegularFileIsAnInputErrorNamingThePathAndTheFix() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path dir = file.resolve("reports");

        assertThatThrownBy(() -> Reports.writeAll(SampleSuites.binaryClassification(), dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining(file + " is a regular file, not a directory")
                .hasMessageContaining("Choose a report directory outside it");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aRegularFileAsTheDirectoryIsAnInputError() throws IOException {
        Path file = Files.writeString(tmp.resolve("report"), "x");

        assertThatThrownBy(() -> Reports.writeAll(SampleSuites.binaryClassification(), file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a directory")
                .hasMessageContaining("Choose another report directory");
    }

    @Test
    void aFailingWriterLeavesNothingBehind() throws IOException {
        ReportWriter broken = new ReportWriter() {
            @Override
            public String fileName() {
                return "broken.txt";
            }

            @Override
            public void write(SuiteResult result, OutputStream out) throws IOException {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full");
            }
        };
        Path dir = tmp.resolve("out");

        assertThatThrownBy(() -> Reports.writeAll(SampleSuites.binaryClassification(), dir, List.of(new JsonReportWriter(), broken)))
                .hasMessageContaining("disk full");
        assertThat(dir).satisfiesAnyOf(d -> assertThat(d).doesNotExist(), d -> assertThat(listing(d)).isEmpty());
    }

    @Test
    void noTemporaryFilesRemainWhenAMoveFails() throws IOException {
        Files.createDirectories(tmp.resolve("junit.xml"));
        Files.writeString(tmp.resolve("junit.xml").resolve("keep"), "x");

        assertThatThrownBy(() -> Reports.writeAll(SampleSuites.binaryClassification(), tmp))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(tmp.toAbsolutePath().toString());
        assertThat(listing(tmp)).doesNotContain("summary.md", "report.html").allSatisfy(n -> assertThat(n).doesNotEndWith(".tmp"));
    }

    @Test
    void anEmptySuiteWithoutProvenanceRendersInEveryFormat() throws IOException {
        SuiteResult empty = new SuiteResult("empty", null, List.of(), null, Duration.ZERO);

        Reports.writeAll(empty, tmp);

        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = JsonReportWriter.class.getResourceAsStream(JsonReportWriter.SCHEMA_RESOURCE)) {
            SchemaWalker walker = new SchemaWalker(mapper.readTree(in));
            assertThat(walker.validate(mapper.readTree(tmp.resolve("report.json").toFile()))).isEmpty();
        }
        Element suite = XmlTesting.children(
                XmlTesting.parse(Files.readString(tmp.resolve("junit.xml"))).getDocumentElement(), "testsuite").get(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("0");
        assertThat(suite.hasAttribute("timestamp")).isFalse();
        assertThat(Files.readString(tmp.resolve("summary.md"))).startsWith("## Assay suite empty: **PASS**\n\n0 checks · 0 ms\n");
        assertThat(XmlTesting.byClass(XmlTesting.parse(Files.readString(tmp.resolve("report.html"))).getDocumentElement(), "p", "empty"))
                .singleElement().extracting(Element::getTextContent).isEqualTo("The suite has no checks.");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void checkWritableCreatesNothingAndRejectsAPathUnderARegularFile() throws IOException {
        Path fresh = tmp.resolve("a/b/c");
        Reports.checkWritable(fresh);
        assertThat(tmp.resolve("a")).doesNotExist();

        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThatThrownBy(() -> Reports.checkWritable(file.resolve("reports")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is a regular file");
    }
}
