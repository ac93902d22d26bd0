package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The handlers of the model routes: models, predictions, labels, references, summaries, tokens and the audit log. */
final class ModelApi {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBodyBytes;
    private final MonitoringStore store;
    private final Tokens tokens;
    private final AuditLog audit;
    private final ServerMetrics metrics;
    private final Calibrations calibrations;
    private final WindowSummaries summaries;
    private final AlertApi alerts;
    /**
     * Ingestion requests read, aggregated and stored at once: as many as processors. Under overload the others
     * wait their turn in arrival order instead of all slowing down together, so those admitted finish promptly.
     */
    private final Semaphore ingesting = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    ModelApi(long maxBodyBytes, MonitoringStore store, Tokens tokens, AuditLog audit, ServerMetrics metrics, Calibrations calibrations,
            WindowSummaries summaries, AlertApi alerts) {
        this.summaries = summaries;
        this.alerts = alerts;
        this.maxBodyBytes = maxBodyBytes;
        this.store = store;
        this.tokens = tokens;
        this.audit = audit;
        this.metrics = metrics;
        this.calibrations = calibrations;
    }

    /** {@code PUT /api/v1/models/{model}}: creates or reconfigures a model; the body is a JSON object (may be empty). */
    void putModel(Context ctx, Tokens.Holder by) throws SQLException, IOException {
        String model = name(ctx.pathParam("model"));
        ModelConfig config = ModelConfig.of(object(body(ctx)));
        Optional<String> before = store.model(model);
        if (before.isPresent() && !ModelConfig.parse(before.get()).window().equals(config.window()) && store.counts(model).predictions() > 0) {
            throw new ApiException(409, "Field 'window': model '" + model + "' has predictions aggregated in windows of "
                    + ModelConfig.parse(before.get()).window().size() + "; keep that window (or monitor under a new model name).");
        }
        boolean created = store.putModel(model, config.toJson());
        audit.record(by.name(), created ? "model.create" : "model.configure", model + " " + config.toAuditJson());
        calibrations.forget(model);
        AssayServer.json(ctx, created ? 201 : 200, Map.of("model", model, "created", created));
    }

    /** {@code POST .../predictions}: all rows valid or none stored; answered once committed. */
    void predictions(Context ctx) throws SQLException, IOException, InterruptedException {
        ingesting.acquire();
        try {
            storePredictions(ctx);
        } finally {
            ingesting.release();
        }
    }

    private void storePredictions(Context ctx) throws SQLException, IOException {
        String model = existing(ctx);
        List<Prediction> rows = rows(body(ctx), Prediction::of, Prediction::id);
        ModelConfig config = config(model);
        Map<String, Boolean> types = config.numericFeatures();
        if (types.isEmpty()) {
            types = store.referenceForm(model).map(ReferenceForm::types).orElse(Map.of());
        }
        MonitoringStore.Stored s = store.addPredictions(model, config, types, rows);
        metrics.predictions(model, s);
        AssayServer.json(ctx, 200, Map.of("accepted", rows.size(), "new", s.added(), "duplicates", s.duplicates()));
    }

    /** {@code POST .../labels}: {@code {"id", "label"}} rows, joined to predictions by id. */
    void labels(Context ctx) throws SQLException, IOException, InterruptedException {
        ingesting.acquire();
        try {
            storeLabels(ctx);
        } finally {
            ingesting.release();
        }
    }

    private void storeLabels(Context ctx) throws SQLException, IOException {
        String model = existing(ctx);
        List<Label> rows = rows(body(ctx), Label::of, Label::id);
        MonitoringStore.Stored s = store.addLabels(model, config(model), rows);
        metrics.labels(model, s);
        AssayServer.json(ctx, 200, Map.of("accepted", rows.size(), "new", s.added(), "duplicates", s.duplicates()));
    }

    /**
     * {@code PUT .../reference}: a CSV data set ({@code text/csv}), an Assay profile ({@value ReferenceBody#PROFILE_TYPE}, or a
     * body starting with the profile's magic bytes) or a JSON data set, read as {@code assay drift} reads them;
     * creates the model when new. Nothing is stored unless the whole reference is readable.
     */
    void reference(Context ctx, Tokens.Holder by) throws SQLException, IOException {
        String model = name(ctx.pathParam("model"));
        byte[] body = body(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        ModelConfig config = store.model(model).map(ModelConfig::parse).orElse(ModelConfig.of(JSON.createObjectNode()));
        ReferenceBody.Reference ref = type.startsWith(ReferenceBody.PROFILE_TYPE) || ReferenceBody.isProfile(body)
                ? ReferenceBody.profile(body, config)
                : ReferenceBody.data(body, type.startsWith("text/csv"), config);
        if (store.model(model).isEmpty()) {
            store.putModel(model, config.toJson());
        }
        store.putReference(model, ref.format(), ref.content(), ref.rows(), ref.form());
        calibrations.forget(model);
        audit.record(by.name(), "reference.put", model + " " + ref.rows() + " rows (" + ref.format() + ")");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("rows", ref.rows());
        out.put("format", ref.format());
        out.put("drift", ref.form() != null);
        out.put("estimates", ref.form() != null && ref.form().calibration() != null);
        String absent = ReferenceBody.absent(ref.format(), ref.form());
        if (absent != null) {
            out.put("estimates_absent", absent);
        }
        AssayServer.json(ctx, 200, out);
    }

    /** {@code GET .../summary}: what is stored for the model. */
    void summary(Context ctx) throws SQLException {
        String model = existing(ctx);
        MonitoringStore.Counts c = store.counts(model);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("rows", c.predictions());
        out.put("labels", c.labels());
        out.put("label_coverage", c.predictions() == 0 ? null : (double) c.joined() / c.predictions());
        out.put("versions", c.versions());
        Optional<MonitoringStore.ReferenceInfo> info = store.referenceInfo(model);
        out.put("reference_rows", info.map(MonitoringStore.ReferenceInfo::rows).orElse(null));
        out.put("reference_format", info.map(MonitoringStore.ReferenceInfo::format).orElse(null));
        ReferenceForm reference = store.referenceForm(model).orElse(null);
        if (info.isPresent() && ReferenceBody.absent(info.get().format(), reference) != null) {
            out.put("estimates_absent", ReferenceBody.absent(info.get().format(), reference));
        }
        out.put("windows", summaries.all(model));
        out.put("alerts", AlertApi.json(alerts.views(model)));
        AssayServer.json(ctx, 200, out);
    }

    private ModelConfig config(String model) throws SQLException {
        return ModelConfig.parse(store.model(model).orElseThrow());
    }

    /** {@code POST /api/v1/tokens}: {@code {"name", "role"}}; answers the new token, shown this once. */
    void token(Context ctx, Tokens.Holder by) throws SQLException, IOException {
        JsonNode body = object(body(ctx));
        String tokenName = body.path("name").asText("");
        Role role = Role.named(body.path("role").asText(""));
        if (!NAME.matcher(tokenName).matches() || role == null) {
            throw ApiException.badRequest("Send {\"name\": NAME, \"role\": \"viewer\" | \"writer\" | \"admin\"}; a name is 1 to 100 "
                    + "letters, digits, '.', '_' or '-'.");
        }
        String token = Tokens.generate();
        tokens.add(tokenName, role, token);
        audit.record(by.name(), "token.create", "token '" + tokenName + "' with role " + role);
        AssayServer.json(ctx, 201, Map.of("name", tokenName, "role", role.name().toLowerCase(), "token", token));
    }

    /** {@code GET /api/v1/audit}: the configuration changes, oldest first. */
    void audit(Context ctx) throws SQLException {
        AssayServer.json(ctx, 200, Map.of("entries", audit.entries()));
    }

    /** The request body, refused with 413 past the limit (declared or, for a chunked body, as read). */
    private byte[] body(Context ctx) throws IOException {
        if (ctx.contentLength() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "The body is larger than the limit of " + maxBodyBytes + " bytes: send the rows in smaller "
                + "batches.");
    }

    private String existing(Context ctx) throws SQLException {
        String model = name(ctx.pathParam("model"));
        if (store.model(model).isEmpty()) {
            throw ApiException.notFound("Unknown model '" + model + "': create it with PUT /api/v1/models/" + model
                    + " (or send its reference).");
        }
        return model;
    }

    private static String name(String model) {
        if (!NAME.matcher(model).matches()) {
            throw ApiException.badRequest("Invalid model name '" + model + "': 1 to 100 letters, digits, '.', '_' or '-', starting with "
                    + "a letter or digit.");
        }
        return model;
    }

    private static <T> List<T> rows(byte[] body, Function<RequestRows.Row, T> read, Function<T, String> id) {
        utf8(body);
        List<RequestRows.Row> parsed = RequestRows.parse(body);
        if (parsed.isEmpty()) {
            throw ApiException.badRequest("The body holds no rows: send a JSON array of objects or NDJSON.");
        }
        List<T> out = new ArrayList<>(parsed.size());
        List<String> ids = new ArrayList<>(parsed.size());
        for (RequestRows.Row r : parsed) {
            T row = read.apply(r);
            out.add(row);
            ids.add(id.apply(row));
        }
        RequestRows.distinct(parsed, ids);
        return out;
    }

    private static JsonNode object(byte[] body) {
        String text = utf8(body).strip();
        if (text.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(text);
            if (!n.isObject()) {
                throw ApiException.badRequest("The body must be a JSON object.");
            }
            return n;
        } catch (IOException e) {
            throw ApiException.badRequest("Malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The body as text; bytes that are not UTF-8 are refused naming the line and byte offset of the first. */
    static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) (body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += body[i] == '\n' ? 1 : 0;
            }
            throw ApiException.badRequest(String.format("The body is not UTF-8 text: line %d (byte %d) holds the byte 0x%02x; send the body "
                    + "encoded as UTF-8.", line, at + 1, body[at] & 0xff));
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
