"""How a committed T1 RIM reads the inversion efficiency B: noise-free uniform patches with B = 2.0, 1.85 and 1.7.

Run from models-onnx/ (ONNX Runtime only, no PyTorch):  python -m mrpilot_train.probe_rim [models/rim-t1.onnx]
Prints, per tissue and true B, the net's median B and its T1 relative error on the 31-TI schedule. A net that fits
B returns it; one that has learned B's prior mean (1.84) returns that for every B and moves T1 to compensate, which
is invisible in averages over the training distribution (the B errors cancel) but biases every region whose B is
not 1.84.
"""
import argparse
from pathlib import Path

import numpy as np
import onnxruntime as ort

from . import relaxometry as rx

MODEL = Path(__file__).resolve().parent.parent / "models" / "rim-t1.onnx"
TISSUES = {"wm": (0.65, 0.78), "gm": (0.85, 1.4), "csf": (1.0, 3.5)}  # A (CSF proton density units), T1 (s)
B_VALUES = (2.0, 1.85, 1.7)


def probe(model: Path, size: int = 16):
    """Rows (tissue, true B, estimated B, T1 relative error) for noise-free uniform patches, medians over the patch."""
    session = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    ti = rx.TI_31.astype(np.float32)
    rows = []
    for name, (a, t1) in TISSUES.items():
        for b in B_VALUES:
            series = rx.t1_signal(a, b, t1, ti.astype(np.float64))
            images = (series / series.max()).astype(np.float32)[None, :, None, None] * np.ones((1, len(ti), size, size), np.float32)
            kappa = session.run(None, {"images": images, "times": ti})[0][0]
            if kappa.shape[0] != 3:
                raise ValueError(f"{model.name} is not a T1 model: it returns {kappa.shape[0]} maps, not A, B, T1")
            rows.append((name, b, float(np.median(kappa[1])), float(np.median(kappa[2]) / t1 - 1)))
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("model", nargs="?", default=str(MODEL))
    a = p.parse_args()
    print("tissue  true B  estimated B  T1 error")
    for name, b, b_hat, t1_error in probe(Path(a.model)):
        print(f"{name:6s}  {b:6.2f}  {b_hat:11.3f}  {100 * t1_error:+7.1f} %")


if __name__ == "__main__":
    main()
