package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kind of check written outside Assay, compiled into its own jar, is found on the class path of
 * an unchanged {@code assay} and runs from a suite file like a built-in kind.
 */
class ExternalCheckKindTest {
    private static final String KIND = "com.example.assay.MissingShareKind";
    private static final String KIND_SOURCE = """
            package com.example.assay;

            import dev.assay.core.check.*;
            import dev.assay.core.data.Column;
            import dev.assay.core.result.Measurement;
            import java.util.*;

            /** missing_share: the share of missing cells in one column. */
            public final class MissingShareKind implements CheckKind {
                public String id() { return "missing_share"; }
                public String description() { return "The share of missing values in a column."; }
                public List<ConfigKey> keys() { return List.of(new ConfigKey("column", "the column to inspect")); }
                public String measures() { return "missing_share"; }
                public Requirements requires() { return Requirements.NONE; }
                public String defaultName(CheckConfig config) { return "Missing values in " + config.string("column", "?"); }

                public Check create(CheckConfig config, CheckSetup setup) {
                    String column = config.requireString("column");
                    return new MeasuringCheck(setup, id(), Set.of("missing_share"), Requirements.NONE) {
                        protected Map<String, String> ownSettings() { return Map.of("column", column); }
                        protected Observations measure(CheckContext context) {
                            Column c = context.current().frame().column(column, "column");
                            int missing = 0;
                            for (int i = 0; i < c.size(); i++) {
                                if (c.isMissing(i)) {
                                    missing++;
                                }
                            }
                            return new Observations().measurement(Measurement.of("missing_share", missing / (double) c.size(), c.size()));
                        }
                    };
                }
            }
            """;

    @TempDir
    static Path work;
    private static Path pluginJar;

    @BeforeAll
    static void buildThePlugin() throws IOException {
        pluginJar = PluginJar.build(work, "missing-share", Map.of(KIND, KIND_SOURCE),
                Map.of(CheckKind.class.getName(), List.of(KIND)));
    }

    @Test
    void assayChecksListsAKindFromAnotherJar() throws Exception {
        Result r = assay(List.of("checks"));
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("missing_share: The share of missing values in a column.", "    column       the column to inspect",
                "metric: Model-quality metrics");
    }

    @Test
    void aSuiteRunsTheKindFromAnotherJar() throws Exception {
        Path suite = work.resolve("suite.yaml");
        Path data = work.resolve("data.csv");
        Files.writeString(data, "x,label\n1,a\n,b\n3,a\n,b\n5,a\n");
        Files.writeString(suite, """
                suite: plug-in
                data: {current: data.csv}
                columns: {label: label}
                checks:
                  - type: missing_share
                    column: x
                    fail: missing_share <= 0.5
                    warn: missing_share <= 0.3
                """);
        Path out = work.resolve("report");
        Result r = assay(List.of("run", suite.toString(), "--out", out.toString()));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("WARN    Missing values in x");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode check = report.get("checks").get(0);
        assertThat(check.get("kind").asText()).isEqualTo("missing_share");
        assertThat(check.get("measurements").get(0).get("value").asDouble()).isEqualTo(0.4);
        assertThat(report.get("provenance").get("checks").get("Missing values in x").get("column").asText()).isEqualTo("x");

        Files.writeString(suite, Files.readString(suite).replace("missing_share <= 0.5", "missing_rate <= 0.5"));
        Result bad = assay(List.of("run", suite.toString(), "--out", work.resolve("report2").toString()));
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.err).contains("suite.yaml line 7: the condition 'missing_rate <= 0.5' is about 'missing_rate', "
                + "which this check does not measure. It measures: missing_share.");
    }

    @Test
    void twoKindsWithOneIdAreRejectedNamingBothJars() throws Exception {
        Path twin = PluginJar.build(work, "missing-share-twin", Map.of(KIND, KIND_SOURCE.replace("package com.example.assay;",
                "package com.example.twin;")).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        e -> e.getKey().replace("com.example.assay", "com.example.twin"), Map.Entry::getValue)),
                Map.of(CheckKind.class.getName(), List.of("com.example.twin.MissingShareKind")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginJar.toUri().toURL(), twin.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThatThrownBy(() -> CheckKinds.discover(loader)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Two kinds of check are both called 'missing_share': com.example.assay.MissingShareKind (from "
                            + pluginJar.toUri().toURL() + ") and com.example.twin.MissingShareKind (from " + twin.toUri().toURL() + ")");
        }
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs {@code assay} in a new JVM whose class path is Assay's plus the plug-in jar. */
    private static Result assay(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path") + java.io.File.pathSeparator + pluginJar,
                AssayCommand.class.getName()));
        command.addAll(args);
        Path err = Files.createTempFile(work, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("assay " + args + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }
}
