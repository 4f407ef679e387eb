"""Writes src/fixtures/table-transformer.json: scikit-learn's ColumnTransformer on small tables.

Run with Debian's interpreter:  /usr/bin/python3 scripts/table-transformer-fixture.py
For each table and option combination: ColumnTransformer([('num', Pipeline([imputer, scaler]),
numeric), ('cat', Pipeline([SimpleImputer(most_frequent|constant), OneHotEncoder(handle_unknown=
'ignore')]), categorical)]) fitted on `train` and applied to `train` and `test` (which holds missing
cells everywhere and a category unseen in fit), with get_feature_names_out(). A boolean column
enters the numeric block as 0/1, as lab reads it. Then the same on the real penguins table of the
npm package vega-datasets (when installed beside the CLI), of which only names, statistics and the
first rows are kept: the data set is never committed.
"""
import json
import os
import pathlib

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, StandardScaler

here = pathlib.Path(__file__).resolve().parent
nan = float("nan")

# Columns: name, kind, train values, test values (None = missing).
TABLES = {
    "mixed": [
        ("height", "numeric", [1.5, 1.7, nan, 1.8, 1.6, 1.9, nan, 1.75], [nan, 2.0, 1.4]),
        ("weight", "numeric", [50, 70, 80, nan, 65, 90, 72, 68], [60, nan, 100]),
        ("smoker", "boolean", ["yes", "no", "no", None, "yes", "no", "no", "yes"], [None, "yes", "no"]),
        ("city", "categorical", ["Paris", "Lyon", None, "Paris", "Nice", "Lyon", "Paris", None], ["Nice", None, "Berlin"]),
        ("grade", "categorical", ["b", "a", "a", "c", None, "b", "a", "c"], ["c", "z", None]),
    ],
    "numeric-only": [
        ("x", "numeric", [3, nan, 1, 7, 5, 2], [nan, 4]),
        ("y", "numeric", [10, 10, nan, 30, 40, 10], [5, nan]),
    ],
    "categorical-only": [
        ("color", "categorical", ["red", "blue", None, "red", "green", "blue"], [None, "purple"]),
    ],
}

NUMERIC = [("mean", "standard"), ("median", "minmax"), ("most_frequent", "none"), ("constant", "standard"), ("knn", "standard"), ("knn", "none"), ("mean", "none")]
CATEGORICAL = ["most_frequent", "constant"]


def as_numeric(kind, values):
    if kind == "boolean":
        return [nan if v is None else (1.0 if v.lower() in ("yes", "true") else 0.0) for v in values]
    return [float(v) for v in values]


def build(numeric_cols, cat_cols, impute, scale, cat_impute):
    if impute == "knn":
        imputer = KNNImputer(n_neighbors=2)
    elif impute == "constant":
        imputer = SimpleImputer(strategy="constant", fill_value=-1.0)
    else:
        imputer = SimpleImputer(strategy=impute)
    steps = [("impute", imputer)]
    if scale == "standard":
        steps.append(("scale", StandardScaler()))
    if scale == "minmax":
        steps.append(("scale", MinMaxScaler()))
    cat_imputer = SimpleImputer(strategy="most_frequent", missing_values=None) if cat_impute == "most_frequent" else SimpleImputer(strategy="constant", missing_values=None, fill_value="missing_value")
    blocks = []
    if numeric_cols:
        blocks.append(("num", Pipeline(steps), numeric_cols))
    if cat_cols:
        blocks.append(("cat", Pipeline([("impute", cat_imputer), ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False))]), cat_cols))
    return ColumnTransformer(blocks)


def frame(columns, which):
    """An object array with numeric columns as floats and categorical ones as str/None."""
    rows = len(columns[0][2 if which == "train" else 3])
    out = np.empty((rows, len(columns)), dtype=object)
    for c, (_, kind, train, test) in enumerate(columns):
        values = train if which == "train" else test
        out[:, c] = values if kind == "categorical" else as_numeric(kind, values)
    return out


def json_cells(columns, which):
    return {name: [None if (isinstance(v, float) and np.isnan(v)) else v for v in (train if which == "train" else test)] for name, kind, train, test in columns}


cases = []
for table, columns in TABLES.items():
    numeric_idx = [i for i, c in enumerate(columns) if c[1] != "categorical"]
    cat_idx = [i for i, c in enumerate(columns) if c[1] == "categorical"]
    for impute, scale in (NUMERIC if numeric_idx else [("mean", "standard")]):
        for cat_impute in (CATEGORICAL if cat_idx else ["most_frequent"]):
            ct = build(numeric_idx, cat_idx, impute, scale, cat_impute)
            train, test = frame(columns, "train"), frame(columns, "test")
            fitted = ct.fit(train)
            # get_feature_names_out names columns x0, x1, … for arrays: map them back to the names.
            def rename(n):
                block, rest = n.split("__", 1)
                for i in sorted(range(len(columns)), key=lambda i: -len(str(i))):
                    if rest == f"x{i}" or rest.startswith(f"x{i}_"):
                        return f"{block}__{columns[i][0]}{rest[len(f'x{i}'):]}"
                return n
            cases.append({
                "table": table,
                "columns": [{"name": n, "kind": k} for n, k, _, _ in columns],
                "numeric": {"impute": impute, "scale": scale, **({"fillValue": -1} if impute == "constant" else {}), **({"nNeighbors": 2} if impute == "knn" else {})},
                "categorical": {"impute": cat_impute},
                "train": json_cells(columns, "train"),
                "test": json_cells(columns, "test"),
                "featureNames": [rename(n) for n in fitted.get_feature_names_out()],
                "trainOut": fitted.transform(train).astype(float).tolist(),
                "testOut": fitted.transform(test).astype(float).tolist(),
            })

fixture = {"generator": "scripts/table-transformer-fixture.py", "sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}

vega = here.parent / "node_modules" / "vega-datasets" / "data" / "penguins.json"
if vega.exists():
    records = json.loads(vega.read_text())
    names = [n for n in records[0] if n != "Species"]
    numeric = [n for n in names if all(isinstance(r[n], (int, float)) or r[n] is None for r in records)]
    cat = [n for n in names if n not in numeric]
    x = np.empty((len(records), len(names)), dtype=object)
    for c, n in enumerate(names):
        x[:, c] = [(nan if r[n] is None else float(r[n])) if n in numeric else (None if r[n] in (None, ".") else r[n]) for r in records]
    ct = build([names.index(n) for n in numeric], [names.index(n) for n in cat], "mean", "standard", "most_frequent").fit(x)
    out = ct.transform(x)
    num = ct.named_transformers_["num"]
    fixture["penguins"] = {
        "source": "vega-datasets@3.2.1 data/penguins.json, target Species, '.' as missing",
        "featureNames": [f"num__{n}" for n in numeric] + [f"cat__{cat[i]}_{v}" for i, cats in enumerate(ct.named_transformers_["cat"].named_steps["onehot"].categories_) for v in cats],
        "mean": num.named_steps["scale"].mean_.tolist(),
        "scale": num.named_steps["scale"].scale_.tolist(),
        "firstRows": out[:5].astype(float).tolist(),
        "rows": len(records),
    }

path = here.parent / "src" / "fixtures" / "table-transformer.json"
path.write_text(json.dumps(fixture) + "\n")
print(f"wrote {len(cases)} cases{' and penguins' if 'penguins' in fixture else ''} to {path}")
