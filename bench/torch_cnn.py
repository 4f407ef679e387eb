"""PyTorch peer of the convnet benchmark: the Keras MNIST convnet (Conv2d(1→32, 3) relu → MaxPool 2 →
Conv2d(32→64, 3) relu → MaxPool 2 → Flatten → Dropout 0.5 → Linear(1600→10)), Adam (lr 1e-3),
cross-entropy, batch 64, shuffled, on MNIST; one JSON line like run-one.mjs: seconds,
test_accuracy, samples, epochs, rss_mb, threads.

    /usr/bin/python3 bench/torch_cnn.py            # LAB_BENCH_EPOCHS, LAB_BENCH_LIMIT, LAB_DATA_DIR, LAB_TORCH_THREADS
"""
import json
import os
import resource
import time

import numpy as np
import torch

from torch_mlp import read_idx


def main():
    threads = int(os.environ.get("LAB_TORCH_THREADS", "1"))
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    epochs = int(os.environ.get("LAB_BENCH_EPOCHS", "1"))
    limit = int(os.environ.get("LAB_BENCH_LIMIT", "60000"))
    x = torch.from_numpy(read_idx("train-images-idx3-ubyte", 16).reshape(-1, 1, 28, 28)[:limit].astype(np.float32) / 255)
    y = torch.from_numpy(read_idx("train-labels-idx1-ubyte", 8)[:limit].astype(np.int64))
    xt = torch.from_numpy(read_idx("t10k-images-idx3-ubyte", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255)
    yt = torch.from_numpy(read_idx("t10k-labels-idx1-ubyte", 8).astype(np.int64))
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    n = x.shape[0]
    model.train()
    t0 = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(n)
        for start in range(0, n, 64):
            idx = order[start:start + 64]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
    seconds = time.perf_counter() - t0
    model.eval()
    with torch.no_grad():
        correct = sum((model(xt[i:i + 1000]).argmax(1) == yt[i:i + 1000]).sum().item() for i in range(0, xt.shape[0], 1000))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "test_accuracy": correct / xt.shape[0], "samples": n, "epochs": epochs,
                      "rss_mb": rss_mb, "threads": threads}))


main()
