"""scikit-learn peer of `lab cv` on tables: the pipeline a scikit-learn user writes for the same
data — ColumnTransformer(numeric: SimpleImputer(mean) → StandardScaler; categorical:
SimpleImputer(most_frequent) → OneHotEncoder(handle_unknown='ignore')) → MLP(128 relu, adam) —
cross-validated over 5 shuffled folds (stratified for classification), fitted per fold. Prints one
JSON line per data set with the mean and population std of the scores `lab cv --json` reports.

    /usr/bin/python3 bench/sklearn_tables.py [path/to/vega-datasets/data]
"""
import json
import os
import sys
import time

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import f1_score, mean_absolute_error, mean_squared_error, precision_score, r2_score, recall_score
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def pipeline(numeric, categorical, model):
    columns = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="mean")), ("scale", StandardScaler())]), numeric),
        ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")), ("onehot", OneHotEncoder(handle_unknown="ignore"))]), categorical),
    ])
    return Pipeline([("columns", columns), ("model", model)])


def summary(scores):
    return {"mean": {k: float(np.mean(v)) for k, v in scores.items()}, "std": {k: float(np.std(v)) for k, v in scores.items()}}


def read(path, target, missing=(), drop=()):
    """Records → (numeric float matrix + text object matrix as one object array, y, numeric and categorical column indices)."""
    with open(path) as f:
        records = json.load(f)
    names = [n for n in records[0] if n != target and n not in drop]
    def cell(v):
        return np.nan if v is None or (isinstance(v, str) and v.strip() in missing) else v
    rows = [r for r in records if cell(r[target]) is not np.nan]
    x = np.array([[cell(r[n]) for n in names] for r in rows], dtype=object)
    numeric = [i for i, n in enumerate(names) if all(isinstance(v, (int, float)) for v in x[:, i])]
    categorical = [i for i in range(len(names)) if i not in numeric]
    x[:, numeric] = x[:, numeric].astype(float)
    return x, np.array([r[target] for r in rows]), numeric, categorical


def penguins(data):
    df, y, numeric, categorical = read(os.path.join(data, "penguins.json"), "Species", missing=(".",))
    scores = {"accuracy": [], "precision": [], "recall": [], "f1": []}
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(df, y):
        model = pipeline(numeric, categorical, MLPClassifier((128,), max_iter=500, random_state=0))
        model.fit(df[train], y[train])
        p = model.predict(df[test])
        scores["accuracy"].append(float(np.mean(p == y[test])))
        scores["precision"].append(precision_score(y[test], p, average="macro", zero_division=0))
        scores["recall"].append(recall_score(y[test], p, average="macro", zero_division=0))
        scores["f1"].append(f1_score(y[test], p, average="macro", zero_division=0))
    return {"data": "penguins.json", "target": "Species", "rows": len(y), "numeric": len(numeric), "categorical": len(categorical), **summary(scores)}


def cars(data):
    df, y, numeric, categorical = read(os.path.join(data, "cars.json"), "Miles_per_Gallon", drop=("Name", "Year"))
    y = y.astype(float)
    scores = {"rmse": [], "mae": [], "r2": []}
    for train, test in KFold(5, shuffle=True, random_state=0).split(df):
        model = pipeline(numeric, categorical, MLPRegressor((128,), max_iter=2000, random_state=0))
        model.fit(df[train], y[train])
        p = model.predict(df[test])
        scores["rmse"].append(float(np.sqrt(mean_squared_error(y[test], p))))
        scores["mae"].append(float(mean_absolute_error(y[test], p)))
        scores["r2"].append(float(r2_score(y[test], p)))
    return {"data": "cars.json", "target": "Miles_per_Gallon", "ignored": ["Name", "Year"], "rows": len(y), "numeric": len(numeric), "categorical": len(categorical), **summary(scores)}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "apps", "cli", "node_modules", "vega-datasets", "data")
    for run in (penguins, cars):
        start = time.perf_counter()
        result = run(data)
        result["seconds"] = time.perf_counter() - start
        print(json.dumps(result))


if __name__ == "__main__":
    main()
