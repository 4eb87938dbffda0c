"""Signal equations, schedules, the procedural tissue patches and the committed RIM models (no PyTorch needed)."""
import json
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest

from mrpilot_train import patches
from mrpilot_train import relaxometry as rx
from mrpilot_train.cards import sha256

MODELS = Path(__file__).resolve().parent.parent / "models"


def test_signal_equations_at_known_points():
    # T1: at TI = T1 ln 2 a perfect inversion (B = 2) crosses zero; at TI >> T1 the signal is A.
    assert rx.t1_signal(0.8, 2.0, 1.0, np.log(2)) == pytest.approx(0, abs=1e-12)
    assert rx.t1_signal(0.8, 2.0, 0.01, 5.0) == pytest.approx(0.8)
    assert rx.t1_signal(1.0, 2.0, 1.0, 0.0) == pytest.approx(1.0)  # |1 - 2|
    assert rx.t2_signal(0.9, 0.1, 0.1) == pytest.approx(0.9 / np.e)


def test_schedules_are_table_2():
    assert len(rx.TI_23) == 23 and len(rx.TI_25) == 25 and len(rx.TI_31) == 31 and len(rx.TE_6) == 6
    for t in (rx.TI_23, rx.TI_25, rx.TI_31, rx.TE_6):
        assert np.all(np.diff(t) > 0)


def test_procedural_patches_cover_t2_between_vessels_and_csf():
    tissue = patches.procedural_patches(np.random.default_rng(11), 200, 24)
    t2 = tissue.t2[tissue.mask]
    # the paper's training gap (275 ms .. CSF) must be populated
    assert ((t2 > 0.4) & (t2 < 1.5)).mean() > 0.01
    assert np.all(tissue.b <= 2) and np.all(tissue.b > 1)
    assert np.all(tissue.pd[~tissue.mask] == 0)


def test_random_times_stay_increasing_and_positive():
    rng = np.random.default_rng(5)
    for kind in ("t1", "t2"):
        for _ in range(50):
            t = patches.random_times(rng, kind)
            assert np.all(t > 0) and np.all(np.diff(t) > 0) and len(t) >= 4


@pytest.mark.parametrize("kind", ["t1", "t2"])
def test_committed_rim_matches_card_and_takes_any_n(kind):
    model = MODELS / f"rim-{kind}.onnx"
    if not model.exists():
        pytest.skip(f"{model.name} not exported yet")
    card = json.loads(model.with_name(f"rim-{kind}.card.json").read_text())
    assert card["sha256"] == sha256(model)
    assert model.stat().st_size < 10 * 1024 * 1024
    session = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    golden = card["selfTest"]
    feeds = {k: np.array(v["data"], np.float32).reshape(v["shape"]) for k, v in golden["inputs"].items()}
    expected = np.array(golden["outputs"]["kappa"]["data"], np.float32).reshape(golden["outputs"]["kappa"]["shape"])
    np.testing.assert_allclose(session.run(None, feeds)[0], expected, atol=golden["tolerance"])
    schedules = (rx.TI_23, rx.TI_25, rx.TI_31) if kind == "t1" else (rx.TE_6, rx.TE_6[:4])
    for times in schedules:
        images = np.random.default_rng(len(times)).uniform(0, 1, (1, len(times), 12, 10)).astype(np.float32)
        out = session.run(None, {"images": images, "times": times.astype(np.float32)})[0]
        assert out.shape == (1, 3 if kind == "t1" else 2, 12, 10) and np.all(np.isfinite(out))


def test_signal_equations_match_the_shared_reference_table():
    """The Java mapping bundle tests the same table (SignalModelTest), so both languages agree."""
    table = json.loads((Path(__file__).parent / "data" / "signal_reference.json").read_text())["rows"]
    for r in table:
        value = rx.t1_signal(r["a"], r["b"], r["t_s"], r["time_s"]) if r["kind"] == "t1" else rx.t2_signal(r["a"], r["t_s"], r["time_s"])
        assert value == pytest.approx(r["signal"], rel=1e-12)


@pytest.mark.parametrize("kind", ["t1", "t2"])
def test_batch_targets_follow_the_randomised_scale(kind, monkeypatch):
    """Whatever scale factor a sample gets, its normalised images are the signal of its normalised targets."""
    monkeypatch.setattr(patches, "SIGMA_RANGE", (1e-12, 1e-12))  # noise-free, so the images are exactly the model
    tissue = patches.procedural_patches(np.random.default_rng(2), 8, 16)
    images, times, target, _, _ = patches.batch(np.random.default_rng(3), kind, tissue, 64)
    tt = times[None, :, None, None]
    model = (rx.t1_signal(target[:, 0:1], target[:, 1:2], target[:, 2:3], tt) if kind == "t1"
             else rx.t2_signal(target[:, 0:1], target[:, 1:2], tt))
    np.testing.assert_allclose(images, model, atol=1e-5)
    factor = 1 / np.percentile(images.max(axis=1).reshape(64, -1), 99, axis=1)  # the percentile of an unscaled sample is 1
    low, high = patches.SCALE_FACTOR_RANGE
    assert np.all((factor > low * 0.999) & (factor < high * 1.001))
    assert factor.min() < 1.0 and factor.max() > 1.8  # the whole-slice range is really drawn


def test_the_b_probe_reports_every_tissue_and_b_of_the_committed_t1_model():
    from mrpilot_train.probe_rim import B_VALUES, TISSUES, probe
    rows = probe(MODELS / "rim-t1.onnx", size=8)
    assert [(r[0], r[1]) for r in rows] == [(t, b) for t in TISSUES for b in B_VALUES]
    assert all(1.0 < r[2] < 2.5 and -1 < r[3] < 1 for r in rows)
