"""Exports a trained planning landmark net to ONNX with its card and golden vectors.

Run from models-onnx/:
  python -m mrpilot_train.export_landmarks --checkpoint runs/landmarks.pt --held-out DIR
writes models/planning-landmarks.onnx (or planning-commissures.onnx for a `--kind commissures` checkpoint),
.card.json (sha256, golden vectors on a 16^3 crop) and .card.md.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch

from .cards import write_card
from .landmarks import LandmarkNet
from .train_landmarks import KINDS, load, pitch_error_deg

MODELS = Path(__file__).resolve().parent.parent / "models"
OPSET = 17
GRID_SIZE = {"landmarks": 64, "commissures": 32}
DESCRIPTION = {
    "landmarks": "Slice-planning landmarks (seed 003 Orientation-Net, heatmap variant): fully convolutional 3D CNN on the "
                 "canonical localizer volume, one heatmap per landmark at 1/4 resolution, soft-argmax position and spread. "
                 "Heatmaps rather than plane masks: AC and PC are points, and five points on the mid-sagittal plane give "
                 "Java's robust plane fit redundancy to drop an outlier; the heatmap spread is a per-landmark confidence.",
    "commissures": "Slice-planning commissures, the second look: the same heatmap net (1/2 resolution, 4 mm heatmap cells) "
                   "on a 64 mm close-up of the localizer at 2 mm, centred between the first look's AC and PC and aligned "
                   "with the mid-sagittal plane (x its normal, y posterior in the plane, z superior), so it sees the "
                   "commissure region at one orientation whatever the head's roll and yaw and has 4x finer voxels.",
}
GRID_TEXT = {
    "landmarks": "localizer resampled on the canonical grid (axes L, P, S; 4 mm; numpy order z, y, x)",
    "commissures": "localizer resampled on the close-up grid (2 mm; axes plane normal to the left, posterior in the plane, "
                   "superior; numpy order z, y, x; Java CommissureRefiner.frame)",
}


def name(kind):
    return "planning-" + kind


def restore(checkpoint):
    saved = torch.load(checkpoint, map_location="cpu")
    meta = saved["meta"]
    meta.setdefault("kind", "landmarks")
    model = LandmarkNet(meta["landmarks"], width=meta["width"], stride=meta.get("stride", KINDS[meta["kind"]]["stride"]))
    model.load_state_dict(saved["state"])
    model.eval()
    return model, meta


def export(model, out: Path, size: int):
    x = torch.zeros(1, 2, size, size, size)
    torch.onnx.export(model, (x,), str(out), input_names=["volume"], output_names=["positions", "spread"], opset_version=OPSET,
                      dynamo=False, dynamic_axes={"volume": {0: "batch", 2: "D", 3: "H", 4: "W"},
                                                  "positions": {0: "batch"}, "spread": {0: "batch"}})
    onnx.checker.check_model(onnx.load(str(out)), full_check=True)


def held_out(path: Path, volumes, targets, kind):
    """Held-out figures of the exported model: per landmark mean and p95 distance (mm); for the close-up also the AC-PC
    line's angle error within the mid-sagittal plane (deg)."""
    names, spacing = KINDS[kind]["names"], KINDS[kind]["spacing_mm"]
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    positions = np.stack([session.run(None, {"volume": volumes[i:i + 1]})[0][0] for i in range(len(volumes))])
    e = np.linalg.norm(positions - targets, axis=-1) * spacing
    result = {"per_landmark": {n: {"mean_mm": float(e[:, k].mean()), "p95_mm": float(np.percentile(e[:, k], 95))} for k, n in enumerate(names)}}
    if kind == "commissures":
        angle = pitch_error_deg(torch.from_numpy(positions), torch.from_numpy(targets)).numpy()
        result["acpc_line"] = {"mean_deg": float(angle.mean()), "p95_deg": float(np.percentile(angle, 95))}
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--held-out", required=True, help="a `dataset planning` folder whose last --last samples were never trained on")
    p.add_argument("--last", type=int, default=24, help="evaluate on the last N samples of --held-out (the training validation split)")
    p.add_argument("--out-dir", default=str(MODELS))
    p.add_argument("--version", default="0.1.0")
    a = p.parse_args()
    model, meta = restore(a.checkpoint)
    kind = meta["kind"]
    model_name, names, spacing, size = name(kind), KINDS[kind]["names"], KINDS[kind]["spacing_mm"], GRID_SIZE[kind]
    out = Path(a.out_dir) / f"{model_name}.onnx"
    out.parent.mkdir(parents=True, exist_ok=True)
    export(model, out, size)
    volumes, targets, _ = load([a.held_out], kind)
    volumes, targets = volumes[-a.last:], targets[-a.last:]
    evaluation = held_out(out, volumes, targets, kind)
    lo = size // 2 - 8
    crop = np.ascontiguousarray(volumes[:1, :, lo:lo + 16, lo:lo + 16, lo:lo + 16])  # small golden vector; the net is fully convolutional
    with torch.no_grad():
        golden_pos, golden_spread = (t.numpy() for t in model(torch.from_numpy(crop)))
    card = {
        "name": model_name,
        "version": a.version,
        "description": DESCRIPTION[kind],
        "inputs": [{"name": "volume", "dtype": "float32", "shape": ["batch", "2", "D", "H", "W"], "unit": "1",
                    "normalisation": f"channel 0: {GRID_TEXT[kind]}, "
                                     "scaled so the 99th percentile of covered voxels is 1, 0 where uncovered; channel 1: coverage 0/1. "
                                     f"D, H, W divisible by {2 * model.stride} ({size} in the product)"}],
        "outputs": [{"name": "positions", "dtype": "float32", "shape": ["batch", str(len(names)), "3"], "unit": "voxel",
                     "normalisation": "continuous voxel indices (x, y, z) of " + ", ".join(names) + " on the input grid"},
                    {"name": "spread", "dtype": "float32", "shape": ["batch", str(len(names))], "unit": "voxel",
                     "normalisation": "standard deviation of each landmark's heatmap (3D radius), input voxels"}],
        "parameters": {"gridSize": float(size), "gridSpacingMm": spacing, "landmarks": float(len(names))},
        "training": meta | {"optimiser": "AdamW, cosine schedule over the time budget", "framework": f"PyTorch {torch.__version__}",
                            "augmentation": "left-right mirror, shifts up to 3 voxels, gamma 0.7-1.4, gain 0.8-1.2, noise"},
        "evaluation": {"data": f"last {len(volumes)} {'close-ups (4 per localizer, centred up to 10 mm off the true midpoint)' if kind == 'commissures' else 'localizers'} "
                               f"of {Path(a.held_out).name} (anatomies and subjects never trained on; the one ICBM152 anatomy is "
                               "shared); the full held-out figures are `./mrpilot bench planning`"} | evaluation,
    }
    card_path = write_card(out, card, {"volume": crop}, {"positions": golden_pos, "spread": golden_spread}, 1e-3)
    lines = [f"# {model_name} {card['version']}", "", card["description"], "", "## Held-out error (mm)", "",
             "| landmark | mean | p95 |", "|---|---|---|"]
    lines += [f"| {k} | {v['mean_mm']:.2f} | {v['p95_mm']:.2f} |" for k, v in evaluation["per_landmark"].items()]
    if "acpc_line" in evaluation:
        line = evaluation["acpc_line"]
        lines += ["", f"AC-PC line angle error within the mid-sagittal plane: {line['mean_deg']:.2f} deg mean, {line['p95_deg']:.2f} deg p95."]
    lines += ["", "## Training", ""] + [f"- {k}: {v}" for k, v in card["training"].items()] + [""]
    card_path.with_name(f"{model_name}.card.md").write_text("\n".join(lines))
    print(json.dumps(evaluation, indent=1))


if __name__ == "__main__":
    main()
