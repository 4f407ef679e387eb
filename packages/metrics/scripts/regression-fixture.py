"""Writes src/fixtures/regression.json: inputs and scikit-learn's regression metrics on them.

Run with Debian's interpreter, which has scikit-learn:  /usr/bin/python3 scripts/regression-fixture.py

Each case holds yTrue and yPred (1-D or [N, K] lists; null stands for NaN) and checks: a lab
function name, its options in lab's camelCase (sampleWeight as a list), and scikit-learn 1.2's
result (a number or a list for multioutput='raw_values'), or "error" when scikit-learn raises.
`warns` says whether scikit-learn gave an UndefinedMetricWarning (r2_score with one sample).
One deliberate difference: scikit-learn 1.2 returns NaN for NaN sample weights (no check); lab
refuses them, so those checks expect "error" and keep scikit-learn's value in `sklearnGives`.
"""
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (explained_variance_score, mean_absolute_error, mean_absolute_percentage_error,
                             mean_squared_error, r2_score)

rng = np.random.default_rng(20240611)
FUNCTIONS = {
    "meanSquaredError": mean_squared_error,
    "meanAbsoluteError": mean_absolute_error,
    "meanAbsolutePercentageError": mean_absolute_percentage_error,
    "r2Score": r2_score,
    "explainedVariance": explained_variance_score,
}
VARIANCE = ("r2Score", "explainedVariance")


def run(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn()
        except Exception:  # ValueError, ZeroDivisionError (weights summing to 0), TypeError
            return "error", False
    if isinstance(value, np.ndarray):
        value = value.tolist()
    elif isinstance(value, (np.floating, np.integer)):
        value = value.item()
    return value, any(issubclass(w.category, UndefinedMetricWarning) for w in caught)


def finite(value):
    """JSON has no NaN or infinity: they are written as strings."""
    if isinstance(value, list):
        return [finite(v) for v in value]
    if isinstance(value, float) and not np.isfinite(value):
        return str(value)
    return value


def nulls(value):
    """NaN inputs (and weights) are written as null; the tests read null as NaN."""
    if isinstance(value, list):
        return [nulls(v) for v in value]
    if isinstance(value, dict):
        return {k: nulls(v) for k, v in value.items()}
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


cases = []


def add(name, y_true, y_pred, weights=(None,), extra=()):
    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    outputs = 1 if y_true.ndim == 1 else y_true.shape[1]
    multioutputs = ["raw_values", "uniform_average", "variance_weighted"]
    if outputs > 1:
        multioutputs.append(list(np.round(rng.random(outputs) * 3, 2)))
    checks = []
    for lab_name, fn in FUNCTIONS.items():
        for w in weights:
            for mo in multioutputs:
                variants = [{}]
                if lab_name == "meanSquaredError":
                    variants = [{}, {"squared": False}]
                if lab_name in VARIANCE:
                    variants = [{}, {"force_finite": False}]
                for variant in variants:
                    kwargs = dict(variant, multioutput=mo)
                    if w is not None:
                        kwargs["sample_weight"] = np.asarray(w)
                    if mo == "variance_weighted" and lab_name not in VARIANCE:
                        # scikit-learn 1.2 fails on it with a TypeError deep in np.average; lab
                        # rejects it as an option value.
                        value, warned = "error", False
                    else:
                        value, warned = run(lambda: fn(y_true, y_pred, **kwargs))
                    options = {"multioutput": mo}
                    if "squared" in variant:
                        options["squared"] = variant["squared"]
                    if "force_finite" in variant:
                        options["forceFinite"] = variant["force_finite"]
                    if w is not None:
                        options["sampleWeight"] = list(w)
                    check = {"fn": lab_name, "options": options, "expected": finite(value), "warns": warned}
                    if w is not None and np.isnan(np.asarray(w)).any():
                        check["sklearnGives"], check["expected"] = check["expected"], "error"
                    checks.append(check)
    checks.extend(extra)
    cases.append({"name": name, "yTrue": nulls(y_true.tolist()), "yPred": nulls(y_pred.tolist()), "checks": nulls(checks)})


t = np.round(rng.normal(size=50) * 3, 3)
p = np.round(t + rng.normal(size=50), 3)
add("one output", t, p, weights=(None, np.round(rng.random(50) * 2, 3), rng.integers(0, 4, 50) / 4))

t = np.round(rng.normal(size=(40, 3)) * [1, 5, 0.2] + [0, 10, -1], 3)
p = np.round(t + rng.normal(size=(40, 3)) * [0.5, 3, 0.3], 3)
add("three outputs", t, p, weights=(None, np.round(rng.random(40) * 2, 3)))

t = np.round(rng.normal(size=(30, 2)), 3)
t[:, 1] = 2.5  # a constant output, predicted exactly
p = np.round(t + rng.normal(size=(30, 2)) * 0.3, 3)
p[:, 1] = 2.5
add("a constant output predicted exactly", t, p)
p2 = p.copy()
p2[:, 1] = 2.0
add("a constant output predicted wrong", t, p2)
add("every output constant", np.full((5, 2), 1.0), np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]))

t = np.array([0.0, 1.0, -2.0, 0.0, 4.0])
add("zero targets (MAPE's epsilon)", t, np.array([0.5, 1.0, -1.0, 0.0, 3.0]))
add("one sample", [2.0], [1.5])
add("all-zero weights", [1.0, 2.0, 3.0], [1.5, 2.0, 2.0], weights=([0.0, 0.0, 0.0],))
add("negative weights", [1.0, 2.0, 3.0, 4.0], [1.5, 2.0, 2.0, 5.0], weights=([1.0, -0.5, 2.0, 1.0],))
add("NaN in yTrue", [1.0, np.nan, 3.0], [1.0, 2.0, 3.0])
add("NaN in yPred", [1.0, 2.0, 3.0], [1.0, np.nan, 3.0])
add("NaN in sampleWeight", [1.0, 2.0, 3.0], [1.0, 2.5, 3.0], weights=([1.0, np.nan, 1.0],))

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "regression.json"
body = ",\n".join(json.dumps(case, allow_nan=False) for case in cases)
out.write_text(f'{{"generator": "scripts/regression-fixture.py", "sklearn": "{sklearn.__version__}",\n'
               f'"cases": [\n{body}\n]}}\n')
print(f"wrote {len(cases)} cases, {sum(len(c['checks']) for c in cases)} checks to {out}")
