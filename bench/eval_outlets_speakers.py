"""Speakers of quoted spans on BASIL (same events, three outlets): does presslens name the annotated speaker?

    python bench/eval_outlets_speakers.py --data ../shared/data/outlets-dev

BASIL (Fan et al., EMNLP 2019; see the data README: no license stated, development use only)
annotates biased spans; those marked ``quote: yes`` carry a normalised ``speaker`` label
("Donald_Trump", "Democratic_lawmakers"). Labels ``other_*`` give a stance, not a speaker, and
are skipped; spans in titles are skipped too (the title is not in the body text).

The body is rebuilt as one paragraph per line, sentences joined by one space. For every annotated
span, the presslens quote overlapping it most (direct, partial, indirect, according_to) gives the
speaker entity. The speaker matches the label when the label's last word (a surname or a group
noun) is one of the words of the entity's name, title or mentions, or all label words are.

Reports: spans, spans covered by a presslens quote, speaker matches among all spans and among the
covered ones; ends with one JSON line. No peer here: textacy names no speaker entity, only a
token span, so it cannot be compared on normalised labels.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "outlets-dev"
_WORDS = re.compile(r"[a-z0-9]+")


def words(s: str) -> List[str]:
    return _WORDS.findall(s.lower().replace("’", "'").replace("'s", ""))


def build_text(article: dict) -> Tuple[str, List[int]]:
    """Body text (a paragraph per line) and the offset of every sentence in it."""
    lines, offsets, pos = [], [], 0
    for para in article["body-paragraphs"]:
        parts = []
        for sent in para:
            offsets.append(pos + sum(len(p) + 1 for p in parts))
            parts.append(sent)
        line = " ".join(parts)
        lines.append(line)
        pos += len(line) + 1
    return "\n".join(lines), offsets


def entity_words(ent) -> set:
    out = set(words(ent.name))
    if ent.title:
        out.update(words(ent.title))
    for m in ent.mentions:
        if not m.is_pronoun:
            out.update(words(m.text))
    return out


def label_matches(label: str, ent) -> bool:
    lw = [w for w in words(label.replace("_", " ")) if w not in ("the", "of")]
    if not lw or ent is None:
        return False
    ew = entity_words(ent)
    if lw[-1] in ew or all(w in ew for w in lw):
        return True
    # plural/singular group heads: "lawmakers" / "lawmaker"
    return lw[-1].rstrip("s") in {w.rstrip("s") for w in ew}


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show", type=int, default=0, help="print N misses")
    args = ap.parse_args(argv)
    manifest = args.data / "manifest.tsv"
    if not manifest.is_file():
        print(f"no manifest.tsv in {args.data}", file=sys.stderr)
        return 2
    import presslens

    rows = list(csv.DictReader(open(manifest, encoding="utf-8"), delimiter="\t"))
    n = covered = matched = matched_covered = skipped_other = skipped_title = 0
    by_outlet: Dict[str, List[int]] = {}
    misses = []
    person_stats: Dict[str, List[int]] = {}
    secs = 0.0
    for row in rows:
        article = json.loads((args.data / row["article_path"]).read_text(encoding="utf-8"))
        ann = json.loads((args.data / row["annotation_path"]).read_text(encoding="utf-8"))
        text, offsets = build_text(article)
        t0 = time.perf_counter()
        doc = presslens.analyze(text, outlet=row["outlet"])
        secs += time.perf_counter() - t0
        quotes = [q for q in doc.quotes]
        for p in ann["phrase-level-annotations"]:
            if p.get("quote") != "yes":
                continue
            label = (p.get("speaker") or "").strip()
            if not label or label.lower().startswith("other"):
                skipped_other += 1
                continue
            if not p["id"].startswith("p"):
                skipped_title += 1
                continue
            k = int(p["id"][1:])
            if k >= len(offsets):
                continue
            s = offsets[k] + int(p["start"])
            e = offsets[k] + int(p["end"])
            n += 1
            stat = by_outlet.setdefault(row["outlet"], [0, 0, 0])
            stat[0] += 1
            # The quote overlapping most; quotes in quote marks before reported speech.
            best, best_key = None, (0, 0)
            for q in quotes:
                ov = min(e, q.end) - max(s, q.start)
                key = (int(q.kind in ("direct", "partial", "turn")), ov)
                if ov > 0 and key > best_key:
                    best, best_key = q, key
            if best is None:
                misses.append((row["outlet"], label, None, text[s:e][:100]))
                continue
            covered += 1
            stat[1] += 1
            ok = label_matches(label, best.speaker)
            group_label = words(label.replace("_", " "))[-1].endswith("s")
            stat_p = person_stats.setdefault("group" if group_label else "named", [0, 0])
            stat_p[0] += 1
            stat_p[1] += int(ok)
            if ok:
                matched += 1
                matched_covered += 1
                stat[2] += 1
            else:
                misses.append((row["outlet"], label, best.speaker.name if best.speaker else None, text[s:e][:100]))
    print(f"{len(rows)} articles; {n} quoted spans with a named speaker "
          f"(skipped {skipped_other} other_* labels, {skipped_title} in titles)")
    print(f"{'outlet':<8}{'spans':>7}{'covered':>9}{'speaker ok':>12}")
    for outlet, (a, b, c) in sorted(by_outlet.items()):
        print(f"{outlet:<8}{a:>7}{b:>9}{c:>12}")
    cov = covered / n if n else 0.0
    acc = matched / n if n else 0.0
    acc_cov = matched_covered / covered if covered else 0.0
    print(f"covered by a presslens quote: {cov:.3f}; speaker matches: {acc:.3f} of all spans, {acc_cov:.3f} of covered")
    for kind, (a, b) in sorted(person_stats.items()):
        print(f"  covered spans with a {kind} label ({'plural: a group' if kind == 'group' else 'a person or body'}): "
              f"{b}/{a} = {b / a if a else 0:.3f}")
    print(f"presslens analysis time: {secs:.3f} s")
    for m in misses[: args.show]:
        print("  miss:", m)
    print(json.dumps({"data": str(args.data), "articles": len(rows), "spans": n, "covered": round(cov, 4),
                      "speaker_match": round(acc, 4), "speaker_match_covered": round(acc_cov, 4),
                      "skipped_other": skipped_other, "skipped_title": skipped_title,
                      "by_label": {k: {"covered": v[0], "matched": v[1]} for k, v in person_stats.items()},
                      "by_outlet": {k: {"spans": v[0], "covered": v[1], "matched": v[2]} for k, v in by_outlet.items()},
                      "seconds": round(secs, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
