"""Rebuilds a training checkpoint from a committed RIM (ONNX weights + card), so training can continue from the model
the agent ships rather than from a checkpoint file kept outside the repository.

Run from models-onnx/:  python -m mrpilot_train.import_rim models/rim-t1.onnx --out runs/t1-from-1.3.0.pt
"""
import argparse
import json
from pathlib import Path

import onnx
import torch
from onnx import numpy_helper

from .rim import Rim


def state_of(onnx_path: Path) -> dict:
    """The exported graph's initialisers, which keep the PyTorch parameter names (cell.conv_in.weight, ...)."""
    graph = onnx.load(str(onnx_path)).graph
    return {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer if i.name.startswith("cell.")}


def checkpoint_from_onnx(onnx_path: Path, out: Path) -> Path:
    """Writes out (.pt) and its .history.json next to it, as train_rim saves them; the card's training record becomes
    the checkpoint's meta, so a resumed run keeps counting minutes and iterations and names what it started from."""
    onnx_path = Path(onnx_path)
    card = json.loads(onnx_path.with_name(onnx_path.stem + ".card.json").read_text())
    kind = card["name"].removeprefix("rim-")
    params = card["parameters"]
    state = state_of(onnx_path)
    model = Rim.for_state(kind, int(params["hiddenChannels"]), int(params["steps"]), state)
    model.load_state_dict(state)  # strict: any missing or extra weight is an error
    training = card["training"]
    meta = {"kind": kind, "hidden": model.hidden, "steps": model.steps, "iterations": int(training["iterations"]),
            "minutes": float(training["minutes"]), "seed": training["seed"],
            "data": f"{card['name']} {card['version']} ({training['data']})"}
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"state": model.state_dict(), "meta": meta}, out)
    out.with_suffix(".history.json").write_text(json.dumps({"meta": meta, "history": []}, indent=1))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("onnx", help="a committed rim-<kind>.onnx with its .card.json beside it")
    p.add_argument("--out", required=True, help="checkpoint to write (.pt)")
    a = p.parse_args()
    print(checkpoint_from_onnx(Path(a.onnx), Path(a.out)))


if __name__ == "__main__":
    main()
