package dev.assay.core.robustness;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.Locale;

/**
 * How an image lies in a row's numeric columns: {@code height × width × channels} values, channels last
 * ({@code hwc}: value {@code (y·width + x)·channels + c}) or first ({@code chw}: {@code (c·height + y)·width + x}),
 * the layouts of TensorFlow and PyTorch.
 */
public record ImageShape(int height, int width, int channels, boolean channelsLast) {

    public ImageShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("image dimensions must be positive, got " + height + "x" + width + "x" + channels);
        }
    }

    /**
     * Parses {@code HxW} or {@code HxWxC} and a layout {@code hwc} or {@code chw}.
     *
     * @throws InvalidInputException when either is malformed
     */
    public static ImageShape parse(String shape, String layout) {
        if (shape == null) {
            throw new InvalidInputException("Image perturbations need image_shape, the height x width (x channels) of each image, "
                    + "e.g. image_shape: 28x28 or 32x32x3.");
        }
        String[] parts = shape.trim().toLowerCase(Locale.ROOT).split("\\s*x\\s*");
        int[] dims = {0, 0, 1};
        if (parts.length < 2 || parts.length > 3) {
            throw malformed(shape);
        }
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw malformed(shape);
            }
            if (dims[i] < 1) {
                throw malformed(shape);
            }
        }
        String l = layout == null ? "hwc" : layout.trim().toLowerCase(Locale.ROOT);
        if (!l.equals("hwc") && !l.equals("chw")) {
            throw new InvalidInputException("image_layout '" + Excerpt.of(layout) + "' is not a layout; use hwc (channels last, "
                    + "as TensorFlow) or chw (channels first, as PyTorch).");
        }
        return new ImageShape(dims[0], dims[1], dims[2], l.equals("hwc"));
    }

    private static InvalidInputException malformed(String shape) {
        return new InvalidInputException("image_shape '" + Excerpt.of(shape) + "' is not a shape; write height x width or height "
                + "x width x channels with positive whole numbers, e.g. 28x28 or 32x32x3.");
    }

    /** Values per image. */
    public int size() {
        return height * width * channels;
    }

    /** The position of pixel {@code (y, x)} of channel {@code c} among the image's values. */
    public int index(int y, int x, int c) {
        return channelsLast ? (y * width + x) * channels + c : (c * height + y) * width + x;
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels + (channelsLast ? " hwc" : " chw");
    }
}
