"""Soft-argmax geometry of the planning landmark net and its augmentation's target bookkeeping (skipped without PyTorch)."""
import math
import numpy as np
import pytest

torch = pytest.importorskip("torch")

from mrpilot_train.landmarks import STRIDE, LandmarkNet, decode, widened  # noqa: E402
from mrpilot_train.train_landmarks import augment, pitch_error_deg  # noqa: E402


def test_a_sharp_heatmap_decodes_to_its_cell_centre_in_input_voxels():
    logits = torch.full((1, 1, 8, 8, 8), -50.0)
    logits[0, 0, 2, 5, 7] = 50.0  # z, y, x
    pos, spread = decode(logits)
    centre = lambda j: STRIDE * j + (STRIDE - 1) / 2
    assert torch.allclose(pos[0, 0], torch.tensor([centre(7), centre(5), centre(2)]), atol=1e-4)
    assert spread[0, 0] < 0.01


def test_the_net_is_fully_convolutional():
    net = LandmarkNet(5).eval()
    with torch.no_grad():
        pos, spread = net(torch.rand(1, 2, 16, 24, 32))
    assert pos.shape == (1, 5, 3) and spread.shape == (1, 5)
    assert (pos[0, :, 0] < 32).all() and (pos[0, :, 2] < 16).all()


def test_mirror_and_shift_move_targets_with_the_image():
    rng = np.random.default_rng(0)
    x = torch.zeros(1, 2, 16, 16, 16)
    x[0, 1] = 1
    x[0, 0, 4, 5, 3] = 1.0  # a bright voxel at (x=3, y=5, z=4), the target
    t = torch.tensor([[[3.0, 5.0, 4.0]]])
    for _ in range(10):
        xa, ta = augment(x, t, rng)
        z, y, xx = np.unravel_index(int(torch.argmax(xa[0, 0])), (16, 16, 16))
        assert np.allclose(ta[0, 0].numpy(), [xx, y, z])


def test_the_close_up_net_puts_its_heatmaps_at_half_resolution():
    net = LandmarkNet(2, stride=2).eval()
    with torch.no_grad():
        assert net.logits(torch.rand(1, 2, 16, 16, 16)).shape == (1, 2, 8, 8, 8)
        pos, spread = net(torch.rand(1, 2, 16, 16, 16))
    assert pos.shape == (1, 2, 3) and spread.shape == (1, 2)
    logits = torch.full((1, 1, 8, 8, 8), -50.0)
    logits[0, 0, 1, 2, 3] = 50.0
    assert torch.allclose(decode(logits, 2)[0][0, 0], torch.tensor([6.5, 4.5, 2.5]), atol=1e-4)


def test_commissure_close_ups_of_clean_localizers_load_one_sample_each(tmp_path):
    import json
    from mrpilot_train.train_landmarks import load
    crops = np.arange(2 * 3 * 2 * 4 * 4 * 4, dtype=np.float32).reshape(2, 3, 2, 4, 4, 4)
    targets = np.arange(2 * 3 * 2 * 3, dtype=np.float32).reshape(2, 3, 2, 3)
    np.save(tmp_path / "commissures.npy", crops)
    np.save(tmp_path / "commissure_targets.npy", targets)
    np.save(tmp_path / "quality.npy", np.array([1, 0], np.uint8))  # the first localizer is artefacted: not for landmarks
    (tmp_path / "meta.json").write_text(json.dumps({"commissure_grid_spacing_mm": 2.0,
                                                    "items": [{"anatomy": "procedural"}, {"anatomy": "icbm152"}]}))
    volumes, t, anatomy = load([tmp_path], "commissures")
    assert volumes.shape == (3, 2, 4, 4, 4) and t.shape == (3, 2, 3)
    assert np.array_equal(volumes[2], crops[1, 2]) and np.array_equal(t[0], targets[1, 0])
    assert anatomy == ["icbm152"] * 3


def test_the_angle_error_is_the_ac_pc_tilt_within_the_mid_sagittal_plane():
    truth = torch.tensor([[[5.0, 10.0, 12.0], [5.0, 23.0, 12.0]]])  # AC then PC, 13 voxels posterior (y)
    tilt = math.radians(10)
    tilted = truth.clone()
    tilted[0, 1, 1:] = truth[0, 0, 1:] + 13 * torch.tensor([math.cos(tilt), math.sin(tilt)])
    assert pitch_error_deg(tilted, truth).item() == pytest.approx(10, abs=1e-4)
    shifted = truth + torch.tensor([3.0, -2.0, 4.0])  # a common shift, even off the plane, leaves the line's direction
    assert pitch_error_deg(shifted, truth).item() == pytest.approx(0, abs=1e-4)


def test_a_widened_net_computes_what_the_narrow_one_did():
    torch.manual_seed(0)
    narrow = LandmarkNet(2, width=4, stride=2)
    narrow.train()
    narrow(torch.rand(2, 2, 16, 16, 16))  # non-trivial batch-norm running statistics
    x = torch.rand(2, 2, 16, 16, 16)
    wide = widened(narrow, 6)
    assert wide.width == 6 and sum(p.numel() for p in wide.parameters()) > sum(p.numel() for p in narrow.parameters())
    for mode in (False, True):
        narrow.train(mode)
        wide.train(mode)
        with torch.no_grad():
            assert torch.allclose(wide.logits(x), narrow.logits(x), atol=1e-5)
