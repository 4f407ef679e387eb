"""Writes src/fixtures/torch-reference.json: PyTorch's cross-entropy and MSE on fixed inputs.

Run with Debian's interpreter, which has torch (python3-torch):
    /usr/bin/python3 scripts/torch-reference.py

Inputs are rounded to float32 first, so tfjs (float32) sees exactly the numbers torch saw; the
references are computed in float64. The tests compare within float32 tolerance.
"""
import json
import pathlib

import torch
import torch.nn.functional as F

torch.manual_seed(0)


def f32(t):
    return t.float().double()


def cross_entropy_case(name, logits, target):
    logits = logits.clone().requires_grad_(True)
    mean = F.cross_entropy(logits, target, reduction="mean")
    (grad,) = torch.autograd.grad(mean, logits)
    return {
        "name": name,
        "logits": logits.tolist(),
        "target": target.tolist(),
        "none": F.cross_entropy(logits, target, reduction="none").tolist(),
        "mean": mean.item(),
        "sum": F.cross_entropy(logits, target, reduction="sum").item(),
        "gradMeanWrtLogits": grad.tolist(),
    }


batch, classes = 4, 5
logits = f32(torch.randn(batch, classes) * 3)
one_hot = F.one_hot(torch.tensor([0, 3, 4, 1]), classes).double()
soft = f32(torch.distributions.Dirichlet(torch.ones(classes)).sample((batch,)).double())

y_true = f32(torch.randn(batch, 3))
y_pred = f32(torch.randn(batch, 3))
mse = {
    "yTrue": y_true.tolist(),
    "yPred": y_pred.tolist(),
    "none": F.mse_loss(y_pred, y_true, reduction="none").mean(-1).tolist(),
    "mean": F.mse_loss(y_pred, y_true, reduction="mean").item(),
}

fixture = {
    "generator": "packages/losses/scripts/torch-reference.py",
    "torch": torch.__version__,
    "crossEntropy": [
        cross_entropy_case("one-hot targets", logits, one_hot),
        cross_entropy_case("soft targets", logits, soft),
    ],
    "mse": mse,
}
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "torch-reference.json"
out.write_text(json.dumps(fixture, indent=1) + "\n")
print(f"wrote {out}")
