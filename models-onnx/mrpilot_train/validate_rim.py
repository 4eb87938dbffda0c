"""Monte Carlo check of a RIM checkpoint on validation slices, so checkpoints are chosen without looking at the
benchmark's held-out slice: per SNR, R noise realisations of every slice, then per pixel the relative bias and CV of T
(and of A), medians over the brain pixels of all slices, as `./mrpilot bench rim` computes them. The brain median is
mostly white matter, so the signed bias of T is also given per brain tissue: a net that pulls long T (grey matter,
CSF) short at high SNR, where the data determine it, hides there.

Run from models-onnx/:  python -m mrpilot_train.validate_rim --checkpoint runs/t1.pt --data /work/rim-runs/ds-val
(whole slices from `./mrpilot dataset relaxometry --size 192 ...` with a seed no training set uses)
"""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from . import patches
from .export_rim import SCHEDULE, load, run_torch

VALIDATION_NOISE_SEED = 5150  # the benchmark's noise seed differs
SNRS = (3, 5, 10, 30)


def pixel_metrics(estimates: np.ndarray, truth: np.ndarray) -> dict:
    """estimates [R, P] of P pixels against truth [P]: per-pixel relative bias of the mean and CV over R."""
    mean = estimates.mean(axis=0)
    return {"bias": mean / truth - 1, "cv": estimates.std(axis=0, ddof=1) / np.abs(mean)}


def brain_of(directory: Path) -> np.ndarray:
    """The pixels the benchmark would judge: brain labels (the dataset's meta) with tissue in them."""
    brain_labels = json.loads((Path(directory) / "meta.json").read_text())["brain_labels"]
    return np.isin(np.load(Path(directory) / "labels.npy"), brain_labels) & (np.load(Path(directory) / "pd.npy") > 0)


def brain_tissues_of(directory: Path) -> dict:
    """{tissue name: its label map [slices, H, W] (bool)} for each brain label of the dataset."""
    meta = json.loads((Path(directory) / "meta.json").read_text())
    labels = np.load(Path(directory) / "labels.npy")
    return {meta["label_names"][str(label)]: labels == label for label in meta["brain_labels"]}


def validate(model, slices: patches.TissuePatches, brain: np.ndarray, snrs=SNRS, realisations=10, seed=VALIDATION_NOISE_SEED,
             tissues=None):
    """{snr: {T and A: median |bias|, median bias, median CV}} over the brain pixels of all slices; with tissues
    ({name: label map}) also {snr: {"T by tissue": {name: median bias}}} over each tissue's brain pixels."""
    kind = model.kind
    times = SCHEDULE[kind]
    truth_t = slices.t1 if kind == "t1" else slices.t2
    rng = np.random.default_rng(seed)
    cleans = [patches.weighted_images(kind, slices, np.array([s]), times) for s in range(slices.pd.shape[0])]
    tissue_of_pixel = {name: np.concatenate([t[s][brain[s]] for s in range(len(cleans))]) for name, t in (tissues or {}).items()}
    result = {}
    bar = tqdm(total=len(snrs) * realisations * slices.pd.shape[0], desc=f"validate {kind}", unit="map")
    for snr in snrs:
        per_slice = {"T": [], "A": []}
        for s, clean in enumerate(cleans):
            runs = []
            for _ in range(realisations):
                noisy = clean + rng.standard_normal(clean.shape) / snr
                scale = patches.normalisation_scale(noisy)
                kappa = run_torch(model, (noisy / scale[:, None, None, None]).astype(np.float32), times)[0]
                runs.append(np.stack([kappa[0] * scale[0], kappa[-1]])[:, brain[s]])
                bar.update(1)
            runs = np.array(runs)
            per_slice["A"].append(pixel_metrics(runs[:, 0], slices.pd[s][brain[s]]))
            per_slice["T"].append(pixel_metrics(runs[:, 1], truth_t[s][brain[s]]))
        result[snr] = {}
        for name, metrics in per_slice.items():  # "A" and "T"
            bias = np.concatenate([m["bias"] for m in metrics])
            cv = np.concatenate([m["cv"] for m in metrics])
            result[snr][name] = {"abs_bias_median": float(np.median(np.abs(bias))), "bias_median": float(np.median(bias)),
                                 "cv_median": float(np.median(cv))}
            if name == "T" and tissues:
                result[snr]["T by tissue"] = {tissue: float(np.median(bias[sel]))
                                              for tissue, sel in tissue_of_pixel.items() if sel.any()}
    bar.close()
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--checkpoint", required=True, nargs="+")
    p.add_argument("--data", required=True, help="a relaxometry dataset of whole slices")
    p.add_argument("--realisations", type=int, default=10)
    p.add_argument("--snr", type=float, nargs="+", default=list(SNRS))
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    if a.realisations < 2:
        p.error("--realisations must be >= 2 (CV needs two)")
    torch.set_num_threads(a.threads)
    slices, brain, tissues = patches.load_dataset(a.data), brain_of(a.data), brain_tissues_of(a.data)
    for checkpoint in a.checkpoint:
        model, meta = load(Path(checkpoint))
        print(f"{checkpoint} ({meta['iterations']} iterations), {slices.pd.shape[0]} slices, R = {a.realisations}")
        for snr, r in validate(model, slices, brain, a.snr, a.realisations, tissues=tissues).items():
            t, amp = r["T"], r["A"]
            by_tissue = "  ".join(f"{name} {bias:+.4f}" for name, bias in r["T by tissue"].items())
            print(f"  SNR {snr:g}: T |bias| {t['abs_bias_median']:.4f} bias {t['bias_median']:+.4f} cv {t['cv_median']:.4f}"
                  f"   A bias {amp['bias_median']:+.4f}   T bias by tissue: {by_tissue}")


if __name__ == "__main__":
    main()
