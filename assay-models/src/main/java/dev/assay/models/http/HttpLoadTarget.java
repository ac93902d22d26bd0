package dev.assay.models.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.load.LoadTarget;
import dev.assay.core.load.ModelTarget;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.ModelInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The requests of a load test on an HTTP model, sent by a {@link KeepAliveClient}: each batch of a
 * {@link ModelTarget} is encoded by the model's {@link WireFormat} once, before the run; each answer is
 * decoded as {@link HttpModel#predict} decodes it, which checks it holds one prediction per row sent. With raw
 * bodies (e.g. the lines of a JSONL file) the requests are posted verbatim and any 2xx answer passes.
 * Close it to close its connections.
 */
public final class HttpLoadTarget implements LoadTarget, AutoCloseable {
    private final KeepAliveClient client;
    private final byte[][] requests;
    private final int[] rows;
    private final WireFormat format;

    HttpLoadTarget(WireFormat format, KeepAliveClient client, ModelTarget batches) {
        this.format = format;
        this.client = client;
        ModelInfo info = format.info();
        String path = path(format.target());
        this.requests = new byte[batches.batchCount()][];
        this.rows = new int[requests.length];
        for (int b = 0; b < requests.length; b++) {
            Frame frame = batches.batch(b);
            FeatureMapping.Bound bound = info.features().bind(frame, info.name());
            rows[b] = frame.rowCount();
            requests[b] = client.request("POST", path, format.encode(frame, bound, 0, rows[b], new double[rows[b] * bound.width()]));
        }
    }

    private HttpLoadTarget(KeepAliveClient client, URI url, List<byte[]> bodies) {
        this.format = null;
        this.client = client;
        this.requests = new byte[bodies.size()][];
        this.rows = new int[requests.length];
        for (int b = 0; b < requests.length; b++) {
            requests[b] = client.request("POST", path(url), bodies.get(b));
        }
    }

    /**
     * Posts the lines of a JSONL file (one JSON document a line; blank lines skipped) to {@code url}
     * (http only) verbatim, request {@code i} sending document {@code i}, cycling.
     *
     * @param timeoutMillis bounds the connect and each read of an answer
     * @param headers sent with every request, e.g. {@code Authorization}
     * @throws InvalidInputException naming the file and line when a line is not JSON, or none is given
     */
    public static HttpLoadTarget jsonLines(String url, Path file, int timeoutMillis, Map<String, String> headers) {
        URI uri = ModelUrl.parse(url);
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidInputException("A JSONL payload is posted over plain http; " + url + " is not an http URL. "
                    + "Load an https endpoint with a data file and --protocol json.");
        }
        List<byte[]> bodies = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("Could not read the payload file " + file + ": " + e.getMessage()
                    + ". Give a readable JSONL file.");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("The payload file " + file + ", line " + (i + 1) + ", is not a JSON document ("
                        + e.getOriginalMessage() + "). Write one JSON request body per line.");
            }
            bodies.add(line.getBytes(StandardCharsets.UTF_8));
        }
        if (bodies.isEmpty()) {
            throw new InvalidInputException("The payload file " + file + " has no JSON lines to send. Write one JSON request body "
                    + "per line.");
        }
        headers.forEach((k, v) -> {
            if (!k.matches("[A-Za-z0-9-]+") || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                throw new InvalidInputException("Invalid header '" + k + "': a name is letters, digits and '-', and neither holds a "
                        + "line break.");
            }
        });
        return new HttpLoadTarget(new KeepAliveClient(uri, headers, timeoutMillis, 256 << 20), uri, bodies);
    }

    @Override
    public void call(long sequence) throws Exception {
        int b = (int) (sequence % requests.length);
        byte[] answer = client.send(requests[b], format != null);
        if (format == null) {
            return;
        }
        format.decode(answer, 0, rows[b], problem -> new InvalidInputException("the answer from "
                + format.target() + " is not what was expected: " + problem));
    }

    private static String path(URI uri) {
        String path = Objects.requireNonNullElse(uri.getRawPath(), "");
        path = path.isEmpty() ? "/" : path;
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    @Override
    public void close() {
        client.close();
    }
}
