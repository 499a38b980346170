#!/usr/bin/env python3
"""Softmax (multinomial logistic) regression on a slice of Fashion-MNIST, standard library only.

The small training program that notebooks/commands.jnb tunes through joule's command():
it reports every epoch with the JOULE_REPORT protocol and prints its final metrics as the
last line of stdout, a JSON object.

    python3 notebooks/logreg.py --lr 0.1 --epochs 3 --train 2000 --test 500

Images are averaged over 2x2 blocks (28x28 -> 14x14, 196 features) so that plain Python
trains an epoch of 2,000 images in about a second.
"""
import argparse
import gzip
import json
import math
import os
import random
import struct
import sys

DATA = os.environ.get("FASHION_MNIST", "/usr/share/datasets/fashion-mnist")


def read_idx(name, count):
    """The first `count` items of an IDX file (images as 14x14 lists of floats, or labels)."""
    with gzip.open(os.path.join(DATA, name), "rb") as f:
        magic, n = struct.unpack(">II", f.read(8))
        count = min(count, n)
        if magic == 2049:
            return list(f.read(count))
        rows, cols = struct.unpack(">II", f.read(8))
        raw = f.read(count * rows * cols)
    images = []
    for i in range(count):
        base = i * rows * cols
        img = []
        for r in range(0, rows, 2):
            a = base + r * cols
            b = a + cols
            for c in range(0, cols, 2):
                img.append((raw[a + c] + raw[a + c + 1] + raw[b + c] + raw[b + c + 1]) / 1020.0)
        images.append(img)
    return images


def report(values):
    """One JOULE_REPORT line: on the descriptor joule names in JOULE_REPORT_FD, else stdout."""
    line = "JOULE_REPORT " + json.dumps(values) + "\n"
    fd = os.environ.get("JOULE_REPORT_FD")
    if fd:
        os.write(int(fd), line.encode())
    else:
        sys.stdout.write(line)
        sys.stdout.flush()


def softmax(scores):
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def scores(w, b, x):
    return [sum(map(float.__mul__, wk, x)) + bk for wk, bk in zip(w, b)]


def accuracy(w, b, xs, ys):
    right = 0
    for x, y in zip(xs, ys):
        s = scores(w, b, x)
        right += s.index(max(s)) == y
    return right / len(ys)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--l2", type=float, default=0.0, help="weight decay")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--train", type=int, default=2000)
    p.add_argument("--test", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    if not (a.lr > 0 and a.epochs >= 1 and a.batch >= 1):
        sys.exit(f"logreg.py: need lr > 0, epochs >= 1, batch >= 1 (got {a.lr}, {a.epochs}, {a.batch})")

    xs = read_idx("train-images-idx3-ubyte.gz", a.train)
    ys = read_idx("train-labels-idx1-ubyte.gz", a.train)
    tx = read_idx("t10k-images-idx3-ubyte.gz", a.test)
    ty = read_idx("t10k-labels-idx1-ubyte.gz", a.test)
    classes, features = 10, len(xs[0])
    w = [[0.0] * features for _ in range(classes)]
    b = [0.0] * classes
    rng = random.Random(a.seed)
    order = list(range(len(xs)))

    for epoch in range(1, a.epochs + 1):
        rng.shuffle(order)
        loss = 0.0
        for start in range(0, len(order), a.batch):
            batch = order[start:start + a.batch]
            gw = [[0.0] * features for _ in range(classes)]
            gb = [0.0] * classes
            for i in batch:
                x, y = xs[i], ys[i]
                prob = softmax(scores(w, b, x))
                loss -= math.log(max(prob[y], 1e-12))
                prob[y] -= 1.0
                for k in range(classes):
                    g = prob[k]
                    if g != 0.0:
                        gwk = gw[k]
                        gw[k] = [u + g * v for u, v in zip(gwk, x)]
                        gb[k] += g
            step = a.lr / len(batch)
            decay = 1.0 - a.lr * a.l2
            for k in range(classes):
                w[k] = [decay * u - step * g for u, g in zip(w[k], gw[k])]
                b[k] -= step * gb[k]
        loss /= len(xs)
        if not math.isfinite(loss):
            print(json.dumps({"accuracy": None, "loss": None, "diverged": True}))
            sys.exit(1)
        acc = accuracy(w, b, tx, ty)
        report({"step": epoch, "accuracy": round(acc, 6), "loss": round(loss, 6)})

    print(json.dumps({"accuracy": acc, "loss": loss, "epochs": a.epochs, "lr": a.lr, "l2": a.l2}))


if __name__ == "__main__":
    main()
