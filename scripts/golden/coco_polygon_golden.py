"""Golden RLE for COCO polygons, from pycocotools' own C code.

pycocotools cannot be installed here, so its rasteriser is compiled directly: pass the directory holding
common/maskApi.c and maskApi.h of github.com/cocodataset/cocoapi (commit 8c9bcc3cf640524c4c20a9c40e89cb6a2f2fa0e9).
Each case is rasterised with rleFrPoly per polygon and merged with rleMerge(intersect=0), as
COCO.annToRLE does through frPyObjects and merge.

usage: /usr/bin/python3 scripts/golden/coco_polygon_golden.py COCOAPI_COMMON_DIR
"""
import ctypes
import json
import os
import subprocess
import sys
import tempfile

CASES = [
    {"name": "rectangle", "h": 20, "w": 20, "polygons": [[0, 0, 10, 0, 10, 5, 0, 5]]},
    {"name": "rectangle_offset", "h": 12, "w": 15, "polygons": [[2, 3, 9, 3, 9, 10, 2, 10]]},
    {"name": "triangle", "h": 12, "w": 12, "polygons": [[0, 0, 10, 0, 0, 10]]},
    {"name": "triangle_fractional", "h": 30, "w": 40, "polygons": [[3.3, 2.1, 31.7, 8.9, 12.4, 27.6]]},
    {"name": "clockwise_hexagon", "h": 25, "w": 25, "polygons": [[5, 2, 15, 2, 20, 10, 15, 18, 5, 18, 0.5, 10]]},
    {"name": "two_parts", "h": 10, "w": 10, "polygons": [[0, 0, 4, 0, 4, 4, 0, 4], [6, 6, 9, 6, 9, 9, 6, 9]]},
    {"name": "overlapping_parts", "h": 10, "w": 10, "polygons": [[0, 0, 6, 0, 6, 6, 0, 6], [3, 3, 9, 3, 9, 9, 3, 9]]},
    {"name": "outside_image", "h": 8, "w": 8, "polygons": [[-3, -3, 5, -3, 5, 12, -3, 12]]},
]


class Rle(ctypes.Structure):
    _fields_ = [("h", ctypes.c_size_t), ("w", ctypes.c_size_t), ("m", ctypes.c_size_t),
                ("cnts", ctypes.POINTER(ctypes.c_uint))]


def main(common):
    with tempfile.TemporaryDirectory() as tmp:
        lib_path = os.path.join(tmp, "libmask.so")
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", lib_path, os.path.join(common, "maskApi.c")], check=True)
        lib = ctypes.CDLL(lib_path)
        out = []
        for case in CASES:
            rles = (Rle * len(case["polygons"]))()
            for i, poly in enumerate(case["polygons"]):
                xy = (ctypes.c_double * len(poly))(*poly)
                lib.rleFrPoly(ctypes.byref(rles[i]), xy, ctypes.c_size_t(len(poly) // 2),
                              ctypes.c_size_t(case["h"]), ctypes.c_size_t(case["w"]))
            merged = Rle()
            lib.rleMerge(rles, ctypes.byref(merged), ctypes.c_size_t(len(rles)), 0)
            counts = [merged.cnts[j] for j in range(merged.m)]
            out.append(dict(case, counts=counts, area=sum(counts[1::2])))
    path = os.path.join(os.path.dirname(__file__), "..", "..", "assay-core", "src", "test", "resources", "golden",
                        "coco_polygons.json")
    with open(path, "w") as f:
        json.dump({"cases": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
