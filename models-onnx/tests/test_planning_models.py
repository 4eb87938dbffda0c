"""The committed planning nets match their cards (hash, golden vectors) with ONNX Runtime alone (no PyTorch needed)."""
import json
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest

from mrpilot_train.cards import sha256

MODELS = Path(__file__).resolve().parent.parent / "models"


@pytest.mark.parametrize("name", ["planning-landmarks", "planning-commissures", "planning-quality"])
def test_committed_planning_model_matches_its_card(name):
    model = MODELS / f"{name}.onnx"
    card = json.loads(model.with_name(f"{name}.card.json").read_text())
    assert card["sha256"] == sha256(model)
    assert model.stat().st_size < 2 * 1024 * 1024
    golden = card["selfTest"]
    feeds = {k: np.array(v["data"], np.float32).reshape(v["shape"]) for k, v in golden["inputs"].items()}
    session = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    outputs = dict(zip([o.name for o in session.get_outputs()], session.run(None, feeds)))
    for k, v in golden["outputs"].items():
        np.testing.assert_allclose(outputs[k], np.array(v["data"], np.float32).reshape(v["shape"]), atol=golden["tolerance"])
