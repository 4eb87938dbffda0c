"""Training samples: tissue-parameter patches -> simulated weighted images (seed 001, section 4.2).

Tissue patches come either from a dataset written by `./mrpilot dataset relaxometry` (the physics core:
pd.npy, t1_s.npy, t2_s.npy, b.npy, mask.npy, each [P, S, S]) or, while that is not available, from
`procedural_patches`, which draws Table-1 tissue values on random ellipse/line label maps. Either way the
weighted images, the noise (sigma log-uniform over SNR 3..100) and the random TI/TE sets are made here from
the closed-form equations only.
"""
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import relaxometry as rx

SIGMA_RANGE = (0.0065, 0.255)  # seed 001 section 4.2: SNR 100 .. 3 relative to the CSF proton density
# The mapper divides a whole slice by its 99th percentile, which is set by the brightest tissue (CSF, fat) and is
# up to ~2.5x a 32x32 patch's own percentile; the network must see that range or its T depends on the scale.
SCALE_FACTOR_RANGE = (0.8, 2.5)
TISSUE_NAMES = list(rx.TISSUES)
# Label frequencies in the procedural maps: mostly brain, some of everything, plus a "free" class whose T1 and
# T2 are log-uniform so the range between vessels (275 ms) and CSF (2 s) is covered continuously.
LABEL_WEIGHTS = {"csf": 3, "gm": 5, "wm": 5, "fat": 1, "muscle": 1, "skin": 0.5, "skull": 1, "vessels": 1,
                 "marrow": 0.5, "free": 3}


@dataclass
class TissuePatches:
    pd: np.ndarray   # [P, S, S] A, units of CSF proton density
    t1: np.ndarray   # seconds
    t2: np.ndarray   # seconds
    b: np.ndarray    # inversion efficiency, 2 = perfect
    mask: np.ndarray  # 1 where there is tissue


def load_dataset(directory: Path) -> TissuePatches:
    d = Path(directory)
    arrays = {name: np.load(d / f"{name}.npy") for name in ("pd", "t1_s", "t2_s", "b", "mask")}
    return TissuePatches(arrays["pd"].astype(np.float32), arrays["t1_s"].astype(np.float32),
                         arrays["t2_s"].astype(np.float32), arrays["b"].astype(np.float32),
                         arrays["mask"].astype(bool))


def concatenate(parts) -> TissuePatches:
    return TissuePatches(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("pd", "t1", "t2", "b", "mask")))


def _label_map(rng, size):
    names = list(LABEL_WEIGHTS)
    p = np.array(list(LABEL_WEIGHTS.values()), dtype=np.float64)
    p /= p.sum()
    labels = np.full((size, size), -1, dtype=np.int64)
    if rng.random() < 0.8:  # most patches are filled; the others keep some background
        labels[:] = rng.choice(len(names), p=p)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float64)
    for _ in range(rng.integers(4, 14)):
        cy, cx = rng.uniform(-0.2, 1.2, 2) * size
        ry, rx_ = rng.uniform(0.03, 0.5, 2) * size
        th = rng.uniform(0, np.pi)
        u = ((yy - cy) * np.cos(th) + (xx - cx) * np.sin(th)) / ry
        v = (-(yy - cy) * np.sin(th) + (xx - cx) * np.cos(th)) / rx_
        labels[u * u + v * v <= 1] = rng.choice(len(names), p=p)
    for _ in range(rng.integers(0, 4)):  # thin structures: single-pixel lines and dots
        lab = rng.choice(len(names), p=p)
        if rng.random() < 0.5:
            labels[rng.integers(size), rng.integers(0, size // 2):rng.integers(size // 2, size)] = lab
        else:
            labels[rng.integers(size), rng.integers(size)] = lab
    return labels, names


def procedural_patches(rng: np.random.Generator, count: int, size: int) -> TissuePatches:
    """Random label maps with per-patch tissue draws (Table 1) and voxel-wise variation (5 % sd)."""
    shape = (count, size, size)
    pd, t1, t2 = np.zeros(shape, np.float32), np.ones(shape, np.float32), np.ones(shape, np.float32)
    mask = np.zeros(shape, bool)
    b = np.zeros(shape, np.float32)
    for i in range(count):
        labels, names = _label_map(rng, size)
        for k, name in enumerate(names):
            sel = labels == k
            n = int(sel.sum())
            if n == 0:
                continue
            if name == "free":
                t1_mu, t2_mu, a_mu = np.exp(rng.uniform(np.log(0.2), np.log(5.0))), \
                    np.exp(rng.uniform(np.log(0.02), np.log(3.0))), rng.uniform(0.3, 1.1)
            else:
                m1, s1, m2, s2, ma, sa = rx.TISSUES[name]
                t1_mu = max(rng.normal(m1, s1), 0.15)
                t2_mu = max(rng.normal(m2, s2), 0.015)
                a_mu = float(np.clip(rng.normal(ma, sa * 0.5), 0.2, 1.4))
            pd[i][sel] = a_mu * (1 + 0.05 * rng.standard_normal(n))
            t1[i][sel] = t1_mu * (1 + 0.05 * rng.standard_normal(n))
            t2[i][sel] = t2_mu * (1 + 0.05 * rng.standard_normal(n))
            mask[i][sel] = True
        b[i] = 2 - abs(rng.normal(0, 0.2))  # per patch, not tissue-specific (section 4.2)
    np.clip(pd, 0, None, out=pd)
    np.clip(t1, 0.1, 8, out=t1)
    np.clip(t2, 0.01, 5, out=t2)
    pd[~mask] = 0
    return TissuePatches(pd, t1, t2, b, mask)


def random_times(rng: np.random.Generator, kind: str) -> np.ndarray:
    """A TI/TE set around the Table 2 schedules: random count, start, spacing and jitter (seconds)."""
    if kind == "t1":
        n = int(rng.integers(18, 36))
        start = rng.uniform(0.10, 0.20)
        step = rng.uniform(0.022, 0.036)
        t = start + step * np.arange(n) + rng.normal(0, 0.003, n)
    else:
        n = int(rng.integers(5, 9))
        t = 0.01 * 2.0 ** np.arange(n) * rng.uniform(0.85, 1.15) * (1 + rng.normal(0, 0.05, n))
        t = t[t <= 0.45] if (t <= 0.45).sum() >= 4 else t[:4]
    return np.sort(np.maximum(t, 0.005))


def weighted_images(kind: str, tissue: TissuePatches, idx, times: np.ndarray) -> np.ndarray:
    """Noise-free images [len(idx), N, S, S] from the closed-form signal equations."""
    tt = times[None, :, None, None]
    if kind == "t1":
        return rx.t1_signal(tissue.pd[idx][:, None], tissue.b[idx][:, None], tissue.t1[idx][:, None], tt)
    return rx.t2_signal(tissue.pd[idx][:, None], tissue.t2[idx][:, None], tt)


def normalisation_scale(images: np.ndarray) -> np.ndarray:
    """Per sample: 99th percentile of the per-voxel maximum over the series (the card's input scaling)."""
    mip = images.max(axis=1).reshape(images.shape[0], -1)
    return np.maximum(np.percentile(mip, 99, axis=1), 1e-6)


def batch(rng: np.random.Generator, kind: str, tissue: TissuePatches, size: int, realisations: int = 1):
    """One training batch: normalised noisy images, times, targets (A/scale, [B], T), the tissue mask and each
    sample's SNR (relative to the CSF proton density). The scale is the patch's own percentile times a random factor
    (SCALE_FACTOR_RANGE), as in a whole slice. With realisations R > 1, consecutive groups of R samples share patch,
    noise level and scale factor and differ only in their noise draw, so a loss can see each group's mean error (bias)."""
    if realisations < 1 or size % realisations:
        raise ValueError(f"batch size {size} is not a multiple of {realisations} noise realisations")
    groups = size // realisations
    idx = np.repeat(rng.integers(0, tissue.pd.shape[0], groups), realisations)
    times = random_times(rng, kind)
    clean = weighted_images(kind, tissue, idx, times)
    sigma = np.repeat(np.exp(rng.uniform(np.log(SIGMA_RANGE[0]), np.log(SIGMA_RANGE[1]), groups)), realisations)
    noisy = clean + sigma[:, None, None, None] * rng.standard_normal(clean.shape)  # Gaussian model, eq. (1)
    scale = normalisation_scale(noisy) * np.repeat(np.exp(rng.uniform(*np.log(SCALE_FACTOR_RANGE), groups)), realisations)
    images = (noisy / scale[:, None, None, None]).astype(np.float32)
    a = tissue.pd[idx] / scale[:, None, None]
    if kind == "t1":
        target = np.stack([a, tissue.b[idx], tissue.t1[idx]], axis=1)
    else:
        target = np.stack([a, tissue.t2[idx]], axis=1)
    return images, times.astype(np.float32), target.astype(np.float32), tissue.mask[idx], (1 / sigma).astype(np.float32)
