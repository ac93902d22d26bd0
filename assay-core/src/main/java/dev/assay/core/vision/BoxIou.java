package dev.assay.core.vision;

/**
 * Intersection over union of axis-aligned boxes, as pycocotools' {@code bbIou} (common/maskApi.c):
 * {@code iou = |A ∩ B| / (|A| + |B| - |A ∩ B|)} with continuous coordinates (no +1 pixel), 0 when
 * the boxes do not overlap; against a crowd region the union is the detection's own area,
 * {@code |A ∩ B| / |A|}.
 */
public final class BoxIou {
    private BoxIou() {
    }

    /** IoU of two boxes given as COCO {@code [x, y, width, height]}. */
    public static double xywh(double[] a, double[] b) {
        return xywh(a, b, false);
    }

    /** IoU of detection box {@code dt} and ground-truth box {@code gt} ({@code [x, y, w, h]}), crowd as COCO. */
    public static double xywh(double[] dt, double[] gt, boolean gtIsCrowd) {
        double w = Math.min(dt[2] + dt[0], gt[2] + gt[0]) - Math.max(dt[0], gt[0]);
        if (w <= 0) {
            return 0;
        }
        double h = Math.min(dt[3] + dt[1], gt[3] + gt[1]) - Math.max(dt[1], gt[1]);
        if (h <= 0) {
            return 0;
        }
        double inter = w * h;
        double da = dt[2] * dt[3];
        double union = gtIsCrowd ? da : da + gt[2] * gt[3] - inter;
        return inter / union;
    }

    /** IoU of two boxes given as corners {@code [x1, y1, x2, y2]}. */
    public static double xyxy(double[] a, double[] b) {
        return xywh(toXywh(a), toXywh(b), false);
    }

    /** Dice coefficient of two {@code [x, y, w, h]} boxes: {@code 2|A ∩ B| / (|A| + |B|) = 2 IoU / (1 + IoU)}. */
    public static double dice(double[] a, double[] b) {
        double iou = xywh(a, b, false);
        return 2 * iou / (1 + iou);
    }

    /** {@code [x1, y1, x2, y2]} as {@code [x1, y1, x2 - x1, y2 - y1]}. */
    public static double[] toXywh(double[] xyxy) {
        return new double[] {xyxy[0], xyxy[1], xyxy[2] - xyxy[0], xyxy[3] - xyxy[1]};
    }
}
