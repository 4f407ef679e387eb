"""Writes src/fixtures/torch-reference.json: every loss of @lab/losses computed by PyTorch.

Run with Debian's interpreter, which has torch (python3-torch):
    /usr/bin/python3 scripts/torch-reference.py

Logit forms use torch.nn.functional itself (cross_entropy, binary_cross_entropy_with_logits,
mse_loss, l1_loss, huber_loss). Probability forms follow Keras, written with torch ops: clip to
[1e-7, 1 - 1e-7] (the float32 values of those bounds, as Keras in float32 sees them; categorical
first rescales to sum to 1). Per-sample losses average over the last axis (Keras), `sampleWeight`
multiplies them and 'mean' divides by their count (Keras's sum_over_batch_size).

Inputs are rounded to float32 first, so tfjs (float32) sees exactly the numbers torch saw; the
references and the gradients of the 'mean' loss are computed in float64.
"""
import json
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
LO = float(np.float32(1e-7))
HI = float(np.float32(1 - 1e-7))


def f32(t):
    return t.float().double()


def move_classes_last(x, axis):
    return x.movedim(axis, -1)


def keras_cce(target, probabilities, axis=-1, label_smoothing=0.0):
    classes = probabilities.shape[axis]
    target = target * (1 - label_smoothing) + label_smoothing / classes
    p = probabilities / probabilities.sum(axis, keepdim=True)
    return -(target * p.clamp(LO, HI).log()).sum(axis)


def keras_bce(target, probabilities, label_smoothing=0.0):
    target = target * (1 - label_smoothing) + 0.5 * label_smoothing
    p = probabilities.clamp(LO, HI)
    return -(target * p.log() + (1 - target) * (1 - p).log()).mean(-1)


def case(name, loss, options, y_true, y_pred, per_sample_fn, sample_weight=None):
    y_pred = y_pred.clone().requires_grad_(True)
    per_sample = per_sample_fn(y_true, y_pred)
    weighted = per_sample if sample_weight is None else per_sample * sample_weight
    mean = weighted.mean()
    (grad,) = torch.autograd.grad(mean, y_pred)
    out = {
        "name": name,
        "loss": loss,
        "options": options,
        "yTrue": y_true.tolist(),
        "yTrueShape": list(y_true.shape),
        "yPred": y_pred.detach().flatten().tolist(),
        "shape": list(y_pred.shape),
        "none": weighted.detach().flatten().tolist(),
        "sum": weighted.sum().item(),
        "mean": mean.item(),
        "gradMean": grad.flatten().tolist(),
    }
    if sample_weight is not None:
        out["sampleWeight"] = sample_weight.tolist()
    return out


batch, classes = 4, 5
logits = f32(torch.randn(batch, classes) * 3)
labels = torch.tensor([0, 3, 4, 1])
one_hot = F.one_hot(labels, classes).double()
soft = f32(torch.distributions.Dirichlet(torch.ones(classes)).sample((batch,)).double())
probabilities = f32(torch.distributions.Dirichlet(torch.ones(classes)).sample((batch,)).double())
weights = f32(torch.rand(batch) * 2)
# (N, C, d): PyTorch's K-dimensional layout, our axis 1.
logits_nc = f32(torch.randn(2, 4, 3) * 2)
labels_nc = torch.tensor([[0, 3, 1], [2, 2, 0]])
y_true = f32(torch.randn(batch, 3))
y_pred = f32(torch.randn(batch, 3) * 1.5)
binary_targets = torch.tensor([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.0, 1.0, 0.0]]).double()
binary_logits = f32(torch.randn(batch, 3) * 4)
binary_logits_extreme = torch.tensor([[60.0, -60.0, 0.0], [-1000.0, 1000.0, 3.0]]).double()
binary_probabilities = f32(torch.sigmoid(torch.randn(batch, 3)))


def ce_with_logits(ls=0.0):
    return lambda t, x: F.cross_entropy(x, t, reduction="none", label_smoothing=ls)


cases = [
    case("cce logits, one-hot", "categoricalCrossentropy", {"fromLogits": True}, one_hot, logits, ce_with_logits()),
    case("cce logits, soft", "categoricalCrossentropy", {"fromLogits": True}, soft, logits, ce_with_logits()),
    case(
        "cce logits, one-hot, labelSmoothing 0.1",
        "categoricalCrossentropy",
        {"fromLogits": True, "labelSmoothing": 0.1},
        one_hot,
        logits,
        ce_with_logits(0.1),
    ),
    case(
        "cce logits, sampleWeight",
        "categoricalCrossentropy",
        {"fromLogits": True},
        soft,
        logits,
        ce_with_logits(),
        weights,
    ),
    case(
        "cce logits, class axis 1 of (N, C, d)",
        "categoricalCrossentropy",
        {"fromLogits": True, "axis": 1},
        F.one_hot(labels_nc, 4).double().movedim(-1, 1),
        logits_nc,
        lambda t, x: F.cross_entropy(x, t, reduction="none"),
    ),
    case("cce probabilities (Keras)", "categoricalCrossentropy", {}, soft, probabilities, keras_cce),
    case(
        "cce probabilities (Keras), labelSmoothing 0.2, sampleWeight",
        "categoricalCrossentropy",
        {"labelSmoothing": 0.2},
        one_hot,
        probabilities,
        lambda t, p: keras_cce(t, p, label_smoothing=0.2),
        weights,
    ),
    case("sparse logits", "sparseCategoricalCrossentropy", {"fromLogits": True}, labels, logits, ce_with_logits()),
    case(
        "sparse logits, labelSmoothing 0.1, sampleWeight",
        "sparseCategoricalCrossentropy",
        {"fromLogits": True, "labelSmoothing": 0.1},
        labels,
        logits,
        ce_with_logits(0.1),
        weights,
    ),
    case(
        "sparse logits, class axis 1 of (N, C, d)",
        "sparseCategoricalCrossentropy",
        {"fromLogits": True, "axis": 1},
        labels_nc,
        logits_nc,
        lambda t, x: F.cross_entropy(x, t, reduction="none"),
    ),
    case(
        "sparse probabilities (Keras)",
        "sparseCategoricalCrossentropy",
        {},
        labels,
        probabilities,
        lambda t, p: keras_cce(F.one_hot(t, classes).double(), p),
    ),
    case(
        "bce logits",
        "binaryCrossentropy",
        {"fromLogits": True},
        binary_targets,
        binary_logits,
        lambda t, x: F.binary_cross_entropy_with_logits(x, t, reduction="none").mean(-1),
    ),
    case(
        "bce logits, extreme",
        "binaryCrossentropy",
        {"fromLogits": True},
        binary_targets[:2],
        binary_logits_extreme,
        lambda t, x: F.binary_cross_entropy_with_logits(x, t, reduction="none").mean(-1),
    ),
    case(
        "bce logits, labelSmoothing 0.2, sampleWeight",
        "binaryCrossentropy",
        {"fromLogits": True, "labelSmoothing": 0.2},
        binary_targets,
        binary_logits,
        lambda t, x: F.binary_cross_entropy_with_logits(x, t * 0.8 + 0.1, reduction="none").mean(-1),
        weights,
    ),
    case(
        "bce probabilities (Keras)",
        "binaryCrossentropy",
        {},
        binary_targets,
        binary_probabilities,
        keras_bce,
    ),
    case(
        "bce probabilities (Keras), labelSmoothing 0.1",
        "binaryCrossentropy",
        {"labelSmoothing": 0.1},
        binary_targets,
        binary_probabilities,
        lambda t, p: keras_bce(t, p, 0.1),
    ),
    case("mse", "meanSquaredError", {}, y_true, y_pred, lambda t, p: F.mse_loss(p, t, reduction="none").mean(-1)),
    case(
        "mse, sampleWeight",
        "meanSquaredError",
        {},
        y_true,
        y_pred,
        lambda t, p: F.mse_loss(p, t, reduction="none").mean(-1),
        weights,
    ),
    case("mae", "meanAbsoluteError", {}, y_true, y_pred, lambda t, p: F.l1_loss(p, t, reduction="none").mean(-1)),
    case("huber", "huber", {}, y_true, y_pred, lambda t, p: F.huber_loss(p, t, reduction="none").mean(-1)),
    case(
        "huber delta 0.5, sampleWeight",
        "huber",
        {"delta": 0.5},
        y_true,
        y_pred,
        lambda t, p: F.huber_loss(p, t, reduction="none", delta=0.5).mean(-1),
        weights,
    ),
]

fixture = {"generator": "packages/losses/scripts/torch-reference.py", "torch": torch.__version__, "cases": cases}
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "torch-reference.json"
out.write_text(json.dumps(fixture, indent=1) + "\n")
print(f"wrote {out} ({len(cases)} cases)")
