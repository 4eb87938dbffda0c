"""Landmark nets for slice planning (seed 003 "Orientation-Net", heatmap variant).

A small fully convolutional 3D CNN on a resampled localizer volume (image + coverage channels) predicts one heatmap
per landmark at 1/stride resolution: the first look on the whole canonical volume (4 mm voxels, stride 4), the
commissure close-up (2 mm voxels, stride 2). A spatial softmax turns each heatmap into a probability map
whose expectation (soft-argmax, differentiable and sub-voxel) is the landmark position in input voxel coordinates and
whose standard deviation is the net's own spread, used for confidence. Fully convolutional: any size divisible by 8.
"""
import torch
from torch import nn
import torch.nn.functional as F

STRIDE = 4  # the first look's heatmap voxel = 4 input voxels


def block(cin, cout, stride=1):
    return nn.Sequential(nn.Conv3d(cin, cout, 3, stride=stride, padding=1), nn.BatchNorm3d(cout), nn.ReLU(inplace=True))


class LandmarkNet(nn.Module):
    def __init__(self, landmarks: int, width: int = 8, stride: int = STRIDE):
        super().__init__()
        assert stride in (2, 4), "heatmaps at 1/2 or 1/4 resolution"
        w = width
        self.width = width
        self.landmarks = landmarks
        self.stride = stride
        # strided from the first layer: full-resolution 3D convolutions would cost most of the CPU budget
        self.enc1 = nn.Sequential(block(2, w, 2), block(w, 2 * w, 2 if stride == 4 else 1), block(2 * w, 3 * w))   # 1/stride
        self.enc2 = nn.Sequential(block(3 * w, 5 * w, 2), block(5 * w, 5 * w), block(5 * w, 5 * w))  # 1/(2 stride), wide context
        self.fuse = nn.Sequential(block(8 * w, 4 * w), block(4 * w, 4 * w))
        self.head = nn.Conv3d(4 * w, landmarks, 1)

    def logits(self, x):
        f1 = self.enc1(x)
        f2 = F.interpolate(self.enc2(f1), size=f1.shape[2:], mode="trilinear", align_corners=False)
        return self.head(self.fuse(torch.cat([f1, f2], 1)))

    def forward(self, x):
        """x (B, 2, D, H, W) -> positions (B, K, 3) as input voxel indices (x, y, z), spread (B, K) in voxels."""
        return decode(self.logits(x), self.stride)


def decode(logits, stride=STRIDE):
    """Soft-argmax of heatmap logits (B, K, d, h, w): expected position and its standard deviation, input voxels."""
    b, k, d, h, w = logits.shape
    prob = torch.softmax(logits.reshape(b, k, -1), dim=-1).reshape(b, k, d, h, w)
    zs, ys, xs = (cell_centres(n, logits.dtype, stride) for n in (d, h, w))
    pz, py, px = prob.sum((3, 4)), prob.sum((2, 4)), prob.sum((2, 3))
    mx, my, mz = (px * xs).sum(-1), (py * ys).sum(-1), (pz * zs).sum(-1)
    var = (px * xs * xs).sum(-1) - mx * mx + (py * ys * ys).sum(-1) - my * my + (pz * zs * zs).sum(-1) - mz * mz
    return torch.stack([mx, my, mz], -1), torch.sqrt(torch.clamp(var, min=1e-6))


def cell_centres(n, dtype, stride=STRIDE):
    # heatmap voxel j covers input voxels stride*j .. stride*j + stride-1: its centre is stride*j + (stride-1)/2
    return torch.arange(n, dtype=dtype) * stride + (stride - 1) / 2


def widened(net: LandmarkNet, width: int) -> LandmarkNet:
    """A wider copy of `net` that computes exactly the same (train or eval): the old channels keep their weights, the new
    ones start random but with zero weight into every old channel, so training grows them from a working net."""
    assert width >= net.width
    wide = LandmarkNet(net.landmarks, width, net.stride)
    old_convs = [m for m in net.modules() if isinstance(m, nn.Conv3d)]
    new_convs = [m for m in wide.modules() if isinstance(m, nn.Conv3d)]
    fuse_in = wide.fuse[0][0]
    with torch.no_grad():
        for old, new in zip(old_convs, new_convs):
            # input channels the old ones sit at; fuse's input is the concatenation [enc1 (3w), enc2 (5w)]
            inputs = torch.arange(old.in_channels)
            if new is fuse_in:
                w0, w1 = 3 * net.width, 3 * width
                inputs = torch.cat([torch.arange(w0), w1 + torch.arange(old.in_channels - w0)])
            new.weight[:old.out_channels] = 0
            new.weight[:old.out_channels, inputs] = old.weight
            new.bias[:old.out_channels] = old.bias
        for old, new in zip((m for m in net.modules() if isinstance(m, nn.BatchNorm3d)),
                            (m for m in wide.modules() if isinstance(m, nn.BatchNorm3d))):
            n = old.num_features
            for name in ("weight", "bias", "running_mean", "running_var"):
                getattr(new, name)[:n] = getattr(old, name)
            new.num_batches_tracked.copy_(old.num_batches_tracked)
    return wide
