"""Quality + coverage net: shapes, augmentation bookkeeping, training and resume, export (skipped without PyTorch)."""
import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from mrpilot_train.quality import CLASSES, QualityNet  # noqa: E402
from mrpilot_train.train_quality import augment, balanced, brain_fraction, shifted, train  # noqa: E402


def test_outputs_are_probabilities_at_half_resolution_for_any_size():
    net = QualityNet().eval()
    with torch.no_grad():
        quality, brain = net(torch.rand(2, 2, 16, 24, 32))
    assert quality.shape == (2, len(CLASSES)) and brain.shape == (2, 1, 8, 12, 16)
    assert torch.allclose(quality.sum(1), torch.ones(2), atol=1e-5)
    assert float(brain.min()) >= 0 and float(brain.max()) <= 1


def test_shift_fills_with_zeros_instead_of_wrapping():
    a = torch.arange(8.0).reshape(1, 2, 2, 2)
    out = shifted(a, (1, 0, 0))
    assert torch.equal(out[:, 0], torch.zeros(1, 2, 2)) and torch.equal(out[:, 1], a[:, 0])


def test_augmentation_moves_the_mask_with_the_volume():
    rng = np.random.default_rng(1)
    x = torch.zeros(1, 2, 16, 16, 16)
    x[0, 1] = 1
    x[0, 0, 6:8, 4:6, 10:12] = 1.0  # one bright 2x2x2 block = mask cell (z 3, y 2, x 5)
    m = torch.zeros(1, 1, 8, 8, 8)
    m[0, 0, 3, 2, 5] = 1
    for _ in range(10):
        xa, ma = augment(x, m, rng)
        bright = (xa[0, 0] > 0.5).nonzero()
        cell = tuple(int(v) for v in bright.min(0).values // 2)
        assert ma[0, 0][cell] == 1 and float(ma.sum()) == 1


def test_brain_fraction_averages_cells():
    mask = np.zeros((4, 4, 4), np.uint8)
    mask[0, 0, 0] = 1
    f = brain_fraction(mask)
    assert f.shape == (2, 2, 2) and f[0, 0, 0] == pytest.approx(1 / 8) and f.sum() == pytest.approx(1 / 8)


def test_batches_are_class_balanced():
    rng = np.random.default_rng(0)
    by_class = [np.arange(0, 90), np.arange(90, 95), np.array([], int), np.arange(95, 100)]
    picked = balanced(rng, by_class, 3000)
    share = np.mean(picked >= 90)
    assert 0.6 < share < 0.73  # two rare classes of three present: 2/3, not 10 %


def _dataset(path, n, rng):
    path.mkdir()
    np.save(path / "volume.npy", rng.uniform(0, 1, (n, 2, 16, 16, 16)).astype(np.float32))
    np.save(path / "brain.npy", (rng.uniform(0, 1, (n, 16, 16, 16)) > 0.7).astype(np.uint8))
    np.save(path / "quality.npy", (np.arange(n) % len(CLASSES)).astype(np.uint8))
    (path / "meta.json").write_text(json.dumps({"grid_spacing_mm": 4.0, "quality_classes": CLASSES}))


def test_training_runs_saves_and_resumes(tmp_path):
    _dataset(tmp_path / "d", 14, np.random.default_rng(2))
    out = train([tmp_path / "d"], 5, tmp_path / "q.pt", batch=2, validation=2, max_steps=3)
    saved = torch.load(out)
    assert saved["meta"]["steps"] == 3 and np.isfinite(saved["meta"]["final_loss_ema"])
    again = train([tmp_path / "d"], 5, tmp_path / "q2.pt", batch=2, validation=2, max_steps=2, resume=out)
    assert torch.load(again)["meta"]["steps"] == 5


def test_export_matches_pytorch(tmp_path):
    ort = pytest.importorskip("onnxruntime")
    from mrpilot_train.export_quality import export

    net = QualityNet().eval()
    export(net, tmp_path / "q.onnx")
    x = np.random.default_rng(3).uniform(0, 1, (1, 2, 24, 16, 32)).astype(np.float32)
    quality, brain = ort.InferenceSession(str(tmp_path / "q.onnx"), providers=["CPUExecutionProvider"]).run(None, {"volume": x})
    with torch.no_grad():
        tq, tb = net(torch.from_numpy(x))
    np.testing.assert_allclose(quality, tq.numpy(), atol=1e-5)
    np.testing.assert_allclose(brain, tb.numpy(), atol=1e-5)
