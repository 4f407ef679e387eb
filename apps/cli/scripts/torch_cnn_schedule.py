"""PyTorch peer of `lab train --model cnn` with a learning-rate schedule: the Keras MNIST convnet
(Conv2d(1→32, 3) relu → MaxPool 2 → Conv2d(32→64, 3) relu → MaxPool 2 → Flatten → Dropout 0.5 →
Linear(1600→10)), Adam, cross-entropy, batch 64, shuffled, on MNIST, with Keras/optax'
exponential decay applied every step: lr = LR · DECAY_RATE^(step / DECAY_STEPS). Prints one JSON
line: seed, init, learning rate and schedule, seconds, test_accuracy.

    /usr/bin/python3 apps/cli/scripts/torch_cnn_schedule.py --seed 1 --lr 0.001 --decay-rate 0.5 --decay-steps 1000
    # --decay-rate 1 is a constant rate; --init keras uses glorot_uniform kernels and zero biases
    # (Keras' defaults, as lab) instead of PyTorch's own; LAB_DATA_DIR or ../shared/data/mnist.

It is the comparison figure for the cnn's default schedule (see apps/cli/README.md), not a test.
"""
import argparse
import gzip
import json
import os
import sys
import time

import numpy as np
import torch


def read_idx(name, offset):
    here = os.path.dirname(os.path.abspath(__file__))
    dirs = [os.environ.get("LAB_DATA_DIR"), os.path.join(here, "../../../../shared/data/mnist")]
    for d in filter(None, dirs):
        for path in (os.path.join(d, name), os.path.join(d, name + ".gz")):
            if os.path.exists(path):
                with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
                    return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)
    sys.exit(f"torch_cnn_schedule: {name} not found in {dirs}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--decay-rate", type=float, default=1.0)
    parser.add_argument("--decay-steps", type=int, default=1000)
    parser.add_argument("--init", choices=["torch", "keras"], default="torch")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x = torch.from_numpy(read_idx("train-images-idx3-ubyte", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255)
    y = torch.from_numpy(read_idx("train-labels-idx1-ubyte", 8).astype(np.int64))
    xt = torch.from_numpy(read_idx("t10k-images-idx3-ubyte", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255)
    yt = torch.from_numpy(read_idx("t10k-labels-idx1-ubyte", 8).astype(np.int64))
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10))
    if args.init == "keras":
        for layer in model:
            if isinstance(layer, (nn.Conv2d, nn.Linear)):
                nn.init.xavier_uniform_(layer.weight)
                nn.init.zeros_(layer.bias)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    # LambdaLR multiplies the base rate by the factor of the step about to be taken (0, 1, ...).
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: args.decay_rate ** (step / args.decay_steps))
    loss_fn = nn.CrossEntropyLoss()
    n = x.shape[0]
    model.train()
    t0 = time.perf_counter()
    for _ in range(args.epochs):
        order = torch.randperm(n)
        for start in range(0, n, 64):
            idx = order[start:start + 64]
            optimizer.zero_grad(set_to_none=True)
            loss_fn(model(x[idx]), y[idx]).backward()
            optimizer.step()
            schedule.step()
    seconds = time.perf_counter() - t0
    model.eval()
    with torch.no_grad():
        correct = sum((model(xt[i:i + 1000]).argmax(1) == yt[i:i + 1000]).sum().item() for i in range(0, xt.shape[0], 1000))
    print(json.dumps({"seed": args.seed, "init": args.init, "lr": args.lr, "decay_rate": args.decay_rate,
                      "decay_steps": args.decay_steps, "epochs": args.epochs, "seconds": round(seconds, 1),
                      "test_accuracy": correct / xt.shape[0]}))


main()
