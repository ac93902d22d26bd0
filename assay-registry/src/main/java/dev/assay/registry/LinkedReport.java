package dev.assay.registry;

import java.time.Instant;

/**
 * An Assay report ({@code report.json}) that tested a model version.
 *
 * @param location where the report was when it was linked
 * @param sha256 the hex SHA-256 of the report file
 * @param status the report's overall status ({@code pass}, {@code warn}, {@code fail}, {@code error})
 * @param linkedAt when it was linked
 */
public record LinkedReport(String location, String sha256, String status, Instant linkedAt) {
}
