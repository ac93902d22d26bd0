package dev.assay.server;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.ProfileFile;
import dev.assay.io.DataReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * The body of {@code PUT .../reference} read into what is stored: a data set (CSV or JSON, read by
 * {@link DataReader}) or an Assay profile (the binary format of {@link ProfileFile}, kept as Base64 text). A body
 * that cannot be read is refused (400) with the reader's own words, before anything is stored.
 */
final class ReferenceBody {
    /** The media type of an Assay profile. */
    static final String PROFILE_TYPE = "application/vnd.assay.profile";
    private static final byte[] MAGIC = "ASSAYPRF".getBytes(StandardCharsets.US_ASCII);

    /** A readable reference: its format ({@code csv}, {@code json} or {@code profile}), stored text, rows and engine form. */
    record Reference(String format, String content, long rows, ReferenceForm form) {
    }

    private ReferenceBody() {
    }

    /** Whether {@code body} starts with the profile format's magic bytes. */
    static boolean isProfile(byte[] body) {
        return body.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC);
    }

    /** The profile in {@code body}; a truncated, corrupt or foreign body is refused naming the problem. */
    static Reference profile(byte[] body, ModelConfig config) {
        DatasetProfile profile;
        try {
            profile = ProfileFile.fromBytes(body, "The body");
        } catch (InvalidInputException e) {
            throw ApiException.badRequest(e.getMessage().replace("The profile The body", "The body").replace("'assay profile DATA --out FILE'",
                    "'assay profile DATA --out FILE' and send that file"));
        }
        if (profile.rows() == 0) {
            throw ApiException.badRequest("The profile covers no rows: profile the data the model was validated on.");
        }
        return new Reference("profile", Base64.getEncoder().encodeToString(body), profile.rows(), ReferenceForm.of(profile, config));
    }

    /** The data set in {@code body}: CSV when {@code csv}, else JSON. */
    static Reference data(byte[] body, boolean csv, ModelConfig config) throws IOException {
        String text = ModelApi.utf8(body);
        Path file = Files.createTempFile("assay-reference-", csv ? ".csv" : ".json");
        long rows;
        ReferenceForm form;
        try {
            Files.write(file, body);
            Frame frame = new DataReader().read(file, "reference").frame();
            rows = frame.rowCount();
            form = csv && rows > 0 ? ReferenceForm.of(frame, config) : null;
        } catch (InvalidInputException e) {
            throw ApiException.badRequest("The reference is not a readable " + (csv ? "CSV" : "JSON") + " data set: "
                    + e.getMessage().replace("File " + file, "The body").replace(file.toString(), "the body"));
        } finally {
            Files.deleteIfExists(file);
        }
        if (rows == 0) {
            throw ApiException.badRequest("The reference has no rows: send the data the model was validated on.");
        }
        return new Reference(csv ? "csv" : "json", text, rows, form);
    }

    /** Why a reference of {@code format} with engine form {@code form} gives no performance estimates; null when it does. */
    static String absent(String format, ReferenceForm form) {
        if (form == null) {
            return "the reference has no numeric 'score' column (the positive-class probability), so neither drift nor estimates";
        }
        if (form.calibration() != null) {
            return null;
        }
        if (format.equals("profile")) {
            return "the reference is an Assay profile, which holds no scores paired with labels; CBPE is calibrated on labelled "
                    + "reference rows: send them as CSV with 'score' and 'label' columns for estimates";
        }
        return "the reference has no 'label' column; CBPE is calibrated on labelled reference rows";
    }
}
