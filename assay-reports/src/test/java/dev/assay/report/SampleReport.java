package dev.assay.report;

import java.nio.file.Path;

/**
 * Writes the sample reports of {@link SampleSuites#binaryClassification()} into the directory given
 * as the first argument, to look at them in a browser.
 */
public final class SampleReport {

    private SampleReport() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/sample-report");
        Reports.writeAll(SampleSuites.binaryClassification(), dir).forEach(System.out::println);
    }
}
