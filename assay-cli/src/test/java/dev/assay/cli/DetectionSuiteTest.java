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
 * {@code type: detection} in a suite and {@code assay evaluate --task detection} on a hand-built COCO case
 * (resources vision/) whose answers follow from pycocotools' rules:
 * person: 3 objects, detections hit, duplicate, hit, hit: recall 1/3, 1/3, 2/3, 1 and precision 1, 1/2, 2/3,
 * 3/4, made monotone 1, 3/4, 3/4, 3/4; recall thresholds 0..0.33 (34) read 1, the other 67 read 3/4 at every
 * IoU threshold. dog: the best detection lies inside a crowd region and is ignored, the other has IoU exactly
 * 0.5 with the one object: AP 1 at IoU 0.50 and 0 above. cat: no ground truth, left out.
 */
class DetectionSuiteTest {
    static final String GT = EvaluateCommandTest.resource("/vision/ground_truth.json");
    static final String DETS = EvaluateCommandTest.resource("/vision/detections.json");
    private static final double PERSON = (34 + 67 * 0.75) / 101;
    private static final double DUPLICATE_LARGE = (51 + 50 * (2.0 / 3)) / 101;

    @TempDir
    Path dir;

    static Map<String, Double> expected() {
        Map<String, Double> m = new HashMap<>();
        m.put("map", (PERSON + 0.1) / 2);
        m.put("map_50", (PERSON + 1) / 2);
        m.put("map_75", PERSON / 2);
        // small: only the person of image 2 counts, the objects of image 1 are ignored; medium: the dog alone;
        // large: the two persons of image 1 with the duplicate between them (dog has none: left out)
        m.put("map_small", 1.0);
        m.put("map_medium", 0.1);
        m.put("map_large", DUPLICATE_LARGE);
        // at most one detection per image: person 2 of 3, dog's best is the ignored one
        m.put("ar_1", (2.0 / 3 + 0) / 2);
        m.put("ar_10", (1 + 0.1) / 2);
        m.put("ar_100", (1 + 0.1) / 2);
        m.put("ar_small", 1.0);
        m.put("ar_medium", 0.1);
        m.put("ar_large", 1.0);
        return m;
    }

    @Test
    void evaluatePrintsTheCocoSummaryAsJson() throws IOException {
        CliRun run = CliRun.of("evaluate", "--task", "detection", "--ground-truth", GT, "--detections", DETS, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode metrics = root.get("metrics");
        expected().forEach((id, v) -> assertThat(metrics.get(id).asDouble()).as(id).isCloseTo(v, within(1e-9)));
        assertThat(metrics.size()).isEqualTo(12);
        assertThat(root.get("categories").get(0).get("ap").asDouble()).isCloseTo(PERSON, within(1e-9));
        assertThat(root.get("categories").get(1).get("ap50").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(root.get("categories").get(2).get("ap").isNull()).isTrue();
        CliRun text = CliRun.of("evaluate", "--task", "detection", "--ground-truth", GT, "--detections", DETS);
        assertThat(text.out()).contains("map_50").contains("no ground truth").contains("person");
    }

    @Test
    void badDetectionInputIsAClearUsageError() throws IOException {
        CliRun noDets = CliRun.of("evaluate", "--task", "detection", "--ground-truth", GT);
        assertThat(noDets.exitCode()).isEqualTo(2);
        assertThat(noDets.err()).contains("--task detection needs --ground-truth COCO.json and --detections DETS.json");
        Path bad = Files.writeString(dir.resolve("d.json"), "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}]");
        CliRun noScore = CliRun.of("evaluate", "--task", "detection", "--ground-truth", GT, "--detections", bad.toString());
        assertThat(noScore.exitCode()).isEqualTo(2);
        assertThat(noScore.err()).contains("d.json: detections[0], field 'score': expected a finite number");
        CliRun mixed = CliRun.of("evaluate", "--ground-truth", GT, "--detections", DETS);
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("--ground-truth and --detections are read with --task detection");
        CliRun none = CliRun.of("evaluate", "--label", "y");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required option --data FILE");
        CliRun badType = CliRun.of("evaluate", "--task", "detection", "--ground-truth", GT, "--detections", DETS, "--iou-type", "mask");
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("--iou-type must be bbox or segm, found 'mask'");
    }

    @Test
    void aDetectionCheckGatesOnMapAndPerCategoryAp() throws IOException {
        Files.copy(Path.of(GT), dir.resolve("gt.json"));
        Files.copy(Path.of(DETS), dir.resolve("dets.json"));
        Files.writeString(dir.resolve("images.csv"), "image_id\n1\n2\n");
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: detector gate
                data: {current: images.csv}
                columns: {label: image_id}
                checks:
                  - name: COCO mAP
                    type: detection
                    ground_truth: gt.json
                    detections: dets.json
                    fail: map >= 0.3
                    warn: ap[dog] >= 0.5
                  - name: Small objects
                    type: detection
                    ground_truth: gt.json
                    detections: dets.json
                    metrics: [map_small, map_large]
                    fail: map_large >= 0.9
                """);
        CliRun run = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(run.out()).as(run.err()).contains("WARN    COCO mAP").contains("FAIL    Small objects");
        JsonNode checks = new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("checks");
        Map<String, Double> want = expected();
        Map<String, Double> got = new HashMap<>();
        for (JsonNode m : checks.get(0).get("measurements")) {
            got.put(m.get("name").asText() + (m.get("key").isNull() ? "" : "[" + m.get("key").asText() + "]"),
                    m.get("value").asDouble());
        }
        want.forEach((id, v) -> assertThat(got.get(id)).as(id).isCloseTo(v, within(1e-9)));
        assertThat(got.get("ap[person]")).isCloseTo(PERSON, within(1e-9));
        assertThat(got.get("ap50[dog]")).isCloseTo(1.0, within(1e-12));
        assertThat(got).doesNotContainKey("ap[cat]");
        assertThat(checks.get(1).get("measurements")).hasSize(2 + 4);
        String html = Files.readString(dir.resolve("r/report.html"));
        assertThat(html).contains("Average precision per category").contains("Precision-recall at IoU 0.50");
        Path badSuite = Files.writeString(dir.resolve("bad.yaml"), """
                suite: detector gate
                data: {current: images.csv}
                columns: {label: image_id}
                checks:
                  - type: detection
                    ground_truth: gt.json
                    detections: dets.json
                    iou_type: masks
                """);
        CliRun bad = CliRun.of("run", badSuite.toString(), "--out", dir.resolve("b").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("line 8").contains("'iou_type' must be bbox or segm");
    }
}
