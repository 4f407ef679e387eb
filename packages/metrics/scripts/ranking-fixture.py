"""Writes src/fixtures/ranking.json: inputs and scikit-learn's curves and ranking scores on them.

Run with Debian's interpreter, which has scikit-learn:  /usr/bin/python3 scripts/ranking-fixture.py

Each case holds yTrue and yScore (null stands for NaN) and checks: a lab function (rocCurve,
precisionRecallCurve, rocAucScore, averagePrecisionScore), its options in lab's camelCase
(sampleWeight as a list, average 'none' for None) and scikit-learn 1.2's result ("error" when it
raises; NaN and infinities as the strings "nan", "inf", "-inf"); `warns` says whether it gave a
warning of its own (UndefinedMetricWarning or UserWarning). Scores have 2 decimals, so ties occur.
One deliberate difference: scikit-learn 1.2 does not check sample weights for NaN; lab refuses
them, so those checks expect "error" and keep scikit-learn's result in `sklearnGives`.
"""
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve

rng = np.random.default_rng(20240612)


def plain(value):
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (np.floating, float)):
        value = float(value)
        return value if np.isfinite(value) else str(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def run(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn()
        except Exception:
            return "error", False
    warned = any(w.category.__name__ in ("UndefinedMetricWarning", "UserWarning") for w in caught)
    return plain(value), warned


def nulls(value):
    if isinstance(value, list):
        return [nulls(v) for v in value]
    if isinstance(value, dict):
        return {k: nulls(v) for k, v in value.items()}
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


cases = []


def check(checks, name, fn, kwargs, options, sample_weight=None):
    if sample_weight is not None:
        kwargs = dict(kwargs, sample_weight=np.asarray(sample_weight))
        options = dict(options, sampleWeight=[float(w) for w in sample_weight])
    value, warned = run(lambda: fn(**kwargs))
    if name in ("rocCurve", "precisionRecallCurve") and value != "error":
        keys = ("fpr", "tpr", "thresholds") if name == "rocCurve" else ("precision", "recall", "thresholds")
        value = dict(zip(keys, value))
    entry = {"fn": name, "options": options, "expected": value, "warns": warned}
    if sample_weight is not None and np.isnan(np.asarray(sample_weight, dtype=float)).any():
        entry["sklearnGives"], entry["expected"] = entry["expected"], "error"
    checks.append(entry)


def binary_checks(t, s, weights=(None,), pos_labels=(None,)):
    checks = []
    for w in weights:
        for pos in pos_labels:
            extra = {} if pos is None else {"pos_label": pos}
            options = {} if pos is None else {"posLabel": pos}
            for drop in (True, False):
                check(checks, "rocCurve", roc_curve, dict(y_true=t, y_score=s, drop_intermediate=drop, **extra),
                      dict(options, dropIntermediate=drop), w)
            check(checks, "precisionRecallCurve", precision_recall_curve, dict(y_true=t, probas_pred=s, **extra), options, w)
            ap_extra = {} if pos is None else {"pos_label": pos}
            check(checks, "averagePrecisionScore", average_precision_score, dict(y_true=t, y_score=s, **ap_extra), options, w)
        check(checks, "rocAucScore", roc_auc_score, dict(y_true=t, y_score=s), {}, w)
    return checks


def averaged_checks(t, s, weights=(None,), multiclass=False, labels_sets=(None,)):
    checks = []
    for w in weights:
        for average in ("micro", "macro", "weighted", "samples", "none"):
            sk_average = None if average == "none" else average
            if multiclass:
                for mc in ("raise", "ovr"):
                    for labels in labels_sets:
                        kwargs = dict(y_true=t, y_score=s, average=sk_average, multi_class=mc)
                        options = {"average": average, "multiClass": mc}
                        if labels is not None:
                            kwargs["labels"] = labels
                            options["labels"] = labels
                        check(checks, "rocAucScore", roc_auc_score, kwargs, options, w)
            else:
                check(checks, "rocAucScore", roc_auc_score, dict(y_true=t, y_score=s, average=sk_average), {"average": average}, w)
            check(checks, "averagePrecisionScore", average_precision_score, dict(y_true=t, y_score=s, average=sk_average),
                  {"average": average}, w)
    return checks


def add(name, y_true, y_score, checks):
    cases.append(nulls({"name": name, "yTrue": np.asarray(y_true).tolist(), "yScore": np.asarray(y_score).tolist(),
                        "checks": checks}))


t = rng.integers(0, 2, 60)
s = np.round(np.clip(t * 0.3 + rng.random(60) * 0.7, 0, 1), 2)
w = np.round(rng.random(60) * 2, 3)
w[:5] = 0
add("binary with ties", t, s, binary_checks(t, s, weights=(None, w, rng.integers(0, 4, 60) / 4)))

t2 = np.where(t == 1, 2, 1)
add("binary labels 1 and 2", t2, s, binary_checks(t2, s, pos_labels=(None, 2, 1)))
t3 = np.where(t == 1, 1, -1)
add("binary labels -1 and 1, decision values", t3, np.round(s * 6 - 3, 2), binary_checks(t3, np.round(s * 6 - 3, 2)))

add("one class only (all negative)", np.zeros(12, int), s[:12], binary_checks(np.zeros(12, int), s[:12]))
add("one class only (all positive)", np.ones(12, int), s[:12], binary_checks(np.ones(12, int), s[:12]))
add("all-zero weights", t[:10], s[:10], binary_checks(t[:10], s[:10], weights=(np.zeros(10),)))
add("NaN weight", t[:10], s[:10], binary_checks(t[:10], s[:10], weights=(np.r_[np.nan, np.ones(9)],)))
s_nan = s[:10].copy()
s_nan[3] = np.nan
add("NaN score", t[:10], s_nan, binary_checks(t[:10], s_nan))

tm = (rng.random((50, 4)) < 0.4).astype(int)
tm[0], tm[1] = 1, 0
sm = np.round(np.clip(tm * 0.25 + rng.random((50, 4)) * 0.75, 0, 1), 2)
add("multilabel", tm, sm, averaged_checks(tm, sm, weights=(None, np.round(rng.random(50) * 2, 3))))
tm2 = tm.copy()
tm2[:, 2] = 0
add("multilabel with a label never true", tm2, sm, averaged_checks(tm2, sm))

tc = rng.integers(0, 4, 70)
logits = rng.normal(size=(70, 4)) + np.eye(4)[tc] * 1.2
probs = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
add("multiclass probabilities", tc, probs, averaged_checks(tc, probs, weights=(None, np.round(rng.random(70) * 2, 3)),
                                                            multiclass=True, labels_sets=(None, [0, 1, 2, 3], [0, 1, 2, 4])))
probs5 = np.hstack([probs * 0.9, np.full((70, 1), 0.1)])
add("multiclass with a class never true", tc, probs5, averaged_checks(tc, probs5, multiclass=True,
                                                                       labels_sets=(None, [0, 1, 2, 3, 4])))
add("multiclass scores not summing to 1", tc, logits, averaged_checks(tc, logits, multiclass=True))

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "ranking.json"
body = ",\n".join(json.dumps(case, allow_nan=False) for case in cases)
out.write_text(f'{{"generator": "scripts/ranking-fixture.py", "sklearn": "{sklearn.__version__}",\n'
               f'"cases": [\n{body}\n]}}\n')
print(f"wrote {len(cases)} cases, {sum(len(c['checks']) for c in cases)} checks to {out}")
