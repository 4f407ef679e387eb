"""Writes src/fixtures/torch-weights.json: the class weights, positive weights, ignored labels and
PyTorch-style probability clamping of @lab/losses, computed by PyTorch.

Run with Debian's interpreter, which has torch (python3-torch):
    /usr/bin/python3 scripts/torch-weights.py

Logit forms call torch.nn.functional itself: cross_entropy(weight=, ignore_index=,
label_smoothing=) with class indices and with probability targets, and
binary_cross_entropy_with_logits(pos_weight=); the 'torch' probability clipping is
binary_cross_entropy (BCELoss), whose gradient is its own backward. The Keras probability forms
with class weights are written with torch ops (clip to the float32 [1e-7, 1 - 1e-7], rescale
rows, weight each class's term; sparse 'mean' divides by the summed label weights, as
cross_entropy does). Lab's sampleWeight with ignoreIndex (no PyTorch twin) multiplies the kept
losses and 'mean' divides by the number kept.

Like scripts/torch-reference.py: inputs rounded to float32, references and the gradient of the
'mean' loss in float64. NaN (PyTorch's mean when every label weight is 0 or every label is
ignored) is written as the string "NaN", since JSON has no NaN.
"""
import json
import math
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(1)
LO = float(np.float32(1e-7))
HI = float(np.float32(1 - 1e-7))


def f32(t):
    return t.float().double()


def plain(values):
    return [("NaN" if math.isnan(v) else v) for v in values]


def case(name, loss, options, y_true, y_pred, reduce_fn, tensors=None):
    """reduce_fn(y_true, y_pred, reduction) -> the loss for 'none', 'sum' or 'mean'."""
    y_pred = y_pred.clone().requires_grad_(True)
    none = reduce_fn(y_true, y_pred, "none")
    total = reduce_fn(y_true, y_pred, "sum")
    mean = reduce_fn(y_true, y_pred, "mean")
    (grad,) = torch.autograd.grad(mean, y_pred)
    out = {
        "name": name,
        "loss": loss,
        "options": options,
        "tensors": {k: v.tolist() for k, v in (tensors or {}).items()},
        "yTrue": y_true.flatten().tolist(),
        "yTrueShape": list(y_true.shape),
        "yPred": y_pred.detach().flatten().tolist(),
        "shape": list(y_pred.shape),
        "none": plain(none.detach().flatten().tolist()),
        "sum": plain([total.item()])[0],
        "mean": plain([mean.item()])[0],
        "gradMean": plain(grad.flatten().tolist()),
    }
    return out


def ce(**kw):
    return lambda t, x, r: F.cross_entropy(x, t, reduction=r, **kw)


def keras_sparse_weighted(weight, classes):
    def f(t, p, r):
        p = p / p.sum(-1, keepdim=True)
        per = -(F.one_hot(t, classes).double() * weight * p.clamp(LO, HI).log()).sum(-1)
        return {"none": per, "sum": per.sum(), "mean": per.sum() / weight[t].sum()}[r]

    return f


def keras_cce_weighted(weight):
    def f(t, p, r):
        p = p / p.sum(-1, keepdim=True)
        per = -(t * weight * p.clamp(LO, HI).log()).sum(-1)
        return {"none": per, "sum": per.sum(), "mean": per.mean()}[r]

    return f


def ignored_with_sample_weight(ignore, sample_weight):
    def f(t, x, r):
        kept = t != ignore
        per = F.cross_entropy(x, t, reduction="none", ignore_index=ignore) * sample_weight
        return {"none": per, "sum": per.sum(), "mean": per.sum() / kept.sum()}[r]

    return f


def per_sample_mean(fn):
    """Elementwise binary losses averaged over the last axis (Keras), then reduced (Keras mean)."""

    def f(t, x, r):
        per = fn(t, x).mean(-1)
        return {"none": per, "sum": per.sum(), "mean": per.mean()}[r]

    return f


batch, classes = 5, 4
logits = f32(torch.randn(batch, classes) * 3)
labels = torch.tensor([0, 3, 2, 1, 3])
one_hot = F.one_hot(labels, classes).double()
soft = f32(torch.distributions.Dirichlet(torch.ones(classes)).sample((batch,)).double())
probabilities = f32(torch.distributions.Dirichlet(torch.ones(classes)).sample((batch,)).double())
weight = f32(torch.tensor([0.5, 2.0, 1.0, 3.0]))
sample_weight = f32(torch.rand(batch) * 2)
with_ignored = torch.tensor([0, -100, 2, -100, 3])
logits_nc = f32(torch.randn(2, 3, 4) * 2)
labels_nc = torch.tensor([[0, 2, 1, 1], [2, 0, 0, 1]])
weight_nc = f32(torch.tensor([1.5, 0.25, 4.0]))

binary_targets = torch.tensor([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.0, 1.0, 0.0]]).double()
binary_logits = f32(torch.randn(4, 3) * 4)
binary_logits[0, 1] = 0.0
binary_logits[2, 0] = 0.0
pos_weight = f32(torch.tensor([3.0, 0.5, 1.25]))
bce_sample_weight = f32(torch.rand(4) * 2)
# Exact 0 and 1, a float32 denormal (log below -100) and ordinary values.
edge_probabilities = torch.tensor(
    [[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [f32(torch.tensor(1e-45)).item(), 0.25, 1e-30], [0.5, 0.9, 1.0]]
).double()
edge_probabilities = f32(edge_probabilities)

cases = [
    case("sparse logits, classWeight", "sparseCategoricalCrossentropy", {"fromLogits": True}, labels, logits,
         ce(weight=weight), {"classWeight": weight}),
    case("sparse logits, classWeight, labelSmoothing 0.1", "sparseCategoricalCrossentropy",
         {"fromLogits": True, "labelSmoothing": 0.1}, labels, logits, ce(weight=weight, label_smoothing=0.1),
         {"classWeight": weight}),
    case("sparse logits, classWeight, class axis 1 of (N, C, d)", "sparseCategoricalCrossentropy",
         {"fromLogits": True, "axis": 1}, labels_nc, logits_nc, ce(weight=weight_nc), {"classWeight": weight_nc}),
    case("sparse logits, ignoreIndex -100", "sparseCategoricalCrossentropy", {"fromLogits": True, "ignoreIndex": -100},
         with_ignored, logits, ce(ignore_index=-100)),
    case("sparse logits, ignoreIndex -100, classWeight, labelSmoothing 0.2", "sparseCategoricalCrossentropy",
         {"fromLogits": True, "ignoreIndex": -100, "labelSmoothing": 0.2}, with_ignored, logits,
         ce(ignore_index=-100, weight=weight, label_smoothing=0.2), {"classWeight": weight}),
    case("sparse logits, ignoreIndex a real class (3)", "sparseCategoricalCrossentropy",
         {"fromLogits": True, "ignoreIndex": 3}, labels, logits, ce(ignore_index=3)),
    case("sparse logits, ignoreIndex on every row: mean NaN, gradient 0", "sparseCategoricalCrossentropy",
         {"fromLogits": True, "ignoreIndex": -100}, torch.full((batch,), -100), logits, ce(ignore_index=-100)),
    case("sparse logits, all-zero classWeight: mean NaN", "sparseCategoricalCrossentropy", {"fromLogits": True},
         labels, logits, ce(weight=torch.zeros(classes).double()), {"classWeight": torch.zeros(classes).double()}),
    case("sparse logits, one class, classWeight", "sparseCategoricalCrossentropy", {"fromLogits": True},
         torch.zeros(3, dtype=torch.long), f32(torch.randn(3, 1)), ce(weight=torch.tensor([2.5]).double()),
         {"classWeight": torch.tensor([2.5]).double()}),
    case("sparse probabilities (Keras), classWeight", "sparseCategoricalCrossentropy", {}, labels, probabilities,
         keras_sparse_weighted(weight, classes), {"classWeight": weight}),
    case("sparse logits, ignoreIndex -100, sampleWeight (lab: mean over the kept)", "sparseCategoricalCrossentropy",
         {"fromLogits": True, "ignoreIndex": -100}, with_ignored, logits,
         ignored_with_sample_weight(-100, sample_weight), {"sampleWeight": sample_weight}),
    case("cce logits, one-hot, classWeight (mean over N, as with probability targets)", "categoricalCrossentropy",
         {"fromLogits": True}, one_hot, logits, ce(weight=weight), {"classWeight": weight}),
    case("cce logits, soft, classWeight, labelSmoothing 0.1", "categoricalCrossentropy",
         {"fromLogits": True, "labelSmoothing": 0.1}, soft, logits, ce(weight=weight, label_smoothing=0.1),
         {"classWeight": weight}),
    case("cce logits, all-zero classWeight: 0", "categoricalCrossentropy", {"fromLogits": True}, one_hot, logits,
         ce(weight=torch.zeros(classes).double()), {"classWeight": torch.zeros(classes).double()}),
    case("cce probabilities (Keras), classWeight", "categoricalCrossentropy", {}, soft, probabilities,
         keras_cce_weighted(weight), {"classWeight": weight}),
    case("bce logits, posWeight per column, logits of exactly 0", "binaryCrossentropy", {"fromLogits": True},
         binary_targets, binary_logits,
         per_sample_mean(lambda t, x: F.binary_cross_entropy_with_logits(x, t, reduction="none", pos_weight=pos_weight)),
         {"posWeight": pos_weight}),
    case("bce logits, scalar posWeight, labelSmoothing 0.2, sampleWeight", "binaryCrossentropy",
         {"fromLogits": True, "labelSmoothing": 0.2}, binary_targets, binary_logits,
         lambda t, x, r: {"none": lambda v: v, "sum": torch.sum, "mean": torch.mean}[r](
             F.binary_cross_entropy_with_logits(x, t * 0.8 + 0.1, reduction="none",
                                                pos_weight=torch.tensor(2.0).double()).mean(-1) * bce_sample_weight),
         {"posWeight": torch.tensor(2.0).double(), "sampleWeight": bce_sample_weight}),
    case("bce probabilities, probabilityClipping torch (BCELoss), exact 0 and 1", "binaryCrossentropy",
         {"probabilityClipping": "torch"}, binary_targets, edge_probabilities,
         per_sample_mean(lambda t, p: F.binary_cross_entropy(p, t, reduction="none"))),
    case("bce probabilities, probabilityClipping torch, labelSmoothing 0.1", "binaryCrossentropy",
         {"probabilityClipping": "torch", "labelSmoothing": 0.1}, binary_targets, edge_probabilities,
         per_sample_mean(lambda t, p: F.binary_cross_entropy(p, t * 0.9 + 0.05, reduction="none"))),
    case("bce probabilities, probabilityClipping keras (the default), exact 0 and 1", "binaryCrossentropy",
         {"probabilityClipping": "keras"}, binary_targets, edge_probabilities,
         per_sample_mean(lambda t, p: -(t * p.clamp(LO, HI).log() + (1 - t) * (1 - p.clamp(LO, HI)).log()))),
]

fixture = {"generator": "packages/losses/scripts/torch-weights.py", "torch": torch.__version__, "cases": cases}
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "torch-weights.json"
out.write_text(json.dumps(fixture, indent=1) + "\n")
print(f"wrote {out} ({len(cases)} cases)")
