"""Writes src/fixtures/splits-more.json: scikit-learn 1.2's GroupKFold and TimeSeriesSplit folds
(deterministic: exact indices), and the sizes of its seeded splitters (ShuffleSplit,
StratifiedShuffleSplit, RepeatedKFold, RepeatedStratifiedKFold, train_test_split with train_size),
which lab draws with its own generator. Beside scripts/splits-fixture.py.

Run with Debian's interpreter, which has scikit-learn:  /usr/bin/python3 scripts/splits-more-fixture.py
GroupKFold cases tie group sizes only with at most 16 groups, where numpy's argsort is stable.
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.model_selection import (GroupKFold, RepeatedKFold, RepeatedStratifiedKFold, ShuffleSplit,
                                     StratifiedShuffleSplit, TimeSeriesSplit, train_test_split)

rng = np.random.default_rng(5)


def folds(splitter, n, y=None, groups=None):
    return [{"train": tr.tolist(), "test": te.tolist()} for tr, te in splitter.split(np.zeros(n), y, groups)]


group_cases = []
for groups, k in [
    ([1, 1, 2, 2, 2, 3, 4, 4, 4, 4], 2),
    (["b", "a", "c", "a", "b", "d", "d", "e"], 3),  # ties, strings
    ([5, 5, 5, 1, 2, 2, 3, 3, 3, 4], 4),
    ([3, 1, 2, 3, 1, 2], 3),  # three groups of equal size
    (rng.choice(60, size=400, p=np.arange(1, 61) / np.arange(1, 61).sum()).tolist(), 5),
    (rng.integers(0, 12, size=50).tolist(), 5),
]:
    group_cases.append({"groups": groups, "k": k, "folds": folds(GroupKFold(n_splits=k), len(groups), groups=groups)})
# The 400-sample case: check its group sizes are distinct where it matters (ties among 60 groups
# would depend on numpy's unstable sort); keep it only if every size is unique.
sizes = np.bincount(np.unique(group_cases[4]["groups"], return_inverse=True)[1])
if len(set(sizes.tolist())) != len(sizes):
    group_cases.pop(4)

time_cases = []
for n, options in [(6, {"k": 2}), (10, {}), (12, {"k": 3, "maxTrainSize": 4}), (20, {"k": 4, "testSize": 3, "gap": 2}),
                   (20, {"k": 3, "gap": 1, "maxTrainSize": 5}), (7, {"k": 6}), (100, {"k": 5, "testSize": 10, "gap": 5, "maxTrainSize": 30})]:
    kw = {"n_splits": options.get("k", 5), "max_train_size": options.get("maxTrainSize"), "test_size": options.get("testSize"),
          "gap": options.get("gap", 0)}
    time_cases.append({"n": n, "options": options, "folds": folds(TimeSeriesSplit(**kw), n)})

shuffle_sizes = []
for n, test_size, train_size in [(10, None, None), (100, 0.25, None), (100, None, 0.6), (37, 0.2, 0.5), (50, 7, 30), (9, 0.33, None), (9, None, 4)]:
    tr, te = next(ShuffleSplit(n_splits=1, test_size=test_size, train_size=train_size, random_state=0).split(np.zeros(n)))
    tts = train_test_split(np.arange(n), test_size=test_size, train_size=train_size, random_state=0) if test_size or train_size else None
    shuffle_sizes.append({"n": n, "testSize": test_size, "trainSize": train_size, "train": len(tr), "test": len(te),
                          "trainTestSplit": None if tts is None else [len(tts[0]), len(tts[1])]})

stratified_shuffle = []
for weights, n, test_size, train_size in [([0.5, 0.3, 0.2], 100, 0.3, None), ([0.7, 0.2, 0.1], 60, None, 0.5), ([0.25] * 4, 80, 0.25, 0.5)]:
    y = np.repeat(np.arange(len(weights)), np.round(np.array(weights) * n).astype(int))
    sss = StratifiedShuffleSplit(n_splits=3, test_size=test_size, train_size=train_size, random_state=0)
    per = [{"train": np.bincount(y[tr], minlength=len(weights)).tolist(), "test": np.bincount(y[te], minlength=len(weights)).tolist()}
           for tr, te in sss.split(np.zeros(len(y)), y)]
    stratified_shuffle.append({"labels": y.tolist(), "testSize": test_size, "trainSize": train_size, "perClass": per})

repeated = []
for n, k, repeats in [(10, 3, 2), (23, 5, 3)]:
    repeated.append({"n": n, "k": k, "repeats": repeats,
                     "testSizes": [len(f["test"]) for f in folds(RepeatedKFold(n_splits=k, n_repeats=repeats, random_state=0), n)]})
y = np.repeat([0, 1, 2], [12, 6, 4])
rsk = RepeatedStratifiedKFold(n_splits=3, n_repeats=2, random_state=0)
repeated_stratified = {"labels": y.tolist(), "k": 3, "repeats": 2,
                       "testPerClass": [np.bincount(y[te], minlength=3).tolist() for _, te in rsk.split(np.zeros(len(y)), y)]}

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "splits-more.json"
out.write_text(json.dumps({"generator": "scripts/splits-more-fixture.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
                           "groupKFold": group_cases, "timeSeriesSplit": time_cases, "shuffleSplitSizes": shuffle_sizes,
                           "stratifiedShuffleSplit": stratified_shuffle, "repeatedKFold": repeated,
                           "repeatedStratifiedKFold": repeated_stratified}) + "\n")
print(f"wrote {out}: {len(group_cases)} group cases")
