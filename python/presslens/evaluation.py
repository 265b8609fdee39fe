"""Scoring helpers: span F1 and the mapping from presslens tokens to Universal Dependencies
surface tokens, so segmentation can be compared with UD treebanks (GUM, EWT).

The mapping (UD English conventions, as in GUM and EWT):

* clitics that presslens splits off ("’s", "n't", "'re", "'ve", "'ll", "'d", "'m", and a bare
  apostrophe after "s") are merged back into the preceding token when no space separates them:
  UD's *surface* token is "don't" / "Warhol's" (its syntactic words are split);
* a leading currency symbol is split off a number ("$1.2" → "$" "1.2"), and so is a trailing "%";
* hyphenated words are split at each hyphen ("well-known" → "well" "-" "known"), except after the
  prefixes UD keeps attached (pro-, anti-, re-, co-, non-, pre-, post-, ex-, self-, ...).

UD itself is not fully consistent on hyphens (GUM keeps about 40 % of them), so this mapping is
an approximation; scores reported with it say so.
"""
from __future__ import annotations

from typing import Iterable, List, Sequence, Set, Tuple

Span = Tuple[int, int]

_CLITICS = {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_KEEP_PREFIXES = {
    "pro", "anti", "re", "co", "non", "pre", "post", "ex", "self", "multi", "semi", "mid", "sub", "inter",
    "counter", "e", "x", "de", "un", "neo", "vice",
}
_CURRENCY = set("$€£¥₹₩₽¢")


def _is_clitic(token_text: str, text: str, start: int) -> bool:
    folded = token_text.replace("’", "'").lower()
    if folded in _CLITICS:
        return True
    return folded == "'" and start > 0 and text[start - 1] in "sS"


def ud_surface_spans(doc) -> List[Span]:
    """presslens tokens of ``doc`` mapped to UD surface-token spans (see the module docstring)."""
    text = doc.text
    out: List[Span] = []
    for tok in doc.tokens:
        s, e, x = tok.start, tok.end, tok.text
        if out and out[-1][1] == s and _is_clitic(x, text, s):
            out[-1] = (out[-1][0], e)
            continue
        if tok.kind == "number" and len(x) > 1 and x[0] in _CURRENCY:
            out.append((s, s + 1))
            s += 1
            x = x[1:]
        if tok.kind == "number" and len(x) > 1 and x.endswith("%"):
            out += [(s, e - 1), (e - 1, e)]
            continue
        if "-" in x and tok.kind in ("word", "number") and not x.startswith("-"):
            parts = x.split("-")
            if all(parts) and parts[0].lower() not in _KEEP_PREFIXES:
                pos = s
                for k, part in enumerate(parts):
                    out.append((pos, pos + len(part)))
                    pos += len(part)
                    if k < len(parts) - 1:
                        out.append((pos, pos + 1))
                        pos += 1
                continue
        out.append((s, e))
    return out


def trimmed(text: str, spans: Iterable[Span]) -> Set[Span]:
    """Spans with surrounding white space removed (CoNLL 2018 sentence matching)."""
    out = set()
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.add((s, e))
    return out


def prf(predicted: Set[Span], gold: Set[Span]) -> Tuple[int, int, int]:
    """(true positives, false positives, false negatives) of exact span matching."""
    tp = len(predicted & gold)
    return tp, len(predicted) - tp, len(gold) - tp


def f1(counts: Sequence[int]) -> float:
    """F1 from (tp, fp, fn); 0 when nothing matched."""
    tp, fp, fn = counts
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
