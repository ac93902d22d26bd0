#!/usr/bin/python3
"""Golden blurred and rotated images for dev.assay.core.robustness.image.ImageOps.

Run from the repository root with Debian's interpreter (SciPy 1.10.1, scikit-learn 1.2.1 for the digits):

    /usr/bin/python3 scripts/golden/image_golden.py

Planes: digits 0, 1 and 2 of sklearn.datasets.load_digits (8x8, values 0-16), and digit 3 cut to its
first 6 columns (8x6) so that rows and columns cannot be confused.
blur: scipy.ndimage.gaussian_filter(plane, sigma, mode="reflect", truncate=4.0) for sigma 0.5, 1 and 2.
rotate: scipy.ndimage.rotate(plane, degrees, reshape=False, order=1, mode="constant", cval=fill) for
degrees 15, -30 and 90, fill 0 and 3.
Output: assay-core/src/test/resources/golden/image_ops.json
"""
import json
import os

import numpy as np
import scipy
from scipy import ndimage
from sklearn.datasets import load_digits

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "assay-core/src/test/resources/golden/image_ops.json")

images = load_digits().images
planes = [images[0], images[1], images[2], images[3][:, :6]]
cases = []
for plane in planes:
    plane = plane.astype(float)
    case = {"height": plane.shape[0], "width": plane.shape[1], "plane": plane.ravel().tolist(), "blur": [], "rotate": []}
    for sigma in (0.5, 1.0, 2.0):
        out = ndimage.gaussian_filter(plane, sigma, mode="reflect", truncate=4.0)
        case["blur"].append({"sigma": sigma, "out": out.ravel().tolist()})
    for degrees in (15.0, -30.0, 90.0):
        for fill in (0.0, 3.0):
            out = ndimage.rotate(plane, degrees, reshape=False, order=1, mode="constant", cval=fill)
            case["rotate"].append({"degrees": degrees, "fill": fill, "out": out.ravel().tolist()})
    cases.append(case)
with open(OUT, "w") as f:
    json.dump({"scipy": scipy.__version__, "numpy": np.__version__, "cases": cases}, f, indent=1)
print(OUT)
