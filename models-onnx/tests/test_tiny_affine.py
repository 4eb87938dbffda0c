import json

import numpy as np
import onnxruntime as ort

from mrpilot_train import tiny_affine
from mrpilot_train.cards import sha256


def test_committed_model_matches_card_and_reference():
    card = json.loads(tiny_affine.OUT.with_name("tiny-affine.card.json").read_text())
    assert card["sha256"] == sha256(tiny_affine.OUT)
    session = ort.InferenceSession(str(tiny_affine.OUT), providers=["CPUExecutionProvider"])
    x = np.random.default_rng(1).normal(size=(5, 4)).astype(np.float32)
    (y,) = session.run(None, {"x": x})
    np.testing.assert_allclose(y, tiny_affine.reference(x), atol=1e-6)
    golden = card["selfTest"]
    gx = np.array(golden["inputs"]["x"]["data"], dtype=np.float32).reshape(golden["inputs"]["x"]["shape"])
    gy = np.array(golden["outputs"]["y"]["data"], dtype=np.float32).reshape(golden["outputs"]["y"]["shape"])
    np.testing.assert_allclose(session.run(None, {"x": gx})[0], gy, atol=1e-6)


def test_rebuild_is_deterministic(tmp_path):
    out = tiny_affine.main(tmp_path / "tiny-affine.onnx")
    assert sha256(tmp_path / "tiny-affine.onnx") == sha256(tiny_affine.OUT)
    assert json.loads(out.read_text())["selfTest"] == json.loads(tiny_affine.OUT.with_name("tiny-affine.card.json").read_text())["selfTest"]
