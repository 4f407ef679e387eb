"""Writes src/fixtures/classification-options.json: scikit-learn 1.2's classification metrics with
the options users reach for: sample_weight everywhere, normalize, zero_division, labels,
average='samples' (and the report's 'samples avg'), hamming_loss, cohen_kappa_score (weights),
top_k_accuracy_score on binary 1-D scores, and the edge cases (one class, an empty class,
all-zero weights, NaN input, zero_division=nan, which 1.2 refuses).

Run with Debian's interpreter, which has scikit-learn:  /usr/bin/python3 scripts/classification-options-fixture.py

The format is that of classification.json (see classification-fixture.py): cases of yTrue, yPred
(null stands for NaN), how to read them (task, threshold) and checks of a lab function, its options
in lab's camelCase (sampleWeight as a list) and scikit-learn's result, or "error" when it raises.
Weights are multiples of 1/4, so that the streaming metrics' float32 sums are exact.
"""
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, classification_report, cohen_kappa_score,
                             confusion_matrix, f1_score, fbeta_score, hamming_loss, matthews_corrcoef,
                             multilabel_confusion_matrix, precision_score, recall_score, top_k_accuracy_score)

rng = np.random.default_rng(20240613)
SCORES = [("precision", precision_score, {}), ("recall", recall_score, {}), ("f1", f1_score, {}),
          ("fbeta", fbeta_score, {"beta": 2})]


def run(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn()
        except Exception:  # ValueError, ZeroDivisionError (weights summing to 0)
            return "error", False
    warned = any(issubclass(w.category, UndefinedMetricWarning) or "y_pred contains classes" in str(w.message)
                 for w in caught)
    if isinstance(value, np.ndarray):
        value = value.tolist()
    elif isinstance(value, (np.floating, np.integer)):
        value = value.item()
    return finite(value), warned


def finite(value):
    """JSON has no NaN or infinity: they are written as the strings "nan", "inf", "-inf"."""
    if isinstance(value, list):
        return [finite(v) for v in value]
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, float) and not np.isfinite(value):
        return str(value)
    return value


def weights(n, zeros=2):
    w = rng.integers(0, 9, n) / 4
    w[:zeros] = 0
    return w


def report_shape(report):
    if report == "error":
        return report
    def row(r):
        return {"precision": r["precision"], "recall": r["recall"], "f1": r["f1-score"], "support": r["support"]}
    out = {"classes": []}
    names = {"micro avg": "microAvg", "macro avg": "macroAvg", "weighted avg": "weightedAvg", "samples avg": "samplesAvg"}
    for key, value in report.items():
        if key == "accuracy":
            out["accuracy"] = value
        elif key in names:
            out[names[key]] = row(value)
        else:
            out["classes"].append({"name": key, **row(value)})
    return out


def check(checks, name, fn, kwargs, options, w=None, text=None):
    if w is not None:
        kwargs = dict(kwargs, sample_weight=w)
        options = dict(options, sampleWeight=[None if np.isnan(x) else float(x) for x in w])
    value, warned = run(lambda: fn(**kwargs))
    entry = {"fn": name, "options": options, "expected": value, "warns": warned}
    if text is not None and value != "error":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            entry["text"] = text(kwargs)
    if w is not None and np.isnan(w).any():
        entry["sklearnGives"], entry["expected"] = entry["expected"], "error"
    checks.append(entry)


def class_checks(t, p, ws, labels_sets=(None,), averages=("micro", "macro", "weighted", "none", "samples")):
    checks = []
    for w in ws:
        for name, fn, extra in SCORES:
            for average in averages:
                for zd in ("warn", 0, 1):
                    for labels in labels_sets:
                        kwargs = dict(extra, y_true=t, y_pred=p, average=None if average == "none" else average, zero_division=zd)
                        options = dict(extra, average=average, zeroDivision=zd)
                        if labels is not None:
                            kwargs["labels"] = options["labels"] = labels
                        check(checks, name, fn, kwargs, options, w)
        for labels in labels_sets:
            kwargs = {} if labels is None else {"labels": labels}
            for zd in ("warn", 0, 1):
                # scikit-learn prints float supports when weighted; lab's text has integer supports, so
                # the text is compared only unweighted.
                check(checks, "classificationReport", lambda **kw: report_shape(classification_report(output_dict=True, **kw)),
                      dict(kwargs, y_true=t, y_pred=p, zero_division=zd), dict(kwargs, zeroDivision=zd), w,
                      None if w is not None else (lambda kw: {str(d): classification_report(digits=d, **kw) for d in (2, 4)}))
        check(checks, "accuracy", accuracy_score, dict(y_true=t, y_pred=p), {}, w)
        check(checks, "accuracy", accuracy_score, dict(y_true=t, y_pred=p, normalize=False), {"normalize": False}, w)
        check(checks, "hammingLoss", hamming_loss, dict(y_true=t, y_pred=p), {}, w)
    return checks


def single_checks(t, p, ws, labels_sets=(None,)):
    """Metrics of one class per sample only."""
    checks = []
    for w in ws:
        for labels in labels_sets:
            kwargs = {} if labels is None else {"labels": labels}
            for normalize in (None, "true", "all"):
                extra = {} if normalize is None else {"normalize": normalize}
                check(checks, "confusionMatrix", confusion_matrix, dict(kwargs, y_true=t, y_pred=p, **extra), dict(kwargs, **extra), w)
            for weighting in (None, "linear", "quadratic"):
                extra = {} if weighting is None else {"weights": weighting}
                check(checks, "cohenKappa", cohen_kappa_score, dict(kwargs, y1=t, y2=p, **extra), dict(kwargs, **extra), w)
        check(checks, "matthewsCorrcoef", matthews_corrcoef, dict(y_true=t, y_pred=p), {}, w)
        for adjusted in (False, True):
            check(checks, "balancedAccuracy", balanced_accuracy_score, dict(y_true=t, y_pred=p, adjusted=adjusted), {"adjusted": adjusted}, w)
    return checks


cases = []


def add(name, y_true, y_pred, checks, **options):
    def nulls(v):
        return [nulls(x) for x in v] if isinstance(v, list) else (None if isinstance(v, float) and np.isnan(v) else v)
    cases.append({"name": name, "yTrue": nulls(np.asarray(y_true).tolist()), "yPred": nulls(np.asarray(y_pred).tolist()),
                  "options": options, "checks": checks})


t = rng.integers(0, 4, 80)
p = np.where(rng.random(80) < 0.5, t, rng.integers(0, 4, 80))
w = weights(80)
add("multiclass, weighted", t, p,
    class_checks(t, p, (None, w), labels_sets=(None, [3, 0, 5]), averages=("micro", "macro", "weighted", "none", "samples"))
    + single_checks(t, p, (None, w), labels_sets=(None, [0, 1, 2, 3, 4])))

t = rng.integers(0, 2, 50)
p = np.where(rng.random(50) < 0.7, t, 1 - t)
w = weights(50)
add("binary, weighted", t, p, class_checks(t, p, (None, w), averages=("binary", "macro")) + single_checks(t, p, (None, w)))

t = np.zeros(8, int)
p = np.array([0, 0, 0, 1, 0, 0, 0, 0])
add("one class in yTrue", t, p, class_checks(t, p, (None, weights(8, 1)), averages=("macro", "weighted"))
    + single_checks(t, p, (None,)))
t = np.full(6, 2)
add("one class on both sides", t, t, single_checks(t, t, (None,)) + class_checks(t, t, (None,), averages=("macro",)))

t = rng.integers(0, 3, 30)
p = rng.integers(0, 3, 30)
zero = np.zeros(30)
add("all-zero weights", t, p, class_checks(t, p, (zero,), averages=("macro", "weighted")) + single_checks(t, p, (zero,)))
nan_w = np.ones(30)
nan_w[4] = np.nan
add("a NaN weight", t, p, class_checks(t, p, (nan_w,), averages=("macro",)))

checks = []
for name, fn, extra in SCORES[:1]:
    check(checks, name, fn, dict(y_true=t, y_pred=p, average="macro", zero_division=np.nan), {"average": "macro", "zeroDivision": "NaN"})
add("zeroDivision NaN (scikit-learn 1.2 refuses it)", t, p, checks)

# NaN input: lab reads tensors and JS arrays; scikit-learn's check_array refuses NaN.
pn = rng.random(12).astype(np.float32).round(2)
pn[5] = np.nan
tn = rng.integers(0, 2, 12)
checks = []
for name, fn, extra in SCORES[:2]:
    check(checks, name, fn, dict(y_true=tn, y_pred=pn), {})
check(checks, "hammingLoss", hamming_loss, dict(y_true=tn, y_pred=pn), {})
check(checks, "cohenKappa", cohen_kappa_score, dict(y1=tn, y2=pn), {})
add("NaN in yPred", tn, pn, checks)

# Multilabel: average='samples', the report's samples avg; a label never true (column 3), a row
# with no true and no predicted label.
tm = (rng.random((40, 5)) < 0.4).astype(int)
tm[:, 3] = 0
prob = np.round(rng.random((40, 5)), 4).astype(np.float32)
prob[0] = 0.1
tm[0] = 0
pm = (prob > np.float32(0.5)).astype(int)
wm = weights(40)
mchecks = class_checks(tm, pm, (None, wm), labels_sets=(None, [4, 1, 3]))
for wt in (None, wm):
    for labels in (None, [4, 1]):
        kwargs = {} if labels is None else {"labels": labels}
        check(mchecks, "multilabelConfusionMatrix", multilabel_confusion_matrix, dict(kwargs, y_true=tm, y_pred=pm), dict(kwargs), wt)
add("multilabel, samples average", tm, prob, mchecks, task="multilabel")
zw = np.zeros(40)
add("multilabel, all-zero weights", tm, prob, class_checks(tm, pm, (zw,), averages=("samples", "macro")), task="multilabel")

# top_k_accuracy_score on binary 1-D scores (labels 0 and 1, as lab reads them).
for name, scores in (("top-k, binary probabilities", np.round(rng.random(40), 2)),
                     ("top-k, binary decision values", np.round(rng.normal(size=40), 2))):
    tb = rng.integers(0, 2, 40)
    wb = weights(40)
    checks = []
    for k in (1, 2, 3):
        for normalize in (True, False):
            for wt in (None, wb):
                check(checks, "topKAccuracy", top_k_accuracy_score,
                      dict(y_true=tb, y_score=scores, k=k, normalize=normalize, labels=[0, 1]),
                      {"k": k, "normalize": normalize}, wt)
    add(name, tb, scores, checks)

# Multiclass top-k with weights and normalize.
tk = rng.integers(0, 5, 40)
sk = np.round(rng.random((40, 5)), 1).astype(np.float32)
wk = weights(40)
checks = []
for k in (1, 2, 4):
    for normalize in (True, False):
        for wt in (None, wk):
            check(checks, "topKAccuracy", top_k_accuracy_score, dict(y_true=tk, y_score=sk, k=k, normalize=normalize, labels=np.arange(5)),
                  {"k": k, "normalize": normalize}, wt)
add("top-k, multiclass with ties, weighted", tk, sk, checks)

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "classification-options.json"
body = ",\n".join(json.dumps(case, allow_nan=False) for case in cases)
out.write_text(f'{{"generator": "scripts/classification-options-fixture.py", "sklearn": "{sklearn.__version__}",\n'
               f'"cases": [\n{body}\n]}}\n')
print(f"wrote {len(cases)} cases, {sum(len(c['checks']) for c in cases)} checks to {out}")
