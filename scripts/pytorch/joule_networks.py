"""The PyTorch networks whose state_dict matches joule's paper networks (docs/models.md).

    from joule_networks import simple_cnn
    net = simple_cnn(conv=2, linear=3, c=1, d=28)        # joule: simple_cnn(conv: 2, linear: 3)
    net.load_state_dict(safetensors.torch.load_file("cnn.safetensors"))
    net.eval()

Widths follow joule's Sources/Learn/Model/PaperNetworks.swift for C channels of D×D pixels;
module indices equal joule's layer indices, so the names ("0.weight", ...) agree.
"""
from torch import nn


def simple_cnn(conv=2, linear=3, relu=True, c=1, d=28, classes=10):
    layers, channels, size = [], c, d
    for _ in range(conv):
        layers += [nn.Conv2d(channels, channels * 3, 3, padding=1), nn.BatchNorm2d(channels * 3)]
        if relu:
            layers.append(nn.ReLU())
        layers.append(nn.MaxPool2d(2, 2))
        channels, size = channels * 3, size // 2
    layers.append(nn.Flatten())
    width = channels * size * size
    for k in range(linear - 1):
        out = max((c * d * d) >> (k + 1), c)
        layers.append(nn.Linear(width, out))
        width = out
    layers.append(nn.Linear(width, classes))
    return nn.Sequential(*layers)


def _dense(widths, cd2, classes):
    """Flatten, linear layers of the given widths, then linear(classes); no activations."""
    layers, width = [nn.Flatten()], cd2
    for out in widths + [classes]:
        layers.append(nn.Linear(width, out))
        width = out
    return nn.Sequential(*layers)


def dense_linear(n=3, c=1, d=28, classes=10):
    cd2 = c * d * d
    return _dense([max(int(cd2 - (k + 1) * cd2 / n), c) for k in range(n - 1)], cd2, classes)


def dense_poly(n=3, c=1, d=28, classes=10):
    cd2 = c * d * d
    return _dense([max(cd2 >> (k + 1), c) for k in range(n - 1)], cd2, classes)
