"""The RIM model cards' markdown, and their Monte Carlo section from a `./mrpilot bench rim --json` record.

Run from models-onnx/:  python -m mrpilot_train.rim_cards models/rim-bench/rim-bench.json [--models-dir models]
It writes the record's figures into the card (JSON key "monte_carlo", and the markdown) of each RIM model the record
judged, and refuses a card whose model file is not the one the record judged (sha256). Re-exporting a model writes a
card without the section: its figures belong to the old model. No PyTorch needed.
"""
import argparse
import json
from pathlib import Path

MODELS = Path(__file__).resolve().parent.parent / "models"

# The targets for the RIM against the MLE (seed 001 section 5.1.1), per SNR of the Monte Carlo.
CV_RATIO_MAX = 0.5        # RIM CV at most this share of the MLE's ...
CV_TARGET_MAX_SNR = 10    # ... at SNR up to this
ABS_BIAS_LOW_SNR = 0.05   # median |relative bias| at SNR 3-5
ABS_BIAS_HIGH_SNR = 0.02  # median |relative bias| at SNR 10 and above
LOW_SNR_MAX = 5


def targets_met(snr: int, rim: dict, mle: dict) -> bool:
    """Whether the RIM's figures at this SNR meet the issue's CV and bias targets."""
    bias_ok = rim["abs_bias_median"] <= (ABS_BIAS_LOW_SNR if snr <= LOW_SNR_MAX else ABS_BIAS_HIGH_SNR)
    cv_ok = snr > CV_TARGET_MAX_SNR or rim["cv_median"] <= CV_RATIO_MAX * mle["cv_median"]
    return bias_ok and cv_ok


def monte_carlo_section(bench: dict, kind: str) -> dict:
    """The card's "monte_carlo" entry for one kind (t1 or t2) of a bench record: per SNR, RIM and MLE figures of T."""
    per_snr = {}
    for snr, methods in bench[kind]["snr"].items():
        rim, mle = methods["rim"], methods["mle"]
        per_snr[snr] = {
            "rim_cv": rim["cv_median"], "mle_cv": mle["cv_median"], "cv_ratio": rim["cv_median"] / mle["cv_median"],
            "rim_bias": rim["bias_median"], "rim_abs_bias": rim["abs_bias_median"],
            "mle_bias": mle["bias_median"], "mle_abs_bias": mle["abs_bias_median"],
            "rim_abs_bias_by_tissue": {t: v["abs_bias_median"] for t, v in rim["by_tissue"].items()},
            "texture_floor_abs_bias": bench[kind]["texture_floor"][snr]["abs_bias_median"],
            "targets_met": targets_met(int(snr), rim, mle),
        }
    alone = "" if "t1" in bench and "t2" in bench else f" --kind {kind}"  # a record of one kind came from --kind
    return {"command": f"./mrpilot bench rim --realisations {bench['realisations']}{alone}",
            "realisations": bench["realisations"], "slice": bench["slice"], "per_snr": per_snr}


def check_judged(card: dict, bench: dict):
    """Raises ValueError unless the bench record judged exactly this card's model file."""
    judged = bench.get("models", {}).get(card["name"])
    if judged is None:
        raise ValueError(f"the bench record names no {card['name']} model it judged, so it cannot be tied to the file")
    if judged["sha256"] != card["sha256"]:
        raise ValueError(f"the bench record judged {card['name']} {judged['version']} (sha256 {judged['sha256'][:12]}...), "
                         f"not this card's {card['version']} (sha256 {card['sha256'][:12]}...)")


def add_benchmark(card_paths: list, bench: dict) -> list:
    """Writes the record's figures into each card (JSON and markdown), after checking every one of them first, so a
    record that does not fit one card changes none."""
    cards = [(Path(p), json.loads(Path(p).read_text())) for p in card_paths]
    for _, card in cards:
        check_judged(card, bench)
    written = []
    for path, card in cards:
        card["monte_carlo"] = monte_carlo_section(bench, card["name"].removeprefix("rim-"))
        path.write_text(json.dumps(card, indent=2) + "\n")
        written.append(write_markdown(path))
    return written


def write_markdown(card_path: Path) -> Path:
    """<stem>.card.md next to the card JSON, rendered from it."""
    card = json.loads(Path(card_path).read_text())
    lines = [f"# {card['name']} {card['version']}", "", card["description"], "", "## Inputs and outputs", ""]
    for spec in card["inputs"] + card["outputs"]:
        lines.append(f"- `{spec['name']}` {spec['dtype']} {spec['shape']} ({spec['unit']}): {spec['normalisation']}")
    lines += ["", "## Training", ""] + [f"- {k}: {v}" for k, v in card["training"].items()]
    ev = card["evaluation"]
    lines += ["", "## Held-out evaluation", "", f"Data: {ev['data']}; seed {ev['held_out_seed']} (training seed differs).",
              "", "| SNR | median abs. rel. error T | median rel. error T | median rel. error T, one scale for all patches "
              "| median abs. rel. error A |", "|---|---|---|---|---|"]
    for snr, v in ev["per_snr"].items():
        lines.append(f"| {snr} | {v['t_median_abs_rel_error']:.4f} | {v['t_median_rel_error']:+.4f} "
                     f"| {v['t_median_rel_error_slice_scale']:+.4f} | {v['a_median_abs_rel_error']:.4f} |")
    lines += ["", f"ONNX Runtime vs PyTorch max abs difference: {ev['onnx_vs_pytorch_max_abs_diff']:.2e}", "",
              f"File sha256: `{card['sha256']}`", ""]
    mc = card.get("monte_carlo")
    if mc is None:
        lines += ["The Monte Carlo comparison with the MLE on a held-out 256x256 slice is `./mrpilot bench rim`.", ""]
    else:
        lines += [f"## Monte Carlo benchmark (`{mc['command']}`)", "",
                  f"{mc['slice']}; {mc['realisations']} noise realisations per SNR; per-pixel CV and relative bias of T, "
                  "medians over the brain. Targets: RIM CV at most half the MLE's at SNR up to 10; median |bias| at most "
                  "5 % at SNR 3-5 and 2 % from SNR 10.", "",
                  "| SNR | RIM CV | MLE CV | RIM / MLE CV | RIM bias | RIM \\|bias\\| | WM / GM / CSF \\|bias\\| "
                  "| texture floor | MLE bias | MLE \\|bias\\| | targets met |", "|---|---|---|---|---|---|---|---|---|---|---|"]
        for snr, v in mc["per_snr"].items():
            tissue = " / ".join(f"{v['rim_abs_bias_by_tissue'][t]:.4f}" for t in ("white_matter", "grey_matter", "csf"))
            lines.append(f"| {snr} | {v['rim_cv']:.4f} | {v['mle_cv']:.4f} | {v['cv_ratio']:.3f} | {v['rim_bias']:+.4f} "
                         f"| {v['rim_abs_bias']:.4f} | {tissue} | {v['texture_floor_abs_bias']:.4f} | {v['mle_bias']:+.4f} "
                         f"| {v['mle_abs_bias']:.4f} | {'yes' if v['targets_met'] else 'no'} |")
        lines.append("")
    md = Path(card_path).with_name(Path(card_path).name.replace(".card.json", ".card.md"))
    md.write_text("\n".join(lines))
    return md


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("bench", help="the JSON of `./mrpilot bench rim --json FILE`")
    p.add_argument("--models-dir", default=str(MODELS), help="where the rim-<kind>.card.json files are")
    a = p.parse_args()
    bench = json.loads(Path(a.bench).read_text())
    judged = bench.get("models") or {}
    if not judged:
        p.error(f"{a.bench} names no RIM model it judged (records from before model hashes were written cannot be tied to a file)")
    try:
        for md in add_benchmark([Path(a.models_dir) / f"{name}.card.json" for name in judged], bench):
            print(md)
    except ValueError as e:
        p.error(str(e))


if __name__ == "__main__":
    main()
