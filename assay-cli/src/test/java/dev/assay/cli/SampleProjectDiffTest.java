package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay diff} on the suite of the sample Maven project (examples/maven-project), run on the real
 * test data and on its degraded copy, as the project's build lays them out: the suite with
 * {@code ${examples.dir}} filled in and the data under test at {@code credit/test.csv} beside it.
 */
class SampleProjectDiffTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final Path SAMPLE = EXAMPLES.resolve("maven-project");

    @TempDir
    Path dir;

    private Path run(String name, Path data) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name).resolve("credit")).getParent();
        Files.copy(data, folder.resolve("credit/test.csv"));
        String suite = Files.readString(SAMPLE.resolve("src/test/assay/credit-gate.yaml"))
                .replace("${examples.dir}", EXAMPLES.toString());
        Files.writeString(folder.resolve("credit-gate.yaml"), suite);
        CliRun run = CliRun.of("run", folder.resolve("credit-gate.yaml").toString(), "--out", folder.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isLessThanOrEqualTo(1);
        return folder.resolve("out/report.json");
    }

    @Test
    void diffCatchesTheDegradedVariant() throws IOException {
        Path before = run("good", EXAMPLES.resolve("german-credit/test.csv"));
        Path after = run("degraded", SAMPLE.resolve("degraded/test.csv"));
        CliRun diff = CliRun.of("diff", before.toString(), after.toString());
        assertThat(diff.exitCode()).as(diff.out() + diff.err()).isEqualTo(1);
        assertThat(diff.out()).startsWith("Credit model gate: pass -> fail (REGRESSION)")
                .contains("Started failing:\n  Ranks bad risks above good ones: pass -> fail\n"
                        + "  Ranks well for every status: pass -> fail")
                .containsPattern("Moved beyond the interval:\n  Ranks bad risks above good ones: roc_auc 0\\.7422 -> 0\\.6668, "
                        + "outside the old run's 95% interval");
    }

    @Test
    void theRealDataDiffsClean() throws IOException {
        Path report = run("good", EXAMPLES.resolve("german-credit/test.csv"));
        CliRun diff = CliRun.of("diff", report.toString(), report.toString());
        assertThat(diff.exitCode()).as(diff.out() + diff.err()).isZero();
    }
}
