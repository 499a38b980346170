"""Loads joule's saved models into PyTorch and prints each one's test accuracy there.

    python check_models.py DIR        # DIR holds NAME.safetensors and NAME.data ("fashion-mnist" or a CIFAR-10 folder)

Run by scripts/check-pytorch-interop, which trains and saves the models in joule first.
"""
import gzip
import json
import os
import sys

import numpy as np
import torch
from safetensors import safe_open
from safetensors.torch import load_file

sys.path.insert(0, os.path.dirname(__file__))
import joule_networks  # noqa: E402


def idx(path):
    with gzip.open(path) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def test_set(source):
    if source == "fashion-mnist":
        base = os.environ.get("JOULE_DATA", "/usr/share/datasets/fashion-mnist") + "/"
        x = torch.tensor(idx(base + "t10k-images-idx3-ubyte.gz"), dtype=torch.float32).unsqueeze(1) / 255
        y = torch.tensor(idx(base + "t10k-labels-idx1-ubyte.gz").astype(np.int64))
        return x, y
    records = np.fromfile(os.path.join(source, "test_batch.bin"), np.uint8).reshape(-1, 3073)
    x = torch.tensor(records[:, 1:].reshape(-1, 3, 32, 32), dtype=torch.float32) / 255
    return x, torch.tensor(records[:, 0].astype(np.int64))


folder = sys.argv[1]
results = {}
for name in sorted(f[:-len(".safetensors")] for f in os.listdir(folder) if f.endswith(".safetensors")):
    path = os.path.join(folder, name + ".safetensors")
    with open(os.path.join(folder, name + ".data")) as f:
        source = f.read().strip()
    with safe_open(path, "pt") as f:
        meta = f.metadata()
    c, h, _ = json.loads(meta["joule.input"])
    kind, _, arg = name.partition("-")
    if kind == "simple_cnn":
        net = joule_networks.simple_cnn(conv=2, linear=3, c=c, d=h)
    else:
        net = getattr(joule_networks, kind)(3, c=c, d=h)
    net.load_state_dict(load_file(path))   # strict: every name and shape must match
    net.eval()
    x, y = test_set(source)
    with torch.no_grad():
        logits = net(x)
        accuracy = (logits.argmax(1) == y).float().mean().item()
        joule_probs = torch.tensor(json.load(open(os.path.join(folder, name + ".probs.json"))))
        gap = (logits[:len(joule_probs)].softmax(1) - joule_probs).abs().max().item()
    results[name] = {"accuracy": accuracy, "max_probability_gap": gap}
    print(f"{name}: PyTorch test accuracy {accuracy:.4f} on {len(y)} images; "
          f"largest gap to joule's predict() over the first {len(joule_probs)}: {gap:.2e}")
json.dump(results, open(os.path.join(folder, "pytorch.json"), "w"))
