"""Localizer quality and brain-coverage net for slice planning (seed 003 "Quality-Net" and "Coverage-Net" in one).

One small 3D CNN on the canonical localizer volume (image + coverage channels, 64^3 x 4 mm) with two heads sharing
the encoder: the quality head pools the coarsest features globally and classifies the localizer as usable or one of
the artefact kinds; the coverage head decodes a brain mask at half resolution (32^3, 8 mm cells). One model: both
questions need the same evidence (where the head is, how the planes look), so one encoder costs half the training
and inference of two, and the mask head's dense supervision helps the classifier find the head.
"""
import torch
from torch import nn
import torch.nn.functional as F

# order of LocalizerArtefact in the physics core = index of the quality output (Java's QualityClass follows it)
CLASSES = ["usable", "motion", "wrap_around", "partial_coverage", "extreme_intensity", "no_brain"]


def block(cin, cout, stride=1):
    return nn.Sequential(nn.Conv3d(cin, cout, 3, stride=stride, padding=1), nn.BatchNorm3d(cout), nn.ReLU(inplace=True))


class QualityNet(nn.Module):
    def __init__(self, classes: int = len(CLASSES), width: int = 8):
        super().__init__()
        w = width
        self.enc2 = block(2, w, 2)                                    # 1/2: 32^3
        self.enc4 = nn.Sequential(block(w, 2 * w, 2), block(2 * w, 2 * w))  # 1/4
        self.enc8 = nn.Sequential(block(2 * w, 3 * w, 2), block(3 * w, 3 * w))  # 1/8, context
        self.classify = nn.Linear(2 * 3 * w + 2 * 2 * w, classes)
        # 1x1 fusion: a 3x3 conv here cost half of the net's multiply-adds
        self.fuse = nn.Sequential(nn.Conv3d(5 * w, 2 * w, 1), nn.BatchNorm3d(2 * w), nn.ReLU(inplace=True))  # at 1/4
        self.mask = nn.Sequential(nn.Conv3d(3 * w, w, 1), nn.ReLU(inplace=True), nn.Conv3d(w, 1, 3, padding=1))  # at 1/2: cheap

    def heads(self, x):
        """x (B, 2, D, H, W), D, H, W divisible by 8 -> class logits (B, C), brain logits (B, 1, D/2, H/2, W/2)."""
        f2 = self.enc2(x)
        f4 = self.enc4(f2)
        f8 = self.enc8(f4)
        pooled = torch.cat([f8.mean((2, 3, 4)), f8.amax((2, 3, 4)), f4.mean((2, 3, 4)), f4.amax((2, 3, 4))], 1)
        # nearest upsampling: trilinear's backward pass cost a third of a training step; the 3x3 convs after it smooth
        g4 = self.fuse(torch.cat([f4, F.interpolate(f8, scale_factor=2.0, mode="nearest")], 1))
        return self.classify(pooled), self.mask(torch.cat([f2, F.interpolate(g4, scale_factor=2.0, mode="nearest")], 1))

    def forward(self, x):
        """Class probabilities (B, C) and brain probability per half-resolution cell (B, 1, D/2, H/2, W/2)."""
        logits, brain = self.heads(x)
        return torch.softmax(logits, 1), torch.sigmoid(brain)
