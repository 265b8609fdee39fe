"""Target-dependent sentiment (NewsMTSC format): macro-F1 of presslens.target_sentiment vs baselines.

Data: a JSONL of sentences, each with ``sentence_normalized`` and ``targets[]`` (``from``/``to``
character offsets, ``polarity`` 2.0 negative / 4.0 neutral / 6.0 positive), as in
../shared/data/sentiment-dev/newsmtsc-train/train.jsonl.

Split: sentences are assigned to ``fit`` (80 %) or ``heldout`` (20 %) by a hash of their article id
(the first three ``_`` fields of ``primary_gid``), so no article is on both sides. The six train
sentences that also occur in the NewsMTSC test files (data README) are dropped.

    python bench/eval_target_sentiment.py                      # shipped weights, held-out split
    python bench/eval_target_sentiment.py --refit              # refit on the fit split, write weights, evaluate
    python bench/eval_target_sentiment.py --data F --split all # another file in the same format, all of it

Baselines: the sentence-level VADER label (compound ±0.05) for every target of the sentence, and
the sentence-level presslens label. Prints a table and ends with ONE JSON line.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "sentiment-dev" / "newsmtsc-train" / "train.jsonl"
WEIGHTS_FILE = REPO_ROOT / "python" / "presslens" / "data" / "target_sentiment_weights.tsv"
LEAKED = {
    "allsides_2466_1002_7_Rubio_31_42",
    "polusa_v1_52951964_-1_1_NPR's Steve Inskeep_0_21",
    "allsides_3234_1328_48_Hillary Rodham Clinton_94_101",
    "polusa_v1_115912256_-1_4_— Donald J. Trump (@realDonaldTrump)_22_27",
    "allsides_283_114_8_Management and Budget Director Mick Mulvaney_59_103",
    "polusa_v1_113884012_-1_10_Prince Harry and American actress Meghan Markle_13_60",
}
POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}  # negative, neutral, positive
NAMES = ["negative", "neutral", "positive"]


def split_of(gid: str) -> str:
    article = "_".join(gid.split("_")[:3])
    h = int(hashlib.sha1(article.encode("utf-8")).hexdigest()[:8], 16)
    return "heldout" if h % 5 == 0 else "fit"


def load(path: Path, split: str) -> List[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if row["primary_gid"] in LEAKED:
                continue
            if split != "all" and split_of(row["primary_gid"]) != split:
                continue
            rows.append(row)
    return rows


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> Tuple[float, float]:
    f1s = []
    for c in (0, 1, 2):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    return sum(f1s) / 3, acc


def label_of(compound: float) -> int:
    return 2 if compound >= 0.05 else (0 if compound <= -0.05 else 1)


def featurize(rows: List[dict]):
    """(features, gold labels, sentence texts) for every target of every row."""
    import presslens
    from presslens import _core

    analyzer = presslens.Analyzer(mentions=False, quotes=False)
    X, y, sent_of = [], [], []
    for row in rows:
        text = row["sentence_normalized"]
        doc = analyzer.analyze(text)
        for t in row["targets"]:
            if t["polarity"] not in POLARITY:
                continue
            X.append(_core._target_features(doc._core, int(t["from"]), int(t["to"])))
            y.append(POLARITY[t["polarity"]])
            sent_of.append(text)
    return X, y, sent_of


def write_weights(weights: List[float], path: Path, n_fit: int, l2: float) -> None:
    from presslens import _core

    names = list(_core.TARGET_FEATURES)
    k = len(names) + 1
    lines = [
        "# presslens target-sentiment model: multinomial logistic regression, 3 rows (negative, neutral,",
        "# positive) of one weight per feature and a bias (last). Refit with:",
        "#   python bench/eval_target_sentiment.py --refit",
        f"# fitted on {n_fit} targets of the NewsMTSC train split ('fit' part; Hamborg & Donnay 2021, MIT), l2={l2}",
        "# columns: label\t" + "\t".join(names) + "\tbias",
    ]
    for c, name in enumerate(NAMES):
        row = weights[c * k:(c + 1) * k]
        lines.append(name + "\t" + "\t".join(f"{w:.6g}" for w in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=["heldout", "fit", "all"], default="heldout", help="which sentences to score")
    ap.add_argument("--refit", action="store_true", help="fit on the 'fit' split and write the weights file")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--weights-out", type=Path, default=WEIGHTS_FILE)
    args = ap.parse_args(argv)

    import numpy as np

    import presslens
    from presslens import _core
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    fit_info = {}
    if args.refit:
        fit_rows = load(args.data, "fit")
        Xf, yf, _ = featurize(fit_rows)
        t0 = time.perf_counter()
        weights = _core._fit_target_model(np.asarray(Xf, dtype=float), np.asarray(yf, dtype=np.int32), l2=args.l2)
        fit_info = {"fit_targets": len(yf), "fit_seconds": time.perf_counter() - t0, "l2": args.l2}
        write_weights(weights, args.weights_out, len(yf), args.l2)
        pred_fit = [int(_core._target_predict(weights, x)["label"]) + 1 for x in Xf]
        fit_info["fit_macro_f1"], fit_info["fit_accuracy"] = macro_f1(yf, pred_fit)
        print(f"fitted {len(yf)} targets in {fit_info['fit_seconds']:.2f}s -> {args.weights_out}")
    else:
        weights = list(_core._target_weights())
        if not weights:
            print("no shipped weights: run with --refit first", file=sys.stderr)
            return 1

    rows = load(args.data, args.split)
    X, y, sents = featurize(rows)
    t0 = time.perf_counter()
    pred = [int(_core._target_predict(weights, x)["label"]) + 1 for x in X]
    t_pred = time.perf_counter() - t0
    vader = SentimentIntensityAnalyzer()
    vcache: Dict[str, int] = {}
    pcache: Dict[str, int] = {}
    base_vader, base_pl = [], []
    for s in sents:
        if s not in vcache:
            vcache[s] = label_of(vader.polarity_scores(s)["compound"])
            pcache[s] = label_of(presslens.polarity_scores(s)["compound"])
        base_vader.append(vcache[s])
        base_pl.append(pcache[s])
    majority = [1] * len(y)
    results = {}
    for name, p in [("presslens_target", pred), ("vader_sentence", base_vader), ("presslens_sentence", base_pl),
                    ("majority_neutral", majority)]:
        f1, acc = macro_f1(y, p)
        results[name] = {"macro_f1": f1, "accuracy": acc}
    print(f"\n{args.data.name}, split={args.split}: {len(rows)} sentences, {len(y)} targets "
          f"(neg {y.count(0)}, neu {y.count(1)}, pos {y.count(2)}); leakage gids dropped: {len(LEAKED)}")
    print(f"{'system':22} {'macro-F1':>9} {'accuracy':>9}")
    for name, r in results.items():
        print(f"{name:22} {r['macro_f1']:9.3f} {r['accuracy']:9.3f}")
    print(json.dumps({"bench": "eval_target_sentiment", "data": str(args.data), "split": args.split,
                      "targets": len(y), "sentences": len(rows), "results": results,
                      "predict_seconds": t_pred, **fit_info}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
