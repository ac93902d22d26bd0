package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every case of the {@link BadInputCorpus} through the command line in-process and holds it to
 * the contract for bad input: exit 0, 1 or 2 only, and 2 for input that is certainly wrong; exit 2
 * with one paragraph on stderr that starts
 * {@code error:}, names the file or option and, where it applies, the line or row; no stack trace
 * and no exception class names; no hang; a report folder with all four reports or none; and no
 * {@code evaluate} that exits 0 without computing anything.
 */
class BadInputCorpusTest {
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> REPORTS = List.of("report.html", "report.json", "junit.xml", "summary.md");
    private static final Pattern LOCATION = Pattern.compile("(?i)\\b(line|row|record)s? \\d+");
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [a-z]+\\.[a-z]+\\.|Exception\\b|internal error|Caused by");
    private static final Pattern COMPUTED_METRIC = Pattern.compile("(?m)^  \\S+\\s+-?\\d");
    private static final int MAX_STDERR = 4000;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyCaseKeepsTheContract() throws IOException {
        List<BadInputCorpus.Case> cases = BadInputCorpus.generate(dir);
        assertThat(cases).hasSizeGreaterThan(200);
        assertThat(cases.stream().map(BadInputCorpus.Case::id).distinct()).hasSameSizeAs(cases);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            CliRun run = assertTimeoutPreemptively(CASE_TIMEOUT, () -> CliRun.of(c.args().toArray(String[]::new)),
                    () -> c.id() + " did not finish within " + CASE_TIMEOUT.toSeconds() + " s");
            List<String> violations = violations(c, run);
            assertThat(violations).as("%s %s%nexit %d%nstderr: %s%nstdout: %s", c.id(), violations, run.exitCode(), shorten(run.err()),
                    shorten(run.out())).isEmpty();
        }));
    }

    private static List<String> violations(BadInputCorpus.Case c, CliRun run) throws IOException {
        List<String> out = new ArrayList<>();
        int exit = run.exitCode();
        String err = run.err();
        if (exit < 0 || exit > 2) {
            out.add("exit code " + exit);
        } else if (c.bad() && exit != 2) {
            out.add("bad input, but exit code " + exit);
        }
        if (exit == 2) {
            if (!err.startsWith("error: ")) {
                out.add("stderr does not start with 'error: '");
            }
            if (err.strip().contains("\n\n")) {
                out.add("stderr holds more than one paragraph");
            }
            if (!c.names().isEmpty() && c.names().stream().noneMatch(err::contains)) {
                out.add("stderr names none of " + c.names());
            }
            if (c.locates() && !LOCATION.matcher(err).find()) {
                out.add("stderr names no line or row");
            }
        }
        if (err.length() > MAX_STDERR) {
            out.add("stderr has " + err.length() + " characters");
        }
        if (STACK_TRACE.matcher(run.out()).find() || STACK_TRACE.matcher(err).find()) {
            out.add("a stack trace or exception class name");
        }
        if (c.out() != null) {
            long reports = REPORTS.stream().filter(r -> Files.exists(c.out().resolve(r))).count();
            if (reports != 0 && reports != REPORTS.size() || exit < 2 && reports == 0) {
                out.add(reports + " of the " + REPORTS.size() + " reports written");
            }
        }
        if (!c.args().isEmpty() && c.args().get(0).equals("evaluate") && exit == 0 && !COMPUTED_METRIC.matcher(run.out()).find()) {
            out.add("evaluate exited 0 without computing a metric");
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() <= 1500 ? s : s.substring(0, 1500) + "... (" + (s.length() - 1500) + " more characters)";
    }
}
