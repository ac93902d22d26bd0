package dev.assay.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Reads what the registry keeps of an Assay {@code report.json}: where it is, its hash and its overall status. */
final class LinkedReports {
    private static final Set<String> STATUSES = Set.of("pass", "warn", "fail", "error");

    private LinkedReports() {
    }

    record Report(String location, String sha256, String status) {
    }

    static Report read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("Report " + file + " does not exist. Give the report.json of an 'assay run'.");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode status = root == null ? null : root.get("status");
            if (status == null || !STATUSES.contains(status.asText())) {
                throw new InvalidInputException("Report " + file + " has no \"status\" of pass, warn, fail or error; it is not an "
                        + "Assay report.json. Give the report.json of an 'assay run'.");
            }
            return new Report(file.toAbsolutePath().normalize().toString(), Fingerprint.of(file).substring(Fingerprint.PREFIX.length()),
                    status.asText());
        } catch (IOException e) {
            throw new InvalidInputException("Report " + file + " is not valid JSON: " + e.getMessage()
                    + ". Give the report.json of an 'assay run'.", e);
        }
    }
}
