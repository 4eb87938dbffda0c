"""RIM architecture, likelihood gradient, training step and export (skipped when PyTorch is absent)."""
import numpy as np
import pytest

torch = pytest.importorskip("torch")

from mrpilot_train import patches  # noqa: E402
from mrpilot_train.export_rim import export, run_onnx, run_torch  # noqa: E402
from mrpilot_train.rim import Rim, asinh  # noqa: E402
from mrpilot_train.train_rim import train  # noqa: E402


def _nll(signal, kappa, images, times):
    """0.5 * mean_n (f_n(kappa) - S_n)^2 summed over pixels, by autograd, to check the closed form."""
    model = signal
    k = kappa.clone().requires_grad_(True)
    p = model.physical(k)
    tt = times.view(1, -1, 1, 1)
    if p.shape[1] == 3:
        f = torch.abs(p[:, 0:1] * (1 - p[:, 1:2] * torch.exp(-tt / p[:, 2:3])))
    else:
        f = p[:, 0:1] * torch.exp(-tt / p[:, 1:2])
    (0.5 * ((f - images) ** 2).mean(dim=1).sum()).backward()
    return k.grad


@pytest.mark.parametrize("kind", ["t1", "t2"])
def test_closed_form_gradient_matches_autograd(kind):
    torch.manual_seed(0)
    rim = Rim(kind, hidden=4)
    n = 9 if kind == "t1" else 6
    times = torch.linspace(0.05, 0.9, n, dtype=torch.float64)
    images = torch.rand(2, n, 5, 4, dtype=torch.float64)
    kappa = rim.signal.initial(images) + 0.1 * torch.rand(2, rim.signal.q, 5, 4, dtype=torch.float64)
    closed = rim.signal.gradient(kappa, images, times)
    np.testing.assert_allclose(closed.numpy(), _nll(rim.signal, kappa, images, times).numpy(), rtol=1e-9, atol=1e-12)


def test_exportable_asinh_equals_torch_asinh():
    x = torch.linspace(-1e4, 1e4, 20001)
    assert float((asinh(x) - torch.asinh(x)).abs().max()) < 1e-5


@pytest.mark.parametrize("kind", ["t1", "t2"])
def test_export_takes_any_n_h_w_and_matches_pytorch(kind, tmp_path):
    torch.manual_seed(1)
    rim = Rim(kind, hidden=6).eval()
    path = export(rim, tmp_path / f"{kind}.onnx")
    for n, h, w in [(7, 9, 11), (31, 16, 16), (4, 5, 3)]:
        images = np.random.default_rng(n).uniform(0, 1, (1, n, h, w)).astype(np.float32)
        times = np.linspace(0.1, 0.9, n).astype(np.float32)
        out = run_onnx(path, images, times)
        assert out.shape == (1, rim.signal.q, h, w)
        np.testing.assert_allclose(out, run_torch(rim, images, times), atol=2e-5, rtol=1e-4)


def test_training_runs_and_writes_checkpoint(tmp_path):
    out = train("t2", minutes=5, out=tmp_path / "t2.pt", hidden=4, patch=8, batch_size=2, pool=6, max_iterations=3, threads=1)
    saved = torch.load(out)
    assert saved["meta"]["iterations"] == 3 and np.isfinite(saved["meta"]["final_loss_ema"])
    resumed = train("t2", minutes=5, out=tmp_path / "t2b.pt", hidden=4, patch=8, batch_size=2, pool=6, max_iterations=2,
                    threads=1, resume=out)
    assert torch.load(resumed)["meta"]["iterations"] == 5


def test_batch_targets_follow_the_normalisation():
    rng = np.random.default_rng(3)
    tissue = patches.procedural_patches(rng, 4, 16)
    images, times, target, mask, snr = patches.batch(rng, "t1", tissue, 3)
    assert images.shape[0] == 3 and images.shape[1] == len(times) and target.shape == (3, 3, 16, 16)
    assert np.all(np.diff(times) > 0)
    assert np.all(target[:, 2][mask] > 0)
    assert np.all((snr >= 3.9) & (snr <= 154))


@pytest.mark.parametrize("kind", ["t1", "t2"])
def test_relaxation_times_do_not_depend_on_the_input_scale(kind):
    """A whole slice is scaled by its brightest tissue, a patch by its own: T must not care (exact, per-pixel)."""
    torch.manual_seed(2)
    rim = Rim(kind, hidden=6).eval()
    images = torch.from_numpy(np.random.default_rng(5).uniform(0.05, 1, (1, 9, 6, 6)).astype(np.float32))
    times = torch.linspace(0.1, 0.9, 9)
    with torch.no_grad():
        one, two = rim(images, times), rim(2.5 * images, times)
    np.testing.assert_allclose(two[:, 1:].numpy(), one[:, 1:].numpy(), rtol=1e-5)
    np.testing.assert_allclose(two[:, 0].numpy(), 2.5 * one[:, 0].numpy(), rtol=1e-5, atol=1e-6)
