package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay serve} as a process: no acknowledged row is lost when it is killed with SIGKILL mid-load. */
class ServeCommandTest {
    private static final String ADMIN = "admin-secret-0123456789";
    private static final int BATCH = 200;
    private static final Pattern ADDRESS = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noAcknowledgedRowIsLostWhenTheServerIsKilledMidLoad() throws Exception {
        Process server = start();
        int port = port(server);
        assertThat(send(port, "PUT", "/api/v1/models/credit", "{}").statusCode()).isEqualTo(201);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int client = t;
            Thread thread = new Thread(() -> {
                for (int b = 0; b < 10_000; b++) {
                    int batch = b;
                    List<String> ids = IntStream.range(0, BATCH).mapToObj(i -> client + "-" + batch + "-" + i)
                            .collect(Collectors.toList());
                    try {
                        HttpResponse<String> r = send(port, "POST", "/api/v1/models/credit/predictions", body(ids));
                        if (r.statusCode() != 200) {
                            return;
                        }
                        acknowledged.addAll(ids);
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        while (acknowledged.size() < 20 * BATCH) {
            Thread.sleep(20);
        }
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        for (Thread t : clients) {
            t.join(30_000);
        }
        Set<String> stored = storedIds();
        assertThat(stored).containsAll(acknowledged);
        // at most the batch each client had in flight was stored without its acknowledgement
        assertThat(stored.size()).isBetween(acknowledged.size(), acknowledged.size() + 2 * BATCH);

        Process again = start();
        int port2 = port(again);
        String summary = send(port2, "GET", "/api/v1/models/credit/summary", null).body();
        assertThat(new ObjectMapper().readTree(summary).get("rows").asLong()).isEqualTo(stored.size());
        again.destroy();
        assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isIn(0, 143);
    }

    @Test
    void aFirstStartWithoutAnAdminTokenSaysWhatToSet() throws Exception {
        CliRun run = CliRun.of("serve", "--port", "0", "--data-dir", dir.resolve("fresh").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ASSAY_ADMIN_TOKEN").doesNotContain("\tat ");
    }

    @Test
    void aRegistryFolderWithoutARegistryIsRefusedNamingTheOption() throws Exception {
        CliRun run = CliRun.of("serve", "--port", "0", "--data-dir", dir.resolve("fresh").toString(), "--registry", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--registry " + dir).contains("no registry.db").doesNotContain("\tat ");
        assertThat(dir.resolve("registry.db")).doesNotExist();
        CliRun both = CliRun.of("serve", "--port", "0", "--data-dir", dir.toString(), "--registry", dir.toString(), "--registry-db",
                "jdbc:postgresql://localhost/x");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give one of them");
    }

    @Test
    void badAlertOptionsAreRefusedBeforeStarting() throws Exception {
        CliRun interval = CliRun.of("serve", "--port", "0", "--data-dir", dir.toString(), "--alert-interval", "30s");
        assertThat(interval.exitCode()).isEqualTo(2);
        assertThat(interval.err()).contains("--alert-interval").contains("PT30S").doesNotContain("\tat ");
        CliRun webhook = CliRun.of("serve", "--port", "0", "--data-dir", dir.toString(), "--alert-webhook", "hooks.example/x");
        assertThat(webhook.exitCode()).isEqualTo(2);
        assertThat(webhook.err()).contains("--alert-webhook").doesNotContain("\tat ");
    }

    private Process start() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                AssayCommand.class.getName(), "serve", "--port", "0", "--data-dir", dir.toString());
        ProcessBuilder b = new ProcessBuilder(command).redirectError(Files.createTempFile(dir, "stderr", ".txt").toFile());
        b.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        b.environment().put("ASSAY_ADMIN_TOKEN", ADMIN);
        return b.start();
    }

    private static int port(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the first line of assay serve").isNotNull();
        Matcher m = ADDRESS.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private Set<String> storedIds() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("assay.db")); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM predictions WHERE model = 'credit'")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    private static String body(List<String> ids) {
        return ids.stream().map(id -> "{\"id\": \"" + id + "\", \"timestamp\": 1764580000000, \"version\": \"v1\", "
                + "\"features\": {\"duration\": 12, \"purpose\": \"car\"}, \"prediction\": \"good\", \"score\": 0.8}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }
}
