#!/usr/bin/env python3
"""The reference folio-bench's `seed-mlp` case is compared against: the seed walkthrough's model
(784→10→10→10→10, relu/softmax, Keras glorot_uniform + zero bias), Adam with Keras' update rule,
batch 200, 10 epochs, validation = the last 10 % (evaluated every epoch), written by hand in numpy
the way the numpy row of the README's speed table was measured. Prints one JSON line in folio-bench's
format.

    FOLIO_DATA=/path/to/data python3 Benchmarks/reference/numpy_seed_mlp.py   # a folder holding mnist/
"""
import gzip
import json
import os
import resource
import struct
import time

import numpy as np


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        data = handle.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder):
    def find(name):
        for candidate in (name, name + ".gz"):
            path = os.path.join(folder, candidate)
            if os.path.exists(path):
                return path
        raise SystemExit(f"missing {name} in {folder}")
    return [read_idx(find(n)) for n in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")]


def main():
    folder = os.path.join(os.environ.get("FOLIO_DATA", "."), "mnist")
    x_train, y_train, x_test, y_test = load(folder)
    rng = np.random.default_rng(42)
    sizes = [784, 10, 10, 10, 10]
    weights = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        limit = np.sqrt(6 / (fan_in + fan_out))
        weights += [rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32), np.zeros(fan_out, np.float32)]
    m = [np.zeros_like(w) for w in weights]
    v = [np.zeros_like(w) for w in weights]
    lr, b1, b2, eps, step = 0.001, 0.9, 0.999, 1e-7, 0

    x_all = x_train.reshape(len(x_train), -1)
    split = int(len(x_all) * 0.9)
    x_fit, y_fit, x_val, y_val = x_all[:split], y_train[:split], x_all[split:], y_train[split:]

    def forward(x):
        activations = [x]
        for layer in range(4):
            z = activations[-1] @ weights[2 * layer] + weights[2 * layer + 1]
            if layer < 3:
                activations.append(np.maximum(z, 0))
            else:
                z = z - z.max(axis=1, keepdims=True)
                e = np.exp(z)
                activations.append(e / e.sum(axis=1, keepdims=True))
        return activations

    def metrics(x, y):
        p = forward(x.astype(np.float32) / 255)[-1]
        loss = -np.log(np.clip(p[np.arange(len(y)), y], 1e-7, 1 - 1e-7)).mean()
        return float(loss), float((p.argmax(1) == y).mean())

    epoch_times = []
    started = time.perf_counter()
    for _ in range(10):
        epoch_start = time.perf_counter()
        order = rng.permutation(len(x_fit))
        for begin in range(0, len(order), 200):
            rows = order[begin:begin + 200]
            x = x_fit[rows].astype(np.float32) / 255
            y = y_fit[rows]
            acts = forward(x)
            grad = acts[-1].copy()
            grad[np.arange(len(y)), y] -= 1
            grad /= len(y)
            grads = [None] * 8
            for layer in range(3, -1, -1):
                grads[2 * layer] = acts[layer].T @ grad
                grads[2 * layer + 1] = grad.sum(0)
                if layer:
                    grad = (grad @ weights[2 * layer].T) * (acts[layer] > 0)
            step += 1
            a = lr * np.sqrt(1 - b2 ** step) / (1 - b1 ** step)
            for i, g in enumerate(grads):
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                weights[i] -= a * m[i] / (np.sqrt(v[i]) + eps)
        metrics(x_val, y_val)
        epoch_times.append(time.perf_counter() - epoch_start)
    fit_seconds = time.perf_counter() - started
    _, accuracy = metrics(x_test.reshape(len(x_test), -1), y_test)
    print(json.dumps({
        "case": "seed-mlp-numpy-reference", "epochs": 10, "fit_seconds": round(fit_seconds, 4),
        "seconds_per_epoch": round(float(np.median(epoch_times[1:])), 4),
        "samples_per_second": round(split * 10 / fit_seconds), "test_accuracy": round(accuracy, 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
