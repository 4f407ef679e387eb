"""Writes src/fixtures/accuracy.json: inputs and scikit-learn's accuracy_score on them.

Run with Debian's interpreter, which has scikit-learn:  /usr/bin/python3 scripts/accuracy-fixture.py
Scores are rounded to 4 decimals and compared in float32, as the tfjs tests read them, so the
argmax and the threshold see the same numbers on both sides.
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score

rng = np.random.default_rng(20240601)


def scores(n, c):
    return np.round(rng.random((n, c)), 4).astype(np.float32)


def binary(p, threshold):
    # Keras' binary_accuracy and torchmetrics threshold with a strict inequality.
    return (p.reshape(-1) > np.float32(threshold)).astype(int)


cases = []


def add(name, y_true, y_pred, true_labels, pred_labels, threshold=None):
    case = {"name": name, "yTrue": y_true.tolist(), "yPred": y_pred.tolist(),
            "expected": float(accuracy_score(true_labels, pred_labels))}
    if threshold is not None:
        case["threshold"] = threshold
    cases.append(case)


true, pred = rng.integers(0, 10, 97), rng.integers(0, 10, 97)
add("labels vs labels", true, pred, true, pred)

probs = scores(64, 10)
true = rng.integers(0, 10, 64)
add("labels vs probabilities", true, probs, true, probs.argmax(1))

one_hot = np.eye(5)[rng.integers(0, 5, 40)]
logits = (scores(40, 5) * 8 - 4).astype(np.float32)
add("one-hot vs logits", one_hot, logits, one_hot.argmax(1), logits.argmax(1))

true = rng.integers(0, 2, 50)
p = scores(50, 1).reshape(-1)
add("binary labels vs 1-D probabilities", true, p, true, binary(p, 0.5))

p = scores(50, 1)
add("binary labels vs [N, 1] probabilities, threshold 0.3", true, p, true, binary(p, 0.3), 0.3)

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "accuracy.json"
# One case per line keeps the committed file small and its diffs readable.
body = ",\n".join(json.dumps(case) for case in cases)
out.write_text(f'{{"generator": "scripts/accuracy-fixture.py", "sklearn": "{sklearn.__version__}",\n'
               f'"cases": [\n{body}\n]}}\n')
print(f"wrote {len(cases)} cases to {out}")
