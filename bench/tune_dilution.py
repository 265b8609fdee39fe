"""Choose the default mode's length dilution without looking at the NYT editorial snippets.

The dilution rule scales a sentence's valence sum by min(1, (k / words) ** p): a long sentence with
one sentiment word reads milder than a short one. This script scores the four VADER ground-truth
sets for every (p, k) of a small grid, picks the pair with the best mean Pearson r over the tweet,
movie and Amazon sets only, and then reports the NYT figure for that pair, so the NYT snippets stay
data the rule was not tuned on. p = 0 is the rule switched off.

Usage: python bench/tune_dilution.py [--data DIR] [--threads 2]
Prints a table and ends with ONE JSON line holding every figure.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402
from eval_sentiment import DEFAULT_DATA, SETS, load_set, pearson  # noqa: E402

TUNE_ON = ("tweets", "movies", "amazon")
EXPONENTS = (0.0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.5)
WORDS = (1, 2, 3, 4, 6, 8)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the *_GroundTruth.txt files")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    presslens, problem = C.import_presslens()
    if presslens is None:
        raise SystemExit(problem)

    sets = {}
    for name, fname in SETS.items():
        rows = load_set(args.data / fname)
        sets[name] = ([r[2] for r in rows], [r[1] for r in rows])

    grid = [(0.0, 4)] + [(p, k) for p in EXPONENTS if p > 0 for k in WORDS]
    results = []
    print(f"{'p':>5} {'k':>3}  " + "  ".join(f"{n:>7}" for n in SETS) + "  tune-mean")
    for p, k in grid:
        analyzer = presslens.SentimentAnalyzer(dilution=p, dilution_words=float(k))
        r = {}
        for name, (texts, gold) in sets.items():
            compound = analyzer.polarity_arrays(texts, threads=args.threads)["compound"]
            r[name] = pearson(list(compound), gold)
        tune = sum(r[n] for n in TUNE_ON) / len(TUNE_ON)
        results.append({"p": p, "k": k, "r": r, "tune_mean": tune})
        print(f"{p:5.2f} {k:3d}  " + "  ".join(f"{r[n]:7.4f}" for n in SETS) + f"  {tune:9.4f}")

    best = max(results, key=lambda x: x["tune_mean"])
    off = results[0]
    print(f"\nchosen on {', '.join(TUNE_ON)}: p={best['p']}, k={best['k']}")
    for name in SETS:
        print(f"  {name:7} r {off['r'][name]:.4f} -> {best['r'][name]:.4f}")
    defaults = presslens.SentimentAnalyzer().options
    print(f"presslens defaults: p={defaults['dilution']}, k={defaults['dilution_words']}")
    print(json.dumps({"bench": "tune_dilution", "tuned_on": list(TUNE_ON), "grid": results,
                      "chosen": {"p": best["p"], "k": best["k"]},
                      "defaults": {"p": defaults["dilution"], "k": defaults["dilution_words"]}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
