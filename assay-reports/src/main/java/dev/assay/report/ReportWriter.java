package dev.assay.report;

import dev.assay.core.result.SuiteResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Renders a {@link SuiteResult} as one file. Writers only render what the result holds; they compute no metric. */
public interface ReportWriter {

    /** The file name this writer produces, e.g. {@code "report.json"}. */
    String fileName();

    /** Writes the report as UTF-8 to {@code out}; does not close it. */
    void write(SuiteResult result, OutputStream out) throws IOException;

    /** The report as a string. */
    default String render(SuiteResult result) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            write(result, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
