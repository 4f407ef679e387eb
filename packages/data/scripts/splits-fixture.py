"""Writes src/fixtures/splits.json: scikit-learn's KFold and StratifiedKFold folds (unshuffled,
exact indices), fold sizes when shuffled, and train_test_split sizes (per class when stratified).

Run with Debian's interpreter, which has scikit-learn:  /usr/bin/python3 scripts/splits-fixture.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split

rng = np.random.default_rng(20240607)


def folds(splitter, n, y=None):
    return [{"train": train.tolist(), "test": test.tolist()} for train, test in splitter.split(np.zeros(n), y)]


k_fold = [{"n": n, "k": k, "folds": folds(KFold(n_splits=k), n)}
          for n, k in [(10, 5), (11, 3), (7, 7), (100, 10), (23, 4), (2, 2)]]
k_fold_shuffled_sizes = [{"n": n, "k": k, "testSizes": [len(f["test"]) for f in folds(KFold(k, shuffle=True, random_state=0), n)]}
                         for n, k in [(101, 5), (13, 4)]]

stratified = []
for n, k, classes, weights in [(30, 3, 3, None), (50, 5, 4, [0.6, 0.2, 0.15, 0.05]), (17, 4, 2, None),
                               (200, 10, 10, None), (40, 5, 3, [0.8, 0.15, 0.05])]:
    y = rng.choice(np.arange(classes) * 3 + 1, size=n, p=weights)  # labels 1, 4, 7, ...: not 0..C-1
    stratified.append({"labels": y.tolist(), "k": k, "folds": folds(StratifiedKFold(n_splits=k), n, y)})

split_sizes = []
for n, test_size in [(10, 0.3), (100, 0.3), (7, 0.25), (1000, 0.1), (50, 12), (3, 0.5)]:
    train, test = train_test_split(np.arange(n), test_size=test_size, random_state=0)
    split_sizes.append({"n": n, "testSize": test_size, "train": len(train), "test": len(test)})

stratified_sizes = []
for n, test_size, weights in [(100, 0.3, [0.5, 0.3, 0.2]), (60, 0.25, [0.7, 0.2, 0.1]), (1000, 0.3, None)]:
    p = weights or [0.1] * 10
    y = np.repeat(np.arange(len(p)), np.round(np.array(p) * n).astype(int))
    train, test = train_test_split(np.arange(len(y)), test_size=test_size, random_state=0, stratify=y)
    counts = np.bincount(y[test], minlength=len(p))
    stratified_sizes.append({"labels": y.tolist(), "testSize": test_size, "train": len(train), "test": len(test),
                             "testPerClass": counts.tolist()})

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "splits.json"
out.write_text(json.dumps({"generator": "scripts/splits-fixture.py", "sklearn": sklearn.__version__,
                           "kFold": k_fold, "kFoldShuffledSizes": k_fold_shuffled_sizes,
                           "stratifiedKFold": stratified, "trainTestSplitSizes": split_sizes,
                           "stratifiedSplitSizes": stratified_sizes}) + "\n")
print(f"wrote {out}")
