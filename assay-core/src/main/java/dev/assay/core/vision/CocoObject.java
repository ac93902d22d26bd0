package dev.assay.core.vision;

/**
 * One ground-truth annotation or one detection of a COCO evaluation.
 *
 * @param id the annotation id (detections are numbered 1, 2, ... in file order, as pycocotools' loadRes)
 * @param imageId the image
 * @param categoryId the category
 * @param box {@code [x, y, width, height]}, or null for a mask-only detection
 * @param mask the segmentation as RLE, or null for box evaluation
 * @param area the area the size ranges test: the annotation's {@code area}; for a detection with a box the
 *     box's {@code w * h}, else its mask area
 * @param crowd whether a ground-truth region is a crowd ({@code iscrowd}); always false for detections
 * @param score the detection's confidence (0 for ground truth)
 */
public record CocoObject(long id, long imageId, long categoryId, double[] box, RleMask mask, double area, boolean crowd,
        double score) {
}
