/**
 * Perturbations of images stored as numeric columns (one column per pixel and channel, in tensor order): brightness,
 * contrast, Gaussian noise, blur, rotation and occlusion, each seeded per image. {@link
 * dev.assay.core.robustness.image.ImageOps} holds the pixel operations, checked against SciPy's {@code ndimage}.
 */
package dev.assay.core.robustness.image;
