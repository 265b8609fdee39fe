"""Sentiment speed: presslens vs vaderSentiment, single-threaded, in one process on the same texts.

Workloads:
  * snippets: the 5,190 NYT editorial snippets of the VADER ground truth;
  * articles: 200 whole news articles (the BASIL outlet articles and the sample articles of
    ../shared/data, cycled to 200 if there are fewer);
  * long texts: one ~4k-word and one ~40k-word text made of those articles; the 40k/4k time ratio
    shows whether scoring is linear (vaderSentiment is quadratic: ~70 s on 40k words).

presslens is timed as ``polarity_scores_many(texts, threads=1)`` (returns VADER-style dicts),
``polarity_arrays(threads=1)`` (NumPy arrays), a Python loop of ``polarity_scores``, and for
articles also ``Analyzer(mentions=False, quotes=False).analyze_many(threads=1)`` (segmentation +
sentence and document sentiment). Times are medians of ``--runs`` runs (default 5). The same
calls on empty strings give the floor the Python boundary sets (call, text conversion, result
objects) without scoring work.

Usage: python bench/sentiment_speed.py [--data DIR] [--runs 5] [--vader-long]
Prints a table and ends with ONE JSON line.
"""
from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"



def load_snippets(data: Path) -> List[str]:
    path = data / "sentiment-dev" / "vader-icwsm2014" / "nytEditorialSnippets_GroundTruth.txt"
    rows = [line.rstrip("\r").split("\t", 2) for line in path.read_text(encoding="utf-8").split("\n")]
    return [r[2] for r in rows if len(r) == 3]


def load_articles(data: Path, n: int = 200) -> List[str]:
    texts: List[str] = []
    for f in sorted((data / "outlets-dev" / "articles").glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        paras = d.get("body-paragraphs", "[]")
        paras = ast.literal_eval(paras) if isinstance(paras, str) else paras
        body = "\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in paras)
        texts.append(d.get("title", "") + "\n" + body)
    for f in sorted((data / "samples").glob("*.txt")):
        texts.append(f.read_text(encoding="utf-8"))
    texts = [t for t in texts if t.strip()]
    if not texts:
        raise SystemExit(f"no articles found under {data}")
    return [texts[i % len(texts)] for i in range(n)]


def text_of_words(articles: List[str], n_words: int) -> str:
    out, count, i = [], 0, 0
    while count < n_words:
        words = articles[i % len(articles)].split()
        take = words[: n_words - count]
        out.append(" ".join(take))
        count += len(take)
        i += 1
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--vader-long", action="store_true", help="also time vaderSentiment on the 40k-word text (~70 s)")
    args = ap.parse_args(argv)

    import presslens
    from presslens.sentiment import SentimentAnalyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    default = SentimentAnalyzer()
    compat = SentimentAnalyzer(vader_compat=True)
    analyzer = presslens.Analyzer(mentions=False, quotes=False)
    runs = args.runs
    res: Dict[str, Dict[str, float]] = {}

    def suite(name: str, texts: List[str], vader_runs: int, docs: bool) -> None:
        r: Dict[str, float] = {"texts": len(texts), "words": sum(len(t.split()) for t in texts)}
        r["vader"] = C.median_time(lambda: [vader.polarity_scores(t) for t in texts], vader_runs)
        for mode, sa in (("default", default), ("compat", compat)):
            sa.polarity_scores_many(texts[:10], threads=1)  # warm up
            r[f"{mode}_many"] = C.median_time(lambda: sa.polarity_scores_many(texts, threads=1), runs)
            r[f"{mode}_arrays"] = C.median_time(lambda: sa.polarity_arrays(texts, threads=1), runs)
            r[f"{mode}_loop"] = C.median_time(lambda: [sa.polarity_scores(t) for t in texts], runs)
        if docs:
            r["analyze_docs"] = C.median_time(lambda: [d.sentiment for d in analyzer.analyze_many(texts, threads=1)], runs)
        for k in list(r):
            if k not in ("texts", "words", "vader"):
                r[f"speedup_{k}"] = r["vader"] / r[k]
        res[name] = r

    snippets = load_snippets(args.data)
    articles = load_articles(args.data)
    suite("nyt_snippets", snippets, runs, docs=False)

    # The Python-boundary floor of each entry point: the same calls on as many empty strings
    # (no scoring work), so the time is the call, the text conversion and the result objects.
    empty = [""] * len(snippets)
    floor: Dict[str, float] = {"texts": len(empty)}
    floor["many"] = C.median_time(lambda: default.polarity_scores_many(empty, threads=1), runs)
    floor["arrays"] = C.median_time(lambda: default.polarity_arrays(empty, threads=1), runs)
    floor["loop"] = C.median_time(lambda: [default.polarity_scores(t) for t in empty], runs)
    bound = default._core.polarity_scores
    floor["loop_core_method"] = C.median_time(lambda: [bound(t) for t in empty], runs)
    floor["loop_len"] = C.median_time(lambda: [len(t) for t in empty], runs)  # the Python loop itself
    res["binding_floor"] = floor
    suite("articles_200", articles, max(1, min(runs, 3)), docs=True)

    # Linear time on long input. These presslens calls take about 1 and 10 ms, where a median of
    # a few runs still moves by 10-20 % on a shared machine: at least 21 runs each.
    t4 = text_of_words(articles, 4000)
    t40 = text_of_words(articles, 40000)
    long_runs = max(runs, 21)
    long: Dict[str, float] = {"runs": long_runs}
    for mode, sa in (("default", default), ("compat", compat)):
        a = C.median_time(lambda: sa.polarity_scores(t4), long_runs)
        b = C.median_time(lambda: sa.polarity_scores(t40), long_runs)
        long[f"{mode}_4k"], long[f"{mode}_40k"], long[f"{mode}_ratio"] = a, b, b / a
    a = C.median_time(lambda: analyzer.analyze(t4).sentiment, long_runs)
    b = C.median_time(lambda: analyzer.analyze(t40).sentiment, long_runs)
    long["analyze_4k"], long["analyze_40k"], long["analyze_ratio"] = a, b, b / a
    long["vader_4k"] = C.median_time(lambda: vader.polarity_scores(t4), 1)
    if args.vader_long:
        long["vader_40k"] = C.median_time(lambda: vader.polarity_scores(t40), 1)
        long["vader_ratio"] = long["vader_40k"] / long["vader_4k"]
    res["long_text"] = long

    print(f"{'workload':14} {'system':28} {'seconds':>10} {'x VADER':>9}")
    for name in ("nyt_snippets", "articles_200"):
        r = res[name]
        print(f"{name:14} {'vaderSentiment':28} {r['vader']:10.4f} {1.0:9.1f}")
        for k in r:
            if k.startswith("speedup_"):
                key = k[len("speedup_"):]
                print(f"{'':14} {'presslens ' + key:28} {r[key]:10.4f} {r[k]:9.1f}")
    f = res["binding_floor"]
    print("\nper-call floor on empty strings (us per text): " + ", ".join(
        f"{k} {f[k] * 1e6 / f['texts']:.3f}" for k in ("many", "arrays", "loop", "loop_core_method", "loop_len")))
    r = res["nyt_snippets"]
    print("per NYT snippet (us): vaderSentiment " + f"{r['vader'] * 1e6 / r['texts']:.1f}; presslens " + ", ".join(
        f"{k} {r[k] * 1e6 / r['texts']:.2f}" for k in r if k.startswith(("default_", "compat_"))))
    print(f"\nlong text (one call, medians of {long['runs']} runs): 4k words -> 40k words")
    for mode in ("default", "compat", "analyze"):
        print(f"  presslens {mode:8} {long[mode + '_4k']:.4f}s -> {long[mode + '_40k']:.4f}s  ratio {long[mode + '_ratio']:.1f}x")
    if "vader_40k" in long:
        print(f"  vaderSentiment    {long['vader_4k']:.3f}s -> {long['vader_40k']:.3f}s  ratio {long['vader_ratio']:.1f}x")
    else:
        print(f"  vaderSentiment    {long['vader_4k']:.3f}s on 4k words (40k: run with --vader-long)")
    # The machine is shared: the load average says how much the absolute times are inflated.
    load = C.load_average()
    print(f"load average at the end: {load}")
    print(json.dumps({"bench": "sentiment_speed", "presslens_version": presslens.__version__, "runs": runs,
                      "threads": 1, "load_average": load, **res}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
