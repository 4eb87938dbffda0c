"""Files written by `./mrpilot phantom` and `./mrpilot dataset relaxometry`, opened by independent readers
(nibabel, numpy): the NIfTI affine must put each landmark on the tissue it names."""
import json
import subprocess
from pathlib import Path

import nibabel as nib
import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[5]
EYE, BRAIN = 10, (1, 2, 3)


def run(*args):
    subprocess.run([str(ROOT / "mrpilot"), *args], check=True, cwd=ROOT, capture_output=True)


@pytest.fixture(scope="module")
def phantom(tmp_path_factory):
    out = tmp_path_factory.mktemp("phantom")
    run("phantom", "--seed", "17", "--no-png", "-o", str(out))
    return out


def lps_to_voxel(img, lps):
    ras = np.array([-lps[0], -lps[1], lps[2], 1.0])
    return np.rint(np.linalg.inv(img.affine) @ ras)[:3].astype(int)


def test_label_affine_puts_landmarks_on_their_tissue(phantom):
    img = nib.load(phantom / "labels.nii.gz")
    labels = np.asarray(img.dataobj)
    marks = json.loads((phantom / "landmarks.json").read_text())
    # rigid placement of a 1 mm grid: orthonormal columns of length 1
    rotation = img.affine[:3, :3]
    assert np.allclose(rotation.T @ rotation, np.eye(3), atol=1e-5)
    for name in ("left_eye", "right_eye"):
        assert labels[tuple(lps_to_voxel(img, marks[name]))] == EYE, name
    for name in ("anterior_commissure", "posterior_commissure"):
        assert labels[tuple(lps_to_voxel(img, marks[name]))] in BRAIN, name
    # the left eye lies on the left of the mid-sagittal plane (its normal points to the patient's left)
    apart = np.subtract(marks["left_eye"], marks["right_eye"]) @ np.array(marks["mid_sagittal_normal"])
    assert 50 < apart < 80


def test_localizer_stacks_have_dicom_like_geometry(phantom):
    axial = nib.load(phantom / "localizer_axial.nii.gz")
    assert axial.shape == (192, 192, 5)
    assert np.allclose(axial.header.get_zooms(), (256 / 192, 256 / 192, 10), atol=1e-4)
    # axial: columns run to the patient's left (RAS -x), rows to posterior (RAS -y), slices to the head
    direction = axial.affine[:3, :3] / np.linalg.norm(axial.affine[:3, :3], axis=0)
    assert np.allclose(direction, np.diag([-1, -1, 1]), atol=1e-6)
    # the middle slice's centre is the isocentre
    centre = axial.affine @ np.array([95.5, 95.5, 2, 1])
    assert np.allclose(centre[:3], 0, atol=1e-4)


def test_parameter_maps_match_labels(phantom):
    t2 = np.asarray(nib.load(phantom / "t2_s.nii.gz").dataobj)
    labels = np.asarray(nib.load(phantom / "labels.nii.gz").dataobj)
    assert t2.dtype == np.float32
    assert np.all(t2[labels == 0] == 0)
    assert 1.0 < np.median(t2[labels == 1]) < 3.0  # CSF, seconds
    assert 0.04 < np.median(t2[labels == 3]) < 0.15  # white matter


def test_relaxometry_dataset_loads_with_numpy(tmp_path):
    run("dataset", "relaxometry", "--seed", "3", "--count", "4", "--size", "32", "-o", str(tmp_path))
    meta = json.loads((tmp_path / "meta.json").read_text())
    for key, spec in meta["arrays"].items():
        a = np.load(tmp_path / spec["file"])
        assert a.shape == (4, 32, 32) and str(a.dtype) == spec["dtype"], key
    mask = np.load(tmp_path / "mask.npy").astype(bool)
    labels = np.load(tmp_path / "labels.npy")
    assert set(np.unique(labels[mask])) <= set(meta["brain_labels"])
    b = np.load(tmp_path / "b.npy")
    assert np.all((b > 1.0) & (b <= 2.0))
