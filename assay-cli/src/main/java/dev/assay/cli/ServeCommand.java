package dev.assay.cli;

import dev.assay.core.error.InvalidInputException;
import dev.assay.server.AssayServer;
import dev.assay.server.ServerSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assay serve}: the monitoring service, in the foreground until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the monitoring service: predictions and labels in over HTTP, stored durably (SQLite in --data-dir, "
                + "or PostgreSQL with --db); per window drift, estimated (CBPE) and realised performance, alerts to a webhook, "
                + "a dashboard at /models and Prometheus metrics at /metrics. See docs/monitoring-service.md.",
                "On first start the admin token is read from the environment variable ASSAY_ADMIN_TOKEN (only its hash is "
                        + "stored)."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8484", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Folder of the SQLite database; created if missing.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "PostgreSQL instead of SQLite, e.g. "
            + "jdbc:postgresql://db:5432/assay?user=assay&password=... (tables created on first start).")
    String db;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "16777216",
            description = "Largest request body; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--registry", paramLabel = "DIR", description = "The model registry's folder (holding registry.db), whose "
            + "records the dashboard shows beside each version.")
    Path registry;

    @Option(names = "--registry-db", paramLabel = "JDBC-URL", description = "The model registry's database instead of --registry.")
    String registryDb;

    @Option(names = "--alert-interval", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "How often closed windows are checked against the alert rules, ISO-8601 (default: ${DEFAULT-VALUE}).")
    String alertInterval;

    @Option(names = "--alert-webhook", paramLabel = "URL", description = "An http(s) URL that receives every alert notification "
            + "(Alertmanager webhook payload, version 4); models may add their own with 'webhook' in their configuration.")
    String alertWebhook;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw Options.invalid("--port", String.valueOf(port), List.of("0 to 65535"));
        }
        if (maxBody < 1024) {
            throw Options.invalid("--max-body", String.valueOf(maxBody), List.of("1024 or more bytes"));
        }
        if (registry != null && registryDb != null) {
            throw new InvalidInputException("--registry and --registry-db name the same thing: give one of them.");
        }
        if (registry != null && !Files.isRegularFile(registry.resolve("registry.db"))) {
            throw new InvalidInputException("--registry " + registry + ": no registry.db in that folder. Give the folder of an existing "
                    + "registry (see assay registry --help) or leave the option out.");
        }
        Duration interval = interval();
        if (alertWebhook != null && !alertWebhook.matches("(?i)https?://[^/\\s]+.*")) {
            throw Options.invalid("--alert-webhook", alertWebhook, List.of("an http or https URL, e.g. https://alertmanager.example/hook"));
        }
        AssayServer server;
        try {
            server = AssayServer.start(new ServerSettings(host, port, dataDir, db, maxBody, System.getenv("ASSAY_ADMIN_TOKEN"))
                    .withRegistry(registry, registryDb).withAlerts(interval, alertWebhook));
        } catch (InvalidInputException e) {
            throw e;
        } catch (SQLException e) {
            throw new InvalidInputException("Could not open the database " + (db != null ? db : "in " + dataDir) + ": "
                    + e.getMessage() + ". Check the path or URL, its permissions and that the database is running.");
        } catch (RuntimeException e) {
            throw new InvalidInputException("Could not start the service on " + host + ":" + port + ": " + e.getMessage()
                    + ". Choose another --port or stop what listens there.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Assay monitoring service at http://%s:%d (data in %s). Stop with SIGTERM or Ctrl-C.%n", host, server.port(),
                db != null ? "PostgreSQL" : dataDir);
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "assay-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.PASS;
    }

    private Duration interval() {
        try {
            Duration d = Duration.parse(alertInterval);
            if (d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(Duration.ofDays(1)) <= 0) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw Options.invalid("--alert-interval", alertInterval, List.of("an ISO-8601 duration from PT1S to P1D, e.g. PT30S"));
    }
}
