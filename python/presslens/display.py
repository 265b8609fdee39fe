"""Rich notebook display of documents: the article with its quotes highlighted by speaker."""
from __future__ import annotations

import html
from typing import Any, Dict, List, Optional, Tuple

# Soft colours that keep black text readable; one per speaker, in order of first quote.
_PALETTE = [
    "#ffe08a", "#a8e6cf", "#ffb3ba", "#bae1ff", "#d7bde2", "#ffd1a9", "#c8e6a0", "#f9c6e0",
    "#b5ead7", "#e2d6ff", "#fff3b0", "#c4f0f5",
]
_NO_SPEAKER = "#e0e0e0"
_KIND_STYLE = {
    "direct": "",
    "turn": "",
    "partial": "",
    "indirect": "background:none;border-bottom:3px solid {c};",
    "according_to": "background:none;border-bottom:3px dashed {c};",
}


def _affiliation(ent) -> str:
    """The text-derived affiliation of a speaker for tooltips ("Democratic lawmaker")."""
    from .quotes import affiliation_label

    return affiliation_label(ent)


def _speaker_colours(quotes) -> Dict[Optional[int], str]:
    colours: Dict[Optional[int], str] = {None: _NO_SPEAKER}
    for q in quotes:
        key = q.speaker.i if q.speaker is not None else None
        if key not in colours:
            colours[key] = _PALETTE[(len(colours) - 1) % len(_PALETTE)]
    return colours


def _layout(quotes) -> List[Any]:
    """Quotes that do not overlap an earlier, longer one (a partial inside an indirect is shown once)."""
    chosen: List[Any] = []
    end = -1
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if q.start >= end:
            chosen.append(q)
            end = q.end
    return chosen


def _render(text: str, start: int, end: int, pieces: List[Tuple[int, int, Any]], colours) -> str:
    out: List[str] = []
    pos = start
    for s, e, q in pieces:
        s, e = max(s, start), min(e, end)
        if e <= s or s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        if not hasattr(q, "kind"):  # a speaker mention: bold, underlined in the speaker's colour
            colour = colours.get(q.entity.i if q.entity is not None else None, _NO_SPEAKER)
            out.append(
                f'<span style="font-weight:bold;border-bottom:2px solid {colour}" title="speaker">'
                f"{html.escape(text[s:e])}</span>"
            )
            pos = e
            continue
        who = q.speaker.name if q.speaker is not None else "no speaker"
        aff = _affiliation(q.speaker)
        colour = colours[q.speaker.i if q.speaker is not None else None]
        cue = f" · cue: {q.cue.text}" if q.cue is not None else ""
        title = html.escape(f"{q.kind} · {who}{' (' + aff + ')' if aff else ''}{cue} · confidence {q.confidence:.2f}",
                            quote=True)
        extra = _KIND_STYLE.get(q.kind, "").format(c=colour)
        out.append(
            f'<mark title="{title}" style="background:{colour};padding:0 2px;border-radius:3px;{extra}">'
            f"{html.escape(text[s:e])}</mark>"
        )
        if e == q.end:
            out.append(
                f'<sup style="font-size:70%;color:#333;background:{colour};border-radius:3px;padding:0 3px;'
                f'margin-left:2px">{html.escape(who)}</sup>'
            )
        pos = e
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def document_html(doc) -> str:
    """HTML for a notebook: headings and paragraphs, each quote highlighted in its speaker's colour
    and labelled with the speaker (indirect speech underlined, "according to" dashed); hovering a
    quote shows its kind, cue and confidence."""
    text = doc.text
    quotes = list(doc.quotes)
    colours = _speaker_colours(quotes)
    shown = _layout(quotes)
    parts = ['<div class="presslens-doc" style="font-family: sans-serif; line-height: 1.6">']
    meta = ", ".join(f"{html.escape(str(k))}={html.escape(str(v))}" for k, v in doc.metadata.items())
    parts.append(
        f'<div style="color:#666;font-size:90%">{len(doc.tokens)} tokens · {len(doc.sentences)} sentences · '
        f"{len(doc.paragraphs)} paragraphs · {len(quotes)} quotes{(' · ' + meta) if meta else ''}</div>"
    )
    legend = []
    seen = set()
    for q in quotes:
        key = q.speaker.i if q.speaker is not None else None
        if key in seen or key is None:
            continue
        seen.add(key)
        label = q.speaker.name + (f" ({q.speaker.title})" if q.speaker.title else "")
        aff = _affiliation(q.speaker)
        tip = f' title="{html.escape(aff, quote=True)}"' if aff else ""
        legend.append(
            f'<span style="background:{colours[key]};padding:0 4px;border-radius:3px;margin-right:4px"{tip}>'
            f"{html.escape(label)}</span>"
        )
    if legend:
        parts.append(f'<div style="margin:0.3em 0;font-size:90%">Speakers: {"".join(legend)}</div>')
    # Speaker mentions outside the shown quotes are marked too.
    marks: List[Tuple[int, int, Any]] = [(q.start, q.end, q) for q in shown]
    seen_mentions = set()
    for q in quotes:
        m = q.speaker_mention
        if m is None or m.i in seen_mentions:
            continue
        if any(x.start < m.end and m.start < x.end for x in shown):
            continue
        seen_mentions.add(m.i)
        marks.append((m.start, m.end, m))
    marks.sort(key=lambda x: (x[0], -x[1]))
    k = 0
    for para in doc.paragraphs:
        while k < len(marks) and marks[k][1] <= para.start:
            k += 1
        pieces = []
        j = k
        while j < len(marks) and marks[j][0] < para.end:
            pieces.append(marks[j])
            j += 1
        body = _render(text, para.start, para.end, pieces, colours)
        if para.is_heading:
            parts.append(f"<h4 style='margin:0.6em 0 0.2em'>{body}</h4>")
        else:
            parts.append(f"<p style='margin:0.3em 0'>{body}</p>")
    parts.append("</div>")
    return "".join(parts)
