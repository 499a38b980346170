"""Replays the same training steps in joule and in PyTorch from the same weights and compares
every tensor after each run (issue 12's accuracy parity, found by controlled comparison).

    python scripts/pytorch/parity.py JOULE_BINARY [--net simple1] [--steps 1,2,10] [--threads 1]

(scripts/parity-torch runs it for the four networks of scripts/bench-train.)

PyTorch draws the initial weights (torch.manual_seed), they go to joule as a safetensors file
(joule's load_model reads PyTorch's state_dict layout, docs/models.md); both sides then train
on the first K·batch Fashion-MNIST training images in file order (joule: shuffle: false), one
thread, and save their weights. For each optimizer and K the table shows, per tensor, how far
joule's weights are from PyTorch's, relative to how far training moved them:
‖joule − torch‖ / ‖torch − initial‖. Float rounding alone keeps that near 1e-6–1e-4 for a few
steps; a semantic difference (a variance, a momentum, a bias correction) shows as 1e-2 or more
from the first step where it acts. Eval-mode outputs of the initial weights are compared first.
For runs of up to --reference-steps steps PyTorch also replays them in float64, the referee:
columns joule-f64 and torch-f64 say how far each float32 side is from exact arithmetic.
A full epoch (--steps 117 at batch 512) compares test accuracy with the seed's luck removed.
"""
import argparse, gzip, json, os, subprocess, sys, tempfile

import numpy as np
import torch
from torch import nn
from safetensors.torch import save_file, load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from joule_networks import simple_cnn, dense_poly  # noqa: E402

DATA = os.environ.get("JOULE_DATA", "/usr/share/datasets/fashion-mnist")


def idx(name, offset):
    with gzip.open(os.path.join(DATA, name)) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def layers_json(net):
    """joule's `joule.layers` metadata for an nn.Sequential (Sources/Learn/Serialization/ModelArchitecture.swift)."""
    out = []
    for m in net:
        if isinstance(m, nn.Conv2d):
            out.append({"type": "conv2d", "channels": m.out_channels, "kernel": m.kernel_size[0],
                        "stride": m.stride[0], "pad": m.padding[0]})
        elif isinstance(m, (nn.BatchNorm2d, nn.BatchNorm1d)):
            out.append({"type": "batchnorm"})
        elif isinstance(m, nn.ReLU):
            out.append({"type": "relu"})
        elif isinstance(m, nn.MaxPool2d):
            out.append({"type": "maxpool", "size": m.kernel_size, "stride": m.stride})
        elif isinstance(m, nn.Flatten):
            out.append({"type": "flatten"})
        elif isinstance(m, nn.Linear):
            out.append({"type": "linear", "units": m.out_features})
        else:
            raise SystemExit(f"parity: no joule layer for {m}")
    return json.dumps(out)


def network(name):
    if name.startswith("simple"):
        return simple_cnn(conv=int(name[len("simple"):]), linear=3), "simple_cnn"
    if name == "poly":
        return dense_poly(3), "dense_poly"
    if name == "cnn":  # scripts/bench-train's reference CNN
        return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                             nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10)), "cnn"
    if name == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)), "mlp"
    raise SystemExit(f"parity: unknown network {name}")


def torch_optimizer(kind, params):
    if kind == "sgd":
        return torch.optim.SGD(params, lr=0.1)
    return torch.optim.Adam(params, lr=1e-3)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("joule")
    ap.add_argument("--net", default="simple1")
    ap.add_argument("--steps", default="1,2,10")
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--threads", type=int, default=1, help="joule's worker threads")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--optimizers", default="sgd,adam")
    ap.add_argument("--reference-steps", type=int, default=10,
                    help="also replay runs of up to this many steps in float64, as the referee")
    args = ap.parse_args()
    args.joule = os.path.abspath(args.joule)
    torch.set_num_threads(1)
    steps = [int(s) for s in args.steps.split(",")]
    optimizers = args.optimizers.split(",")
    work = tempfile.mkdtemp(prefix="joule-parity.")

    torch.manual_seed(args.seed)
    net, _ = network(args.net)
    init = {k: v.clone() for k, v in net.state_dict().items()}
    save_file(init, os.path.join(work, "init.safetensors"),
              metadata={"format": "pt", "joule.layers": layers_json(net), "joule.input": "[1, 28, 28]"})

    xtr = torch.from_numpy(idx("train-images-idx3-ubyte.gz", 16).astype(np.float32) / 255).reshape(-1, 1, 28, 28)
    ytr = torch.from_numpy(idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64))
    xte = torch.from_numpy(idx("t10k-images-idx3-ubyte.gz", 16).astype(np.float32) / 255).reshape(-1, 1, 28, 28)
    yte = torch.from_numpy(idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64))

    runs = [(o, k) for o in optimizers for k in steps]
    jopt = {"sgd": "sgd(lr: 0.1)", "adam": "adam(lr: 0.001)"}
    script = ['d = dataset("fashion-mnist")',
              'm0 = load_model("init.safetensors")',
              'write_json(predict(m0, subset(d, test: 100)), "init.probs.json")']
    for o, k in runs:
        script += [f'm = load_model("init.safetensors")',
                   f'r = train(m, subset(d, train: {k * args.batch}), epochs: 1, batch: {args.batch}, '
                   f'optimizer: {jopt[o]}, threads: {args.threads}, shuffle: false)',
                   f'print("RUN {o} {k} {{r.loss}} {{r.accuracy}}")',
                   f'save_model(m, "{o}-{k}.safetensors")']
    with open(os.path.join(work, "parity.joule"), "w") as f:
        f.write("\n".join(script) + "\n")
    out = subprocess.run([args.joule, "run", "parity.joule"], cwd=work, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"parity: joule failed:\n{out.stdout}\n{out.stderr}")
    joule_runs = {}
    for line in out.stdout.splitlines():
        if line.startswith("RUN "):
            _, o, k, loss, acc = line.split()
            joule_runs[(o, int(k))] = (float(loss), float(acc))

    net.load_state_dict(init)
    net.eval()
    with torch.no_grad():
        probs = net(xte[:100]).softmax(1).numpy()
    jprobs = np.array(json.load(open(os.path.join(work, "init.probs.json"))), dtype=np.float64)
    print(f"network {args.net}, batch {args.batch}, joule threads {args.threads}, seed {args.seed}")
    print(f"eval-mode outputs of the initial weights, 100 test images: max |joule − torch| = "
          f"{np.abs(jprobs - probs).max():.2e}")

    def replay(o, k, dtype):
        """PyTorch's run: the first k batches in file order from the initial weights, in dtype."""
        net.load_state_dict(init)
        net.to(dtype).train()
        opt = torch_optimizer(o, net.parameters())
        losses = []
        for b in range(k):
            x, y = xtr[b * args.batch:(b + 1) * args.batch], ytr[b * args.batch:(b + 1) * args.batch]
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(x.to(dtype)), y)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        net.eval()
        with torch.no_grad():
            acc = sum((net(xte[i:i + 1000].to(dtype)).argmax(1) == yte[i:i + 1000]).sum().item()
                      for i in range(0, len(xte), 1000)) / len(xte)
        state = {n: t.detach().clone().double() for n, t in net.state_dict().items()}
        net.float()
        return state, float(np.mean(losses)), acc

    for o, k in runs:
        mine, loss32, acc = replay(o, k, torch.float32)
        # Float64 as the referee: how far each float32 side is from exact arithmetic.
        ref = replay(o, k, torch.float64)[0] if k <= args.reference_steps else None
        theirs = load_file(os.path.join(work, f"{o}-{k}.safetensors"))
        jl, ja = joule_runs[(o, k)]
        print(f"\n{o}, {k} step(s): mean training loss joule {jl:.6f} torch {loss32:.6f}; "
              f"test accuracy joule {ja:.4f} torch {acc:.4f}")
        head = f"  {'tensor':24} {'joule-torch':>12} {'max abs':>9}"
        if ref is not None:
            head += f" {'joule-f64':>10} {'torch-f64':>10}"
        print(head)
        for name, t in mine.items():
            if name.endswith("num_batches_tracked"):
                continue
            j = theirs[name].double()
            start = init[name].double()
            moved = (t - start).norm().item()

            def rel(a, b):
                return (a - b).norm().item() / moved if moved > 0 else float("nan")
            line = f"  {name:24} {rel(j, t):12.2e} {(j - t).abs().max().item():9.2e}"
            if ref is not None:
                line += f" {rel(j, ref[name]):10.2e} {rel(t, ref[name]):10.2e}"
            print(line)

if __name__ == "__main__":
    main()
