"""The reference half of scripts/bench-preprocess.mjs: scipy.ndimage and scikit-learn timings.

Run by the Node benchmark once per round (it alternates lab and this script), with Debian's
interpreter:  /usr/bin/python3 scripts/bench_preprocess.py --images F --table T [--save DIR]
F holds the N×28×28 float32 images (N = 60,000) and T the 2,000×20 float64 table (NaN = missing), both
raw little-endian, written by the Node side so that both time the same data. Filters run over
the spatial axes only (size [1, 3, 3], sigma [0, 1, 1]). Prints one JSON line of seconds; with
--save, also writes each result (raw) into DIR for the Node side to compare.
"""
import argparse
import json
import pathlib
import time

import numpy as np
import scipy
import sklearn
from scipy import ndimage
from sklearn.impute import KNNImputer

parser = argparse.ArgumentParser()
parser.add_argument("--images", required=True)
parser.add_argument("--table", required=True)
parser.add_argument("--save")
args = parser.parse_args()

images = np.fromfile(args.images, dtype="<f4").reshape(-1, 28, 28)
table = np.fromfile(args.table, dtype="<f8").reshape(2000, 20)
tasks = {
    "mean 3×3": lambda: ndimage.uniform_filter(images, size=[1, 3, 3]),
    "gaussian σ=1": lambda: ndimage.gaussian_filter(images, sigma=[0, 1, 1]),
    "median 3×3": lambda: ndimage.median_filter(images, size=[1, 3, 3]),
    "KNNImputer k=5": lambda: KNNImputer(n_neighbors=5).fit_transform(table),
}
seconds = {}
for name, task in tasks.items():
    start = time.perf_counter()
    result = task()
    seconds[name] = time.perf_counter() - start
    if args.save:
        key = name.split(" ")[0].lower()
        result.astype("<f4" if result.dtype == np.float32 else "<f8").tofile(pathlib.Path(args.save) / f"{key}.bin")
print(json.dumps({"seconds": seconds, "scipy": scipy.__version__, "sklearn": sklearn.__version__, "numpy": np.__version__}))
