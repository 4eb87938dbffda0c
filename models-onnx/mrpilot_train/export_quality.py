"""Exports the planning quality + coverage net to ONNX with its card, golden vectors and held-out figures.

Run from models-onnx/:
  python -m mrpilot_train.export_quality --checkpoint runs/quality.pt --held-out DIR [DIR ...]
writes models/planning-quality.onnx, .card.json (sha256, golden vectors on a 16^3 crop) and .card.md (accuracy,
confusion matrix and brain-mask Dice on the held-out folders, whose collection seeds were never trained on).
"""
import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch

from .cards import write_card
from .quality import CLASSES, QualityNet
from .train_quality import SPACING_MM, Collection

MODELS = Path(__file__).resolve().parent.parent / "models"
NAME = "planning-quality"
OPSET = 17


def restore(checkpoint):
    saved = torch.load(checkpoint, map_location="cpu")
    model = QualityNet(width=saved["meta"]["width"])
    model.load_state_dict(saved["state"])
    model.eval()
    return model, saved["meta"]


def export(model, out: Path):
    x = torch.zeros(1, 2, 64, 64, 64)
    torch.onnx.export(model, (x,), str(out), input_names=["volume"], output_names=["quality", "brain"], opset_version=OPSET, dynamo=False,
                      dynamic_axes={"volume": {0: "batch", 2: "D", 3: "H", 4: "W"}, "quality": {0: "batch"},
                                    "brain": {0: "batch", 2: "d", 3: "h", 4: "w"}})
    onnx.checker.check_model(onnx.load(str(out)), full_check=True)


def run(path: Path, data: Collection):
    """P(usable), predicted class, true class and brain overlap counts of the exported model, one localizer at a time."""
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    usable, predicted, truth = [], [], []
    inter = total = 0.0
    for i in range(len(data)):
        x, m, c = data.get(np.array([i]))
        prob, brain = session.run(None, {"volume": x.numpy()})
        usable.append(float(prob[0, 0]))
        predicted.append(int(prob[0].argmax()))
        truth.append(int(c[0]))
        pred, true_mask = brain[0, 0] > 0.5, m.numpy()[0, 0] > 0.5
        inter += float((pred & true_mask).sum())
        total += float(pred.sum() + true_mask.sum())
    return np.array(usable), np.array(predicted), np.array(truth), (2 * inter / total if total else None)


def calibrate(usable, truth, false_refusals):
    """The P(usable) threshold that refuses the given share of clean calibration localizers (the product refuses below it)."""
    return float(np.quantile(usable[truth == 0], false_refusals))


def held_out(usable, predicted, truth, dice, threshold):
    """Class accuracy and confusion (arg max), and the product's refuse / plan decision at the threshold."""
    k = len(CLASSES)
    confusion = np.zeros((k, k), np.int64)
    for t, p in zip(truth, predicted):
        confusion[t, p] += 1
    refused = usable < threshold
    clean = truth == 0
    return {"n": int(len(truth)), "accuracy": float(np.trace(confusion) / confusion.sum()),
            "usable_vs_not_accuracy": float(np.mean(refused != clean)), "clean_refused": float(refused[clean].mean()),
            "artefact_refused": {CLASSES[c]: float(refused[truth == c].mean()) for c in range(1, k) if np.any(truth == c)},
            "confusion": confusion.tolist(), "brain_dice": dice}


def markdown(card, evaluation):
    lines = [f"# {NAME} {card['version']}", "", card["description"], "", "## Held-out evaluation", "", card["evaluation"]["data"], "",
             f"- accuracy (6 classes, arg max): {evaluation['accuracy']:.3f}",
             f"- refused below P(usable) {card['parameters']['usableThreshold']:.3f} (calibrated: {card['evaluation']['calibration']}): "
             f"usable vs not right {evaluation['usable_vs_not_accuracy']:.3f}; clean localizers refused {evaluation['clean_refused']:.3f}; "
             "artefacted localizers refused " + ", ".join(f"{k} {v:.2f}" for k, v in evaluation["artefact_refused"].items()),
             f"- brain mask Dice (8 mm cells, p > 0.5): {evaluation['brain_dice']:.3f}", "",
             "Confusion matrix (rows: truth, columns: prediction)", "",
             "| truth \\ predicted | " + " | ".join(CLASSES) + " |", "|---|" + "---|" * len(CLASSES)]
    lines += [f"| {CLASSES[t]} | " + " | ".join(str(v) for v in row) + " |" for t, row in enumerate(evaluation["confusion"])]
    lines += ["", "## Training", ""] + [f"- {k}: {v}" for k, v in card["training"].items()] + [""]
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--held-out", nargs="+", required=True, help="`dataset planning --artefacts` folders of collection seeds never trained on")
    p.add_argument("--calibration", nargs="+", required=True, help="`dataset planning --artefacts` folders never trained on, "
                   "distinct from --held-out, on which the refusal threshold is chosen")
    p.add_argument("--false-refusals", type=float, default=0.1, help="share of clean calibration localizers the threshold refuses")
    p.add_argument("--version", required=True, help="the model's version for its card, e.g. 0.2.0")
    p.add_argument("--out-dir", default=str(MODELS))
    a = p.parse_args()
    model, meta = restore(a.checkpoint)
    out = Path(a.out_dir) / f"{NAME}.onnx"
    out.parent.mkdir(parents=True, exist_ok=True)
    export(model, out)
    cal_usable, _, cal_truth, _ = run(out, Collection(a.calibration))
    threshold = calibrate(cal_usable, cal_truth, a.false_refusals)
    data = Collection(a.held_out)
    evaluation = held_out(*run(out, data), threshold)
    x, _, _ = data.get(np.array([0]))
    crop = np.ascontiguousarray(x.numpy()[:, :, 24:40, 24:40, 24:40])  # small golden vector; sizes divisible by 8 work
    with torch.no_grad():
        golden_quality, golden_brain = (t.numpy() for t in model(torch.from_numpy(crop)))
    seeds = [json.loads((Path(d) / "meta.json").read_text())["seed"] for d in a.held_out]
    card = {
        "name": NAME,
        "version": a.version,
        "description": "Slice-planning localizer quality and brain coverage (seed 003 Quality-Net and Coverage-Net as one model): "
                       "a 3D CNN encoder on the canonical localizer volume with two heads. The quality head classifies the localizer "
                       "as " + ", ".join(CLASSES) + "; the coverage head gives the brain probability per 8 mm cell, from which Java takes "
                       "the brain box in the AC-PC frame. One model rather than two: both heads need the same evidence (where the head "
                       "is and how the planes look), so one encoder halves training and inference time, and the dense mask "
                       "supervision teaches the shared encoder where the head is, which the classifier needs too.",
        "inputs": [{"name": "volume", "dtype": "float32", "shape": ["batch", "2", "D", "H", "W"], "unit": "1",
                    "normalisation": "channel 0: localizer resampled on the canonical grid (axes L, P, S; 4 mm; numpy order z, y, x), "
                                     "scaled so the 99th percentile of covered voxels is 1, 0 where uncovered; channel 1: coverage 0/1. "
                                     "D, H, W divisible by 8 (64 in the product)"}],
        "outputs": [{"name": "quality", "dtype": "float32", "shape": ["batch", str(len(CLASSES))], "unit": "1",
                     "normalisation": "class probabilities (softmax), in the order " + ", ".join(CLASSES)},
                    {"name": "brain", "dtype": "float32", "shape": ["batch", "1", "d", "h", "w"], "unit": "1",
                     "normalisation": "brain probability of each 2x2x2 block of input voxels (d = D/2; cell (i, j, k) centred on input "
                                      "voxel 2i + 0.5, 2j + 0.5, 2k + 0.5)"}],
        "parameters": {"gridSize": 64.0, "gridSpacingMm": SPACING_MM, "classes": float(len(CLASSES)), "brainCellVoxels": 2.0,
                       "usableThreshold": threshold},
        "training": meta | {"optimiser": "AdamW, cosine schedule over the time budget, class-balanced batches",
                            "framework": f"PyTorch {torch.__version__}",
                            "loss": "cross-entropy (class) + binary cross-entropy (brain fraction per 8 mm cell)",
                            "augmentation": "left-right mirror, zero-filled shifts up to 4 voxels, gamma 0.7-1.4, noise",
                            "parameters": int(sum(p.numel() for p in model.parameters()))},
        "evaluation": {"data": f"{evaluation['n']} localizers of planning collection(s) {seeds} (`dataset planning --artefacts`), "
                               "seeds never used in training: other subjects, poses, localizer settings and artefact draws "
                               "(the one ICBM152 anatomy is shared with training)",
                       "calibration": f"usableThreshold refuses {a.false_refusals:.0%} of the {int(np.sum(cal_truth == 0))} clean localizers of "
                                      + ", ".join(Path(d).name for d in a.calibration) + " (never trained on, not the held-out set)",
                       **evaluation},
    }
    card_path = write_card(out, card, {"volume": crop}, {"quality": golden_quality, "brain": golden_brain}, 1e-3)
    card_path.with_name(f"{NAME}.card.md").write_text(markdown(card, evaluation))
    print(json.dumps({k: v for k, v in evaluation.items()}, indent=1))


if __name__ == "__main__":
    main()
