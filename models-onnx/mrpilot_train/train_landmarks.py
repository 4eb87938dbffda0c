"""Trains a planning landmark net on volumes exported by `./mrpilot dataset planning`.

Run from models-onnx/:
  python -m mrpilot_train.train_landmarks --data DIR [DIR ...] --minutes 20 --out runs/landmarks.pt
  python -m mrpilot_train.train_landmarks --kind commissures --data DIR [DIR ...] ...   (needs --commissure-crops data)
Kinds: `landmarks`, the first look (five points on the 64^3 x 4 mm canonical volume); `commissures`, the close-up
(AC and PC on the 32^3 x 2 mm grid aligned with the mid-sagittal plane, `CommissureRefiner` in Java).
Loss: mean landmark distance (mm, soft-argmax) + cross-entropy of the heatmap against a Gaussian around the truth
(sigma one heatmap voxel), which makes the early heatmaps find the right region quickly. For the close-up, optionally
+ the AC-PC line's angle error within the mid-sagittal plane (deg, `--angle-weight`): the slice stacks tilt with it,
and it rewards AC and PC errors that move together over ones that tilt the line.
Augmentation: left-right mirror (landmarks stay on the mid-sagittal plane), integer shifts up to 3 voxels,
intensity gamma 0.7-1.4 and gain, extra Gaussian noise.
"""
import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from .landmarks import STRIDE, LandmarkNet, cell_centres, decode, widened

KINDS = {
    "landmarks": {"spacing_mm": 4.0, "stride": STRIDE, "names": ["ac", "pc", "msp_anterior", "msp_posterior", "msp_superior"]},
    "commissures": {"spacing_mm": 2.0, "stride": 2, "names": ["ac", "pc"]},
}
SPACING_MM = KINDS["landmarks"]["spacing_mm"]


def load(dirs, kind="landmarks"):
    """volumes (P, 2, S, S, S) float32, targets (P, K, 3) in voxel indices (x, y, z), anatomy names.
    For `commissures` every close-up is a sample (C per localizer, consecutive, so the last rows are whole localizers)."""
    volumes, targets, anatomy = [], [], []
    for d in map(Path, dirs):
        meta = json.loads((d / "meta.json").read_text())
        # localizers with an injected artefact (`dataset planning --artefacts`) are for the quality net only
        q = d / "quality.npy"
        keep = np.load(q) == 0 if q.exists() else np.ones(len(meta["items"]), bool)
        names = [item["anatomy"] for item, k in zip(meta["items"], keep) if k]
        if kind == "commissures":
            assert meta["commissure_grid_spacing_mm"] == KINDS[kind]["spacing_mm"], "close-up spacing differs from the net's"
            crops = np.load(d / "commissures.npy", mmap_mode="r")[keep]
            volumes.append(crops.reshape(-1, *crops.shape[2:]))
            targets.append(np.load(d / "commissure_targets.npy")[keep].reshape(-1, 2, 3))
            anatomy += [n for n in names for _ in range(crops.shape[1])]
            continue
        assert meta["grid_spacing_mm"] == SPACING_MM, "grid spacing differs from the net's"
        volumes.append(np.load(d / "volume.npy", mmap_mode="r")[keep])
        landmarks = np.load(d / "landmarks.npy")[keep]
        origin = np.load(d / "origin.npy")[keep]
        targets.append((landmarks - origin[:, None, :]) / SPACING_MM)  # grid axes are L, P, S
        anatomy += names
    return np.concatenate(volumes).astype(np.float32), np.concatenate(targets).astype(np.float32), anatomy


def augment(x, t, rng):
    """x (B, 2, S, S, S) torch, t (B, K, 3) voxel targets; returns augmented copies."""
    x, t = x.clone(), t.clone()
    s = x.shape[-1]
    for i in range(x.shape[0]):
        if rng.random() < 0.5:
            x[i] = torch.flip(x[i], dims=[3])
            t[i, :, 0] = s - 1 - t[i, :, 0]
        shift = rng.integers(-3, 4, size=3)  # (x, y, z) voxels
        x[i] = torch.roll(x[i], shifts=(int(shift[2]), int(shift[1]), int(shift[0])), dims=(1, 2, 3))
        t[i] += torch.tensor(shift, dtype=t.dtype)
        img = x[i, 0].clamp(min=0) ** rng.uniform(0.7, 1.4) * rng.uniform(0.8, 1.2)
        img = img + torch.randn_like(img) * rng.uniform(0, 0.03)
        x[i, 0] = img * x[i, 1]  # uncovered voxels stay exactly zero, as the resampler makes them
    return x, t


def heatmap_loss(logits, t, stride=STRIDE):
    """Cross-entropy of the softmax heatmaps against Gaussians (sigma one heatmap voxel) at the targets."""
    b, k, d, h, w = logits.shape
    zs, ys, xs = (cell_centres(n, logits.dtype, stride) for n in (d, h, w))
    sig = stride
    gz = torch.exp(-((zs[None, None] - t[..., 2:3]) ** 2) / (2 * sig * sig))
    gy = torch.exp(-((ys[None, None] - t[..., 1:2]) ** 2) / (2 * sig * sig))
    gx = torch.exp(-((xs[None, None] - t[..., 0:1]) ** 2) / (2 * sig * sig))
    target = gz[..., :, None, None] * gy[..., None, :, None] * gx[..., None, None, :]
    target = target.reshape(b, k, -1)
    target = target / target.sum(-1, keepdim=True).clamp(min=1e-12)
    return -(target * F.log_softmax(logits.reshape(b, k, -1), -1)).sum(-1).mean()


def pitch_error_deg(pos, t):
    """|Angle| (deg) between the predicted and true AC->PC directions within the close-up's y-z plane, which is the
    mid-sagittal plane (x is its normal); pos, t (B, 2, 3) voxels with AC first."""
    dp, dt = pos[:, 1] - pos[:, 0], t[:, 1] - t[:, 0]
    diff = torch.atan2(dp[:, 2], dp[:, 1]) - torch.atan2(dt[:, 2], dt[:, 1])
    return torch.rad2deg(torch.atan2(torch.sin(diff), torch.cos(diff))).abs()


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", nargs="+", required=True)
    p.add_argument("--kind", choices=sorted(KINDS), default="landmarks")
    p.add_argument("--minutes", type=float, default=20)
    p.add_argument("--batch", type=int, default=6)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--validation", type=int, default=24, help="last N samples kept out of training, for monitoring")
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--heatmap-weight", type=float, default=2.0, help="weight of the heatmap cross-entropy (per mm of distance)")
    p.add_argument("--angle-weight", type=float, default=0.0, help="commissures only: weight of the AC-PC angle error (per mm of distance)")
    p.add_argument("--out", default="runs/landmarks.pt")
    p.add_argument("--resume", help="checkpoint to continue from (its step count is carried over)")
    p.add_argument("--width", type=int, help="channels of the first block (default 8, or the resumed net's); wider than the "
                                             "resumed net widens it without changing what it computes")
    a = p.parse_args()
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    kind = KINDS[a.kind]
    if a.angle_weight and a.kind != "commissures": p.error("--angle-weight needs --kind commissures (AC and PC on the mid-sagittal close-up)")
    spacing, stride = kind["spacing_mm"], kind["stride"]
    volumes, targets, anatomy = load(a.data, a.kind)
    n_train = len(volumes) - a.validation
    xv, tv = torch.from_numpy(volumes[n_train:]), torch.from_numpy(targets[n_train:])
    previous_steps, previous_minutes = 0, 0.0
    if a.resume:
        saved = torch.load(a.resume, map_location="cpu")
        model = LandmarkNet(targets.shape[1], width=saved["meta"]["width"], stride=stride)
        model.load_state_dict(saved["state"])
        if a.width: model = widened(model, a.width)
        previous_steps, previous_minutes = saved["meta"]["steps"], saved["meta"]["minutes"]
    else:
        model = LandmarkNet(targets.shape[1], width=a.width or 8, stride=stride)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    budget = a.minutes * 60
    start = time.time()
    step, ema = 0, None
    while time.time() - start < budget:
        frac = (time.time() - start) / budget
        for g in opt.param_groups:
            g["lr"] = a.lr * 0.5 * (1 + math.cos(math.pi * frac))
        idx = rng.integers(0, n_train, a.batch)
        x, t = augment(torch.from_numpy(volumes[idx]), torch.from_numpy(targets[idx]), rng)
        model.train()
        logits = model.logits(x)
        pos, _ = decode(logits, stride)
        dist = torch.linalg.norm(pos - t, dim=-1).mean() * spacing
        loss = dist + a.heatmap_weight * heatmap_loss(logits, t, stride)
        if a.angle_weight: loss = loss + a.angle_weight * pitch_error_deg(pos, t).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        ema = dist.item() if ema is None else 0.95 * ema + 0.05 * dist.item()
        if step % 25 == 0:
            model.eval()
            with torch.no_grad():
                vp, _ = model(xv)
            err = (torch.linalg.norm(vp - tv, dim=-1) * spacing).mean(0).numpy()
            angle = f", AC-PC angle {pitch_error_deg(vp, tv).mean().item():.2f} deg" if a.kind == "commissures" else ""
            print(f"step {step} {time.time() - start:.0f}s train dist ema {ema:.2f} mm; validation per landmark {np.round(err, 2)} mm{angle}",
                  flush=True)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    meta = {"kind": a.kind, "landmarks": int(targets.shape[1]), "width": model.width, "stride": stride, "steps": previous_steps + step, "batch": a.batch, "lr": a.lr, "seed": a.seed,
            "heatmap_weight": a.heatmap_weight, "angle_weight": a.angle_weight, "minutes": round(previous_minutes + (time.time() - start) / 60, 1), "train_samples": int(n_train), "data": [str(d) for d in a.data],
            "final_distance_ema_mm": ema}
    torch.save({"state": model.state_dict(), "meta": meta}, a.out)
    print("saved", a.out, meta)


if __name__ == "__main__":
    main()
