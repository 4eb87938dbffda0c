"""Trains a RIM (T1 or T2) on CPU.

Run from models-onnx/:  python -m mrpilot_train.train_rim --kind t1 --minutes 18 --out runs/t1.pt
[--data DIR ...]  (`./mrpilot dataset relaxometry` directories, e.g. one per anatomy source; without them
procedural tissue patches are drawn)
"""
import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from . import patches
from .rim import Rim, widened

TRAIN_SEED = 1001  # held-out evaluation uses other seeds (export_rim.HELD_OUT_SEED)
DEFAULT_HIDDEN = 24


# Weights of the map error: the relaxation time counts double (the quantity the maps are for), and a sample's
# weight grows with sqrt(SNR) so the noisy low-SNR samples, whose errors are large whatever the net does, do not
# drown the small systematic errors at high SNR (the bias the Monte Carlo benchmark measures).
T_CHANNEL_WEIGHT = 2.0
SNR_WEIGHT_POWER = 0.5
# The low-SNR bias term (step_loss) is full at and below the first SNR and fades out, linearly in log SNR, at the
# second. Up to SNR 10 the benchmark allows a CV of half the MLE's: the T1 net uses all of it at SNR 10 but far less at
# SNR 3-5, so by default the term is gone by SNR 10. (The T2 net uses a fifth of it at SNR 10 too.)
LOW_SNR_BIAS_SNR = (3.0, 10.0)
# The variance term (step_loss) applies between these SNRs: around SNR 10, the last one where the benchmark caps the
# CV at half the MLE's, while the bias allowed there (2 %) is left unused by the T1 net.
VARIANCE_SNR = (6.0, 16.0)
# Spaces the realisation-group terms (bias, low-SNR bias, variance) may see the relaxation time's error in: "log", the
# internal parameterisation, or "relative", T_estimate / T - 1, what the benchmark's bias and CV measure. A net free of
# bias in log T still reads T high by about half its squared CV (Jensen); at SNR 3 that is several per cent.
BIAS_SPACES = ("log", "relative")
# The relative error is exp(log error) - 1; larger log errors (a factor of e^3, or outside the mask where T is 0) are
# clamped first so the exponential stays finite and its gradient bounded.
MAX_LOG_ERROR = 3.0


def step_loss(model: Rim, images, times, target, mask, snr, realisations=1, bias_weight=0.0, bias_window=1,
              low_snr_bias_weight=0.0, low_snr_bias_snr=LOW_SNR_BIAS_SNR, variance_weight=0.0, variance_snr=VARIANCE_SNR,
              bias_space="log"):
    """Eq. (6): mean over the J steps of the weighted squared map error, in the internal parameterisation (log T).

    With groups of R noise realisations of one patch (patches.batch), bias_weight adds the squared mean error of each
    group, which is the bias squared plus the variance over R. Plain squared error lets a net shrink noisy estimates
    towards the training prior, trading bias for variance; the extra term makes that trade dearer, because the
    Monte Carlo benchmark judges bias and variance separately.

    A bias_window above 1 averages each realisation's error over that window (inside the mask) before the bias terms
    see it. They then charge an offset of the local mean (a pull towards the prior) but hardly the shrinkage of each
    voxel's own texture towards its neighbours, which averages out over the window and lowers the variance.

    low_snr_bias_weight adds, at low SNR only (low_snr_bias_snr), the mean over pairs of distinct realisations of the
    product of their errors: an estimate of the bias squared with no variance in it. The sqrt(SNR) sample weight makes
    bias cheap at low SNR, so a net pulls a subject far from the population mean towards it. The bias_weight term cannot
    undo that alone: it also charges variance / R, so however large its weight, the loss never prices bias more than R
    times as dearly as variance (with weight 8 and R = 4: 9 to 3), while the benchmark leaves the CV room there.

    variance_weight adds, for groups whose SNR lies in variance_snr, each group's sample variance (the mean square
    error less the pairwise term): it prices variance dearer than bias where the benchmark's CV cap binds.

    bias_space "relative" lets these three terms see T's relative error rather than its log error (BIAS_SPACES); the
    squared error above stays in log T."""
    t = target.clone()
    t[:, -1] = torch.log(t[:, -1].clamp(min=1e-3))  # outside the mask T may be 0; those pixels carry no weight
    channel = torch.ones(t.shape[1])
    channel[-1] = T_CHANNEL_WEIGHT
    sample = snr ** SNR_WEIGHT_POWER
    sample = sample / sample.mean()
    w = mask[:, None].float() * channel.view(1, -1, 1, 1) * sample.view(-1, 1, 1, 1)
    denom = (mask[:, None].float() * channel.view(1, -1, 1, 1)).sum() + 1e-6
    group_w = w[::realisations] * realisations / denom  # a group's term counts as much as its R members' errors
    losses = []
    for k in model.estimates(images, times):
        error = k - t
        loss = ((error ** 2) * w).sum() / denom
        if realisations > 1 and (bias_weight or low_snr_bias_weight or variance_weight):
            seen = relative_t(error) if bias_space == "relative" else error
            seen = local_mean(seen, mask, bias_window) if bias_window > 1 else seen
            groups = seen.view(-1, realisations, *error.shape[1:])
            if bias_weight:
                loss = loss + bias_weight * ((groups.mean(1) ** 2) * group_w).sum()
            if low_snr_bias_weight:
                share = low_snr_share(snr[::realisations], *low_snr_bias_snr).view(-1, 1, 1, 1)
                loss = loss + low_snr_bias_weight * (pairwise_square(groups) * group_w * share).sum()
            if variance_weight:
                inside = in_band(snr[::realisations], *variance_snr).view(-1, 1, 1, 1)
                loss = loss + variance_weight * (sample_variance(groups) * group_w * inside).sum()
        losses.append(loss)
    return sum(losses) / len(losses)


def relative_t(error):
    """error (N, C, H, W) with its last channel, the error of log T, turned into T's relative error."""
    return torch.cat([error[:, :-1], torch.expm1(error[:, -1:].clamp(-MAX_LOG_ERROR, MAX_LOG_ERROR))], dim=1)


def pairwise_square(groups):
    """Per group (dimension 1 of groups), the mean of e_i * e_j over pairs i != j: its expectation is the squared
    expectation of e, with none of the variance that the squared group mean also holds."""
    r = groups.shape[1]
    return (groups.sum(1) ** 2 - (groups ** 2).sum(1)) / (r * (r - 1))


def sample_variance(groups):
    """Per group (dimension 1 of groups), the unbiased sample variance: mean of squares less the pairwise term."""
    r = groups.shape[1]
    return ((groups ** 2).sum(1) - groups.sum(1) ** 2 / r) / (r - 1)


def in_band(snr, low, high):
    """1 for SNRs from low to high inclusive, else 0."""
    return ((snr >= low) & (snr <= high)).to(snr.dtype)


def low_snr_share(snr, full=LOW_SNR_BIAS_SNR[0], end=LOW_SNR_BIAS_SNR[1]):
    """1 at and below SNR full, 0 at and above SNR end, linear in log SNR between."""
    return ((math.log(end) - torch.log(snr)) / math.log(end / full)).clamp(0.0, 1.0)


def annealed(lr, done_fraction):
    """The learning rate after done_fraction of the run: a cosine from lr down to 0."""
    return lr * 0.5 * (1 + math.cos(math.pi * min(1.0, done_fraction)))


def local_mean(values, mask, window):
    """Mean of values (N, C, H, W) over a window x window neighbourhood, counting only pixels inside mask (N, H, W)."""
    m = mask[:, None].float()
    pad = window // 2
    total = torch.nn.functional.avg_pool2d(values * m, window, stride=1, padding=pad, count_include_pad=True)
    count = torch.nn.functional.avg_pool2d(m, window, stride=1, padding=pad, count_include_pad=True)
    return total / count.clamp(min=1e-6)


def with_new_inputs_zeroed(saved, current):
    """A checkpoint's weights for a cell that has since gained input channels (Rim.ARCHITECTURES, oldest last): the new
    channels start with zero weights, so training continues from the saved net's behaviour."""
    state = dict(saved)
    key = "cell.conv_in.weight"
    old, new = saved[key], current[key]
    if old.shape != new.shape:
        if old.shape[0] != new.shape[0] or old.shape[1] > new.shape[1]:
            raise ValueError(f"checkpoint {key} {tuple(old.shape)} cannot grow into {tuple(new.shape)}")
        grown = torch.zeros_like(new)
        grown[:, :old.shape[1]] = old
        state[key] = grown
    return state


def save(out, model, iterations, meta, loss_ema, history):
    """A checkpoint (.pt: weights and meta) and its .history.json (meta and the loss curve), as resume reads them."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {**meta, "iterations": iterations, "final_loss_ema": loss_ema}
    torch.save({"state": model.state_dict(), "meta": meta}, out)
    out.with_suffix(".history.json").write_text(json.dumps({"meta": meta, "history": history}, indent=1))
    return out


def train(kind, minutes, out, data=None, hidden=None, patch=32, batch_size=12, pool=4000, lr=1e-3, seed=TRAIN_SEED,
          max_iterations=100000, resume=None, threads=2, realisations=1, bias_weight=0.0, bias_window=1, save_every=None,
          anneal=False, low_snr_bias_weight=0.0, low_snr_bias_snr=LOW_SNR_BIAS_SNR, variance_weight=0.0,
          variance_snr=VARIANCE_SNR, bias_space="log"):
    """Trains for `minutes` and writes `out`; with save_every (minutes) it also leaves snapshots on the way,
    <out>-it<iterations>.pt, so a run can be judged along its course rather than only at its end."""
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    if data:  # the physics core's patches, plus a quarter procedural ones for continuous T1/T2 coverage (the "free" class)
        physics = patches.concatenate([patches.load_dataset(d) for d in data])
        size = physics.pd.shape[1]
        tissue = patches.concatenate([physics, patches.procedural_patches(rng, physics.pd.shape[0] // 3, size)])
    else:
        tissue = patches.procedural_patches(rng, pool, patch)
    history, done, prior_minutes, prior_data = [], 0, 0.0, None
    if resume:  # continue a run: same weights, fresh noise/patch draws (the seed is offset by the iterations done)
        saved = torch.load(resume, map_location="cpu")
        # a saved net without the newest inputs gains them, with zero weights; a wider hidden grows it (rim.widened)
        narrow = Rim(kind, hidden=saved["meta"]["hidden"])
        narrow.load_state_dict(with_new_inputs_zeroed(saved["state"], narrow.state_dict()))
        model = widened(narrow, hidden or narrow.hidden)
        done, prior_minutes = saved["meta"]["iterations"], saved["meta"]["minutes"]
        prior_data = saved["meta"]["data"]
        rng = np.random.default_rng([seed, done])
        history = json.loads(Path(resume).with_suffix(".history.json").read_text())["history"]
    else:
        model = Rim(kind, hidden=hidden or DEFAULT_HIDDEN)
    opt = torch.optim.Adam(model.parameters(), lr=lr)

    def run_meta(minutes_so_far):
        return {"kind": kind, "hidden": model.hidden, "steps": model.steps, "batch": batch_size, "patch": patch,
                "pool": int(tissue.pd.shape[0]), "lr": lr, "seed": seed,
                "noise_realisations": realisations, "bias_weight": bias_weight, "bias_window": bias_window,
                "low_snr_bias_weight": low_snr_bias_weight, "low_snr_bias_snr": list(low_snr_bias_snr),
                "variance_weight": variance_weight, "variance_snr": list(variance_snr), "bias_space": bias_space,
                "lr_schedule": "cosine to 0 over the run" if anneal else "constant",
                "data": (f"physics datasets {' + '.join(Path(d).name for d in data)} + procedural" if data else "procedural")
                + (f" (resumed from {Path(resume).name}: {prior_data})" if resume else ""), "minutes": minutes_so_far,
                "parameters": sum(p.numel() for p in model.parameters())}
    start = time.monotonic()
    deadline = start + minutes * 60
    next_snapshot = save_every
    bar = tqdm(total=max_iterations, desc=f"train {kind}", unit="it")
    it = 0
    ema = None
    while it < max_iterations and time.monotonic() < deadline:
        images, times, target, mask, snr = patches.batch(rng, kind, tissue, batch_size, realisations)
        loss = step_loss(model, torch.from_numpy(images), torch.from_numpy(times), torch.from_numpy(target),
                         torch.from_numpy(mask), torch.from_numpy(snr), realisations, bias_weight, bias_window,
                         low_snr_bias_weight, low_snr_bias_snr, variance_weight, variance_snr, bias_space)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        it += 1
        if anneal:  # at a constant rate the net's calibration drifts by several per cent; decaying it settles one
            done_fraction = max(it / max_iterations, (time.monotonic() - start) / (minutes * 60))
            for group in opt.param_groups:
                group["lr"] = annealed(lr, done_fraction)
        value = float(loss.detach())
        ema = value if ema is None or not math.isfinite(ema) else 0.98 * ema + 0.02 * value
        if it % 10 == 0:
            history.append({"iteration": done + it, "loss": value, "loss_ema": ema})
        bar.update(1)
        bar.set_postfix(loss=f"{ema:.4f}")
        elapsed = (time.monotonic() - start) / 60
        if next_snapshot and elapsed >= next_snapshot:
            snapshot = Path(out).with_name(f"{Path(out).stem}-it{done + it}.pt")
            save(snapshot, model, done + it, run_meta(prior_minutes + elapsed), ema, history)
            next_snapshot += save_every
    bar.close()
    return save(out, model, done + it, run_meta(prior_minutes + minutes), ema, history)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--kind", choices=["t1", "t2"], required=True)
    p.add_argument("--minutes", type=float, required=True, help="wall-time budget")
    p.add_argument("--out", required=True)
    p.add_argument("--data", nargs="+", default=None, help="dataset directories")
    p.add_argument("--hidden", type=int, default=None,
                   help=f"hidden channels (default {DEFAULT_HIDDEN}, or the checkpoint's with --resume; more grows it)")
    p.add_argument("--patch", type=int, default=32)
    p.add_argument("--batch", type=int, default=12)
    p.add_argument("--seed", type=int, default=TRAIN_SEED)
    p.add_argument("--resume", default=None, help="checkpoint to continue from")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--realisations", type=int, default=1, help="noise realisations per patch in a batch")
    p.add_argument("--bias-weight", type=float, default=0.0, help="weight of each realisation group's squared mean error")
    p.add_argument("--save-every", type=float, default=None, help="minutes between snapshots <out>-it<iterations>.pt")
    p.add_argument("--max-iterations", type=int, default=100000,
                   help="stop after this many iterations (with a long --minutes: repeats a run's iteration count exactly)")
    p.add_argument("--anneal", action="store_true",
                   help="decay the learning rate from --lr to 0 along a cosine over the run (whichever of --minutes or "
                        "--max-iterations ends it)")
    p.add_argument("--bias-window", type=int, default=1,
                   help="odd window (pixels) over which the bias term averages each group's mean error first")
    p.add_argument("--low-snr-bias-weight", type=float, default=0.0,
                   help="weight of a variance-free bias term (pairs of realisations) at low SNR (--low-snr-bias-snr); "
                        "needs --realisations >= 2")
    p.add_argument("--low-snr-bias-snr", type=float, nargs=2, default=LOW_SNR_BIAS_SNR, metavar=("FULL", "END"),
                   help="that term is full at and below SNR FULL and fades to 0, linearly in log SNR, at SNR END "
                        f"(default {LOW_SNR_BIAS_SNR[0]:g} {LOW_SNR_BIAS_SNR[1]:g})")
    p.add_argument("--variance-weight", type=float, default=0.0,
                   help="weight of each realisation group's sample variance between the SNRs of --variance-snr; "
                        "needs --realisations >= 2")
    p.add_argument("--variance-snr", type=float, nargs=2, default=VARIANCE_SNR, metavar=("LOW", "HIGH"),
                   help=f"that term applies from SNR LOW to HIGH (default {VARIANCE_SNR[0]:g} {VARIANCE_SNR[1]:g})")
    p.add_argument("--bias-space", choices=BIAS_SPACES, default="log",
                   help="the error of T the realisation-group terms see: its log error, or its relative error as the "
                        "benchmark measures bias and CV (default log)")
    a = p.parse_args()
    if a.bias_window < 1 or a.bias_window % 2 == 0:
        p.error("--bias-window must be an odd number >= 1")
    if (a.low_snr_bias_weight or a.variance_weight) and a.realisations < 2:
        p.error("--low-snr-bias-weight and --variance-weight need --realisations >= 2")
    if not 0 < a.variance_snr[0] <= a.variance_snr[1]:
        p.error("--variance-snr needs 0 < LOW <= HIGH")
    if not 0 < a.low_snr_bias_snr[0] < a.low_snr_bias_snr[1]:
        p.error("--low-snr-bias-snr needs 0 < FULL < END")
    print(train(a.kind, a.minutes, a.out, a.data, a.hidden, a.patch, a.batch, lr=a.lr, seed=a.seed, resume=a.resume,
                threads=a.threads, realisations=a.realisations, bias_weight=a.bias_weight, bias_window=a.bias_window, save_every=a.save_every,
                max_iterations=a.max_iterations, anneal=a.anneal, low_snr_bias_weight=a.low_snr_bias_weight, low_snr_bias_snr=tuple(a.low_snr_bias_snr),
                variance_weight=a.variance_weight, variance_snr=tuple(a.variance_snr), bias_space=a.bias_space))


if __name__ == "__main__":
    main()
