"""Model cards: the JSON the agent reads to verify and feed a model (see bundles/api ModelCard)."""
import hashlib
import json
from pathlib import Path

import numpy as np


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tensor_json(a: np.ndarray) -> dict:
    a = np.asarray(a, dtype=np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}


def write_card(model_path: Path, card: dict, self_inputs: dict, self_outputs: dict, tolerance: float) -> Path:
    """Writes <stem>.card.json next to the model with its hash and golden vectors."""
    model_path = Path(model_path)
    card = dict(card)
    card["sha256"] = sha256(model_path)
    card["selfTest"] = {
        "tolerance": tolerance,
        "inputs": {k: tensor_json(v) for k, v in self_inputs.items()},
        "outputs": {k: tensor_json(v) for k, v in self_outputs.items()},
    }
    out = model_path.with_name(model_path.stem + ".card.json")
    out.write_text(json.dumps(card, indent=2) + "\n")
    return out
