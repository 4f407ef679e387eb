"""Writes src/fixtures/filters.json: scipy.ndimage uniform/median/gaussian filters on float32 inputs.

Run with Debian's interpreter:  /usr/bin/python3 scripts/filters-fixture.py
Every boundary mode, odd and even sizes, windows larger than the input, 1-D, 2-D, [N,H,W] and
[N,H,W,C] (spatial axes only: size 1 / sigma 0 on the batch and channel axes).
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import ndimage

rng = np.random.default_rng(3)
MODES = ["reflect", "nearest", "mirror", "constant", "wrap"]
CVAL = 0.5


def f32(shape, low=0.0, high=1.0):
    return rng.uniform(low, high, size=shape).astype(np.float32)


def spatial(rank, per_axis, filler):
    """scipy's per-axis argument for our spatial axes: batch and channel axes get `filler`."""
    if rank == 1:
        return [per_axis[0]]
    if rank == 2:
        return list(per_axis)
    if rank == 3:
        return [filler, *per_axis]
    return [filler, *per_axis, filler]


inputs = {
    "1d": f32([7]),
    "2d": f32([5, 6]),
    "nhw": f32([2, 4, 5]),
    "nhwc": f32([2, 4, 5, 2]),
    "signed2d": f32([4, 5], -1.0, 1.0),
    "tiny": f32([1, 2]),
}
cases = []
for name, x in inputs.items():
    for mode in MODES:
        for size in ([2, 3], [3, 3], [4, 5], [9, 1]) if x.ndim > 1 else ([2], [3], [4], [9]):
            sz = spatial(x.ndim, size, 1)
            options = {"size": size if x.ndim > 1 else size[0], "mode": mode}
            if mode == "constant":
                options["cval"] = CVAL
            u = ndimage.uniform_filter(x, size=sz, mode=mode, cval=CVAL)
            m = ndimage.median_filter(x, size=sz, mode=mode, cval=CVAL)
            cases.append({"filter": "mean", "input": name, "options": options, "expected": u.ravel().tolist()})
            cases.append({"filter": "median", "input": name, "options": options, "expected": m.ravel().tolist()})
        for sigma, truncate in (([1.0, 1.0], 4.0), ([0.5, 1.7], 4.0), ([1.3, 0.8], 2.0), ([3.0, 3.0], 4.0)):
            sg = spatial(x.ndim, sigma, 0)
            options = {"sigma": sigma if x.ndim > 1 else sigma[0], "truncate": truncate, "mode": mode}
            if mode == "constant":
                options["cval"] = CVAL
            g = ndimage.gaussian_filter(x, sigma=sg, mode=mode, cval=CVAL, truncate=truncate)
            cases.append({"filter": "gaussian", "input": name, "options": options, "expected": g.ravel().tolist()})

# A median over a large window, where the sliding sorted window is used.
big = f32([12, 40])
for mode in MODES:
    for size in ([5, 7], [6, 8]):
        options = {"size": size, "mode": mode}
        if mode == "constant":
            options["cval"] = CVAL
        m = ndimage.median_filter(big, size=size, mode=mode, cval=CVAL)
        cases.append({"filter": "median", "input": "big", "options": options, "expected": m.ravel().tolist()})
inputs["big"] = big

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "filters.json"
out.write_text(json.dumps({
    "generator": "scripts/filters-fixture.py", "scipy": scipy.__version__, "numpy": np.__version__,
    "inputs": {k: {"shape": list(v.shape), "values": v.ravel().tolist()} for k, v in inputs.items()},
    "cases": cases,
}) + "\n")
print(f"wrote {len(cases)} cases to {out}")
