package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.io.DataReader;
import dev.assay.models.onnx.OnnxModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeModelCommandTest {
    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    static final Path FOREST = EXAMPLES.resolve("models/german_credit_forest.onnx");

    @TempDir
    Path dir;

    @Test
    void servesAModelThatTheHttpAdapterAndSuitesCanCall() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(AssayCommand.execute(new String[] {"serve-model", FOREST.toString(), "--port", "0"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))));
        serving.start();
        String url = awaitUrl(out);
        try {
            Frame test = new DataReader().read(EXAMPLES.resolve("german-credit/test.csv"), "current").frame();
            try (Model local = OnnxModel.load(FOREST);
                    Model remote = ModelLoaders.load(new ModelSource(url, null, Map.of("name", "german_credit_forest")))) {
                assertThat(remote.info().kind()).isEqualTo("http");
                assertThat(remote.info().classes()).isEqualTo(local.info().classes());
                ClassPredictions a = (ClassPredictions) local.predict(test);
                ClassPredictions b = (ClassPredictions) remote.predict(test);
                assertThat(b.predicted()).containsExactly(a.predicted());
                for (int i = 0; i < a.probabilities().length; i++) {
                    assertThat(b.probabilities()[i]).isCloseTo(a.probabilities()[i], org.assertj.core.data.Offset.offset(1e-12));
                }
            }
            for (String f : new String[] {"train.csv", "test.csv"}) {
                Files.copy(EXAMPLES.resolve("german-credit").resolve(f), dir.resolve(f));
            }
            Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                    suite: served model
                    data: {current: test.csv}
                    model: {url: %s, options: {name: german_credit_forest, batch_size: 64}}
                    columns: {label: class}
                    evaluation: {positive: bad}
                    checks:
                      - metric: roc_auc
                        fail: roc_auc >= 0.70
                    """.formatted(url));
            CliRun run = CliRun.of("run", suite.toString(), "--out", dir.resolve("reports").toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("roc_auc = 0.7422");
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("Stopped.");
    }

    private static String awaitUrl(StringWriter out) throws InterruptedException {
        Pattern served = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)/v2/models/german_credit_forest");
        for (int i = 0; i < 200; i++) {
            Matcher m = served.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not start: " + out);
    }

    @Test
    void aMissingModelFileIsAnInputError() throws IOException {
        CliRun run = CliRun.of("serve-model", dir.resolve("nope.onnx").toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.onnx");
        assertThat(CliRun.of("serve-model", FOREST.toString(), "--port", "70000").err()).contains("--port").contains("0 to 65535");
    }
}
