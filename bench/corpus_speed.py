"""Corpus statistics speed: presslens.Corpus vs scikit-learn + NumPy, in one process on the same articles.

The job a user would otherwise write with scikit-learn: count the words of every article
(CountVectorizer with its English stop words), sum them per outlet, weight by idf and take the
cosine similarity of the outlets (and of all article pairs), and rank each outlet's distinctive
words by the log-odds ratio with an informative Dirichlet prior (the formula of docs/corpus.md, in
vectorised NumPy). presslens does the same with the functions behind ``Corpus``:

  * ``stats``: the statistics alone, on articles presslens has segmented anyway: term counts from
    the documents' tokens, per-outlet sums, idf, outlet similarity, document similarity,
    distinctive words;
  * ``from_text``: segmentation (no mentions, quotes or sentiment) plus the same statistics,
    against scikit-learn starting from the raw text as well;
  * ``corpus``: the whole ``Corpus`` on fully analysed documents (quotes and sentiment), with its
    four tables (tone, share of voice, distinctive words, outlet similarity) and the document
    similarity: more work than scikit-learn does, shown for scale.

Both sides single-threaded (``threads=1``), then presslens on all cores. Times are medians of
``--runs`` runs. The articles are the BASIL articles of ``--data``/outlets-dev (the outlet read
from manifest.tsv), cycled to ``--articles`` articles.

Usage: python bench/corpus_speed.py [--data DIR] [--articles 600] [--runs 5]
Prints a table and ends with ONE JSON line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Dict, List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"


def load_articles(data: Path, n: int) -> Tuple[List[str], List[str]]:
    articles = C.load_basil(data / "outlets-dev")
    if not articles:
        raise SystemExit(f"no articles under {data / 'outlets-dev'}")
    return [articles[i % len(articles)]["text"] for i in range(n)], [articles[i % len(articles)]["outlet"] for i in range(n)]


def sklearn_job(texts: List[str], outlets: List[str], prior: float = 500.0, top: int = 20, min_count: float = 5.0):
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = CountVectorizer(stop_words="english")
    counts = vectorizer.fit_transform(texts)  # documents x terms, CSR
    labels = list(dict.fromkeys(outlets))
    g = np.array([labels.index(o) for o in outlets])
    member = sparse.csr_matrix((np.ones(len(g)), (g, np.arange(len(g)))), shape=(len(labels), len(g)))
    grouped = (member @ counts).toarray()
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = np.log((1 + counts.shape[0]) / (1 + df)) + 1
    group_similarity = cosine_similarity(grouped * idf)
    document_similarity = cosine_similarity(counts @ sparse.diags(idf))
    total = grouped.sum(axis=0)
    n_all = total.sum()
    alpha = prior * total / n_all
    terms = vectorizer.get_feature_names_out()
    ranked = []
    for k in range(len(labels)):
        y, n = grouped[k], grouped[k].sum()
        y_rest, n_rest = total - y, n_all - n
        delta = np.log((y + alpha) / (n + prior - y - alpha)) - np.log((y_rest + alpha) / (n_rest + prior - y_rest - alpha))
        z = delta / np.sqrt(1 / (y + alpha) + 1 / (y_rest + alpha))
        z[total < min_count] = -np.inf
        best = np.argsort(-z)[:top]
        ranked.append([terms[i] for i in best if z[i] > 0])
    return group_similarity, document_similarity, ranked


def presslens_stats(docs, outlets: List[str], threads: int, prior: float = 500.0, top: int = 20,
                    min_count: float = 5.0):
    """The job of sklearn_job with presslens's C++ functions (those Corpus uses)."""
    from presslens import _core

    counts = _core.TermCounts.count([d._core for d in docs], threads=threads)
    labels = list(dict.fromkeys(outlets))
    grouped = counts.sum_rows([labels.index(o) for o in outlets], len(labels))
    idf = _core.inverse_document_frequency(counts)
    group_similarity = _core.cosine_similarity(grouped, idf)
    document_similarity = _core.cosine_similarity(counts, idf)
    ranked = [[t[0] for t in terms] for terms in _core.distinctive_terms(grouped, prior, top, min_count)]
    return group_similarity, document_similarity, ranked


def presslens_corpus(docs, outlets: List[str], threads: int):
    import presslens

    corpus = presslens.Corpus(docs, threads=threads)
    return (corpus.tone(outlets), corpus.share_of_voice(outlets), corpus.distinctive_words(outlets),
            corpus.similarity(outlets), corpus.similarity())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (outlets-dev inside)")
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)

    import presslens

    texts, outlets = load_articles(args.data, args.articles)
    words = sum(len(t.split()) for t in texts)
    threads = presslens._core.hardware_threads()
    segmenter = presslens.Analyzer(mentions=False, quotes=False, sentiment=False)
    docs = segmenter.analyze_many(texts, threads=threads)
    runs = args.runs
    r: Dict[str, float] = {"articles": len(texts), "words": words, "threads": threads}
    sklearn_job(texts[:10], outlets[:10])  # warm-up: the imports are not part of the job
    presslens_stats(docs[:10], outlets[:10], 1)
    r["sklearn"] = C.median_time(lambda: sklearn_job(texts, outlets), runs)
    r["presslens_stats_1"] = C.median_time(lambda: presslens_stats(docs, outlets, 1), runs)
    r["presslens_stats_all"] = C.median_time(lambda: presslens_stats(docs, outlets, threads), runs)
    r["presslens_from_text_1"] = C.median_time(
        lambda: presslens_stats(segmenter.analyze_many(texts, threads=1), outlets, 1), runs)
    r["presslens_from_text_all"] = C.median_time(
        lambda: presslens_stats(segmenter.analyze_many(texts, threads=threads), outlets, threads), runs)
    analysed = presslens.Analyzer().analyze_many(texts, threads=threads)
    r["presslens_corpus_1"] = C.median_time(lambda: presslens_corpus(analysed, outlets, 1), runs)
    for k in [k for k in r if k.startswith("presslens_")]:
        r["speedup_" + k[len("presslens_"):]] = r["sklearn"] / r[k]

    # The two sides agree where they count the same: the outlets' similarity (different stop-word
    # lists and tokenizers, so close, not equal).
    ours = presslens_stats(docs, outlets, threads)[0]
    theirs = sklearn_job(texts, outlets)[0]
    r["max_group_similarity_difference"] = float(abs(ours - theirs).max())

    rows = [["scikit-learn + NumPy (from raw text)", f"{r['sklearn']:.3f}", "1.0"]]
    for key, label in (("stats_1", "presslens stats, 1 thread"), ("stats_all", f"presslens stats, {threads} threads"),
                       ("from_text_1", "presslens from raw text, 1 thread"),
                       ("from_text_all", f"presslens from raw text, {threads} threads"),
                       ("corpus_1", "presslens Corpus, all tables (1 thread)")):
        rows.append([label, f"{r['presslens_' + key]:.3f}", f"{r['speedup_' + key]:.1f}"])
    print(f"{len(texts)} articles, {words:,} words; medians of {runs} runs")
    print(C.format_table(["system", "seconds", "x scikit-learn"], rows))
    print(f"largest difference of the outlet-similarity tables: {r['max_group_similarity_difference']:.3f}")
    r["load_average"] = C.load_average()
    C.print_json_last({"bench": "corpus_speed", **r})
    return 0


if __name__ == "__main__":
    sys.exit(main())
