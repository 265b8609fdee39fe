"""Tone toward a person, per article: presslens tone_toward vs article-level baselines on BASIL.

BASIL (Fan et al., EMNLP 2019; see the data README: no license stated, development use only)
gives, for each article, the annotators' reading of the *author's feeling* toward the article's
main entities (``author_feeling_<Entity_Name>``: neg / neu / pos). For every such (article,
entity) pair, each system predicts one of the three labels:

  * presslens ``Document.tone_toward``: the mean target-dependent sentiment of the mentions of the
    entities matching the name (``presslens.corpus.names_match``), labelled at +-0.05; no mention
    found -> neu;
  * presslens document sentiment: the article's own label, the same for every entity in it;
  * vaderSentiment on the whole article (what gluing VADER to news gives), the same for every
    entity;
  * the majority label (neu).

Reports accuracy and 3-class macro-F1 over all pairs, and how many entities presslens found in
the text. ``main_event`` labels are left out (they name no entity).

Usage: python bench/eval_tone_toward.py [--data ../shared/data/outlets-dev]
Prints a table and ends with ONE JSON line.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "outlets-dev"
LABELS = ["neg", "neu", "pos"]


def gold_label(value: str) -> str:
    return {"str-neg": "neg", "wk-neg": "neg", "str-pos": "pos", "wk-pos": "pos"}.get(value, value)


def label_of(score: float) -> str:
    return "pos" if score >= 0.05 else "neg" if score <= -0.05 else "neu"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a folder in the outlets-dev layout")
    args = ap.parse_args(argv)

    import presslens
    from presslens.corpus import _toward_in_document  # what Corpus.tone_toward sums per document
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    pairs: List[Dict[str, str]] = []
    found = 0
    for article in C.load_basil(args.data):
        ann = json.loads(article["annotation_path"].read_text(encoding="utf-8"))["article-level-annotations"]
        text = article["text"]
        doc = presslens.analyze(text)
        doc_label = label_of(doc.sentiment.compound)
        vader_label = label_of(vader.polarity_scores(text)["compound"])
        for key, value in ann.items():
            if not key.startswith("author_feeling_") or key == "author_feeling_main_event" or not value:
                continue
            name = key[len("author_feeling_"):].replace("_", " ")
            mentions, total, _, _ = _toward_in_document(doc, name)
            found += bool(mentions)
            toward = label_of(total / mentions) if mentions else "neu"
            pairs.append({"gold": gold_label(value), "tone_toward": toward, "document": doc_label,
                          "vader_article": vader_label, "majority": "neu"})
    if not pairs:
        raise SystemExit(f"no author_feeling annotations under {args.data}")
    gold = [p["gold"] for p in pairs]
    res: Dict[str, object] = {"pairs": len(pairs), "entities_found": found,
                              "gold_counts": {k: gold.count(k) for k in LABELS}}
    rows = []
    for system in ("tone_toward", "document", "vader_article", "majority"):
        pred = [p[system] for p in pairs]
        acc = sum(a == b for a, b in zip(gold, pred)) / len(pairs)
        f1 = C.macro_f1(gold, pred, LABELS)
        res[system] = {"accuracy": acc, "macro_f1": f1, "predicted": {k: pred.count(k) for k in LABELS}}
        rows.append([system, f"{acc:.3f}", f"{f1:.3f}", " / ".join(str(pred.count(k)) for k in LABELS)])
    print(f"{len(pairs)} (article, entity) pairs; gold neg / neu / pos: "
          + " / ".join(str(gold.count(k)) for k in LABELS) + f"; presslens found {found} of the entities in the text")
    print(C.format_table(["system", "accuracy", "macro-F1", "predicted neg / neu / pos"], rows))
    C.print_json_last({"bench": "eval_tone_toward", **res})
    return 0


if __name__ == "__main__":
    sys.exit(main())
