package dev.assay.core.vision;

import dev.assay.core.error.InvalidInputException;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Label masks of semantic segmentation read from two folders of PNG files paired by file name, one class
 * index per pixel (8- or 16-bit grey, or a palette whose index is the class, as Pascal VOC stores them),
 * and counted into one {@link SegmentationMetrics} over all images.
 */
public final class SegmentationMasks {
    private SegmentationMasks() {
    }

    /** The PNG file names of {@code truth}, each of which must exist in {@code predicted}. */
    public static List<String> pairs(Path truth, Path predicted) {
        List<String> names = pngs(truth);
        if (names.isEmpty()) {
            throw new InvalidInputException(truth + ": no PNG label masks found; give a folder of .png files, one class "
                    + "index per pixel.");
        }
        List<String> other = pngs(predicted);
        for (String name : names) {
            if (!other.contains(name)) {
                throw new InvalidInputException(predicted + ": no predicted mask " + name + " for " + truth.resolve(name)
                        + "; give a prediction for every truth mask, under the same file name.");
            }
        }
        return names;
    }

    /** Counts every pair of masks; labels must lie in {@code 0..classes-1} or equal {@code ignoreLabel} in the truth. */
    public static SegmentationMetrics evaluate(Path truth, Path predicted, int classes, int ignoreLabel) {
        SegmentationMetrics total = SegmentationMetrics.of(new int[0], new int[0], classes, ignoreLabel);
        for (String name : pairs(truth, predicted)) {
            Path t = truth.resolve(name);
            Path p = predicted.resolve(name);
            BufferedImage ti = read(t);
            BufferedImage pi = read(p);
            if (ti.getWidth() != pi.getWidth() || ti.getHeight() != pi.getHeight()) {
                throw new InvalidInputException(p + ": the prediction is " + pi.getWidth() + "x" + pi.getHeight() + " pixels but "
                        + "the truth " + t + " is " + ti.getWidth() + "x" + ti.getHeight() + "; predict at the truth's size.");
            }
            int[] tl = labels(t, ti, classes, ignoreLabel, true);
            int[] pl = labels(p, pi, classes, ignoreLabel, false);
            total = total.plus(SegmentationMetrics.of(tl, pl, classes, ignoreLabel));
        }
        return total;
    }

    private static List<String> pngs(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + ": no such folder; give a folder of PNG label masks.");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".png")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException(folder + ": cannot be listed: " + e.getMessage());
        }
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new InvalidInputException(file + ": not a readable PNG image.");
            }
            boolean palette = image.getColorModel() instanceof IndexColorModel;
            if (!palette && image.getRaster().getNumBands() != 1) {
                throw new InvalidInputException(file + ": a colour image with " + image.getRaster().getNumBands() + " channels; "
                        + "label masks hold one class index per pixel (grey or palette PNG), not colours.");
            }
            return image;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static int[] labels(Path file, BufferedImage image, int classes, int ignoreLabel, boolean truth) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = raster.getSample(x, y, 0);
                boolean ignored = truth && v == ignoreLabel;
                if (!ignored && v >= classes) {
                    throw new InvalidInputException(file + ": pixel at row " + y + ", column " + x + " has label " + v
                            + "; labels must lie in 0.." + (classes - 1) + (truth ? " or be the ignore label " + ignoreLabel
                            : "") + ". Set 'classes' to the number of classes.");
                }
                out[y * w + x] = ignored ? ignoreLabel : v;
            }
        }
        return out;
    }

    /** Names of the classes {@code 0..classes-1}: the given names, or the indices as text. */
    public static List<String> classNames(List<String> names, int classes) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            out.add(c < names.size() ? names.get(c) : Integer.toString(c));
        }
        return out;
    }
}
