"""Exports a trained RIM checkpoint to ONNX, checks it, evaluates it on held-out data and writes its card.

Run from models-onnx/:  python -m mrpilot_train.export_rim --checkpoint runs/t1.pt
writes models/rim-<kind>.onnx, rim-<kind>.card.json (golden vectors, sha256) and rim-<kind>.card.md.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch

from . import patches
from . import relaxometry as rx
from .cards import tensor_json, write_card
from .rim import POOL_WINDOW, SIMILAR_RADIUS, Rim
from .rim_cards import write_markdown

MODELS = Path(__file__).resolve().parent.parent / "models"
OPSET = 17
HELD_OUT_SEED = 7007  # patches and noise never used in training (train_rim.TRAIN_SEED differs)
GOLDEN_SEED = 4242
EVAL_SNRS = (3, 5, 10, 30, 60, 100)
NAMES = {"t1": ("A", "B", "T1"), "t2": ("A", "T2")}
SCHEDULE = {"t1": rx.TI_31, "t2": rx.TE_6}
SIMILAR_SIZE = 2 * SIMILAR_RADIUS + 1
# The loss settings of the run that produced the checkpoint (a resumed chain of runs records only its last one).
LOSS_SETTINGS = ("noise_realisations", "bias_weight", "bias_window", "low_snr_bias_weight", "low_snr_bias_snr",
                 "variance_weight", "variance_snr", "bias_space")


def load(checkpoint: Path) -> Rim:
    saved = torch.load(checkpoint, map_location="cpu")
    meta = saved["meta"]
    model = Rim.for_state(meta["kind"], meta["hidden"], meta["steps"], saved["state"])
    model.load_state_dict(saved["state"])
    model.eval()
    return model, meta


def export(model: Rim, out: Path) -> Path:
    n = len(SCHEDULE[model.kind])
    images = torch.rand(1, n, 16, 16)
    times = torch.tensor(SCHEDULE[model.kind], dtype=torch.float32)
    torch.onnx.export(model, (images, times), str(out), input_names=["images", "times"], output_names=["kappa"],
                      opset_version=OPSET, dynamo=False,
                      dynamic_axes={"images": {0: "batch", 1: "N", 2: "H", 3: "W"}, "times": {0: "N"},
                                    "kappa": {0: "batch", 2: "H", 3: "W"}})
    onnx.checker.check_model(onnx.load(str(out)), full_check=True)
    return out


def run_onnx(path: Path, images: np.ndarray, times: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(None, {"images": images.astype(np.float32), "times": times.astype(np.float32)})[0]


def run_torch(model: Rim, images: np.ndarray, times: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return model(torch.from_numpy(images.astype(np.float32)), torch.from_numpy(times.astype(np.float32))).numpy()


def held_out_evaluation(path: Path, kind: str, data: Path = None, count: int = 48, size: int = 32) -> dict:
    """Median relative error of T (and A) per SNR on held-out patches (a physics dataset made with another seed,
    or procedural ones), 31-TI / 6-TE schedules, noise from HELD_OUT_SEED."""
    rng = np.random.default_rng(HELD_OUT_SEED)
    tissue = patches.load_dataset(data) if data else patches.procedural_patches(rng, count, size)
    count = tissue.pd.shape[0]
    times = SCHEDULE[kind]
    clean = patches.weighted_images(kind, tissue, np.arange(count), times)
    result = {}
    for snr in EVAL_SNRS:
        noisy = clean + rng.standard_normal(clean.shape) / snr
        scale = patches.normalisation_scale(noisy)
        kappa = run_onnx(path, noisy / scale[:, None, None, None], times)
        t_true = np.maximum(tissue.t1 if kind == "t1" else tissue.t2, 1e-3)
        rel_t = (kappa[:, -1] - t_true) / t_true
        rel_a = (kappa[:, 0] * scale[:, None, None] - tissue.pd) / np.maximum(tissue.pd, 1e-6)
        # one percentile over all patches together, as the mapper scales a whole slice
        slice_scale = np.percentile(noisy.max(axis=1), 99)
        rel_t_slice = run_onnx(path, noisy / slice_scale, times)[:, -1] / t_true - 1
        m = tissue.mask & (tissue.pd > 0.2)
        result[str(snr)] = {"t_median_abs_rel_error": float(np.median(np.abs(rel_t[m]))),
                            "t_median_rel_error": float(np.median(rel_t[m])),
                            "t_median_rel_error_slice_scale": float(np.median(rel_t_slice[m])),
                            "a_median_abs_rel_error": float(np.median(np.abs(rel_a[m])))}
    return result


def golden_input(kind: str, size: int, thin: bool):
    """A held-out noisy patch, normalised as the card says; thin=True keeps every third TI (a short golden vector)."""
    rng = np.random.default_rng(GOLDEN_SEED + size)
    tissue = patches.procedural_patches(rng, 1, size)
    times = SCHEDULE[kind][::3] if kind == "t1" and thin else SCHEDULE[kind]
    noisy = patches.weighted_images(kind, tissue, np.arange(1), times) + rng.standard_normal((1, len(times), size, size)) / 30
    scale = patches.normalisation_scale(noisy)
    return (noisy / scale[:, None, None, None]).astype(np.float32), times.astype(np.float32)


def write_reference(model: Rim, out: Path) -> Path:
    """<name>.reference.json: a 32x32 full-schedule input and PyTorch's output, for the agent's tests."""
    images, times = golden_input(model.kind, 32, thin=False)
    ref = {"inputs": {"images": tensor_json(images), "times": tensor_json(times)},
           "outputs": {"kappa": tensor_json(run_torch(model, images, times))}, "tolerance": 1e-3,
           "what": "PyTorch output of the exported weights on a held-out patch (seed %d)" % (GOLDEN_SEED + 32)}
    path = out.with_name(out.stem + ".reference.json")
    path.write_text(json.dumps(ref) + "\n")
    return path


def card_for(kind: str, meta: dict, evaluation: dict, max_diff: float, eval_data: str, version: str, model: Rim) -> dict:
    q = len(NAMES[kind])
    out_desc = "A (scale units), B (inversion efficiency, 2 = perfect), T1 (s)" if kind == "t1" else "A (scale units), T2 (s)"
    signal = "|A (1 - B exp(-TI/T1))|" if kind == "t1" else "A exp(-TE/T2)"
    return {
        "name": f"rim-{kind}",
        "version": version,
        "description": f"Recurrent inference machine for {kind.upper()} mapping (seed 001): J={meta['steps']} shared-weight "
                       f"steps, closed-form Gaussian NLL gradient of {signal} inside the graph, any number N of images."
                       + (f" B, which one pixel hardly determines, also gets the Gauss-Newton step of a B shared by the "
                          f"{POOL_WINDOW}x{POOL_WINDOW} pixels around each pixel (their A and T1 eliminated per pixel)."
                          if kind == "t1" else "")
                       + (f" Each step also sees how far the estimates of the alike neighbours in the {SIMILAR_SIZE}x"
                          f"{SIMILAR_SIZE} square around each pixel lie from its own (neighbours weighted by how close "
                          f"their weighted-image series are to the pixel's, in units of the image's noise)."
                          if model.alike else "")
                       + (" And it sees the likelihood gradient of the alike neighbours' weighted-mean series, the "
                          "direction to the fit of the pooled data." if model.alike_gradient else "")
                       + (" And the damped Gauss-Newton steps of A and T, per pixel, to the fits of the pixel's own "
                          "series and of the pooled series." if model.newton else ""),
        "inputs": [
            {"name": "images", "dtype": "float32", "shape": ["batch", "N", "H", "W"], "unit": "1",
             "normalisation": "weighted images divided by scale = 99th percentile over all pixels of the per-pixel "
                              "maximum over the N images (magnitude, no other processing); inside the graph each "
                              "pixel's series is further divided by its own maximum, so B and T do not depend on the "
                              "scale and A scales with it"},
            {"name": "times", "dtype": "float32", "shape": ["N"], "unit": "s",
             "normalisation": "inversion times (t1) or T2-preparation/echo times (t2) in seconds, increasing"},
        ],
        "outputs": [{"name": "kappa", "dtype": "float32", "shape": ["batch", str(q), "H", "W"], "unit": "mixed",
                     "normalisation": f"channels {out_desc}; multiply A by scale to undo the input normalisation"}],
        "parameters": {"scalePercentile": 99.0, "steps": float(meta["steps"]), "hiddenChannels": float(meta["hidden"]),
                       "minTimes": 4.0 if kind == "t1" else 3.0}
                      | ({"sharedPoolWindowPixels": float(POOL_WINDOW)} if kind == "t1" else {})
                      | ({"alikeNeighbourhoodPixels": float(SIMILAR_SIZE)} if model.alike else {}),
        "training": {k: meta[k] for k in ("iterations", "batch", "patch", "pool", "lr", "seed", "data", "minutes",
                                          "final_loss_ema", "parameters")}
                    | ({"lr_schedule": meta["lr_schedule"]} if "lr_schedule" in meta else {})
                    | ({"last_run_loss": {k: meta[k] for k in LOSS_SETTINGS if k in meta}} if "bias_weight" in meta else {})
                    | {"noise": "Gaussian, sigma log-uniform in [0.0065, 0.255] x CSF proton density (SNR 100..3)",
                       "scale": "per sample: the patch's 99th percentile times a factor log-uniform in "
                                f"{list(patches.SCALE_FACTOR_RANGE)} (a whole slice's percentile is set by its brightest tissue)",
                       "times": "random sets around Table 2: 18-35 TIs from 0.10-0.20 s, spacing 22-36 ms, jitter 3 ms"
                       if kind == "t1" else "random sets around Table 2: 4-8 TEs doubling from ~10 ms, jitter 5 %",
                       "optimiser": "Adam", "framework": f"PyTorch {torch.__version__}"},
        "evaluation": {"held_out_seed": HELD_OUT_SEED,
                       "data": f"held-out tissue patches 32x32 ({eval_data}), one noise realisation per SNR, schedule "
                               + ("31 TIs" if kind == "t1" else "6 TEs") + "; pixels with tissue and A > 0.2",
                       "per_snr": evaluation,
                       "onnx_vs_pytorch_max_abs_diff": max_diff},
    }


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--out-dir", default=str(MODELS))
    p.add_argument("--eval-data", default=None, help="held-out `./mrpilot dataset relaxometry` directory (another seed)")
    p.add_argument("--version", required=True, help="the model's version for its card, e.g. 1.2.0")
    a = p.parse_args()
    model, meta = load(Path(a.checkpoint))
    out = Path(a.out_dir) / f"rim-{meta['kind']}.onnx"
    out.parent.mkdir(parents=True, exist_ok=True)
    export(model, out)
    rng = np.random.default_rng(HELD_OUT_SEED + 1)
    probe = rng.uniform(0, 1, (1, 25 if meta["kind"] == "t1" else 6, 40, 36)).astype(np.float32)
    times = (rx.TI_25 if meta["kind"] == "t1" else rx.TE_6).astype(np.float32)
    max_diff = float(np.abs(run_onnx(out, probe, times) - run_torch(model, probe, times)).max())
    images, gtimes = golden_input(meta["kind"], 8, thin=True)
    golden = run_torch(model, images, gtimes)  # PyTorch is the reference the agent's ONNX Runtime must reproduce
    eval_data = ("physics dataset, seed %d" % json.loads((Path(a.eval_data) / "meta.json").read_text())["seed"]
                 if a.eval_data else f"procedural, seed {HELD_OUT_SEED}")
    evaluation = held_out_evaluation(out, meta["kind"], Path(a.eval_data) if a.eval_data else None)
    card = card_for(meta["kind"], meta, evaluation, max_diff, eval_data, a.version, model)
    card_path = write_card(out, card, {"images": images, "times": gtimes}, {"kappa": golden}, 1e-3)
    print(card_path, write_markdown(card_path), write_reference(model, out))


if __name__ == "__main__":
    main()
