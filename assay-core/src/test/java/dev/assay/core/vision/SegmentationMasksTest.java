package dev.assay.core.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label masks scored against scikit-learn 1.2.1 (scripts/golden/segmentation_golden.py). */
class SegmentationMasksTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SegmentationMasksTest.class.getResource("/vision/segmentation/" + name).toURI());
    }

    @Test
    void greyAndPaletteMasksMatchScikitLearn() throws Exception {
        JsonNode golden = new ObjectMapper().readTree(Files.readString(resource("segmentation_golden.json")));
        SegmentationMetrics m = SegmentationMasks.evaluate(resource("truth"), resource("predicted"), 5, 255);
        assertThat(m.pixels()).isEqualTo(golden.get("pixels").asLong());
        assertThat(m.pixelAccuracy()).isCloseTo(golden.get("pixel_accuracy").asDouble(), within(1e-12));
        assertThat(m.meanIou()).isCloseTo(golden.get("mean_iou").asDouble(), within(1e-12));
        for (int c = 0; c < 5; c++) {
            JsonNode iou = golden.get("iou").get(Integer.toString(c));
            if (iou == null) {
                assertThat(m.classIou(c)).isNaN();
            } else {
                assertThat(m.classIou(c)).as("class " + c).isCloseTo(iou.asDouble(), within(1e-12));
            }
        }
    }

    @Test
    void badFoldersAndMasksAreNamed() throws Exception {
        Path truth = Files.createDirectories(dir.resolve("t"));
        Path pred = Files.createDirectories(dir.resolve("p"));
        assertThatThrownBy(() -> SegmentationMasks.evaluate(truth, pred, 2, 255)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no PNG label masks found");
        assertThatThrownBy(() -> SegmentationMasks.evaluate(dir.resolve("none"), pred, 2, 255))
                .hasMessageContaining("none: no such folder");
        grey(truth.resolve("x.png"), 2, 3, 0);
        assertThatThrownBy(() -> SegmentationMasks.evaluate(truth, pred, 2, 255)).hasMessageContaining("no predicted mask x.png");
        grey(pred.resolve("x.png"), 3, 3, 0);
        assertThatThrownBy(() -> SegmentationMasks.evaluate(truth, pred, 2, 255))
                .hasMessageContaining("the prediction is 3x3 pixels but the truth");
        grey(pred.resolve("x.png"), 2, 3, 7);
        assertThatThrownBy(() -> SegmentationMasks.evaluate(truth, pred, 2, 255))
                .hasMessageContaining("x.png: pixel at row 0, column 0 has label 7; labels must lie in 0..1");
        BufferedImage rgb = new BufferedImage(2, 3, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(rgb, "png", pred.resolve("x.png").toFile());
        assertThatThrownBy(() -> SegmentationMasks.evaluate(truth, pred, 2, 255)).hasMessageContaining("a colour image with 3 channels");
        Files.writeString(pred.resolve("x.png"), "not an image");
        assertThatThrownBy(() -> SegmentationMasks.evaluate(truth, pred, 2, 255)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("x.png");
    }

    @Test
    void ignoredTruthIsNotCounted() throws IOException {
        Path truth = Files.createDirectories(dir.resolve("t"));
        Path pred = Files.createDirectories(dir.resolve("p"));
        grey(truth.resolve("x.png"), 2, 2, 255);
        grey(pred.resolve("x.png"), 2, 2, 1);
        SegmentationMetrics m = SegmentationMasks.evaluate(truth, pred, 2, 255);
        assertThat(m.pixels()).isZero();
        assertThat(m.pixelAccuracy()).isNaN();
        assertThat(m.meanIou()).isNaN();
    }

    private static void grey(Path file, int width, int height, int value) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
