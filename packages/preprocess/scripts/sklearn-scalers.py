"""Writes src/fixtures/scalers-sklearn.json: every fitted attribute, transform and inverse
transform of scikit-learn's StandardScaler, MinMaxScaler, RobustScaler and MaxAbsScaler, and
partial_fit sequences, for lab's scalers (beside scripts/sklearn-fixture.py's scalers.json).

Run with Debian's interpreter:  /usr/bin/python3 scripts/sklearn-scalers.py
Tables: ordinary columns of very different scales, a constant column, NaN cells, a column that
is all NaN, one row, outliers; each fit also transforms, and inverse transforms, another table of
its width ("others"); each partial_fit sequence then transforms its first batch. NaN is written as null (JSON has no NaN); an attribute that is None
in scikit-learn is null; n_samples_seen_ is written per column for StandardScaler (lab keeps one
count per column) and as the integer scikit-learn gives for the others.
"""
import json
import pathlib

import numpy as np
import scipy
import sklearn
from sklearn.preprocessing import MaxAbsScaler, MinMaxScaler, RobustScaler, StandardScaler

nan = np.nan
rng = np.random.default_rng(11)


def js(x):
    if x is None:
        return None
    a = np.asarray(x, dtype=float)
    if a.ndim == 0:
        return None if np.isnan(a) else float(a)
    if a.ndim == 1:
        return [None if np.isnan(v) else float(v) for v in a]
    return [js(row) for row in a]


tables = {
    "random": rng.normal(size=(25, 4)) * [1, 10, 1e-3, 1e4] + [0, -5, 1, 1e5],
    "constantCol": np.array([[1, 5, 2], [2, 5, -4], [3, 5, 8], [4, 5, 16]], dtype=float),
    "withNaN": np.array([[1, nan, 3], [2, 4, nan], [nan, 6, 5], [4, 8, 7], [-3, nan, 0]], dtype=float),
    "allNaNCol": np.array([[1, nan, 3], [2, nan, 4], [5, nan, -1]], dtype=float),
    "single": np.array([[3.5, -2, 0]], dtype=float),
    "outliers": np.array([[1, -1], [2, 0], [3, 1], [4, 2], [100, -50], [5, 3]], dtype=float),
}
other = {4: rng.normal(size=(5, 4)) * 3, 3: np.array([[0.5, 2, -1], [10, nan, 3]]), 2: np.array([[0, 0], [7, -9]])}

SCALERS = {
    "StandardScaler": (StandardScaler, [{"with_mean": m, "with_std": s} for m in (True, False) for s in (True, False)]),
    "MinMaxScaler": (MinMaxScaler, [{"feature_range": r, "clip": c} for r in ((0, 1), (-2, 3)) for c in (False, True)]),
    "RobustScaler": (RobustScaler, [{"with_centering": c, "with_scaling": s} for c in (True, False) for s in (True, False)]
                     + [{"quantile_range": (10.0, 90.0)}, {"unit_variance": True}, {"quantile_range": (5.0, 62.5), "unit_variance": True},
                        {"quantile_range": (0.0, 100.0)}]),
    "MaxAbsScaler": (MaxAbsScaler, [{}]),
}
ATTRIBUTES = {
    "StandardScaler": ["mean_", "var_", "scale_", "n_samples_seen_"],
    "MinMaxScaler": ["data_min_", "data_max_", "data_range_", "scale_", "min_", "n_samples_seen_"],
    "RobustScaler": ["center_", "scale_"],
    "MaxAbsScaler": ["max_abs_", "scale_", "n_samples_seen_"],
}


def camel(name):
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(w.title() for w in rest) + "_"


def options(kwargs):
    out = {}
    for k, v in kwargs.items():
        out[camel(k)[:-1]] = list(v) if isinstance(v, tuple) else v
    return out


def attributes(kind, s):
    out = {}
    for name in ATTRIBUTES[kind]:
        v = getattr(s, name)
        if name == "n_samples_seen_" and kind == "StandardScaler":
            v = np.broadcast_to(v, (s.n_features_in_,))
        out[camel(name)] = v if isinstance(v, int) else js(v)
        if isinstance(v, (np.integer,)):
            out[camel(name)] = int(v)
    out["nFeaturesIn_"] = int(s.n_features_in_)
    return out


cases = []
for kind, (cls, grid) in SCALERS.items():
    for kwargs in grid:
        for name, x in tables.items():
            s = cls(**kwargs).fit(x)
            o = other[x.shape[1]]
            cases.append({"scaler": kind, "options": options(kwargs), "fit": name, **attributes(kind, s),
                          "transformed": js(s.transform(x)), "otherTransformed": js(s.transform(o)),
                          "otherInverse": js(s.inverse_transform(o))})

# partial_fit: the attributes after each batch.
batches = {
    "random": [tables["random"][:10], tables["random"][10:20], tables["random"][20:]],
    "withNaN": [tables["withNaN"][:2], tables["withNaN"][2:]],
    # Column 1 is all NaN in the second batch: scikit-learn's merge makes its statistics NaN.
    "nanBatch": [np.array([[1, 2], [3, 4]], dtype=float), np.array([[5, nan], [6, nan]], dtype=float), np.array([[0, 1]], dtype=float)],
    "rowByRow": [tables["constantCol"][i:i + 1] for i in range(4)],
}
partial = []
for kind in ("StandardScaler", "MinMaxScaler", "MaxAbsScaler"):
    cls, grid = SCALERS[kind]
    for kwargs in grid:
        for name, parts in batches.items():
            s = cls(**kwargs)
            steps = []
            for b in parts:
                s.partial_fit(b)
                steps.append({"batch": js(b), **attributes(kind, s)})
            partial.append({"scaler": kind, "options": options(kwargs), "name": name, "steps": steps,
                            "probeTransformed": js(s.transform(parts[0]))})

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "scalers-sklearn.json"
out.write_text(json.dumps({"generator": "scripts/sklearn-scalers.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
                           "scipy": scipy.__version__, "tables": {k: js(v) for k, v in tables.items()},
                           "others": {str(k): js(v) for k, v in other.items()}, "cases": cases, "partialFit": partial}) + "\n")
print(f"wrote {out}: {len(cases)} fits, {len(partial)} partial_fit sequences")
