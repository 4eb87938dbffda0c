"""Our .seq files checked by the peer (pypulseq), and pypulseq's files round-tripped through our reader and writer.

The Java build (cli/target) must exist: `./mrpilot test` builds before running pytest.
"""
import hashlib
import json
import math
import re
import subprocess
from pathlib import Path

import numpy as np
import pypulseq as pp
import pytest

ROOT = Path(__file__).resolve().parents[5]
PROTOCOLS = ["localizer", "gre", "t1-ir-23", "t1-ir-31", "t1-ir-25", "t2-mese"]
SIEMENS = pp.Opts(max_grad=28, grad_unit="mT/m", max_slew=150, slew_unit="T/m/s",
                  rf_dead_time=100e-6, rf_ringdown_time=30e-6, adc_dead_time=10e-6)


def mrpilot(*args):
    """Runs the Java command line directly (the launcher would rebuild); fails with its stderr."""
    cp = f"{ROOT}/cli/target/classes:{ROOT}/cli/target/lib/*"
    run = subprocess.run(["java", "-cp", cp, "org.mrpilot.cli.Main", *map(str, args)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


def small_plan(path, **changes):
    """A small slice group so the peer's analysis stays fast: 2 slices (1 for IR), 32 x 8."""
    plan = {"centreMm": [0, 0, 0], "readDirection": [1, 0, 0], "phaseDirection": [0, 1, 0], "fovReadMm": 200,
            "fovPhaseMm": 200, "matrixRead": 32, "matrixPhase": 8, "thicknessMm": 3, "gapMm": 1, "sliceCount": 2,
            "patientPosition": "HFS"}
    plan.update(changes)
    path.write_text(json.dumps(plan))
    return path


def read_peer(seq_file):
    seq = pp.Sequence(system=SIEMENS)
    seq.read(str(seq_file))
    return seq


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("seq")
    for name in PROTOCOLS:
        plan = small_plan(out / f"{name}.json", **({"sliceCount": 1, "matrixPhase": 4} if name.startswith("t1-ir") else {}))
        mrpilot("seq", name, "--geometry", plan, "-o", out / f"{name}.seq", "--kspace", out / f"{name}.npy")
    return out


def report_value(report, key):
    return [float(v) for v in re.search(rf"^{key}: (.*?) ?(s|deg)$", report, re.M).group(1).split()]


@pytest.mark.parametrize("name", PROTOCOLS)
def test_peer_loads_times_and_reports_our_protocol(built, name):
    seq = read_peer(built / f"{name}.seq")
    ok, errors = seq.check_timing()
    assert ok, errors[:5]
    params = json.loads((built / f"{name}.geometry.json").read_text())["parameters"]
    report = seq.test_report()
    te = report_value(report, "TE")[0]
    # A CPMG train has k = 0 at every echo; the report picks one of them.
    assert min(abs(te - t) for t in params["echoTimesS"]) < 10e-6, report
    assert report_value(report, "TR")[0] == pytest.approx(params["repetitionTimeS"], abs=1e-6)
    assert min(abs(f - params["flipAngleDeg"]) for f in report_value(report, "Flip angle")) < 0.01


@pytest.mark.parametrize("name", PROTOCOLS)
def test_peer_kspace_matches_ours(built, name):
    k_peer = read_peer(built / f"{name}.seq").calculate_kspace()[0]
    ours = np.load(built / f"{name}.npy")
    assert k_peer.shape == ours.shape
    k_max = np.abs(ours).max()
    assert np.abs(k_peer - ours).max() <= 1e-3 * k_max


@pytest.mark.parametrize("name", PROTOCOLS)
def test_signature_is_md5_of_body(built, name):
    text = (built / f"{name}.seq").read_bytes()
    body, _, signature = text.partition(b"\n[SIGNATURE]\n")
    assert hashlib.md5(body).hexdigest() == re.search(rb"Hash ([0-9a-f]{32})", signature).group(1).decode()


@pytest.mark.parametrize("name", ["localizer", "gre", "t2-mese"])
def test_peer_loads_our_1_4_2_files(tmp_path, name):
    plan = small_plan(tmp_path / "plan.json")
    mrpilot("seq", name, "--geometry", plan, "--version", "1.4", "-o", tmp_path / "v14.seq", "--kspace", tmp_path / "k.npy")
    assert "minor 4\nrevision 2\n" in (tmp_path / "v14.seq").read_text()
    seq = read_peer(tmp_path / "v14.seq")
    ok, errors = seq.check_timing()
    assert ok, errors[:5]
    if name == "t2-mese":
        # Format 1.4 has no RF "use" column: the peer takes every pulse for an excitation, so a spin-echo
        # trajectory is only comparable in 1.5 (checked above).
        return
    ours = np.load(tmp_path / "k.npy")
    assert np.abs(seq.calculate_kspace()[0] - ours).max() <= 1e-3 * np.abs(ours).max()


def rotation(axis, deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return {"x": np.array([[1, 0, 0], [0, c, -s], [0, s, c]]), "y": np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])}[axis]


def gradient_at(block, t):
    g = []
    for axis in ("gx", "gy", "gz"):
        e = getattr(block, axis)
        if e is None:
            g.append(0.0)
        elif e.type == "trap":
            edges = np.cumsum([e.delay, e.rise_time, e.flat_time, e.fall_time])
            g.append(float(np.interp(t, np.concatenate(([0], edges)), [0, 0, e.amplitude, e.amplitude, 0])))
        else:
            g.append(float(np.interp(t, e.delay + e.tt, e.waveform, left=0, right=0)))
    return np.array(g)


def test_oblique_slice_position_and_read_direction_from_the_file(tmp_path):
    r = rotation("y", 20) @ rotation("x", 20)
    read, phase = r @ [1, 0, 0], r @ [0, 1, 0]
    normal = np.cross(read, phase)
    centre = 30 * np.array([0.6, 0.0, 0.8])
    plan = small_plan(tmp_path / "oblique.json", centreMm=centre.tolist(), readDirection=read.tolist(),
                      phaseDirection=phase.tolist(), sliceCount=1)
    mrpilot("seq", "gre", "--geometry", plan, "-o", tmp_path / "oblique.seq")
    seq = read_peer(tmp_path / "oblique.seq")
    checked_rf = checked_adc = False
    for b in seq.block_events:
        block = seq.get_block(b)
        if block.rf is not None and not checked_rf:
            g = gradient_at(block, block.rf.delay + block.rf.center)
            g_norm = np.linalg.norm(g)
            assert math.degrees(math.acos(min(1, abs(g @ normal) / g_norm))) < 0.1
            position_mm = block.rf.freq_offset / g_norm * 1e3 * np.sign(g @ normal)
            assert position_mm == pytest.approx(centre @ normal, abs=0.1)
            checked_rf = True
        if block.adc is not None and not checked_adc:
            g = gradient_at(block, block.adc.delay + block.adc.num_samples * block.adc.dwell / 2)
            angle = math.degrees(math.acos(min(1, g @ read / np.linalg.norm(g))))
            assert angle < 0.1
            checked_adc = True
    assert checked_rf and checked_adc


def peer_gre(system):
    seq = pp.Sequence(system)
    rf, gz, gzr = pp.make_sinc_pulse(flip_angle=math.radians(15), duration=2e-3, slice_thickness=5e-3, apodization=0.5,
                                     time_bw_product=4, system=system, return_gz=True, use="excitation")
    gx = pp.make_trapezoid("x", flat_area=32 / 0.2, flat_time=3.2e-3, system=system)
    adc = pp.make_adc(32, duration=gx.flat_time, delay=gx.rise_time, system=system)
    gxp = pp.make_trapezoid("x", area=-gx.area / 2, duration=1e-3, system=system)
    for i in range(8):
        gy = pp.make_trapezoid("y", area=(i - 4) / 0.2, duration=1e-3, system=system)
        seq.add_block(rf, gz)
        seq.add_block(gxp, gy, gzr)
        seq.add_block(gx, adc, pp.make_label(type="SET", label="LIN", value=i))
        seq.add_block(pp.make_delay(5e-3))
    return seq


def peer_se(system):
    seq = pp.Sequence(system)
    ex, gz, gzr = pp.make_sinc_pulse(flip_angle=math.pi / 2, duration=3e-3, slice_thickness=5e-3, system=system,
                                     return_gz=True, use="excitation")
    ref, gzref, _ = pp.make_sinc_pulse(flip_angle=math.pi, duration=3e-3, slice_thickness=5e-3, phase_offset=math.pi / 2,
                                       system=system, return_gz=True, use="refocusing")
    gx = pp.make_trapezoid("x", flat_area=64 / 0.25, flat_time=6.4e-3, system=system)
    adc = pp.make_adc(64, duration=gx.flat_time, delay=gx.rise_time, system=system)
    gxp = pp.make_trapezoid("x", area=gx.area / 2, duration=2e-3, system=system)
    for i in range(4):
        seq.add_block(ex, gz)
        seq.add_block(gxp, gzr)
        seq.add_block(ref, gzref)
        seq.add_block(pp.make_delay(2e-3))
        seq.add_block(gx, adc)
        seq.add_block(pp.make_delay(0.1))
    return seq


def peer_epi(system):
    seq = pp.Sequence(system)
    rf, gz, gzr = pp.make_sinc_pulse(flip_angle=math.pi / 2, duration=3e-3, slice_thickness=3e-3, system=system,
                                     return_gz=True, use="excitation")
    n, fov = 32, 0.22
    gx = pp.make_trapezoid("x", flat_area=n / fov, flat_time=0.64e-3, system=system)
    adc = pp.make_adc(n, duration=gx.flat_time, delay=gx.rise_time, system=system)
    pre_time = 8e-4
    gxp = pp.make_trapezoid("x", area=-gx.area / 2, duration=pre_time, system=system)
    gyp = pp.make_trapezoid("y", area=-n / 2 / fov, duration=pre_time, system=system)
    blip = pp.make_trapezoid("y", area=1 / fov, system=system)
    seq.add_block(rf, gz)
    seq.add_block(gxp, gyp, gzr)
    for i in range(n):
        seq.add_block(gx, adc)
        seq.add_block(blip)
        gx = pp.scale_grad(gx, -1)
    return seq


def body_lines(path):
    """Data lines without comments, trailing blanks or the signature section."""
    text = Path(path).read_text().split("\n[SIGNATURE]\n")[0]
    return [line.rstrip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("v141", [False, True], ids=["1.5.0", "1.4.1"])
@pytest.mark.parametrize("make", [peer_gre, peer_se, peer_epi])
def test_peer_written_files_rewritten_by_us_keep_their_body(tmp_path, make, v141):
    theirs = tmp_path / f"{make.__name__}.seq"
    make(SIEMENS).write(str(theirs), v141_compat=v141)
    ours = tmp_path / "ours.seq"
    mrpilot("seq", "--rewrite", theirs, "-o", ours)
    expected = body_lines(theirs)
    if v141:
        # We write format 1.4 as revision 2; the data lines are the same.
        expected = [("revision 2" if line == "revision 1" else line) for line in expected]
    assert body_lines(ours) == expected


def test_peer_1_4_arbitrary_gradients_get_the_peers_start_values(tmp_path):
    """A raster-sampled gradient split over two blocks: in 1.4 the second part's start value is implicit."""
    seq = pp.Sequence(SIEMENS)
    wave = 200e3 * np.sin(np.pi * (np.arange(200) + 0.5) / 200)
    middle = (wave[99] + wave[100]) / 2
    seq.add_block(pp.make_arbitrary_grad("x", wave[:100], system=SIEMENS, first=0, last=middle))
    seq.add_block(pp.make_arbitrary_grad("x", wave[100:], system=SIEMENS, first=middle, last=0), pp.make_delay(2.1e-3))
    old = tmp_path / "v141.seq"
    seq.write(str(old), v141_compat=True)
    theirs, ours = tmp_path / "theirs.seq", tmp_path / "ours.seq"
    peer = read_peer(old)
    peer.write(str(theirs))
    mrpilot("seq", "--rewrite", old, "--version", "1.5", "-o", ours)
    assert [line for line in body_lines(ours) if not line.startswith("revision")] == \
        [line for line in body_lines(theirs) if not line.startswith("revision")]
