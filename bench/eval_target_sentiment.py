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

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

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
    """(macro-F1 over negative/neutral/positive, accuracy)."""
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    return C.macro_f1(gold, pred, (0, 1, 2)), acc


def label_of(compound: float) -> int:
    return 2 if compound >= 0.05 else (0 if compound <= -0.05 else 1)


def article_of(gid: str) -> str:
    return "_".join(gid.split("_")[:3])


def featurize(rows: List[dict], with_hashed: bool = False, with_shipped: bool = False):
    """(features, gold labels, sentence texts) for every target of every row; with ``with_hashed``
    also the hashed lexical feature indices and the article id of each target, with
    ``with_shipped`` also the shipped model's label (-1/0/+1, through the public C++ path)."""
    import presslens
    from presslens import _core

    analyzer = presslens.Analyzer(mentions=False, quotes=False)
    X, y, sent_of, H, groups, shipped = [], [], [], [], [], []
    for row in rows:
        text = row["sentence_normalized"]
        doc = analyzer.analyze(text)
        for t in row["targets"]:
            if t["polarity"] not in POLARITY:
                continue
            a, b = int(t["from"]), int(t["to"])
            X.append(_core._target_features(doc._core, a, b))
            y.append(POLARITY[t["polarity"]])
            sent_of.append(text)
            if with_hashed:
                H.append(_core._target_hashed(doc._core, a, b))
                groups.append(article_of(row["primary_gid"]))
            if with_shipped:
                shipped.append(int(_core._target_sentiment(doc._core, a, b)["label"]))
    if with_hashed or with_shipped:
        return X, y, sent_of, H, groups, shipped
    return X, y, sent_of


# ---- fitting: L2-regularised multinomial logistic regression over dense + hashed features ----------

class _Design:
    """Standardised dense block plus a sparse 0/1-count block of hashed indices (CSR by row)."""

    def __init__(self, X, H, mean=None, sd=None):
        import numpy as np

        X = np.asarray(X, dtype=float)
        self.mean = X.mean(axis=0) if mean is None else mean
        if sd is None:
            sd = X.std(axis=0)
            sd[sd < 1e-6] = 1.0
        self.sd = sd
        self.Z = (X - self.mean) / self.sd
        lens = np.array([len(h) for h in H])
        if (lens == 0).any():
            raise ValueError("every target must have at least one hashed feature (the bias one)")
        self.cols = np.concatenate([np.asarray(h, dtype=np.int64) for h in H])
        self.rows = np.repeat(np.arange(len(H)), lens)
        self.starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
        self.n = len(H)

    def logits(self, Wd, b, Wh):
        import numpy as np

        return self.Z @ Wd + b + np.add.reduceat(Wh[self.cols], self.starts, axis=0)


def _fit_lr(D: "_Design", y, hash_dim: int, l2_dense: float, l2_hash: float, sample_w=None, iters: int = 300):
    """Minimise sum_i w_i CE_i + l2_dense/2 |Wd|^2 + l2_hash/2 |Wh|^2 with L-BFGS (Armijo backtracking)."""
    import numpy as np

    n, F = D.Z.shape
    Y = np.zeros((n, 3))
    Y[np.arange(n), y] = 1.0
    sw = np.ones(n) if sample_w is None else np.asarray(sample_w, dtype=float)
    nd, nb = F * 3, 3

    def unpack(theta):
        return theta[:nd].reshape(F, 3), theta[nd:nd + nb], theta[nd + nb:].reshape(hash_dim, 3)

    def f_and_g(theta):
        Wd, b, Wh = unpack(theta)
        Zl = D.logits(Wd, b, Wh)
        Zl -= Zl.max(axis=1, keepdims=True)
        E = np.exp(Zl)
        S = E.sum(axis=1, keepdims=True)
        P = E / S
        loss = float((sw * (np.log(S[:, 0]) - (Zl * Y).sum(axis=1))).sum())
        loss += 0.5 * l2_dense * float((Wd ** 2).sum()) + 0.5 * l2_hash * float((Wh ** 2).sum())
        G = (P - Y) * sw[:, None]
        gWd = D.Z.T @ G + l2_dense * Wd
        gb = G.sum(axis=0)
        Gr = G[D.rows]
        gWh = np.stack([np.bincount(D.cols, weights=Gr[:, c], minlength=hash_dim) for c in range(3)], axis=1)
        gWh += l2_hash * Wh
        return loss, np.concatenate([gWd.ravel(), gb, gWh.ravel()])

    theta = np.zeros(nd + nb + hash_dim * 3)
    f, g = f_and_g(theta)
    s_hist, y_hist = [], []
    for _ in range(iters):
        q = g.copy()
        alphas = []
        for s_k, y_k in reversed(list(zip(s_hist, y_hist))):
            a = s_k @ q / (y_k @ s_k)
            alphas.append(a)
            q -= a * y_k
        if s_hist:
            q *= (s_hist[-1] @ y_hist[-1]) / (y_hist[-1] @ y_hist[-1])
        for (s_k, y_k), a in zip(zip(s_hist, y_hist), reversed(alphas)):
            q += (a - (y_k @ q) / (y_k @ s_k)) * s_k
        d = -q
        gd = g @ d
        if gd >= 0:
            d, gd = -g, -(g @ g)
            s_hist, y_hist = [], []
        step = 1.0 if s_hist else 1.0 / max(1.0, float(np.abs(g).max()))
        while True:
            t_new = theta + step * d
            f_new, g_new = f_and_g(t_new)
            if f_new <= f + 1e-4 * step * gd or step < 1e-10:
                break
            step *= 0.5
        s_k, y_k = t_new - theta, g_new - g
        theta, f_old, f, g = t_new, f, f_new, g_new
        if y_k @ s_k > 1e-10:
            s_hist.append(s_k)
            y_hist.append(y_k)
            if len(s_hist) > 10:
                s_hist.pop(0)
                y_hist.pop(0)
        if abs(f_old - f) <= 1e-7 * max(1.0, abs(f)):
            break
    return unpack(theta)


def _predict(D: "_Design", params):
    import numpy as np

    return np.argmax(D.logits(*params), axis=1)


def fit_model(X, H, y, groups, hash_dim: int, folds: int = 4, grid=None, log=print):
    """Chooses l2 (dense, hashed) and class weighting by grouped cross-validation inside the given
    (fit) data, then refits on all of it. Returns (dense weights in the shipped layout, hashed weight
    matrix hash_dim x 3, chosen settings)."""
    import numpy as np

    y = np.asarray(y)
    fold_of = np.array([int(hashlib.sha1(("cv" + g).encode()).hexdigest()[:8], 16) % folds for g in groups])
    counts = np.bincount(y, minlength=3)
    grid = grid or [(1.0, lh, bal) for lh in (1.0, 4.0, 12.0, 36.0) for bal in (False, True)]
    best = None
    for ld, lh, bal in grid:
        preds = np.zeros(len(y), dtype=int)
        for k in range(folds):
            tr, te = fold_of != k, fold_of == k
            Dtr = _Design([X[i] for i in np.flatnonzero(tr)], [H[i] for i in np.flatnonzero(tr)])
            Dte = _Design([X[i] for i in np.flatnonzero(te)], [H[i] for i in np.flatnonzero(te)], Dtr.mean, Dtr.sd)
            ytr = y[tr]
            sw = (len(ytr) / (3.0 * np.bincount(ytr, minlength=3)))[ytr] if bal else None
            preds[te] = _predict(Dte, _fit_lr(Dtr, ytr, hash_dim, ld, lh, sw, iters=100))
        f1 = macro_f1(list(y), list(preds))[0]
        log(f"  cv l2_dense={ld:<5g} l2_hash={lh:<5g} balanced={bal!s:5}: macro-F1 {f1:.3f}", flush=True)
        if best is None or f1 > best[0]:
            best = (f1, ld, lh, bal)
    f1, ld, lh, bal = best
    D = _Design(X, H)
    sw = (len(y) / (3.0 * counts))[y] if bal else None
    Wd, b, Wh = _fit_lr(D, y, hash_dim, ld, lh, sw, iters=300)
    # Fold the standardisation back: raw weight = w / sd, bias -= sum(w * mean / sd).
    F = Wd.shape[0]
    dense = []
    for c in range(3):
        wc = Wd[:, c] / D.sd
        dense.extend(list(wc) + [float(b[c] - (wc * D.mean).sum())])
    return dense, Wh, {"l2_dense": ld, "l2_hash": lh, "balanced": bal, "cv_macro_f1": f1, "cv_folds": folds}


def predict_labels(dense, Wh, X, H):
    """Labels 0/1/2 from dense weights (shipped layout) and a hashed weight matrix, in numpy."""
    import numpy as np

    X = np.asarray(X, dtype=float)
    F = X.shape[1]
    W = np.asarray(dense).reshape(3, F + 1)
    Zl = X @ W[:, :F].T + W[:, F]
    Zl += np.stack([Wh[np.asarray(h, dtype=np.int64)].sum(axis=0) for h in H])
    return np.argmax(Zl, axis=1)


def write_weights(weights: List[float], path: Path, n_fit: int, settings: dict, hashed=None) -> None:
    from presslens import _core

    names = list(_core.TARGET_FEATURES)
    k = len(names) + 1
    lines = [
        "# presslens target-sentiment model: multinomial logistic regression, 3 rows (negative, neutral,",
        "# positive) of one weight per dense feature and a bias (last), then one 'h<index>' row per hashed",
        "# lexical feature (TargetSentimentModel::hashed_features) with its 3 weights. Refit with:",
        "#   python bench/eval_target_sentiment.py --refit",
        f"# fitted on {n_fit} targets of the NewsMTSC train split ('fit' part; Hamborg & Donnay 2021, MIT);",
        "# settings chosen by cross-validation inside the fit part: "
        + ", ".join(f"{a}={b:.4g}" if isinstance(b, float) else f"{a}={b}" for a, b in settings.items()),
        "# columns: label\t" + "\t".join(names) + "\tbias",
    ]
    for c, name in enumerate(NAMES):
        row = weights[c * k:(c + 1) * k]
        lines.append(name + "\t" + "\t".join(f"{w:.6g}" for w in row))
    if hashed is not None:
        for i, row in enumerate(hashed):
            if max(abs(float(v)) for v in row) >= 5e-4:
                lines.append(f"h{i}\t" + "\t".join(f"{float(v):.3g}" for v in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=["heldout", "fit", "all"], default="heldout", help="which sentences to score")
    ap.add_argument("--refit", action="store_true", help="fit on the 'fit' split and write the weights file")
    ap.add_argument("--weights-out", type=Path, default=WEIGHTS_FILE)
    args = ap.parse_args(argv)

    import numpy as np

    import presslens
    from presslens import _core
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    fit_info = {}
    rows = load(args.data, args.split)
    if args.refit:
        fit_rows = load(args.data, "fit")
        Xf, yf, _, Hf, gf, _ = featurize(fit_rows, with_hashed=True)
        t0 = time.perf_counter()
        dense, Wh, settings = fit_model(Xf, Hf, yf, gf, int(_core.TARGET_HASH_DIM))
        fit_info = {"fit_targets": len(yf), "fit_seconds": time.perf_counter() - t0, **settings}
        write_weights(dense, args.weights_out, len(yf), settings, Wh)
        fit_info["fit_macro_f1"], fit_info["fit_accuracy"] = macro_f1(yf, list(predict_labels(dense, Wh, Xf, Hf)))
        print(f"fitted {len(yf)} targets in {fit_info['fit_seconds']:.1f}s -> {args.weights_out} "
              f"({args.weights_out.stat().st_size / 1024:.0f} KiB); rebuild to embed it")
        X, y, sents, H, _, _ = featurize(rows, with_hashed=True)
        t0 = time.perf_counter()
        pred = [int(p) for p in predict_labels(dense, Wh, X, H)]
        t_pred = time.perf_counter() - t0
    else:
        if not list(_core._target_weights()):
            print("no shipped weights: run with --refit first", file=sys.stderr)
            return 1
        t0 = time.perf_counter()
        X, y, sents, _, _, shipped = featurize(rows, with_shipped=True)
        t_pred = time.perf_counter() - t0
        pred = [p + 1 for p in shipped]
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
                      "featurize_predict_seconds" if not args.refit else "predict_seconds": t_pred, **fit_info}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
