"""Trains the planning quality + coverage net on canonical volumes exported by `./mrpilot dataset planning --artefacts F`.

Run from models-onnx/:
  python -m mrpilot_train.train_quality --data DIR [DIR ...] --minutes 25 --out runs/quality.pt [--resume runs/quality.pt]
Folders without quality.npy (landmark datasets) count as all usable. Batches are class-balanced (each sample's class
drawn evenly), because clean localizers outnumber every artefact kind. Loss: cross-entropy of the class + binary
cross-entropy of the brain mask against the brain fraction of each 8 mm cell. Augmentation: left-right mirror, shifts
of 0-4 voxels (zero fill, never a roll: a roll would fake wrap-around), gamma 0.7-1.4, extra noise.
A checkpoint (model, optimiser, steps, minutes) is written every --save-minutes and at the end; --resume continues it.
"""
import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from tqdm import tqdm

from .quality import CLASSES, QualityNet

SPACING_MM = 4.0


def load(dirs):
    """volumes (P, 2, S, S, S) float32 memory maps concatenated lazily, brain (P, S, S, S) uint8, classes (P,) int."""
    volumes, brains, classes = [], [], []
    for d in map(Path, dirs):
        meta = json.loads((d / "meta.json").read_text())
        assert meta["grid_spacing_mm"] == SPACING_MM, "grid spacing differs from the net's"
        if "quality_classes" in meta:
            assert len(meta["quality_classes"]) == len(CLASSES), f"{d}: dataset classes {meta['quality_classes']} differ from the net's"
        volumes.append(np.load(d / "volume.npy", mmap_mode="r"))
        brains.append(np.load(d / "brain.npy", mmap_mode="r"))
        q = d / "quality.npy"
        classes.append(np.load(q).astype(np.int64) if q.exists() else np.zeros(len(volumes[-1]), np.int64))
    return volumes, brains, np.concatenate(classes)


class Collection:
    """Samples of several dataset folders addressed by one index."""

    def __init__(self, dirs):
        self.volumes, self.brains, self.classes = load(dirs)
        self.offsets = np.cumsum([0] + [len(v) for v in self.volumes])

    def __len__(self):
        return int(self.offsets[-1])

    def get(self, indices):
        xs, ms = [], []
        for i in indices:
            f = int(np.searchsorted(self.offsets, i, side="right") - 1)
            j = int(i - self.offsets[f])
            xs.append(np.asarray(self.volumes[f][j], np.float32))
            ms.append(brain_fraction(np.asarray(self.brains[f][j])))
        return torch.from_numpy(np.stack(xs)), torch.from_numpy(np.stack(ms))[:, None], torch.from_numpy(self.classes[indices])


def brain_fraction(mask):
    """Brain fraction of each 2x2x2 cell: the mask target at half resolution."""
    s = mask.shape[0] // 2
    return mask.reshape(s, 2, s, 2, s, 2).mean((1, 3, 5), dtype=np.float32)


def shifted(a, shift):
    """a shifted by integer voxels along its last three axes, zero-filled (no wrap)."""
    out = torch.zeros_like(a)
    src, dst = [], []
    for s, n in zip(shift, a.shape[-3:]):
        src.append(slice(max(0, -s), n - max(0, s)))
        dst.append(slice(max(0, s), n - max(0, -s)))
    out[(..., *dst)] = a[(..., *src)]
    return out


def augment(x, m, rng):
    """x (B, 2, S, S, S) volumes, m (B, 1, S/2, S/2, S/2) mask targets; returns augmented copies that still agree."""
    x, m = x.clone(), m.clone()
    for i in range(x.shape[0]):
        if rng.random() < 0.5:
            x[i], m[i] = torch.flip(x[i], dims=[3]), torch.flip(m[i], dims=[3])
        half = rng.integers(-2, 3, size=3)  # shift in mask cells; the volume moves twice as many voxels
        x[i], m[i] = shifted(x[i], 2 * half), shifted(m[i], half)
        img = x[i, 0].clamp(min=0) ** rng.uniform(0.7, 1.4)
        img = img + torch.randn_like(img) * rng.uniform(0, 0.03)
        x[i, 0] = img * x[i, 1]  # uncovered voxels stay exactly zero, as the resampler makes them
    return x, m


def balanced(rng, by_class, n):
    """n indices, each from a class drawn evenly among the classes present."""
    present = [c for c in by_class if len(c)]
    return np.array([c[rng.integers(len(c))] for c in (present[k] for k in rng.integers(0, len(present), n))])


def evaluate(model, data, indices, batch=8):
    """Accuracy, confusion matrix (rows truth, columns prediction) and mask Dice at p > 0.5 on the given samples."""
    model.eval()
    confusion = np.zeros((len(CLASSES), len(CLASSES)), np.int64)
    inter = total = 0.0
    with torch.no_grad():
        for k in range(0, len(indices), batch):
            x, m, c = data.get(indices[k:k + batch])
            prob, brain = model(x)
            for t, p in zip(c.numpy(), prob.argmax(1).numpy()):
                confusion[t, p] += 1
            pred, truth = (brain > 0.5).float(), (m > 0.5).float()
            inter += float((pred * truth).sum())
            total += float(pred.sum() + truth.sum())
    return {"accuracy": float(np.trace(confusion) / confusion.sum()), "confusion": confusion.tolist(),
            "dice": 2 * inter / total if total else float("nan")}


def train(data_dirs, minutes, out, batch=8, lr=2e-3, validation=30, seed=7, resume=None, save_minutes=5.0, max_steps=None):
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    data = Collection(data_dirs)
    n_train = len(data) - validation
    by_class = [np.flatnonzero(data.classes[:n_train] == k) for k in range(len(CLASSES))]
    model = QualityNet()
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    previous_steps, previous_minutes = 0, 0.0
    if resume:
        saved = torch.load(resume, map_location="cpu")
        model.load_state_dict(saved["state"])
        opt.load_state_dict(saved["optimiser"])
        previous_steps, previous_minutes = saved["meta"]["steps"], saved["meta"]["minutes"]
    budget = minutes * 60
    start = last_save = time.time()
    step, ema = 0, None
    meta = {}

    def save():
        meta.update({"width": 8, "steps": previous_steps + step, "batch": batch, "lr": lr, "seed": seed,
                     "minutes": round(previous_minutes + (time.time() - start) / 60, 1), "train_samples": int(n_train),
                     "class_counts": [int(len(c)) for c in by_class], "data": [str(d) for d in data_dirs], "final_loss_ema": ema})
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        torch.save({"state": model.state_dict(), "optimiser": opt.state_dict(), "meta": meta}, out)

    with tqdm(total=round(budget), unit="s", desc="quality") as bar:
        while time.time() - start < budget and (max_steps is None or step < max_steps):
            frac = (time.time() - start) / budget
            for g in opt.param_groups:
                g["lr"] = lr * 0.5 * (1 + math.cos(math.pi * frac))
            x, m, c = data.get(balanced(rng, by_class, batch))
            x, m = augment(x, m, rng)
            model.train()
            logits, brain = model.heads(x)
            loss = F.cross_entropy(logits, c) + F.binary_cross_entropy_with_logits(brain, m)
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
            ema = loss.item() if ema is None else 0.95 * ema + 0.05 * loss.item()
            bar.set_postfix(step=previous_steps + step, loss=f"{ema:.3f}")
            bar.update(round(time.time() - start) - bar.n)
            if step % 50 == 0 and validation:
                v = evaluate(model, data, np.arange(n_train, len(data)))
                tqdm.write(f"step {previous_steps + step}: validation accuracy {v['accuracy']:.3f}, brain dice {v['dice']:.3f}")
            if time.time() - last_save > save_minutes * 60:
                save()
                last_save = time.time()
    save()
    return Path(out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", nargs="+", required=True)
    p.add_argument("--minutes", type=float, default=25)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--validation", type=int, default=30, help="last N samples kept out of training, for monitoring")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", default="runs/quality.pt")
    p.add_argument("--resume", help="checkpoint to continue from (model, optimiser and step count)")
    a = p.parse_args()
    out = train(a.data, a.minutes, a.out, a.batch, a.lr, a.validation, a.seed, a.resume)
    print("saved", out, torch.load(out)["meta"])


if __name__ == "__main__":
    main()
