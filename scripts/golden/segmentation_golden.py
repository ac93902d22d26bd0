"""Golden pixel accuracy and IoU for semantic segmentation label masks.

Writes three pairs of PNG label masks (grey 8-bit and palette PNGs, truth with the ignore label 255 on a
border band) and scores them with scikit-learn 1.2.1 on the pixels the truth does not ignore, all images
pooled: accuracy_score, and jaccard_score(average=None) per class; the mean IoU averages the classes found in
the truth or the prediction (as mmsegmentation's nanmean). Class 3 of 5 appears nowhere, class 4 only in
predictions.

usage: /usr/bin/python3 scripts/golden/segmentation_golden.py
"""
import json
import os
import shutil

import numpy as np
from PIL import Image
from sklearn.metrics import accuracy_score, jaccard_score

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "assay-core", "src", "test", "resources", "vision", "segmentation")
# the command-line tests read the same masks from their own resources
COPY = os.path.join(os.path.dirname(__file__), "..", "..", "assay-cli", "src", "test", "resources", "vision", "segmentation")
CLASSES = 5
IGNORE = 255


def scene(rng, h, w):
    y, x = np.mgrid[0:h, 0:w]
    truth = np.zeros((h, w), dtype=np.uint8)
    truth[h // 4: 3 * h // 4, w // 5: w // 2] = 1
    cy, cx, r = h / 2, 3 * w / 4, min(h, w) / 4
    truth[(y - cy) ** 2 + (x - cx) ** 2 <= r * r] = 2
    pred = np.roll(truth, 1, axis=1).copy()
    flips = rng.random((h, w)) < 0.08
    pred[flips] = rng.integers(0, 3, size=flips.sum())
    pred[0:2, 0:3] = 4
    truth[:, 0] = IGNORE
    truth[-1, :] = IGNORE
    return truth, pred


def save(array, path, palette):
    img = Image.fromarray(array, mode="L")
    if palette:
        img = img.convert("P")
        img.putpalette([v for i in range(256) for v in (i * 37 % 256, i * 91 % 256, i * 53 % 256)])
        img.putdata(array.flatten().tolist())
    img.save(path)
    back = np.array(Image.open(path))
    assert (back == array).all(), path


def main():
    rng = np.random.default_rng(14)
    for d in ("truth", "predicted"):
        os.makedirs(os.path.join(ROOT, d), exist_ok=True)
    ts, ps = [], []
    for name, (h, w), palette in [("a.png", (30, 40), False), ("b.png", (25, 25), True), ("c.png", (16, 48), False)]:
        t, p = scene(rng, h, w)
        save(t, os.path.join(ROOT, "truth", name), palette)
        save(p, os.path.join(ROOT, "predicted", name), palette)
        keep = t != IGNORE
        ts.append(t[keep])
        ps.append(p[keep])
    y_true = np.concatenate(ts).astype(int)
    y_pred = np.concatenate(ps).astype(int)
    present = sorted(set(y_true.tolist()) | set(y_pred.tolist()))
    iou = jaccard_score(y_true, y_pred, labels=present, average=None)
    golden = {
        "classes": CLASSES,
        "ignore_label": IGNORE,
        "pixels": int(len(y_true)),
        "pixel_accuracy": float(accuracy_score(y_true, y_pred)),
        "iou": {str(c): float(v) for c, v in zip(present, iou)},
        "mean_iou": float(np.mean(iou)),
    }
    with open(os.path.join(ROOT, "segmentation_golden.json"), "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")
    shutil.rmtree(COPY, ignore_errors=True)
    shutil.copytree(ROOT, COPY)


if __name__ == "__main__":
    main()
