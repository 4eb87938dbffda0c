"""A tiny real ONNX graph, y = relu(x W + b), with fixed weights: the inference host's smoke-test model.

Run: python -m mrpilot_train.tiny_affine  (from models-onnx/); writes models/tiny-affine.onnx and its card.
"""
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .cards import write_card

OUT = Path(__file__).resolve().parent.parent / "models" / "tiny-affine.onnx"


def weights():
    rng = np.random.default_rng(20261121)
    w = rng.normal(size=(4, 3)).astype(np.float32)
    b = np.array([0.5, -0.25, 0.0], dtype=np.float32)
    return w, b


def build() -> onnx.ModelProto:
    w, b = weights()
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["x", "W"], ["xw"]),
            helper.make_node("Add", ["xw", "b"], ["z"]),
            helper.make_node("Relu", ["z"], ["y"]),
        ],
        "tiny_affine",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3])],
        initializer=[numpy_helper.from_array(w, "W"), numpy_helper.from_array(b, "b")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="mrpilot")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def reference(x: np.ndarray) -> np.ndarray:
    w, b = weights()
    return np.maximum(x @ w + b, 0).astype(np.float32)


def main(out: Path = OUT) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(build(), out)
    x = np.linspace(-1, 1, 8, dtype=np.float32).reshape(2, 4)
    card = {
        "name": "tiny-affine",
        "version": "1.0.0",
        "description": "y = relu(x W + b) with fixed weights; exercises loading, verification and inference.",
        "inputs": [{"name": "x", "dtype": "float32", "shape": ["N", "4"], "unit": "1", "normalisation": "none"}],
        "outputs": [{"name": "y", "dtype": "float32", "shape": ["N", "3"], "unit": "1", "normalisation": "none"}],
        "parameters": {},
    }
    return write_card(out, card, {"x": x}, {"y": reference(x)}, 1e-5)


if __name__ == "__main__":
    print(main())
