"""Writes src/fixtures/classification.json: inputs and scikit-learn's classification metrics on them.

Run with Debian's interpreter, which has scikit-learn:  /usr/bin/python3 scripts/classification-fixture.py

Each case holds yTrue and yPred as the tests pass them (labels, one-hot rows, probabilities) with
the options that say how to read them (task, threshold), and a list of checks: a function name,
its options (in lab's camelCase), and scikit-learn's result, or "error" when scikit-learn raises.
`warns` says whether scikit-learn gave an UndefinedMetricWarning (or balanced accuracy's warning).
Probabilities are rounded to 4 decimals and kept in float32 so both sides see the same labels.
"""
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, classification_report,
                             confusion_matrix, f1_score, fbeta_score, matthews_corrcoef,
                             multilabel_confusion_matrix, precision_score, recall_score,
                             top_k_accuracy_score)

rng = np.random.default_rng(20240605)
AVERAGES = ["binary", "micro", "macro", "weighted", "none"]
ZERO_DIVISIONS = ["warn", 0, 1]


def probabilities(shape):
    return np.round(rng.random(shape), 4).astype(np.float32)


def run(fn):
    """scikit-learn's result (lists for arrays) and whether it warned; 'error' when it raises."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn()
        except ValueError:
            return "error", False
    warned = any(issubclass(w.category, UndefinedMetricWarning) or "y_pred contains classes" in str(w.message)
                 for w in caught)
    if isinstance(value, np.ndarray):
        value = value.tolist()
    elif isinstance(value, (np.floating, np.integer)):
        value = value.item()
    return value, warned


def score_checks(t, p, extra_labels=()):
    checks = []
    scores = [("precision", precision_score, {}), ("recall", recall_score, {}), ("f1", f1_score, {}),
              ("fbeta", fbeta_score, {"beta": 0.5}), ("fbeta", fbeta_score, {"beta": 2})]
    label_sets = [None, *extra_labels]
    for name, fn, extra in scores:
        for average in AVERAGES:
            for zd in ZERO_DIVISIONS:
                for labels in label_sets:
                    if labels is not None and average == "binary":
                        continue
                    kwargs = dict(extra, average=None if average == "none" else average, zero_division=zd)
                    options = dict(extra, average=average, zeroDivision=zd)
                    if labels is not None:
                        kwargs["labels"] = labels
                        options["labels"] = labels
                    value, warned = run(lambda: fn(t, p, **kwargs))
                    checks.append({"fn": name, "options": options, "expected": value, "warns": warned})
    return checks


def report_shape(report):
    """classification_report's dict in the shape of lab's ClassificationReport (JSON objects
    would reorder numeric keys); 'samples avg', which lab lacks, is dropped."""
    if report == "error":
        return report
    def row(r):
        return {"precision": r["precision"], "recall": r["recall"], "f1": r["f1-score"], "support": r["support"]}
    out = {"classes": []}
    names = {"micro avg": "microAvg", "macro avg": "macroAvg", "weighted avg": "weightedAvg"}
    for key, value in report.items():
        if key == "accuracy":
            out["accuracy"] = value
        elif key in names:
            out[names[key]] = row(value)
        elif key != "samples avg":
            out["classes"].append({"name": key, **row(value)})
    return out


def report_checks(t, p, labels_sets=(None,), multilabel=False):
    checks = []
    for labels in labels_sets:
        for zd in ZERO_DIVISIONS:
            kwargs = {"zero_division": zd}
            options = {"zeroDivision": zd}
            if labels is not None:
                kwargs["labels"] = labels
                options["labels"] = labels
            value, _ = run(lambda: classification_report(t, p, output_dict=True, **kwargs))
            texts = {}
            if value != "error" and not multilabel:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    for digits in (2, 4):
                        texts[str(digits)] = classification_report(t, p, digits=digits, **kwargs)
            checks.append({"fn": "classificationReport", "options": options, "expected": report_shape(value),
                           "text": texts})
    return checks


def class_checks(t, p, labels_sets=(None,)):
    checks = []
    for labels in labels_sets:
        for normalize in (None, "true", "pred", "all"):
            options = {}
            kwargs = {}
            if labels is not None:
                options["labels"] = kwargs["labels"] = labels
            if normalize is not None:
                options["normalize"] = kwargs["normalize"] = normalize
            value, _ = run(lambda: confusion_matrix(t, p, **kwargs))
            checks.append({"fn": "confusionMatrix", "options": options, "expected": value})
        kwargs = {} if labels is None else {"labels": labels}
        value, _ = run(lambda: multilabel_confusion_matrix(t, p, **kwargs))
        checks.append({"fn": "multilabelConfusionMatrix", "options": dict(kwargs), "expected": value})
    checks.append({"fn": "matthewsCorrcoef", "options": {}, "expected": run(lambda: matthews_corrcoef(t, p))[0]})
    for adjusted in (False, True):
        value, warned = run(lambda: balanced_accuracy_score(t, p, adjusted=adjusted))
        if isinstance(value, float) and not np.isfinite(value):
            continue
        checks.append({"fn": "balancedAccuracy", "options": {"adjusted": adjusted}, "expected": value, "warns": warned})
    checks.append({"fn": "accuracy", "options": {}, "expected": float(accuracy_score(t, p))})
    return checks


cases = []


def add(name, y_true, y_pred, t, p, checks, **options):
    cases.append({"name": name, "yTrue": np.asarray(y_true).tolist(), "yPred": np.asarray(y_pred).tolist(),
                  "options": options, "checks": checks})


def add_classes(name, y_true, y_pred, t, p, labels_sets=(), **options):
    checks = score_checks(t, p, labels_sets) + report_checks(t, p, (None, *labels_sets)) + \
        class_checks(t, p, (None, *labels_sets))
    add(name, y_true, y_pred, t, p, checks, **options)


t, p = rng.integers(0, 5, 120), rng.integers(0, 5, 120)
add_classes("multiclass labels", t, p, t, p, labels_sets=([4, 0, 2],))

t = rng.integers(0, 5, 90)
p = np.where(rng.random(90) < 0.6, t, rng.integers(0, 5, 90))
p[p == 4] = 3  # class 4 is never predicted
p[:3] = 6      # class 6 is predicted but never true
add_classes("a class never predicted and one absent from the truth", t, p, t, p, labels_sets=([0, 1, 2, 3, 4, 5, 6], [6, 5]))

t, p = rng.integers(0, 2, 70), rng.integers(0, 2, 70)
add_classes("binary labels", t, p, t, p)

t, prob = rng.integers(0, 2, 64), probabilities(64)
add_classes("binary labels vs 1-D probabilities", t, prob, t, (prob > np.float32(0.5)).astype(int))
prob = probabilities((64, 1))
add_classes("binary labels vs [N, 1] probabilities, threshold 0.3", t, prob, t,
            (prob.reshape(-1) > np.float32(0.3)).astype(int), threshold=0.3)

labels = rng.integers(0, 6, 80)
one_hot = np.eye(6, dtype=int)[labels]
scores = probabilities((80, 6))
add_classes("one-hot vs probabilities", one_hot, scores, labels, scores.argmax(1), task="multiclass")

t, p = np.zeros(12, int), np.zeros(12, int)
add_classes("a single class, all right", t, p, t, p)
t, p = np.ones(9, int), np.ones(9, int)
add_classes("only the positive class", t, p, t, p, task="binary")
t, p = np.zeros(6, int), np.ones(6, int)
add_classes("binary, all wrong", t, p, t, p)

t, p = rng.choice([0, 3, 7], 50), rng.choice([0, 3, 7], 50)
add_classes("labels with gaps", t, p, t, p, labels_sets=([7, 0, 3, 9],))
t, p = rng.choice([0, 2], 30), rng.choice([0, 2], 30)
add_classes("binary data without the class 1", t, p, t, p)

# Multilabel: indicators against probabilities; column 3 never predicted, column 4 never true.
t = (rng.random((40, 5)) < 0.4).astype(int)
t[:, 4] = 0
prob = probabilities((40, 5))
prob[:, 3] = np.minimum(prob[:, 3], np.float32(0.5))
p = (prob > np.float32(0.5)).astype(int)
checks = score_checks(t, p, ([4, 1],)) + report_checks(t, p, (None, [4, 1]), multilabel=True)
for labels in (None, [4, 1]):
    kwargs = {} if labels is None else {"labels": labels}
    checks.append({"fn": "multilabelConfusionMatrix", "options": dict(kwargs),
                   "expected": multilabel_confusion_matrix(t, p, **kwargs).tolist()})
checks.append({"fn": "accuracy", "options": {}, "expected": float(accuracy_score(t, p))})
add("multilabel indicators vs probabilities", t, prob, t, p, checks, task="multilabel")

# Top-k: scores with ties (one decimal) and without.
for name, decimals in (("top-k with ties", 1), ("top-k", 4)):
    labels = rng.integers(0, 6, 60)
    scores = np.round(rng.random((60, 6)), decimals).astype(np.float32)
    checks = [{"fn": "topKAccuracy", "options": {"k": k},
               "expected": float(top_k_accuracy_score(labels, scores, k=k, labels=np.arange(6)))} for k in (1, 2, 3, 5)]
    add(name, labels, scores, labels, scores, checks)

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "classification.json"
body = ",\n".join(json.dumps(case, allow_nan=False) for case in cases)
out.write_text(f'{{"generator": "scripts/classification-fixture.py", "sklearn": "{sklearn.__version__}",\n'
               f'"cases": [\n{body}\n]}}\n')
print(f"wrote {len(cases)} cases, {sum(len(c['checks']) for c in cases)} checks to {out}")
