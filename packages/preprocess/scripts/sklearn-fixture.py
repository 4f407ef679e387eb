"""Writes src/fixtures/imputers.json and src/fixtures/scalers.json from scikit-learn.

Run with Debian's interpreter:  /usr/bin/python3 scripts/sklearn-fixture.py
Covers NaN patterns (none, whole rows, whole columns), other missing markers, ties in most
frequent values and in neighbour distances, fitting on one table and transforming another.
NaN is written as null (JSON has no NaN).
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.preprocessing import LabelEncoder, MinMaxScaler, OneHotEncoder, StandardScaler

nan = np.nan
rng = np.random.default_rng(7)


def table(rows, cols, missing=0.25, integers=False):
    x = rng.integers(0, 4, size=(rows, cols)).astype(float) if integers else rng.normal(size=(rows, cols)) * 10
    x[rng.random((rows, cols)) < missing] = nan
    return x


def js(x):
    return [[None if isinstance(v, float) and np.isnan(v) else float(v) for v in row] for row in np.asarray(x, dtype=float)]


doc = np.array([[1, 2, nan], [3, 4, 3], [nan, 6, 5], [8, 8, 7]])
ties = np.array([[1, 1, 1], [1, nan, 2], [2, 2, 2], [nan, 3, 3], [3, 3, 3], [1, 1, nan], [5, nan, nan]])
empty_col = np.array([[1, nan, 3], [nan, nan, 4], [5, nan, nan], [7, nan, 9]])
empty_row = np.array([[1, 2, 3], [nan, nan, nan], [4, 6, 5], [2, nan, 1]])
no_nan = np.array([[1.5, 2, 3], [4, 5, 6.25], [7, 8, 9]])
mode_ties = np.array([[1, 2, 3], [2, 2, 3], [1, 3, nan], [2, 3, 4], [nan, nan, 4]])
marker = np.array([[1, -1, 3], [-1, 4, 5], [6, -1, -1], [2, 3, 4]])
tables = {
    "doc": doc, "ties": ties, "emptyCol": empty_col, "emptyRow": empty_row, "noNaN": no_nan,
    "modeTies": mode_ties, "marker": marker, "random": table(30, 5), "randomInts": table(40, 4, 0.3, True),
    "other": table(6, 3), "otherInts": table(12, 4, 0.3, True),
}
pairs = [("doc", None), ("ties", None), ("emptyCol", None), ("emptyRow", None), ("noNaN", None),
         ("modeTies", None), ("random", None), ("randomInts", None), ("random", "other"),
         ("doc", "other"), ("emptyCol", "other"), ("randomInts", "otherInts")]

imputers = []
for fit_name, transform_name in pairs:
    fit_x = tables[fit_name]
    tr_x = fit_x if transform_name is None else tables[transform_name]
    if tr_x.shape[1] != fit_x.shape[1]:
        continue
    for strategy in ("mean", "median", "most_frequent", "constant"):
        for keep in (False, True):
            kwargs = {"strategy": strategy, "keep_empty_features": keep}
            if strategy == "constant":
                kwargs["fill_value"] = 7.5
            imp = SimpleImputer(**kwargs).fit(fit_x)
            imputers.append({"imputer": "simple", "fit": fit_name, "transform": transform_name or fit_name,
                             "options": {"strategy": {"most_frequent": "mostFrequent"}.get(strategy, strategy),
                                         "keepEmptyFeatures": keep, **({"fillValue": 7.5} if strategy == "constant" else {})},
                             "statistics": js([imp.statistics_])[0], "expected": js(imp.transform(tr_x))})
    for k in (1, 2, 3, 5, 10):
        for weights in ("uniform", "distance"):
            for keep in (False, True):
                imp = KNNImputer(n_neighbors=k, weights=weights, keep_empty_features=keep).fit(fit_x)
                imputers.append({"imputer": "knn", "fit": fit_name, "transform": transform_name or fit_name,
                                 "options": {"nNeighbors": k, "weights": weights, "keepEmptyFeatures": keep},
                                 "expected": js(imp.transform(tr_x))})
for strategy in ("mean", "median", "most_frequent"):
    imp = SimpleImputer(strategy=strategy, missing_values=-1).fit(marker)
    imputers.append({"imputer": "simple", "fit": "marker", "transform": "marker",
                     "options": {"strategy": {"most_frequent": "mostFrequent"}.get(strategy, strategy), "missingValues": -1},
                     "statistics": js([imp.statistics_])[0], "expected": js(imp.transform(marker))})
for k in (1, 2):
    imp = KNNImputer(n_neighbors=k, missing_values=-1).fit(marker)
    imputers.append({"imputer": "knn", "fit": "marker", "transform": "marker", "options": {"nNeighbors": k, "missingValues": -1},
                     "expected": js(imp.transform(marker))})

fixtures = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures"
(fixtures / "imputers.json").write_text(json.dumps({
    "generator": "scripts/sklearn-fixture.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
    "tables": {k: js(v) for k, v in tables.items()}, "cases": imputers}) + "\n")

# Scalers and encoders.
scale_tables = {
    "random": rng.normal(size=(25, 4)) * [1, 10, 1e-3, 1e4] + [0, -5, 1, 1e5],
    "constantCol": np.array([[1, 5, 2], [2, 5, 4], [3, 5, 8], [4, 5, 16]], dtype=float),
    "withNaN": np.array([[1, nan, 3], [2, 4, nan], [nan, 6, 5], [4, 8, 7]], dtype=float),
    "single": np.array([[3.5, -2]], dtype=float),
    "other": rng.normal(size=(5, 4)) * 3,
}
scalers = []
for name, x in scale_tables.items():
    other = scale_tables["other"] if x.shape[1] == 4 else x
    for with_mean in (True, False):
        for with_std in (True, False):
            s = StandardScaler(with_mean=with_mean, with_std=with_std).fit(x)
            scalers.append({"scaler": "standard", "fit": name, "x": js(x), "options": {"withMean": with_mean, "withStd": with_std},
                            "mean": None if s.mean_ is None else js([s.mean_])[0],
                            "var": None if s.var_ is None else js([s.var_])[0],
                            "scale": None if s.scale_ is None else js([s.scale_])[0],
                            "transformed": js(s.transform(x)), "other": js(other), "otherTransformed": js(s.transform(other))})
    for feature_range in ((0, 1), (-1, 1), (2, 5)):
        for clip in (False, True):
            s = MinMaxScaler(feature_range=feature_range, clip=clip).fit(x)
            scalers.append({"scaler": "minmax", "fit": name, "x": js(x), "options": {"featureRange": list(feature_range), "clip": clip},
                            "dataMin": js([s.data_min_])[0], "dataMax": js([s.data_max_])[0], "scale": js([s.scale_])[0],
                            "min": js([s.min_])[0], "transformed": js(s.transform(x)), "other": js(other),
                            "otherTransformed": js(s.transform(other))})

categories = [["b", 3, "x"], ["a", 1, "y"], ["b", 2, "x"], ["c", 1, "z"], ["a", 3, "y"]]
cat_x = np.array(categories, dtype=object)
encoders = []
for handle_unknown in ("error", "ignore"):
    for drop in (None, "first", "if_binary"):
        if drop is not None and handle_unknown == "ignore":
            continue
        enc = OneHotEncoder(sparse_output=False, handle_unknown=handle_unknown, drop=drop).fit(
            [[str(v) if i != 1 else v for i, v in enumerate(row)] for row in categories])
        encoders.append({"encoder": "onehot", "options": {"handleUnknown": handle_unknown, "drop": drop},
                         "categories": [[c.item() if hasattr(c, "item") else c for c in cats] for cats in enc.categories_],
                         "transformed": enc.transform([[str(v) if i != 1 else v for i, v in enumerate(row)] for row in categories]).tolist()})
enc = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit([[str(v) if i != 1 else v for i, v in enumerate(row)] for row in categories])
encoders.append({"encoder": "onehot-unknown", "input": [["d", 1, "x"], ["a", 9, "q"]],
                 "transformed": enc.transform([["d", 1, "x"], ["a", 9, "q"]]).tolist(),
                 "inverse": [[None if v is None else (v.item() if hasattr(v, "item") else v) for v in row]
                             for row in enc.inverse_transform(enc.transform([["d", 1, "x"], ["a", 9, "q"]]))]})
labels = ["cat", "dog", "ant", "dog", "cat"]
le = LabelEncoder().fit(labels)
encoders.append({"encoder": "label", "input": labels, "classes": le.classes_.tolist(), "transformed": le.transform(labels).tolist()})
le = LabelEncoder().fit([3, 1, 2, 3, 10])
encoders.append({"encoder": "label", "input": [3, 1, 2, 3, 10], "classes": le.classes_.tolist(), "transformed": le.transform([3, 1, 2, 3, 10]).tolist()})

(fixtures / "scalers.json").write_text(json.dumps({
    "generator": "scripts/sklearn-fixture.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
    "scalers": scalers, "encoders": encoders}) + "\n")
print(f"wrote {len(imputers)} imputer cases, {len(scalers)} scaler cases, {len(encoders)} encoder cases")
