package dev.assay.cli;

import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.models.http.InferenceServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay serve-model}: serves a model over the Open Inference Protocol v2 until stopped. */
@Command(name = "serve-model", mixinStandardHelpOptions = true,
        description = {"Serves a model over the Open Inference Protocol v2 (KServe v2): GET /v2/health/live, "
                + "/v2/health/ready, /v2/models/NAME; POST /v2/models/NAME/infer. Runs until interrupted (Ctrl-C).",
                "Other tools, and Assay's own HTTP adapter (model: {url: http://HOST:PORT, options: {name: NAME}}), "
                        + "can then call it."})
final class ServeModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model file (.onnx, .tribuo, .tribuo.gz) or URL.")
    String model;

    @Option(names = "--model-type", paramLabel = "TYPE", description = "Model adapter, when the file name does not tell.")
    String modelType;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--name", paramLabel = "NAME", description = "Model name in the URLs (default: the file name without extension).")
    String name;

    @Option(names = "--threads", paramLabel = "N", description = "Request threads (default: one per processor).")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String served = name != null ? name : defaultName(model);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (port < 0 || port > 65535) {
            throw Options.invalid("--port", String.valueOf(port), List.of("0 to 65535"));
        }
        if (workers < 1) {
            throw Options.invalid("--threads", String.valueOf(workers), List.of("1 or more"));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Model m = ModelLoaders.load(new ModelSource(model, modelType, Map.of()));
                InferenceServer server = InferenceServer.start(m, served, host, port, workers)) {
            ModelInfo info = m.info();
            out.printf("Serving %s (%s, %s, %d inputs) at %s/v2/models/%s%n", served, info.kind(), info.task().id(),
                    info.features().width(), server.baseUri(), server.name());
            out.println("Open Inference Protocol v2: GET .../ready, GET .../" + server.name() + ", POST .../" + server.name()
                    + "/infer. Press Ctrl-C to stop.");
            out.flush();
            Thread hook = new Thread(stopped::countDown, "assay-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is stopping; the hook has run
                }
            }
        }
        out.println("Stopped.");
        return ExitCode.PASS;
    }

    private static String defaultName(String location) {
        String file = Path.of(location).getFileName().toString();
        for (String ext : new String[] {".tribuo.gz", ".tribuo", ".onnx"}) {
            if (file.endsWith(ext)) {
                return file.substring(0, file.length() - ext.length());
            }
        }
        return file;
    }
}
