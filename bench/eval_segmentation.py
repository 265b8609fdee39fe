#!/usr/bin/env python3
"""Sentence and token segmentation accuracy of presslens and peer tools against UD gold spans.

Reads every ``*_spans.jsonl`` file of a directory (one JSON document per line:
{"doc_id", "split", "text", "sentences": [[s, e], ...], "tokens": [[s, e], ...]}, code-point
offsets) and scores each system, document by document, CoNLL-2018 style:

* sentences: a predicted sentence matches if its span, trimmed of surrounding white space, equals
  a gold sentence span; P = matches / predicted, R = matches / gold, F1 = harmonic mean (micro over
  all sentences of a dataset);
* tokens: a predicted token matches if its character span (white space excluded) equals a gold
  UD *surface* token span (a multiword token such as "don't" is one span).

Systems: presslens (``presslens.analyze``), pySBD, spaCy blank + sentencizer, NLTK punkt and syntok.
presslens tokens are mapped to UD surface conventions first (``presslens.evaluation.ud_surface_spans``,
documented in docs/segmentation.md); peers are scored on their native tokens. Files whose documents carry several
``split`` values (gum_news: train/dev) are also reported per split. Then the errors presslens makes
on GUM news are grouped into patterns with examples.

The output ends with exactly one JSON line holding every figure.

    python bench/eval_segmentation.py --data ../shared/data/tokenize-dev
    python bench/eval_segmentation.py --files 'gum_news*' --errors 8
"""

from __future__ import annotations

import argparse
import collections
import fnmatch
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402


# --------------------------------------------------------------------------------------------
# scoring


def prf(match: int, pred: int, gold: int):
    p = match / pred if pred else 0.0
    r = match / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def score_doc(text, gold_sents, gold_toks, pred_sents, pred_toks):
    gs = set(map(tuple, gold_sents))
    ps = set(C.trim_spans(text, pred_sents))
    out = {
        "sent_match": len(gs & ps),
        "sent_pred": len(ps),
        "sent_gold": len(gs),
    }
    gt = set(map(tuple, gold_toks))
    out["tok_gold"] = len(gt)
    if pred_toks is None:
        out["tok_match"] = out["tok_pred"] = None
    else:
        pt = set(C.trim_spans(text, pred_toks))
        out["tok_match"] = len(gt & pt)
        out["tok_pred"] = len(pt)
    return out


def aggregate(rows):
    tot = collections.Counter()
    has_tok = True
    secs = 0.0
    for r in rows:
        for k in ("sent_match", "sent_pred", "sent_gold", "tok_gold"):
            tot[k] += r[k]
        if r["tok_match"] is None:
            has_tok = False
        else:
            tot["tok_match"] += r["tok_match"]
            tot["tok_pred"] += r["tok_pred"]
        secs += r["seconds"]
    sp, sr, sf = prf(tot["sent_match"], tot["sent_pred"], tot["sent_gold"])
    res = {
        "docs": len(rows),
        "sent_p": sp,
        "sent_r": sr,
        "sent_f1": sf,
        "sent_gold": tot["sent_gold"],
        "sent_pred": tot["sent_pred"],
        "sent_match": tot["sent_match"],
        "seconds": secs,
        "chars": sum(r["chars"] for r in rows),
    }
    if has_tok:
        tp, tr, tf = prf(tot["tok_match"], tot["tok_pred"], tot["tok_gold"])
        res.update(tok_p=tp, tok_r=tr, tok_f1=tf, tok_gold=tot["tok_gold"], tok_pred=tot["tok_pred"],
                   tok_match=tot["tok_match"])
    else:
        res.update(tok_p=None, tok_r=None, tok_f1=None)
    return res


# --------------------------------------------------------------------------------------------
# error analysis (for one system, usually presslens)

_TERMINAL = ".!?…"
_QUOTES_CLOSE = "\"'”’»)]"


def _ctx(text, pos, width=45):
    left = text[max(0, pos - width):pos].replace("\n", "⏎")
    right = text[pos:pos + width].replace("\n", "⏎")
    return f"…{left}‖{right}…"


def _last_word(text, end):
    s = end
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    return text[s:end]


def classify_missed(text, end, nxt):
    """Why a gold sentence boundary at ``end`` (next sentence starting at ``nxt``) may be missed."""
    between = text[end:nxt]
    last = text[end - 1] if end else ""
    word = _last_word(text, end)
    if "\n" in between:
        return "missed: paragraph break (\\n\\n) not a boundary"
    if last in _QUOTES_CLOSE and end >= 2 and text[end - 2] in _TERMINAL:
        return f"missed: after terminal punctuation + closing {last!r}"
    if last in _TERMINAL:
        if re.fullmatch(r"(?:[A-Za-z]\.){2,}", word):
            return "missed: sentence ends with a dotted abbreviation (U.S. / D.C.)"
        if last == "." and re.fullmatch(r"[A-Z][a-z]{0,3}\.", word):
            return f"missed: '.' after short capitalised word ({word})"
        if nxt < len(text) and text[nxt].islower():
            return f"missed: {last!r} then lower-case start"
        if nxt < len(text) and not text[nxt].isalpha():
            return f"missed: {last!r} then non-letter start ({text[nxt]!r})"
        return f"missed: plain {last!r} + capitalised next word"
    if last == ":":
        return "missed: gold splits after ':'"
    if last == ";":
        return "missed: gold splits after ';'"
    if last in "-–—":
        return "missed: gold splits after a dash"
    if between == "" and text[nxt:nxt + 1] in "\"“'‘":
        return "missed: gold boundary before an opening quote with no space"
    return "missed: gold sentence has no final punctuation (heading/caption/list-like)"


def classify_spurious(text, end, nxt_start):
    last = text[end - 1] if end else ""
    word = _last_word(text, end)
    core = word.strip("\"'“”‘’()[]")
    if last == "." and re.fullmatch(r"(?:[A-Za-z]\.){2,}", core):
        return f"false split: after dotted abbreviation ({core})"
    if last == "." and re.fullmatch(r"[A-Z]\.", core):
        return "false split: after an initial (J.)"
    if last == "." and re.fullmatch(r"[A-Za-z]{1,5}\.", core):
        return f"false split: after short word + '.' ({core})"
    if last in _TERMINAL and nxt_start < len(text) and text[nxt_start] in "\"“”'’":
        return f"false split: {last!r} before a quote mark"
    if last in _TERMINAL and nxt_start < len(text) and text[nxt_start].islower():
        return f"false split: {last!r} then lower-case"
    if last in _TERMINAL:
        return f"false split: at {last!r} (gold continues: quotation / attribution / other)"
    if last in _QUOTES_CLOSE:
        return f"false split: after {last!r}"
    if last in ":;":
        return f"false split: after {last!r}"
    return f"false split: after {last!r} (no terminal punctuation)"


def sentence_errors(docs, preds):
    """Boundary-level errors: a boundary is the end offset of a (trimmed) sentence."""
    patterns = collections.defaultdict(list)
    for d in docs:
        text = d["text"]
        gold = [tuple(x) for x in d["sentences"]]
        pred = sorted(C.trim_spans(text, preds[d["doc_id"]][0]))
        gold_end = {e: (gold[i + 1][0] if i + 1 < len(gold) else len(text)) for i, (s, e) in enumerate(gold)}
        pred_end = {e: (pred[i + 1][0] if i + 1 < len(pred) else len(text)) for i, (s, e) in enumerate(pred)}
        g_only = sorted(set(gold_end) - set(pred_end))
        p_only = sorted(set(pred_end) - set(gold_end))
        # a gold and a predicted boundary within 3 characters: misplaced, not missing + extra
        used_p = set()
        for g in g_only:
            near = [p for p in p_only if abs(p - g) <= 3 and p not in used_p]
            if near:
                p = near[0]
                used_p.add(p)
                lo, hi = min(g, p), max(g, p)
                where = "after" if p > g else "before"
                key = f"misplaced: predicted end {hi - lo} char(s) {where} gold end (chars {text[lo:hi]!r})"
                patterns[key].append((d["doc_id"], g, _ctx(text, g) + f"  (pred at {p - g:+d})"))
                continue
            key = classify_missed(text, g, gold_end[g])
            patterns[key].append((d["doc_id"], g, _ctx(text, g)))
        for p in p_only:
            if p in used_p:
                continue
            key = classify_spurious(text, p, pred_end[p])
            patterns[key].append((d["doc_id"], p, _ctx(text, p)))
    return patterns


def _shape(s):
    s = re.sub(r"[A-Z]", "X", s)
    s = re.sub(r"[a-z]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1{2,}", r"\1\1", s)


def token_errors(docs, preds):
    """Clusters of overlapping gold-only / predicted-only token spans, keyed by their shapes."""
    patterns = collections.defaultdict(list)
    for d in docs:
        text = d["text"]
        gold = set(map(tuple, d["tokens"]))
        pred = set(C.trim_spans(text, preds[d["doc_id"]][1] or []))
        items = sorted([(s, e, "g") for s, e in gold - pred] + [(s, e, "p") for s, e in pred - gold])
        clusters, cur, cur_end = [], [], -1
        for it in items:
            if cur and it[0] >= cur_end:
                clusters.append(cur)
                cur = []
            cur.append(it)
            cur_end = max(cur_end, it[1]) if len(cur) > 1 else it[1]
        if cur:
            clusters.append(cur)
        for cl in clusters:
            g = [text[s:e] for s, e, k in cl if k == "g"]
            p = [text[s:e] for s, e, k in cl if k == "p"]
            key = " ".join(map(_shape, g)) or "∅"
            key = f"gold [{key}] vs predicted [{' '.join(map(_shape, p)) or '∅'}]"
            ex = f"gold {g} vs pred {p}   {_ctx(text, cl[0][0], 25)}"
            patterns[key].append((d["doc_id"], cl[0][0], ex))
    return patterns


def print_patterns(title, patterns, top, examples):
    total = sum(len(v) for v in patterns.values())
    print(f"\n{title}: {total} errors in {len(patterns)} patterns (top {top})")
    for key, lst in sorted(patterns.items(), key=lambda kv: -len(kv[1]))[:top]:
        print(f"  {len(lst):4d}  {key}")
        for doc_id, pos, ex in lst[:examples]:
            print(f"          {doc_id}@{pos}: {ex}")
    return {k: len(v) for k, v in sorted(patterns.items(), key=lambda kv: -len(kv[1]))}


# --------------------------------------------------------------------------------------------


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Sentence-boundary and token F1 (CoNLL-2018 style) of presslens and peers on "
        "*_spans.jsonl gold files. Ends with one JSON line holding every figure.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    ap.add_argument("--data", type=Path, default=C.DEFAULT_DATA, help="directory with *_spans.jsonl files")
    ap.add_argument("--files", default="*_spans.jsonl", help="glob pattern of the files to read in --data")
    ap.add_argument("--systems", default="presslens,pysbd,spacy,nltk,syntok",
                    help="comma-separated subset of presslens,pysbd,spacy,nltk,syntok")
    ap.add_argument("--errors", type=int, default=12,
                    help="show this many top presslens error patterns (0: none)")
    ap.add_argument("--examples", type=int, default=3, help="examples shown per error pattern")
    ap.add_argument("--errors-files", default="gum_news*",
                    help="glob of dataset names whose presslens errors are analysed")
    ap.add_argument("--errors-system", default="presslens", help="system whose errors are analysed")
    ap.add_argument("--presslens-full", action="store_true",
                    help="score presslens.analyze with every stage on (default: stages other than "
                    "segmentation switched off where presslens allows it; segmentation is the same)")
    args = ap.parse_args(argv)

    files = sorted((f for f in args.data.glob("*") if fnmatch.fnmatch(f.name, args.files)
                    and f.name.endswith(".jsonl")), key=lambda f: ("news" not in f.name, f.name))
    if not files:
        ap.error(f"no files matching {args.files!r} in {args.data}")
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]

    notes = []
    systems = []  # (name, label, runner)
    skipped = {}
    if "presslens" in wanted:
        pl, reason = C.import_presslens()
        if pl is None:
            skipped["presslens"] = reason
        else:
            ver = getattr(pl, "__version__", "?")
            if args.presslens_full:
                analyze, desc = pl.analyze, "presslens.analyze(text) (full pipeline)"
            else:  # segmentation is what is scored; switch the other stages off where possible
                analyze, _, desc = C.segmentation_entry_points(pl)
            systems.append(("presslens", f"presslens {ver}", C.PresslensSystem(analyze)))
            notes.append(f"presslens: {desc}")
    peers, peer_skipped = C.load_peers([w for w in wanted if w != "presslens"])
    for name, reason in peer_skipped:
        skipped[name] = reason
    for p in peers:
        systems.append((p.name, p.label, p))
        notes.append(p.note)
    notes.append(C.UD_MAPPING_NOTE)

    print("== Segmentation accuracy vs UD gold (CoNLL-2018 style, micro-averaged) ==")
    print(f"data: {args.data}  files: {', '.join(f.name for f in files)}")
    for n in notes:
        print(f"note: {n}")
    for name, reason in skipped.items():
        print(f"SKIPPED {name}: {reason}")
    sys.stdout.flush()

    # datasets: per file, plus per split if a file has several
    datasets = collections.OrderedDict()
    all_docs = {}
    for f in files:
        docs = C.load_spans_file(f)
        ds = f.name[: -len("_spans.jsonl")] if f.name.endswith("_spans.jsonl") else f.stem
        keyed = [((f.name, d["doc_id"]), d) for d in docs]
        datasets[ds] = keyed
        order = {"train": 0, "dev": 1, "test": 2}
        splits = sorted({d.get("split") for d in docs if d.get("split")}, key=lambda x: (order.get(x, 9), x))
        if len(splits) > 1:
            for sp in splits:
                datasets[f"{ds}:{sp}"] = [(k, d) for k, d in keyed if d.get("split") == sp]
        for k, d in keyed:
            all_docs[k] = d

    results = {}  # name -> ds -> aggregate
    extra_rows = {}  # extra result rows (name -> label) that are not separate systems
    failures = {}
    preds_by_system = {}
    for name, label, runner in systems:
        per_doc = {}
        preds = {}
        fails = []
        for (fname, doc_id), d in all_docs.items():
            text = d["text"]
            t0 = time.perf_counter()
            try:
                sents, toks = runner.run(text)[:2]
            except Exception as exc:  # a crash on one document is reported, not fatal
                sents, toks = [], ([] if getattr(runner, "has_tokens", True) else None)
                fails.append(f"{doc_id}: {type(exc).__name__}: {exc}")
            dt = time.perf_counter() - t0
            row = score_doc(text, d["sentences"], d["tokens"], sents, toks)
            row["seconds"] = dt
            row["chars"] = len(text)
            per_doc[(fname, doc_id)] = row
            preds[(fname, doc_id)] = (sents, toks)
        preds_by_system[name] = preds
        if fails:
            failures[name] = fails
        results[name] = {}
        for ds, keyed in datasets.items():
            results[name][ds] = aggregate([per_doc[k] for k, _ in keyed])
        print(f"  ran {label}: {sum(r['seconds'] for r in per_doc.values()):.2f} s", flush=True)
        problems = getattr(runner, "problems", [])
        for pmsg in problems:
            print(f"  WARNING {name}: {pmsg}")
    for name, fails in failures.items():
        print(f"WARNING {name} raised on {len(fails)} document(s), scored as empty: {fails[:3]}")

    # ---- error analysis
    error_summary = {}
    err_sys = args.errors_system
    if args.errors > 0 and err_sys in preds_by_system:
        print(f"\n== {err_sys} error patterns (datasets {args.errors_files}; "
              "'‖' marks the boundary / token start) ==")
        seen = set()
        dlist, preds = [], {}
        for ds, keyed in datasets.items():
            if ":" in ds or not fnmatch.fnmatch(ds, args.errors_files):
                continue
            for k, d in keyed:
                if d["doc_id"] not in seen:
                    seen.add(d["doc_id"])
                    dlist.append(d)
                    preds[d["doc_id"]] = preds_by_system[err_sys][k]
        print(f"({len(dlist)} documents; shapes: X upper, x lower, d digit, runs shortened to 2)")
        error_summary["system"] = err_sys
        error_summary["sentence_boundary"] = print_patterns(
            f"{err_sys} sentence boundary errors", sentence_errors(dlist, preds), args.errors, args.examples)
        if err_sys != "pysbd":
            error_summary["token"] = print_patterns(
                f"{err_sys} token errors" + (" (after the UD mapping)" if err_sys == "presslens" else ""),
                token_errors(dlist, preds), args.errors, args.examples)

    # ---- table
    print("\n== Results (sentence P/R/F1 and token F1 in %, time = wall seconds for the dataset) ==")
    headers = ["dataset", "system", "docs", "sents", "sent P", "sent R", "sent F1", "tok F1", "time s"]
    rows = []
    labels = {name: label for name, label, _ in systems}
    labels.update(extra_rows)
    order = []
    for name, label, _ in systems:
        order.append(name)
        if name == "presslens":
            order += list(extra_rows)
    for ds in datasets:
        for name in order:
            label = labels[name]
            r = results[name][ds]
            rows.append([ds, label, r["docs"], r["sent_gold"], f"{r['sent_p']:.2f}", f"{r['sent_r']:.2f}",
                         f"{r['sent_f1']:.2f}", "n/a" if r["tok_f1"] is None else f"{r['tok_f1']:.2f}",
                         f"{r['seconds']:.2f}"])
        for name in skipped:
            rows.append([ds, name, "", "", "", "", "", "", "skipped"])
    print(C.format_table(headers, rows))
    print("token F1: presslens after the UD mapping above; peers native (pySBD has no tokenizer).")

    def fig(key):
        return {name: {ds: (None if r[key] is None else round(r[key], 2)) for ds, r in per.items()}
                for name, per in results.items()}

    out = {
        "benchmark": "eval_segmentation",
        "data": str(args.data),
        "sentence_f1": fig("sent_f1"),
        "sentence_precision": fig("sent_p"),
        "sentence_recall": fig("sent_r"),
        "token_f1": fig("tok_f1"),
        "token_precision": fig("tok_p"),
        "token_recall": fig("tok_r"),
        "seconds": {name: {ds: round(r["seconds"], 3) for ds, r in per.items()} for name, per in results.items()},
        "gold_sentences": {ds: sum(len(d["sentences"]) for _, d in kd) for ds, kd in datasets.items()},
        "gold_tokens": {ds: sum(len(d["tokens"]) for _, d in kd) for ds, kd in datasets.items()},
        "systems": labels,
        "skipped": skipped,
        "failures": {k: len(v) for k, v in failures.items()},
        "notes": notes,
        "error_patterns": error_summary,
    }
    C.print_json_last(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
