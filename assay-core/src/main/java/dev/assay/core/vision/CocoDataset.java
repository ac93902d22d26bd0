package dev.assay.core.vision;

import java.util.List;

/**
 * Ground truth and detections of one COCO evaluation.
 *
 * @param imageIds the ids of the ground truth's images, sorted (pycocotools evaluates these)
 * @param categories the ground truth's categories, sorted by id
 * @param groundTruth the annotations, in file order
 * @param detections the detections, in file order
 */
public record CocoDataset(long[] imageIds, List<CocoCategory> categories, List<CocoObject> groundTruth,
        List<CocoObject> detections) {

    public CocoDataset {
        categories = List.copyOf(categories);
        groundTruth = List.copyOf(groundTruth);
        detections = List.copyOf(detections);
    }
}
