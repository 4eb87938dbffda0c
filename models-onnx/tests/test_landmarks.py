"""Soft-argmax geometry of the planning landmark net and its augmentation's target bookkeeping (skipped without PyTorch)."""
import numpy as np
import pytest

torch = pytest.importorskip("torch")

from mrpilot_train.landmarks import STRIDE, LandmarkNet, decode  # noqa: E402
from mrpilot_train.train_landmarks import augment  # noqa: E402


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
