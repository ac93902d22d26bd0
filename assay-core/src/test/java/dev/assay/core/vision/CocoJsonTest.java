package dev.assay.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoJsonTest {
    private static final String GT = """
            {"images": [{"id": 7}, {"id": 3}],
             "categories": [{"id": 2, "name": "dog"}, {"id": 1, "name": "person"}],
             "annotations": [
               {"id": 1, "image_id": 3, "category_id": 1, "bbox": [0, 0, 100, 100], "area": 10000, "iscrowd": 0,
                "segmentation": {"size": [4, 4], "counts": [0, 8, 8]}},
               {"id": 2, "image_id": 7, "category_id": 2, "bbox": [10, 10, 20, 20], "iscrowd": 0,
                "segmentation": {"size": [4, 4], "counts": [4, 4, 8]}}]}
            """;

    @TempDir
    Path dir;

    @Test
    void readsBoxesAndEvaluates() throws IOException {
        Path gt = write("gt.json", GT);
        Path dt = write("dt.json", """
                [{"image_id": 3, "category_id": 1, "bbox": [0, 0, 100, 100], "score": 0.9},
                 {"image_id": 7, "category_id": 2, "bbox": [10, 10, 20, 20], "score": 0.8},
                 {"image_id": 7, "category_id": 99, "bbox": [0, 0, 1, 1], "score": 0.1}]""");
        CocoDataset data = CocoJson.read(gt, dt, IouType.BBOX);
        assertThat(data.imageIds()).containsExactly(3, 7);
        assertThat(data.categories()).extracting(CocoCategory::name).containsExactly("person", "dog");
        // the second annotation has no area: its box's 400
        assertThat(data.groundTruth().get(1).area()).isEqualTo(400);
        CocoMetrics m = CocoEvaluator.evaluate(data, IouType.BBOX);
        assertThat(m.summary().get("map").getAsDouble()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void readsMasksForSegmentation() throws IOException {
        Path gt = write("gt.json", GT);
        // first detection covers the first two columns of the 4 x 4 mask exactly; the second overlaps 2 of 4 + 4
        Path dt = write("dt.json", """
                [{"image_id": 3, "category_id": 1, "segmentation": {"size": [4, 4], "counts": "088"}, "score": 0.9},
                 {"image_id": 7, "category_id": 2, "segmentation": {"size": [4, 4], "counts": [6, 4, 6]}, "score": 0.8}]""");
        CocoDataset data = CocoJson.read(gt, dt, IouType.SEGM);
        assertThat(data.detections().get(0).mask().area()).isEqualTo(8);
        CocoMetrics m = CocoEvaluator.evaluate(data, IouType.SEGM);
        // person found at IoU 1; dog at IoU 2 / 6: AP 1 and 0 over the two categories
        assertThat(m.classAp(0).getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(m.classAp(1).getAsDouble()).isZero();
    }

    @Test
    void malformedFilesNameFileEntryAndField() throws IOException {
        Path gt = write("gt.json", GT);
        assertThatThrownBy(() -> CocoJson.read(gt, write("a.json", "[{\"image_id\": 3, \"category_id\": 1, \"bbox\": [0, 0, 1], "
                + "\"score\": 0.5}]"), IouType.BBOX))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a.json: detections[0], field 'bbox'")
                .hasMessageContaining("[x, y, width, height]");
        assertThatThrownBy(() -> CocoJson.read(gt, write("b.json", "[{\"image_id\": 4, \"category_id\": 1, \"bbox\": [0, 0, 1, 1],"
                + " \"score\": 0.5}]"), IouType.BBOX))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("field 'image_id'")
                .hasMessageContaining("not among the ground truth's images");
        assertThatThrownBy(() -> CocoJson.read(gt, write("c.json", "[{\"image_id\": 3, \"category_id\": 1, \"bbox\": [0, 0, 1, 1]}]"),
                IouType.BBOX)).hasMessageContaining("field 'score'");
        assertThatThrownBy(() -> CocoJson.read(gt, write("d.json", "{\"x\": 1}"), IouType.BBOX))
                .hasMessageContaining("d.json: expected a list of detections");
        assertThatThrownBy(() -> CocoJson.read(gt, write("e.json", "[1, 2"), IouType.BBOX))
                .hasMessageContaining("e.json: not valid JSON at line 1");
        assertThatThrownBy(() -> CocoJson.read(write("g.json", "{\"images\": []}"), write("f.json", "[]"), IouType.BBOX))
                .hasMessageContaining("g.json: 'categories' must be a list");
        assertThatThrownBy(() -> CocoJson.read(write("h.json", GT.replace("\"dog\"", "\"person\"")), write("f.json", "[]"),
                IouType.BBOX)).hasMessageContaining("h.json: categories[1], field 'name': category name 'person' appears twice");
        assertThatThrownBy(() -> CocoJson.read(gt, dir.resolve("missing.json"), IouType.BBOX))
                .hasMessageContaining("missing.json: no such file");
        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'x'});
        assertThatThrownBy(() -> CocoJson.read(gt, binary, IouType.BBOX)).hasMessageContaining("binary.json: not UTF-8 text");
        assertThatThrownBy(() -> CocoJson.read(gt, write("p.json", "[{\"image_id\": 3, \"category_id\": 1, "
                + "\"segmentation\": [[0, 0, 1, 0, 1, 1]], \"score\": 0.5}]"), IouType.SEGM))
                .hasMessageContaining("p.json: detections[0], field 'segmentation': polygons are drawn on their image, but "
                        + "image 3 has no 'height' and 'width'");
    }

    @Test
    void polygonsAreDrawnOnTheirImageAndUnitedPerObject() throws IOException {
        // ground truth: two parts of 4 x 4 and 3 x 3 pixels on a 10 x 10 image, area taken from the mask (25)
        Path gt = write("pg.json", """
                {"images": [{"id": 1, "height": 10, "width": 10}],
                 "categories": [{"id": 1, "name": "cell"}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 0,
                   "segmentation": [[0, 0, 4, 0, 4, 4, 0, 4], [6, 6, 9, 6, 9, 9, 6, 9]]}]}
                """);
        CocoDataset data = CocoJson.read(gt, write("pd.json", """
                [{"image_id": 1, "category_id": 1, "score": 0.9, "segmentation": [[0, 0, 4, 0, 4, 4, 0, 4]]},
                 {"image_id": 1, "category_id": 1, "score": 0.8, "segmentation": [[6, 6, 9, 6, 9, 9, 6, 9], [0, 0, 4, 0, 4, 4, 0, 4]]}]
                """), IouType.SEGM);
        assertThat(data.groundTruth().get(0).area()).isEqualTo(25);
        assertThat(data.detections().get(1).area()).isEqualTo(25);
        // the first detection covers 16 of 25 pixels (IoU 0.64) and is matched at IoU thresholds 0.50-0.60 (AP 1);
        // the second is the whole object (IoU 1) and is matched at 0.65-0.95 after one false positive (AP 1/2)
        CocoMetrics m = CocoEvaluator.evaluate(data, IouType.SEGM);
        assertThat(m.summary().get("map").getAsDouble()).isCloseTo((3 + 7 * 0.5) / 10, within(1e-12));
        assertThatThrownBy(() -> CocoJson.read(gt, write("pe.json", "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.5, "
                + "\"segmentation\": [[0, 0, 1, 1]]}]"), IouType.SEGM))
                .hasMessageContaining("pe.json: detections[0], field 'segmentation': A polygon needs an even number of "
                        + "coordinates [x1, y1, x2, y2, ...] for at least 3 points, found 4 numbers.");
        assertThatThrownBy(() -> CocoJson.read(gt, write("pf.json", "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.5, "
                + "\"segmentation\": [[0, 0, 1, \"a\", 1, 1]]}]"), IouType.SEGM))
                .hasMessageContaining("pf.json: detections[0], field 'segmentation': polygon coordinates must be finite numbers");
    }

    @Test
    void emptyFilesGiveUndefinedMeansAndNoDetectionsGiveZero() throws IOException {
        Path empty = write("empty.json", "{\"images\": [], \"annotations\": [], \"categories\": []}");
        CocoMetrics none = CocoEvaluator.evaluate(CocoJson.read(empty, write("none.json", "[]"), IouType.BBOX), IouType.BBOX);
        assertThat(none.summary().values()).allMatch(v -> v.isEmpty());
        CocoMetrics missed = CocoEvaluator.evaluate(CocoJson.read(write("gt.json", GT), write("none.json", "[]"), IouType.BBOX),
                IouType.BBOX);
        assertThat(missed.summary().get("map").getAsDouble()).isZero();
        assertThat(missed.summary().get("ar_100").getAsDouble()).isZero();
        assertThatThrownBy(() -> CocoJson.read(write("gt.json", GT), write("s.json", "[{\"image_id\": 3, \"category_id\": \"1\", "
                + "\"bbox\": [0, 0, 1, 1], \"score\": 0.5}]"), IouType.BBOX))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("s.json: detections[0], field 'category_id': expected a whole number, found \"1\".");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
