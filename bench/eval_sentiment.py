"""Sentiment fidelity and accuracy on the four VADER ground-truth sets (Hutto & Gilbert 2014).

Runs, in this one process and on the same texts:
  * presslens in vader_compat mode, presslens in default mode,
  * vaderSentiment (PyPI) and TextBlob (PyPI), the peers.

Fidelity: share of texts where presslens compat and vaderSentiment agree within 0.01 compound;
the disagreements are printed and grouped by cause.
Accuracy: Pearson r of each system's compound (TextBlob: polarity) against the mean human rating,
and 3-class macro-F1. Gold classes: mean rating / 4 >= 0.05 positive, <= -0.05 negative, else
neutral (the reading in the data README); predicted classes: compound >= 0.05 / <= -0.05.

Usage:
    python bench/eval_sentiment.py [--data DIR] [--sample N] [--show K]

Prints a table and ends with ONE JSON line holding every figure.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "sentiment-dev" / "vader-icwsm2014"
SETS = {
    "tweets": "tweets_GroundTruth.txt",
    "nyt": "nytEditorialSnippets_GroundTruth.txt",
    "movies": "movieReviewSnippets_GroundTruth.txt",
    "amazon": "amazonReviewSnippets_GroundTruth.txt",
}


def load_set(path: Path) -> List[Tuple[str, float, str]]:
    """(id, mean rating, text) rows of a *_GroundTruth.txt file (TAB separated, CRLF, maybe a BOM)."""
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for line in fh.read().split("\n"):
            line = line.rstrip("\r")
            if not line.strip():
                continue
            parts = line.split("\t", 2)
            if len(parts) < 3:
                continue
            rows.append((parts[0], float(parts[1]), parts[2]))
    return rows


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")


def classes(values: Sequence[float], threshold: float = 0.05) -> List[int]:
    return [1 if v >= threshold else (-1 if v <= -threshold else 0) for v in values]


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    return C.macro_f1(gold, pred, (-1, 0, 1))


def disagreement_cause(text: str) -> str:
    """A coarse reason for a compat-vs-VADER difference (for the report)."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return "lone surrogate"
    if any(ord(c) > 0xFFFF for c in text) or any(0x2600 <= ord(c) <= 0x27BF for c in text):
        return "emoji"
    if any(ord(c) > 127 for c in text):
        return "non-ASCII case/space rules"
    return "other"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the *_GroundTruth.txt files")
    ap.add_argument("--sample", type=int, default=0, help="score a random sample of N texts per set (0 = all)")
    ap.add_argument("--show", type=int, default=5, help="disagreements to print per set")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)

    import presslens
    from presslens.sentiment import SentimentAnalyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    try:
        from textblob import TextBlob
    except ImportError:  # pragma: no cover - optional peer
        TextBlob = None

    vader = SentimentIntensityAnalyzer()
    compat = SentimentAnalyzer(vader_compat=True)
    default = SentimentAnalyzer()

    results: Dict[str, dict] = {}
    total = agree_total = 0
    causes_total: Dict[str, int] = {}
    rng = random.Random(args.seed)
    for name, fname in SETS.items():
        path = args.data / fname
        if not path.exists():
            print(f"skip {name}: {path} not found", file=sys.stderr)
            continue
        rows = load_set(path)
        if args.sample and args.sample < len(rows):
            rows = rng.sample(rows, args.sample)
        texts = [r[2] for r in rows]
        gold = [r[1] for r in rows]
        t0 = time.perf_counter()
        v = [vader.polarity_scores(t)["compound"] for t in texts]
        t_vader = time.perf_counter() - t0
        c = [d["compound"] for d in compat.polarity_scores_many(texts, threads=1)]
        d = [x["compound"] for x in default.polarity_scores_many(texts, threads=1)]
        tb = [TextBlob(t).sentiment.polarity for t in texts] if TextBlob else None

        agree = [abs(a - b) <= 0.01 for a, b in zip(c, v)]
        n_agree = sum(agree)
        total += len(texts)
        agree_total += n_agree
        causes: Dict[str, int] = {}
        shown = 0
        for ok, t, a, b in zip(agree, texts, c, v):
            if ok:
                continue
            cause = disagreement_cause(t)
            causes[cause] = causes.get(cause, 0) + 1
            causes_total[cause] = causes_total.get(cause, 0) + 1
            if shown < args.show:
                print(f"  [{name}] compat {a:+.4f} vader {b:+.4f} ({cause}): {t[:110]!r}")
                shown += 1
        g3 = classes([g / 4 for g in gold])
        systems = {"presslens": d, "presslens_compat": c, "vaderSentiment": v}
        if tb is not None:
            systems["textblob"] = tb
        res = {
            "n": len(texts),
            "fidelity": n_agree / len(texts),
            "disagreements": causes,
            "vader_seconds": t_vader,
        }
        for sys_name, vals in systems.items():
            res[f"r_{sys_name}"] = pearson(vals, gold)
            res[f"f1_{sys_name}"] = macro_f1(g3, classes(vals))
        results[name] = res

    print()
    print(f"{'set':8} {'n':>6} {'fidelity':>9} | {'Pearson r':^39} | {'macro-F1':^39}")
    cols = ["presslens", "presslens_compat", "vaderSentiment", "textblob"]
    short = ["default", "compat", "VADER", "TextBlob"]
    print(f"{'':8} {'':>6} {'':>9} | " + " ".join(f"{s:>9}" for s in short) + " | " + " ".join(f"{s:>9}" for s in short))
    for name, r in results.items():
        rs = " ".join(f"{r.get('r_' + c, float('nan')):9.3f}" for c in cols)
        fs = " ".join(f"{r.get('f1_' + c, float('nan')):9.3f}" for c in cols)
        print(f"{name:8} {r['n']:6d} {100 * r['fidelity']:8.2f}% | {rs} | {fs}")
    overall = agree_total / total if total else float("nan")
    print(f"\nfidelity overall: {100 * overall:.2f}% of {total} texts within 0.01 compound; "
          f"disagreements by cause: {causes_total}")
    print("gold classes: mean/4 >= 0.05 positive, <= -0.05 negative; predictions at compound ±0.05")
    print(json.dumps({"bench": "eval_sentiment", "presslens_version": presslens.__version__,
                      "fidelity": overall, "n": total, "disagreements": causes_total, "sets": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
