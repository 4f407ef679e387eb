"""Writes src/fixtures/torch-reference.json: torch.optim trajectories for given gradients.

Run with Debian's interpreter, which has torch (python3-torch):
    /usr/bin/python3 scripts/torch-reference.py

Each case starts from the same parameters and feeds the same seeded gradient sequence (gradients
do not depend on the parameters, so float32 rounding in tfjs cannot steer the trajectory away).
Inputs are rounded to float32 so tfjs sees exactly the numbers torch saw; torch runs in float64.
"""
import json
import math
import pathlib

import torch

torch.manual_seed(0)
STEPS = 100
RECORDED = (1, 2, 3, 10, 25, 50, 100)  # after how many updates the parameters are recorded
SHAPES = {"w": (2, 3), "b": (3,)}


def f32(t):
    return t.float().double()


initial = {name: f32(torch.randn(shape)) for name, shape in SHAPES.items()}
grads = [{name: f32(torch.randn(shape) * 0.5 + 0.1) for name, shape in SHAPES.items()} for _ in range(STEPS)]


def run(name, make_optimizer, lr_lambda=None):
    params = {k: v.clone().requires_grad_(True) for k, v in initial.items()}
    optimizer = make_optimizer(list(params.values()))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda) if lr_lambda else None
    trajectory = []
    for step, step_grads in enumerate(grads, start=1):
        for k, p in params.items():
            p.grad = step_grads[k].clone()
        optimizer.step()
        if scheduler:
            scheduler.step()
        if step in RECORDED:
            trajectory.append({"step": step, "params": {k: p.detach().flatten().tolist() for k, p in params.items()}})
    return {"name": name, "trajectory": trajectory}


fixture = {
    "generator": "packages/optim/scripts/torch-reference.py",
    "torch": torch.__version__,
    "shapes": {k: list(v) for k, v in SHAPES.items()},
    "initial": {k: v.flatten().tolist() for k, v in initial.items()},
    "grads": [{k: g.flatten().tolist() for k, g in step.items()} for step in grads],
    "cases": [
        run("adam lr=0.01 eps=1e-8", lambda p: torch.optim.Adam(p, lr=0.01, eps=1e-8)),
        # LambdaLR's lambda gets the number of scheduler steps so far (0 for the first update),
        # as our schedules get the number of updates so far.
        run(
            "adam, exponential decay 0.01 * 0.5^(step / 10), eps=1e-8",
            lambda p: torch.optim.Adam(p, lr=0.01, eps=1e-8),
            lambda step: 0.5 ** (step / 10),
        ),
        run("sgd lr=0.1", lambda p: torch.optim.SGD(p, lr=0.1)),
        run("sgd lr=0.05 momentum=0.9", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
        run("sgd lr=0.05 momentum=0.9 nesterov", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True)),
        run("adamw lr=0.01 eps=1e-8 weight_decay=0.01", lambda p: torch.optim.AdamW(p, lr=0.01, eps=1e-8)),
        run(
            "adamw lr=0.01 eps=1e-8 weight_decay=0.1, cosine decay over 100",
            lambda p: torch.optim.AdamW(p, lr=0.01, eps=1e-8, weight_decay=0.1),
            lambda step: 0.5 * (1 + math.cos(math.pi * min(step, 100) / 100)),
        ),
        run("rmsprop torch defaults lr=0.01", lambda p: torch.optim.RMSprop(p, lr=0.01)),
        run(
            "rmsprop lr=0.01 momentum=0.5 centered",
            lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.5, centered=True),
        ),
        run("adagrad torch defaults lr=0.01", lambda p: torch.optim.Adagrad(p, lr=0.01)),
        run(
            "adagrad lr=0.1 initial_accumulator_value=0.1 lr_decay=0.01",
            lambda p: torch.optim.Adagrad(p, lr=0.1, initial_accumulator_value=0.1, lr_decay=0.01),
        ),
    ],
}
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "torch-reference.json"
out.write_text(json.dumps(fixture) + "\n")
print(f"wrote {out} ({out.stat().st_size} bytes)")
