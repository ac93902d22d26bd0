package dev.assay.core.vision;

/** A COCO category: its id and name. */
public record CocoCategory(long id, String name) {
}
