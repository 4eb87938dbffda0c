"""RIM architecture, likelihood gradient, training step and export (skipped when PyTorch is absent)."""
import math
import numpy as np
import pytest

torch = pytest.importorskip("torch")

from mrpilot_train import patches  # noqa: E402
from mrpilot_train.export_rim import SCHEDULE, export, run_onnx, run_torch  # noqa: E402
from mrpilot_train.rim import MODELS, Rim, asinh, widened  # noqa: E402
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
    closed = rim.signal.gradient(rim.signal.residual_and_jacobian(kappa, images, times))
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
        np.testing.assert_allclose(out, run_torch(rim, images, times), atol=1e-4, rtol=1e-4)


@pytest.mark.parametrize("kind", ["t1", "t2"])
def test_widened_rim_computes_the_same_and_its_new_channels_learn(kind):
    torch.manual_seed(2)
    rim = Rim(kind, hidden=4)
    wide = widened(rim, 7)
    images = torch.rand(2, 9, 12, 10)
    times = torch.linspace(0.05, 2.0, 9)
    for narrow_k, wide_k in zip(rim.estimates(images, times), wide.estimates(images, times)):
        torch.testing.assert_close(wide_k, narrow_k, atol=1e-6, rtol=1e-5)
    wide.estimates(images, times)[-1].square().sum().backward()
    assert float(wide.cell.conv_out.weight.grad[:, 4:].abs().sum()) > 0
    with pytest.raises(ValueError):
        widened(wide, 5)


def test_an_annealed_learning_rate_falls_from_the_set_rate_to_zero():
    from mrpilot_train.train_rim import annealed
    assert annealed(2e-4, 0.0) == pytest.approx(2e-4)
    assert annealed(2e-4, 0.5) == pytest.approx(1e-4)
    assert annealed(2e-4, 1.0) == pytest.approx(0.0, abs=1e-12) and annealed(2e-4, 1.3) == pytest.approx(0.0, abs=1e-12)
    rates = [annealed(1.0, f / 10) for f in range(11)]
    assert all(a > b for a, b in zip(rates, rates[1:]))


def test_training_runs_and_writes_checkpoint(tmp_path):
    out = train("t2", minutes=5, out=tmp_path / "t2.pt", hidden=4, patch=8, batch_size=2, pool=6, max_iterations=3, threads=1)
    saved = torch.load(out)
    assert saved["meta"]["iterations"] == 3 and np.isfinite(saved["meta"]["final_loss_ema"])
    assert saved["meta"]["lr_schedule"] == "constant"
    resumed = train("t2", minutes=5, out=tmp_path / "t2b.pt", patch=8, batch_size=2, pool=6, max_iterations=2,
                    threads=1, resume=out, anneal=True)
    assert torch.load(resumed)["meta"]["iterations"] == 5 and torch.load(resumed)["meta"]["lr_schedule"].startswith("cosine")
    assert torch.load(resumed)["meta"]["hidden"] == 4, "a resumed run keeps the checkpoint's width unless told to grow it"
    grown = train("t2", minutes=5, out=tmp_path / "t2c.pt", hidden=6, patch=8, batch_size=2, pool=6, max_iterations=1,
                  threads=1, resume=resumed)
    assert torch.load(grown)["meta"]["hidden"] == 6 and torch.load(grown)["state"]["cell.conv_out.weight"].shape[1] == 6


def test_snapshots_are_resumable_checkpoints_named_by_iteration(tmp_path):
    out = train("t2", minutes=5, out=tmp_path / "t2.pt", hidden=4, patch=8, batch_size=2, pool=6, max_iterations=3,
                threads=1, save_every=1e-9)
    assert sorted(p.name for p in tmp_path.glob("t2-it*.pt")) == ["t2-it1.pt", "t2-it2.pt", "t2-it3.pt"]
    assert torch.load(tmp_path / "t2-it2.pt")["meta"]["iterations"] == 2
    resumed = train("t2", minutes=5, out=tmp_path / "t2b.pt", patch=8, batch_size=2, pool=6, max_iterations=1,
                    threads=1, resume=tmp_path / "t2-it2.pt")
    assert torch.load(resumed)["meta"]["iterations"] == 3 and torch.load(out)["meta"]["iterations"] == 3


def test_batch_targets_follow_the_normalisation():
    rng = np.random.default_rng(3)
    tissue = patches.procedural_patches(rng, 4, 16)
    images, times, target, mask, snr = patches.batch(rng, "t1", tissue, 3)
    assert images.shape[0] == 3 and images.shape[1] == len(times) and target.shape == (3, 3, 16, 16)
    assert np.all(np.diff(times) > 0)
    assert np.all(target[:, 2][mask] > 0)
    assert np.all((snr >= 3.9) & (snr <= 154))


def test_realisation_groups_share_patch_and_noise_level_but_not_noise():
    rng = np.random.default_rng(4)
    tissue = patches.procedural_patches(rng, 6, 16)
    images, _, target, mask, snr = patches.batch(rng, "t1", tissue, 8, realisations=4)
    for g in (0, 4):
        np.testing.assert_array_equal(target[g + 1:g + 4, 1:], np.repeat(target[g:g + 1, 1:], 3, axis=0))
        np.testing.assert_array_equal(mask[g + 1:g + 4], np.repeat(mask[g:g + 1], 3, axis=0))
        assert np.all(snr[g:g + 4] == snr[g])
        assert not np.allclose(images[g], images[g + 1])
    with pytest.raises(ValueError, match="multiple"):
        patches.batch(rng, "t1", tissue, 6, realisations=4)


class _FixedEstimate:
    """A stand-in net whose every step returns the same estimate, so step_loss sees chosen errors."""

    def __init__(self, estimate):
        self.estimate = estimate

    def estimates(self, images, times):
        return [self.estimate]


def test_bias_term_adds_the_squared_mean_error_of_each_group():
    """Errors +e and -e within a group cancel in the bias term; the same errors in every member add e^2 to it."""
    from mrpilot_train.train_rim import step_loss

    target = torch.ones(4, 2, 3, 3)
    mask = torch.ones(4, 3, 3, dtype=torch.bool)
    snr = torch.full((4,), 10.0)
    args = (None, None, target, mask, snr)
    logt = torch.log(target[:, 1:])
    opposite = torch.cat([target[:, :1] + torch.tensor([0.1, -0.1, 0.1, -0.1]).view(4, 1, 1, 1), logt], 1)
    same = torch.cat([target[:, :1] + 0.1, logt], 1)
    plain = step_loss(_FixedEstimate(same), *args)
    assert float(step_loss(_FixedEstimate(opposite), *args, realisations=2, bias_weight=3.0)) == pytest.approx(float(plain), rel=1e-6)
    assert float(step_loss(_FixedEstimate(same), *args, realisations=2, bias_weight=3.0)) == pytest.approx(4 * float(plain), rel=1e-6)


def test_low_snr_bias_term_charges_a_shared_error_and_credits_opposite_ones_below_snr_10_only():
    """The same error in both realisations of a group adds weight x e^2 at SNR 3 (fading to nothing at SNR 10);
    errors +e and -e, pure variance, take weight x e^2 off instead of adding e^2 / 2 as a squared mean would."""
    from mrpilot_train.train_rim import step_loss

    target = torch.ones(2, 2, 3, 3)
    mask = torch.ones(2, 3, 3, dtype=torch.bool)
    logt = torch.log(target[:, 1:])
    same = _FixedEstimate(torch.cat([target[:, :1] + 0.1, logt], 1))
    opposite = _FixedEstimate(torch.cat([target[:, :1] + torch.tensor([0.1, -0.1]).view(2, 1, 1, 1), logt], 1))
    for snr, share in ((2.0, 1.0), (3.0, 1.0), ((3.0 * 10.0) ** 0.5, 0.5), (10.0, 0.0), (60.0, 0.0)):
        args = (None, None, target, mask, torch.full((2,), snr))
        for net, sign in ((same, 1.0), (opposite, -1.0)):
            plain = float(step_loss(net, *args))
            weighted = float(step_loss(net, *args, realisations=2, low_snr_bias_weight=3.0))
            assert weighted == pytest.approx(plain * (1 + sign * 3.0 * share), rel=1e-5, abs=1e-7)


def test_relative_bias_space_charges_the_jensen_bias_that_opposite_log_errors_put_into_t():
    """log T errors +e and -e in a group's two realisations: no bias in log T, so the log-space bias term adds nothing;
    but T reads (e^e + e^-e) / 2 = cosh e on average, and the relative-space term charges (cosh e - 1)^2."""
    from mrpilot_train.train_rim import step_loss

    e = 0.3
    target = torch.ones(2, 2, 3, 3)
    mask = torch.ones(2, 3, 3, dtype=torch.bool)
    args = (None, None, target, mask, torch.full((2,), 10.0))
    net = _FixedEstimate(torch.cat([target[:, :1], torch.tensor([e, -e]).view(2, 1, 1, 1).expand(2, 1, 3, 3)], 1))
    plain = float(step_loss(net, *args))  # (2/3) e^2: the T channel's weight 2 over 3 channel weights
    assert plain == pytest.approx(2 / 3 * e ** 2, rel=1e-5)
    log_space = float(step_loss(net, *args, realisations=2, bias_weight=3.0))
    relative = float(step_loss(net, *args, realisations=2, bias_weight=3.0, bias_space="relative"))
    assert log_space == pytest.approx(plain, rel=1e-6)
    assert relative - plain == pytest.approx(3.0 * 2 / 3 * (math.cosh(e) - 1) ** 2, rel=1e-4)


def test_relative_bias_space_stays_finite_for_a_diverged_estimate_and_outside_the_mask_where_t_is_zero():
    """exp(100) overflows float32: unclamped, the masked-out pixel's inf times its zero weight would make the loss NaN."""
    from mrpilot_train.train_rim import step_loss

    target = torch.ones(2, 2, 3, 3)
    target[:, :, 0, 0] = 0.0
    mask = target[:, 0] > 0
    estimate = torch.cat([target[:, :1], torch.full((2, 1, 3, 3), 100.0)], 1).requires_grad_(True)
    loss = step_loss(_FixedEstimate(estimate), None, None, target, mask, torch.full((2,), 3.0), realisations=2,
                     bias_weight=8.0, low_snr_bias_weight=32.0, variance_weight=2.0, bias_space="relative")
    loss.backward()
    assert math.isfinite(float(loss.detach())) and bool(torch.isfinite(estimate.grad).all())


def test_pairwise_square_estimates_the_squared_mean_without_the_variance():
    from mrpilot_train.train_rim import pairwise_square

    draws = 0.1 + torch.randn(40000, 4, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    assert float(pairwise_square(draws).mean()) == pytest.approx(0.01, abs=0.006)
    assert float((draws.mean(1) ** 2).mean()) == pytest.approx(0.01 + 1 / 4, abs=0.01)


def test_sample_variance_is_the_variance_without_the_squared_mean():
    from mrpilot_train.train_rim import sample_variance

    draws = 0.3 + 0.2 * torch.randn(40000, 4, generator=torch.Generator().manual_seed(4), dtype=torch.float64)
    assert float(sample_variance(draws).mean()) == pytest.approx(0.04, rel=0.02)
    assert sample_variance(torch.full((3, 4), 0.7)).abs().max() < 1e-12


def test_variance_term_charges_opposite_errors_inside_its_snr_band_only():
    """Errors +e and -e in a group's two realisations (pure variance) add weight x their sample variance, 2 e^2 per
    realisation, from SNR 6 to 16 and nothing elsewhere; the same error in both (pure bias) adds nothing anywhere."""
    from mrpilot_train.train_rim import step_loss

    target = torch.ones(2, 2, 3, 3)
    mask = torch.ones(2, 3, 3, dtype=torch.bool)
    logt = torch.log(target[:, 1:])
    same = _FixedEstimate(torch.cat([target[:, :1] + 0.1, logt], 1))
    opposite = _FixedEstimate(torch.cat([target[:, :1] + torch.tensor([0.1, -0.1]).view(2, 1, 1, 1), logt], 1))
    for snr, inside in ((3.0, 0.0), (6.0, 1.0), (10.0, 1.0), (16.0, 1.0), (30.0, 0.0)):
        args = (None, None, target, mask, torch.full((2,), snr))
        for net, variance in ((same, 0.0), (opposite, 1.0)):
            plain = float(step_loss(net, *args))
            weighted = float(step_loss(net, *args, realisations=2, variance_weight=2.0))
            assert weighted == pytest.approx(plain * (1 + 2.0 * 2 * variance * inside), rel=1e-5, abs=1e-7)


def test_low_snr_share_fades_linearly_in_log_snr():
    from mrpilot_train.train_rim import low_snr_share

    share = low_snr_share(torch.tensor([1.0, 3.0, (3.0 * 10.0) ** 0.5, 10.0, 100.0]))
    assert share.tolist() == pytest.approx([1.0, 1.0, 0.5, 0.0, 0.0], abs=1e-6)
    moved = low_snr_share(torch.tensor([10.0, (10.0 * 40.0) ** 0.5, 40.0]), 10.0, 40.0)
    assert moved.tolist() == pytest.approx([1.0, 0.5, 0.0], abs=1e-6)


@pytest.mark.parametrize("kind", ["t1", "t2"])
def test_relaxation_times_do_not_depend_on_the_input_scale(kind):
    """A whole slice is scaled by its brightest tissue, a patch by its own: T must not care (exact, per-pixel)."""
    torch.manual_seed(2)
    rim = Rim(kind, hidden=6).eval()
    images = torch.from_numpy(np.random.default_rng(5).uniform(0.05, 1, (1, 9, 6, 6)).astype(np.float32))
    times = torch.linspace(0.1, 0.9, 9)
    with torch.no_grad():
        one, two = rim(images, times), rim(2.5 * images, times)
    np.testing.assert_allclose(two[:, 1:].numpy(), one[:, 1:].numpy(), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(two[:, 0].numpy(), 2.5 * one[:, 0].numpy(), rtol=1e-5, atol=1e-6)


def test_pooled_step_of_a_uniform_patch_is_the_gauss_newton_step_for_b():
    """Where every pixel agrees, the Schur-complement step equals B's part of the full per-pixel Gauss-Newton step."""
    from mrpilot_train import relaxometry as rx
    rim = Rim("t1", hidden=4)
    times = torch.tensor(rx.TI_31, dtype=torch.float64)
    truth_a, truth_b, truth_t1 = 0.9, 1.7, 0.8
    series = torch.tensor(rx.t1_signal(truth_a, truth_b, truth_t1, rx.TI_31), dtype=torch.float64)
    images = (series / series.max()).view(1, -1, 1, 1).expand(1, len(times), 20, 20).contiguous()
    kappa = torch.tensor([0.92, 1.8, np.log(0.85)], dtype=torch.float64).view(1, 3, 1, 1).expand(1, 3, 20, 20).contiguous()
    step = rim.signal.shared_steps(rim.signal.residual_and_jacobian(kappa, images, times),
                                   torch.ones(1, 1, 20, 20, dtype=torch.float64))[0, 0, 10, 10]
    # the same step from the full 3x3 normal equations of one pixel, by autograd
    k = kappa[0, :, 0, 0].clone().requires_grad_(True)
    f = torch.abs(k[0] * (1 - k[1] * torch.exp(-times / torch.exp(k[2]))))
    jac = torch.stack([torch.autograd.grad(f[n], k, retain_graph=True)[0] for n in range(len(times))])
    r = (f - images[0, :, 0, 0]).detach()
    full = -torch.linalg.solve(jac.T @ jac, jac.T @ r)
    assert abs(float(step) - float(full[1])) < 0.01 * abs(float(full[1]))


def _fit_a_and_t1_with_b_held(kappa, images, times, iterations=8):
    """Per-pixel Gauss-Newton on (A, log T1), B fixed (float64)."""
    for _ in range(iterations):
        a, b, log_t1 = kappa[:, 0:1], kappa[:, 1:2], kappa[:, 2:3]
        ratio = times.view(1, -1, 1, 1) * torch.exp(-log_t1)
        decay = torch.exp(-ratio)
        u = a * (1 - b * decay)
        j_a, j_t = torch.sign(u) * (1 - b * decay), torch.sign(u) * (-a * b * decay * ratio)
        r = torch.abs(u) - images
        h_aa, h_tt, h_at = (j_a * j_a).sum(1), (j_t * j_t).sum(1), (j_a * j_t).sum(1)
        g_a, g_t = (j_a * r).sum(1), (j_t * r).sum(1)
        det = h_aa * h_tt - h_at * h_at
        kappa[:, 0] -= (h_tt * g_a - h_at * g_t) / det
        kappa[:, 2] -= (h_aa * g_t - h_at * g_a) / det
    return kappa


def test_iterating_the_pooled_step_recovers_b_on_noise_free_data():
    """B from the pooled step, A and T1 from per-pixel Gauss-Newton with B held: converges to the truth."""
    from mrpilot_train import relaxometry as rx
    rim = Rim("t1", hidden=4)
    times = torch.tensor(rx.TI_31, dtype=torch.float64)
    rng = np.random.default_rng(4)
    a_map, t1_map = rng.uniform(0.5, 1.0, (12, 12)), rng.uniform(0.6, 1.6, (12, 12))  # a mix of tissues
    images = torch.tensor(rx.t1_signal(a_map[None], 1.75, t1_map[None], rx.TI_31[:, None, None]))[None]
    kappa = torch.stack([torch.tensor(a_map), torch.full((12, 12), 1.95, dtype=torch.float64),
                         torch.tensor(np.log(t1_map))])[None]
    share = torch.ones(1, 1, 12, 12, dtype=torch.float64)
    for _ in range(10):
        kappa = _fit_a_and_t1_with_b_held(kappa, images, times)
        kappa[:, 1:2] += rim.signal.shared_steps(rim.signal.residual_and_jacobian(kappa, images, times), share)
    kappa = _fit_a_and_t1_with_b_held(kappa, images, times)
    assert float((kappa[0, 1] - 1.75).abs().max()) < 1e-3
    np.testing.assert_allclose(torch.exp(kappa[0, 2]).numpy(), t1_map, rtol=1e-3)


def test_windowed_bias_term_charges_a_local_offset_but_not_voxel_texture():
    """Averaged over a window, a checkerboard of +e/-e mean errors (shrunken texture) nearly vanishes from the bias
    term, while a uniform error e (a pulled local mean) costs as much as without the window."""
    from mrpilot_train.train_rim import step_loss

    size = 12
    target = torch.ones(2, 2, size, size)
    mask = torch.ones(2, size, size, dtype=torch.bool)
    snr = torch.full((2,), 10.0)
    args = (None, None, target, mask, snr)
    logt = torch.log(target[:, 1:])
    checker = (torch.arange(size).view(-1, 1) + torch.arange(size).view(1, -1)) % 2 * 0.2 - 0.1
    textured = torch.cat([target[:, :1] + checker, logt], 1)
    offset = torch.cat([target[:, :1] + 0.1, logt], 1)
    plain_textured, plain_offset = float(step_loss(_FixedEstimate(textured), *args)), float(step_loss(_FixedEstimate(offset), *args))
    windowed = dict(realisations=2, bias_weight=3.0, bias_window=5)
    assert float(step_loss(_FixedEstimate(offset), *args, **windowed)) == pytest.approx(4 * plain_offset, rel=1e-5)
    assert float(step_loss(_FixedEstimate(textured), *args, **windowed)) < 1.1 * plain_textured
    assert float(step_loss(_FixedEstimate(textured), *args, realisations=2, bias_weight=3.0)) == pytest.approx(4 * plain_textured, rel=1e-5)


def test_similarity_weights_keep_to_the_pixels_tissue_at_the_noise_level_of_the_image():
    """Two tissues side by side: at SNR 10 the neighbours across the boundary get almost no weight and those of the same
    tissue most; the noise level is the image's own, so scaling the image changes nothing."""
    from mrpilot_train import relaxometry as rx
    from mrpilot_train.rim import SIMILAR_OFFSETS, similarity_weights
    a, t1 = np.full((24, 24), 0.7), np.full((24, 24), 0.8)
    a[:, 12:], t1[:, 12:] = 0.8, 1.3
    clean = rx.t1_signal(a[None], 1.9, t1[None], rx.TI_31[:, None, None])
    noisy = clean + np.random.default_rng(0).standard_normal(clean.shape) / 10
    times = torch.tensor(rx.TI_31, dtype=torch.float32)
    weights = similarity_weights(torch.tensor(noisy[None], dtype=torch.float32), times)
    same = [k for k, (dy, dx) in enumerate(SIMILAR_OFFSETS) if 10 + dx < 12]
    across = [k for k, (dy, dx) in enumerate(SIMILAR_OFFSETS) if 10 + dx >= 12]
    assert float(weights[0, across, 5:19, 10].mean()) < 0.01
    assert float(weights[0, same, 5:19, 10].mean()) > 0.6
    scaled = similarity_weights(torch.tensor(7.0 * noisy[None], dtype=torch.float32), times)
    np.testing.assert_allclose(scaled.numpy(), weights.numpy(), atol=1e-5)
    assert float(weights[0, :, 0, 0].max()) <= 1 and float(weights[0, [SIMILAR_OFFSETS.index((-1, 0))], 0, 0]) == 0


def test_pooled_values_are_the_weighted_mean_of_the_pixel_and_its_neighbours():
    from mrpilot_train.rim import SIMILAR_OFFSETS, pooled
    values = torch.arange(49, dtype=torch.float64).view(1, 1, 7, 7)
    weights = torch.zeros(1, len(SIMILAR_OFFSETS), 7, 7, dtype=torch.float64)
    weights[:, SIMILAR_OFFSETS.index((0, 1))] = 1.0  # only the right-hand neighbour, inside the image
    weights[:, SIMILAR_OFFSETS.index((0, 1)), :, -1] = 0.0
    result = pooled(values, weights)[0, 0]
    np.testing.assert_allclose(result[:, :-1].numpy(), (values[0, 0, :, :-1] + values[0, 0, :, 1:]).numpy() / 2)
    np.testing.assert_allclose(result[:, -1].numpy(), values[0, 0, :, -1].numpy())


@pytest.mark.parametrize("kind", ["t1", "t2"])
@pytest.mark.parametrize("architecture", Rim.ARCHITECTURES[1:],
                         ids=["before-newton-steps", "before-pooled-series-gradient", "before-alike-inputs"])
def test_an_older_net_resumes_with_the_newer_inputs_and_computes_the_same(kind, architecture):
    """Resuming a net trained before the alike-neighbour inputs, the pooled-series gradient or the Gauss-Newton steps:
    the new inputs start with zero weights, so nothing changes, and the saved weights still tell which architecture
    they are."""
    from mrpilot_train.train_rim import with_new_inputs_zeroed
    torch.manual_seed(3)
    alike, alike_gradient, newton = architecture
    old = Rim(kind, hidden=4, alike=alike, alike_gradient=alike_gradient, newton=newton).eval()
    grown = Rim(kind, hidden=4).eval()
    grown.load_state_dict(with_new_inputs_zeroed(old.state_dict(), grown.state_dict()))
    restored = Rim.for_state(kind, 4, 6, old.state_dict())
    assert (restored.alike, restored.alike_gradient, restored.newton) == architecture
    assert Rim.for_state(kind, 4, 6, grown.state_dict()).newton
    images = torch.from_numpy(np.random.default_rng(6).uniform(0.05, 1, (1, 9, 12, 12)).astype(np.float32))
    times = torch.linspace(0.1, 0.9, 9)
    with torch.no_grad():
        np.testing.assert_allclose(grown(images, times).numpy(), old(images, times).numpy(), rtol=1e-5, atol=1e-6)


def test_a_state_of_unknown_width_is_refused():
    with pytest.raises(ValueError, match="no known RIM architecture"):
        Rim.for_state("t1", 4, 6, {"cell.conv_in.weight": torch.zeros(4, 99, 3, 3)})


@pytest.mark.parametrize("kind", ["t1", "t2"])
def test_a_committed_model_imported_as_a_checkpoint_reproduces_its_reference_and_resumes(kind, tmp_path):
    """The committed ONNX weights are enough to continue training: the rebuilt checkpoint computes the agent's reference
    output and train_rim resumes from it, counting on from the card's iterations."""
    import json
    from pathlib import Path
    from mrpilot_train.export_rim import load
    from mrpilot_train.import_rim import checkpoint_from_onnx
    models = Path(__file__).resolve().parent.parent / "models"
    checkpoint = checkpoint_from_onnx(models / f"rim-{kind}.onnx", tmp_path / f"{kind}.pt")
    model, meta = load(checkpoint)
    reference = json.loads((models / f"rim-{kind}.reference.json").read_text())

    def array(t):
        return np.asarray(t["data"], dtype=np.float32).reshape(t["shape"])
    out = run_torch(model, array(reference["inputs"]["images"]), array(reference["inputs"]["times"]))
    np.testing.assert_allclose(out, array(reference["outputs"]["kappa"]), rtol=1e-4, atol=1e-5)
    card = json.loads((models / f"rim-{kind}.card.json").read_text())
    resumed = train(kind, minutes=5, out=tmp_path / "resumed.pt", patch=8, batch_size=2, pool=6, max_iterations=1,
                    threads=1, resume=checkpoint)
    assert torch.load(resumed)["meta"]["iterations"] == card["training"]["iterations"] + 1


def test_the_pooled_series_gradient_is_far_less_noisy_than_the_pixels_own_at_low_snr():
    """One tissue at SNR 3: the alike neighbours' mean series carries many pixels' information, so its likelihood
    gradient (at the true parameters) scatters several times less over the patch than each pixel's own."""
    from mrpilot_train import relaxometry as rx
    from mrpilot_train.rim import InversionRecovery, pooled, similarity_weights
    clean = rx.t1_signal(np.full((1, 32, 32), 0.7), 1.85, np.full((1, 32, 32), 0.8), rx.TI_31[:, None, None])
    noisy = torch.tensor((clean + np.random.default_rng(1).standard_normal(clean.shape) / 3)[None], dtype=torch.float32)
    times = torch.tensor(rx.TI_31, dtype=torch.float32)
    truth = torch.tensor([0.7, 1.85, np.log(0.8)], dtype=torch.float32).view(1, 3, 1, 1).expand(1, 3, 32, 32)
    signal = InversionRecovery()
    own = signal.gradient(signal.residual_and_jacobian(truth, noisy, times))[0, :, 4:-4, 4:-4]
    alike_images = pooled(noisy, similarity_weights(noisy, times))
    alike = signal.gradient(signal.residual_and_jacobian(truth, alike_images, times))[0, :, 4:-4, 4:-4]
    assert torch.all(alike.std(dim=(1, 2)) < own.std(dim=(1, 2)) / 3)


def test_validation_metrics_are_the_benchmarks_per_pixel_bias_and_cv():
    from mrpilot_train.validate_rim import pixel_metrics
    truth = np.array([1.0, 2.0])
    estimates = np.array([[1.1, 2.0], [1.3, 2.0]])  # pixel 0: mean 1.2 (bias +20 %), sd 0.1414 (CV 0.1179); pixel 1 exact
    m = pixel_metrics(estimates, truth)
    np.testing.assert_allclose(m["bias"], [0.2, 0.0], atol=1e-12)
    np.testing.assert_allclose(m["cv"], [np.sqrt(0.02) / 1.2, 0.0], atol=1e-12)


def test_validation_of_a_net_runs_every_snr_over_the_brain_pixels():
    from mrpilot_train.validate_rim import validate
    slices = patches.procedural_patches(np.random.default_rng(3), 2, 12)
    brain = slices.mask & (slices.pd > 0)
    tissues = {"long": slices.t2 > np.median(slices.t2[brain]), "none": np.zeros_like(brain)}
    result = validate(Rim("t2", hidden=4).eval(), slices, brain, snrs=(5, 50), realisations=3, tissues=tissues)
    assert set(result) == {5, 50}
    for r in result.values():
        assert set(r) == {"T", "A", "T by tissue"} and set(r["T by tissue"]) == {"long"}
        assert all(np.isfinite(v) for m in r.values() for v in m.values())
    # with ten times less noise the same untrained net's estimates scatter less
    assert result[50]["T"]["cv_median"] < result[5]["T"]["cv_median"]


@pytest.mark.parametrize("kind", ["t1", "t2"])
def test_the_newton_step_reaches_the_fit_of_a_noiseless_series_where_the_gradient_is_small(kind):
    """CSF-like T (3.5 s for T1, 2 s for T2) estimated 20 % short: the gradient in log T is small, because the schedule
    hardly resolves T there, but one Gauss-Newton step removes more than nine tenths of the error."""
    signal = MODELS[kind]()
    times = torch.tensor(SCHEDULE[kind], dtype=torch.float64)
    truth_t = 3.5 if kind == "t1" else 2.0
    b = [torch.full((1, 1, 2, 2), 1.9, dtype=torch.float64)] if kind == "t1" else []
    a = torch.full((1, 1, 2, 2), 1.0, dtype=torch.float64)
    truth = torch.cat([a] + b + [torch.full_like(a, math.log(truth_t))], dim=1)
    u = times.view(1, -1, 1, 1) / truth_t
    images = (a * (1 - 1.9 * torch.exp(-u))).abs() if kind == "t1" else a * torch.exp(-u)
    start = truth.clone()
    start[:, -1] += math.log(0.8)
    fit = signal.residual_and_jacobian(start, images, times)
    step = signal.newton_steps(fit)
    assert torch.all((start[:, -1] + step[:, 1] - truth[:, -1]).abs() < 0.1 * abs(math.log(0.8)))
    np.testing.assert_allclose((start[:, 0] + step[:, 0]).numpy(), 1.0, rtol=0.02)
    assert signal.gradient(fit)[:, -1].abs().max() < 0.05


def test_card_records_the_loss_settings_of_the_last_run():
    from mrpilot_train.export_rim import card_for
    meta = {"kind": "t1", "hidden": 4, "steps": 6, "iterations": 10, "batch": 2, "patch": 16, "pool": 8, "lr": 1e-4,
            "seed": 1001, "data": "procedural", "minutes": 1.0, "final_loss_ema": 0.1, "parameters": 99,
            "noise_realisations": 4, "bias_weight": 4.0, "bias_window": 1, "low_snr_bias_weight": 48.0,
            "low_snr_bias_snr": [3.0, 10.0], "variance_weight": 2.0, "variance_snr": [6.0, 16.0], "bias_space": "relative"}
    card = card_for("t1", meta, {}, 0.0, "held-out", "0.0.1", Rim("t1", hidden=4))
    assert card["training"]["last_run_loss"] == {"noise_realisations": 4, "bias_weight": 4.0, "bias_window": 1,
                                                 "low_snr_bias_weight": 48.0, "low_snr_bias_snr": [3.0, 10.0],
                                                 "variance_weight": 2.0, "variance_snr": [6.0, 16.0],
                                                 "bias_space": "relative"}
    del meta["bias_weight"]
    assert "last_run_loss" not in card_for("t1", meta, {}, 0.0, "held-out", "0.0.1", Rim("t1", hidden=4))["training"]
