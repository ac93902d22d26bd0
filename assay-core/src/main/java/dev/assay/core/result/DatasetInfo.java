package dev.assay.core.result;

/**
 * Where a data set came from, for provenance in reports.
 *
 * @param role the data set's role in the run, e.g. {@code "current"} or {@code "reference"}
 * @param location the file path, URL or table it was read from
 * @param rows the number of rows
 * @param columns the number of columns
 * @param fingerprint a content hash ({@code sha256:...}) of the source bytes; null when unknown
 */
public record DatasetInfo(String role, String location, long rows, int columns, String fingerprint) {
}
