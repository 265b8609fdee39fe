"""Speakers of quoted spans on BASIL (same events, three outlets): does presslens name the annotated speaker?

    python bench/eval_outlets_speakers.py --data ../shared/data/outlets-dev

BASIL (Fan et al., EMNLP 2019; see the data README: no license stated, development use only)
annotates biased spans; those marked ``quote: yes`` carry a normalised ``speaker`` label
("Donald_Trump", "Democratic_lawmakers"). Labels ``other_*`` give a stance, not a speaker, and
are skipped; spans in titles are skipped too (the title is not in the body text).

The body is rebuilt as one paragraph per line, sentences joined by one space. For every annotated
span, the presslens quote overlapping it most (direct, partial, indirect, according_to) gives the
speaker entity. Two matching rules are reported side by side:

* strict (the original rule): the label's last word (a surname or a group noun) is one of the
  words of the entity's name, title or mentions, or all label words are (a plural/singular
  difference of the last word is allowed: "lawmakers" / "lawmaker").
* group-aware: strict, or -- for a group label only (its last word is plural: "Democratic_lawmakers",
  "Catholics") -- the label's words all map to affiliation constraints and the speaker entity's
  text-derived affiliation (``Entity.party``, ``.role``, ``.groups``; see mentions.hpp) meets every
  one of them. Party words: Democratic/Democrats/Democrat -> party "Democratic",
  Republican(s)/GOP -> "Republican". Role heads: lawmakers/legislators/senators/congressmen/
  representatives -> role "lawmaker". Faith words: Catholics/Catholic -> "Catholic" in groups (and
  the same for the other faiths presslens knows). A label with any other word ("State_Department_
  officials") gets no group rule. When the speaker is a spokesperson, aide or lawyer who speaks for
  someone (``Entity.speaks_for``, "Brendan Buck, spokesman for House Speaker John Boehner
  (R-Ohio)"), the principal's affiliation is used when the speaker's own does not meet the label
  (the spokesman speaks for the lawmaker). Named labels ("Donald_Trump") are scored by the strict
  rule under both columns. The affiliation comes only from the article text (titles,
  "(D-N.Y.)", appositions such as ", Democrat of New Jersey,"), never from a list of people, so an
  article that does not say a lawmaker's party cannot match a party label.

Reports: spans, spans covered by a presslens quote, speaker matches among all spans and among the
covered ones, both rules, per label kind (named / group) and per outlet; ends with one JSON line.
No peer here: textacy names no speaker entity, only a token span, so it cannot be compared on
normalised labels.
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
    """The strict rule: label words against the words of the entity's name, title and mentions."""
    lw = [w for w in words(label.replace("_", " ")) if w not in ("the", "of")]
    if not lw or ent is None:
        return False
    ew = entity_words(ent)
    if lw[-1] in ew or all(w in ew for w in lw):
        return True
    # plural/singular group heads: "lawmakers" / "lawmaker"
    return lw[-1].rstrip("s") in {w.rstrip("s") for w in ew}


PARTY_WORDS = {"democratic": "Democratic", "democrats": "Democratic", "democrat": "Democratic",
               "republican": "Republican", "republicans": "Republican", "gop": "Republican"}
ROLE_HEADS = {"lawmakers": "lawmaker", "legislators": "lawmaker", "senators": "lawmaker",
              "congressmen": "lawmaker", "representatives": "lawmaker"}
FAITH_WORDS = {"catholics": "Catholic", "catholic": "Catholic", "evangelicals": "Evangelical",
               "jews": "Jewish", "muslims": "Muslim", "mormons": "Mormon"}
SPEAKS_FOR_ROLES = ("spokesperson", "aide", "lawyer")


def is_group_label(label: str) -> bool:
    lw = words(label.replace("_", " "))
    return bool(lw) and lw[-1].endswith("s")


def group_constraints(label: str) -> Optional[Dict[str, str]]:
    """Affiliation constraints of a group label, or None when a word has no affiliation meaning."""
    if not is_group_label(label):
        return None
    out: Dict[str, str] = {}
    for w in words(label.replace("_", " ")):
        if w in PARTY_WORDS:
            out["party"] = PARTY_WORDS[w]
        elif w in ROLE_HEADS:
            out["role"] = ROLE_HEADS[w]
        elif w in FAITH_WORDS:
            out["group"] = FAITH_WORDS[w]
        else:
            return None
    return out or None


def affiliation_meets(ent, want: Dict[str, str]) -> bool:
    if ent is None:
        return False
    if "party" in want and ent.party != want["party"]:
        return False
    if "role" in want and ent.role != want["role"]:
        return False
    if "group" in want and want["group"] not in ent.groups:
        return False
    return True


def group_matches(label: str, ent) -> bool:
    """The group-aware rule (see the module docstring): strict, or the affiliation meets the label."""
    if label_matches(label, ent):
        return True
    want = group_constraints(label)
    if want is None or ent is None:
        return False
    if affiliation_meets(ent, want):
        return True
    return ent.role in SPEAKS_FOR_ROLES and affiliation_meets(ent.speaks_for, want)


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
    n = covered = skipped_other = skipped_title = 0
    matched = {"strict": 0, "group_aware": 0}
    by_outlet: Dict[str, Dict[str, int]] = {}
    # label kind -> spans, covered, strict, group_aware
    by_kind: Dict[str, Dict[str, int]] = {k: {"spans": 0, "covered": 0, "strict": 0, "group_aware": 0}
                                          for k in ("named", "group")}
    misses = []
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
            kind = "group" if is_group_label(label) else "named"
            stat = by_outlet.setdefault(row["outlet"], {"spans": 0, "covered": 0, "strict": 0, "group_aware": 0})
            stat["spans"] += 1
            by_kind[kind]["spans"] += 1
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
            stat["covered"] += 1
            by_kind[kind]["covered"] += 1
            ok = {"strict": label_matches(label, best.speaker), "group_aware": group_matches(label, best.speaker)}
            for rule, good in ok.items():
                if good:
                    matched[rule] += 1
                    stat[rule] += 1
                    by_kind[kind][rule] += 1
            if not ok["group_aware"]:
                misses.append((row["outlet"], label, repr(best.speaker) if best.speaker else None, text[s:e][:100]))
    print(f"{len(rows)} articles; {n} quoted spans with a named speaker "
          f"(skipped {skipped_other} other_* labels, {skipped_title} in titles)")

    def frac(a: int, b: int) -> float:
        return a / b if b else 0.0

    print(f"\n{'':<22}{'spans':>7}{'covered':>9}{'strict':>9}{'group-aware':>13}")
    for outlet, v in sorted(by_outlet.items()):
        print(f"{'outlet ' + outlet:<22}{v['spans']:>7}{v['covered']:>9}{v['strict']:>9}{v['group_aware']:>13}")
    for kind, v in by_kind.items():
        print(f"{kind + ' labels':<22}{v['spans']:>7}{v['covered']:>9}{v['strict']:>9}{v['group_aware']:>13}")
    print(f"{'all':<22}{n:>7}{covered:>9}{matched['strict']:>9}{matched['group_aware']:>13}")
    print(f"\ncovered by a presslens quote: {frac(covered, n):.3f}")
    print(f"speaker matches, strict:      {frac(matched['strict'], n):.3f} of all spans, "
          f"{frac(matched['strict'], covered):.3f} of covered")
    print(f"speaker matches, group-aware: {frac(matched['group_aware'], n):.3f} of all spans, "
          f"{frac(matched['group_aware'], covered):.3f} of covered")
    for kind, v in by_kind.items():
        print(f"  {kind} labels (covered): strict {v['strict']}/{v['covered']} = {frac(v['strict'], v['covered']):.3f}, "
              f"group-aware {v['group_aware']}/{v['covered']} = {frac(v['group_aware'], v['covered']):.3f}")
    print(f"presslens analysis time: {secs:.3f} s")
    for m in misses[: args.show]:
        print("  miss (group-aware):", m)
    print(json.dumps({"data": str(args.data), "articles": len(rows), "spans": n, "covered": round(frac(covered, n), 4),
                      "speaker_match": round(frac(matched["strict"], n), 4),
                      "speaker_match_covered": round(frac(matched["strict"], covered), 4),
                      "speaker_match_group_aware": round(frac(matched["group_aware"], n), 4),
                      "speaker_match_group_aware_covered": round(frac(matched["group_aware"], covered), 4),
                      "skipped_other": skipped_other, "skipped_title": skipped_title,
                      "by_label": by_kind, "by_outlet": by_outlet, "seconds": round(secs, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
