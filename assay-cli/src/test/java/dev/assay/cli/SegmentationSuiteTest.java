package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: segmentation} in a suite and {@code assay evaluate --task segmentation} on grey and palette PNG
 * label masks scored by scikit-learn 1.2.1 (scripts/golden/segmentation_golden.py, resources vision/segmentation).
 */
class SegmentationSuiteTest {
    static final String ROOT = EvaluateCommandTest.resource("/vision/segmentation/segmentation_golden.json");
    static final Path DIR = Path.of(ROOT).getParent();

    @TempDir
    Path dir;

    private static JsonNode golden() throws IOException {
        return new ObjectMapper().readTree(Path.of(ROOT).toFile());
    }

    @Test
    void evaluatePrintsPixelAccuracyAndMeanIouAsJson() throws IOException {
        CliRun run = CliRun.of("evaluate", "--task", "segmentation", "--truth-masks", DIR.resolve("truth").toString(),
                "--predicted-masks", DIR.resolve("predicted").toString(), "--classes", "5", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode g = golden();
        assertThat(root.get("metrics").get("pixel_accuracy").asDouble()).isCloseTo(g.get("pixel_accuracy").asDouble(), within(1e-12));
        assertThat(root.get("metrics").get("mean_iou").asDouble()).isCloseTo(g.get("mean_iou").asDouble(), within(1e-12));
        assertThat(root.get("images").asInt()).isEqualTo(3);
        assertThat(root.get("pixels").asLong()).isEqualTo(g.get("pixels").asLong());
        assertThat(root.get("iou").get("1").asDouble()).isCloseTo(g.get("iou").get("1").asDouble(), within(1e-12));
        assertThat(root.get("iou").get("3").isNull()).isTrue();
        CliRun text = CliRun.of("evaluate", "--task", "segmentation", "--truth-masks", DIR.resolve("truth").toString(),
                "--predicted-masks", DIR.resolve("predicted").toString(), "--classes", "5");
        assertThat(text.out()).contains("mean_iou").contains("in neither truth nor prediction");
    }

    @Test
    void badSegmentationInputIsAClearUsageError() {
        CliRun noClasses = CliRun.of("evaluate", "--task", "segmentation", "--truth-masks", DIR.resolve("truth").toString(),
                "--predicted-masks", DIR.resolve("predicted").toString());
        assertThat(noClasses.exitCode()).isEqualTo(2);
        assertThat(noClasses.err()).contains("--task segmentation needs --truth-masks DIR, --predicted-masks DIR and --classes N");
        CliRun tooFew = CliRun.of("evaluate", "--task", "segmentation", "--truth-masks", DIR.resolve("truth").toString(),
                "--predicted-masks", DIR.resolve("predicted").toString(), "--classes", "3");
        assertThat(tooFew.exitCode()).isEqualTo(2);
        assertThat(tooFew.err()).contains("a.png: pixel at row 0, column 0 has label 4; labels must lie in 0..2");
        CliRun stray = CliRun.of("evaluate", "--data", "x.csv", "--classes", "3");
        assertThat(stray.exitCode()).isEqualTo(2);
        assertThat(stray.err()).contains("are read with --task segmentation");
    }

    @Test
    void aSegmentationCheckGatesOnMeanIouAndClassIou() throws IOException {
        Files.writeString(dir.resolve("images.csv"), "image\na\nb\nc\n");
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: segmenter gate
                data: {current: images.csv}
                columns: {label: image}
                checks:
                  - name: Mean IoU
                    type: segmentation
                    truth: %s
                    predictions: %s
                    classes: [background, box, disc, unused, stray]
                    fail: mean_iou >= 0.5
                    warn: iou[stray] >= 0.1
                  - name: Pixels
                    type: segmentation
                    truth: %s
                    predictions: %s
                    classes: 5
                    fail: pixel_accuracy >= 0.9
                """.formatted(DIR.resolve("truth"), DIR.resolve("predicted"), DIR.resolve("truth"), DIR.resolve("predicted")));
        CliRun run = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.out()).as(run.err()).contains("WARN    Mean IoU").contains("FAIL    Pixels");
        JsonNode checks = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
        Map<String, Double> got = new HashMap<>();
        for (JsonNode m : checks.get(0).get("measurements")) {
            got.put(m.get("name").asText() + (m.get("key").isNull() ? "" : "[" + m.get("key").asText() + "]"),
                    m.get("value").asDouble());
        }
        JsonNode g = golden();
        assertThat(got.get("mean_iou")).isCloseTo(g.get("mean_iou").asDouble(), within(1e-12));
        assertThat(got.get("iou[disc]")).isCloseTo(g.get("iou").get("2").asDouble(), within(1e-12));
        assertThat(got.get("iou[stray]")).isZero();
        assertThat(got).doesNotContainKey("iou[unused]");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(suite).replace("    classes: 5\n", ""));
        CliRun missing = CliRun.of("run", bad.toString(), "--out", dir.resolve("r2").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing key 'classes'");
    }
}
