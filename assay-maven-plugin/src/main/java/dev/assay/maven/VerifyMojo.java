package dev.assay.maven;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.io.suite.SuitePlan;
import dev.assay.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs Assay suite files as {@code assay run} does and writes their reports (HTML, JSON, JUnit XML,
 * Markdown) to {@code target/assay/<suite>/}. Each suite's JUnit XML is also copied to
 * {@code target/surefire-reports/TEST-assay-<suite>.xml}, where Surefire's report and CI servers find
 * it. The build fails when a failure-level condition did not hold or a check could not run.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractMojo {

    /** The suite files (YAML) to run, in order. */
    @Parameter(property = "assay.suites", required = true)
    List<File> suites;

    /** Where each suite's reports go, in a folder named after the suite. */
    @Parameter(property = "assay.outputDirectory", defaultValue = "${project.build.directory}/assay")
    File outputDirectory;

    /** Where the JUnit XML is copied as {@code TEST-assay-<suite>.xml}. */
    @Parameter(property = "assay.junitDirectory", defaultValue = "${project.build.directory}/surefire-reports")
    File junitDirectory;

    /** Also fail the build when only a warning-level condition failed. */
    @Parameter(property = "assay.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /** Only warn: report failed conditions without failing the build. */
    @Parameter(property = "assay.warnOnly", defaultValue = "false")
    boolean warnOnly;

    /** Skip the suites. */
    @Parameter(property = "assay.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Assay suites skipped (assay.skip).");
            return;
        }
        if (suites == null || suites.isEmpty()) {
            throw new MojoFailureException("No Assay suite to run: list suite files in the plugin's "
                    + "<configuration><suites><suite>src/test/assay/suite.yaml</suite></suites>, or pass -Dassay.suites=FILE.");
        }
        List<String> problems = new ArrayList<>();
        Set<String> folders = new HashSet<>();
        for (File file : suites) {
            String problem = runOne(file.toPath(), folders);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        String message = String.join(System.lineSeparator(), problems);
        if (warnOnly) {
            getLog().warn(message);
            getLog().warn("Not failing the build: warnOnly is set.");
        } else {
            throw new MojoFailureException(message);
        }
    }

    /** Runs one suite and writes its reports; returns why it should fail the build, or null. */
    private String runOne(Path file, Set<String> folders) {
        SuiteResult result;
        Path folder;
        try {
            SuitePlan plan = SuitePlan.fromFile(file);
            folder = outputDirectory.toPath().resolve(uniqueFolder(plan.suite().name(), folders));
            Reports.checkWritable(folder);
            getLog().info("Assay: running " + file + " (" + plan.suite().checks().size() + " checks)");
            result = plan.run();
            Reports.writeAll(result, folder);
            Path junit = junitDirectory.toPath().resolve("TEST-assay-" + folder.getFileName() + ".xml");
            Files.createDirectories(junitDirectory.toPath());
            Files.copy(folder.resolve("junit.xml"), junit, StandardCopyOption.REPLACE_EXISTING);
        } catch (InvalidInputException e) {
            return "Assay suite could not run: " + e.getMessage();
        } catch (IOException e) {
            return "Assay suite " + file + ": could not copy the JUnit report to " + junitDirectory + " (" + e + ").";
        }
        log(result);
        getLog().info("Assay reports: " + folder.resolve("report.html"));
        boolean fails = result.status() == Status.FAIL || result.status() == Status.ERROR
                || failOnWarning && result.status() == Status.WARN;
        return fails ? describeFailure(file, folder, result) : null;
    }

    private void log(SuiteResult result) {
        getLog().info(String.format(Locale.ROOT, "%s: %s", result.suite(), result.status().id().toUpperCase(Locale.ROOT)));
        for (CheckResult c : result.checks()) {
            String line = String.format(Locale.ROOT, "  %-7s %s", c.status(), c.name());
            if (c.status() == Status.PASS || c.status() == Status.SKIPPED) {
                getLog().info(line);
            } else {
                getLog().warn(line);
            }
        }
    }

    /** The failed conditions, one per line, with the measured value, the threshold and the report's path. */
    private String describeFailure(Path file, Path folder, SuiteResult result) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Assay suite '%s' (%s) %s:", result.suite(), file,
                result.status() == Status.WARN ? "has warnings (failOnWarning is set)" : "failed"));
        for (CheckResult c : result.checks()) {
            if (c.status() == Status.ERROR) {
                sb.append(System.lineSeparator()).append("  check '").append(c.name()).append("' could not run: ")
                        .append(c.message());
            }
            for (ConditionOutcome o : c.conditions()) {
                boolean counts = o.severity() == ConditionOutcome.Severity.FAIL || failOnWarning;
                if (!o.passed() && counts) {
                    sb.append(System.lineSeparator()).append("  ").append(o.severity().id()).append(" '").append(c.name())
                            .append("': ").append(o.condition()).append(" - ").append(o.message());
                }
            }
        }
        return sb.append(System.lineSeparator()).append("  Report: ").append(folder.resolve("report.html")).toString();
    }

    /** A folder name from the suite's name: lower case, letters and digits joined by '-', unique in this run. */
    static String uniqueFolder(String suiteName, Set<String> taken) {
        String base = suiteName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (base.isEmpty()) {
            base = "suite";
        }
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
