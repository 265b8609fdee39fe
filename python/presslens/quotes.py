"""Who said what: quotes, speakers, entities and mentions on a :class:`presslens.Document`.

>>> import presslens
>>> doc = presslens.analyze("“We are ready,” Marco Rubio told reporters.")
>>> [(q.kind, q.speaker.name, q.text) for q in doc.quotes]
[('direct', 'Marco Rubio', 'We are ready,')]

Quote kinds: ``direct`` (in quote marks, a whole clause), ``partial`` (a quoted fragment inside the
author's sentence), ``indirect`` (reported speech: "X said that ..."), ``according_to`` and
``turn`` (one speaker turn of a transcript, "THE PRESIDENT: ..."). The rules are described in
``docs/quotes.md`` and in the C++ headers ``mentions.hpp`` and ``quotes.hpp``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

Quote = _core.Quote
Entity = _core.Entity
Mention = _core.Mention
Span = _core.Span

QUOTE_KINDS = tuple(_core.QUOTE_KINDS)
ENTITY_KINDS = tuple(_core.ENTITY_KINDS)
#: Role classes of :attr:`Entity.role` ("lawmaker", "executive", "spokesperson", ...).
ROLE_CLASSES = tuple(_core.ROLE_CLASSES)

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")

_FRAME_COLUMNS = [
    "quote",
    "kind",
    "speaker",
    "speaker_kind",
    "title",
    "speaker_party",
    "speaker_role",
    "speaker_for",
    "speaker_mention",
    "speaker_mention_start",
    "speaker_mention_end",
    "cue",
    "text",
    "start",
    "end",
    "sentence",
    "paragraph",
    "confidence",
    "words",
]


def _name_or_none(ent: Optional[Entity]) -> Optional[str]:
    return ent.name if ent is not None else None


def affiliation_label(ent: Optional[Entity]) -> str:
    """A short text for an entity's affiliation: "Democratic lawmaker", "spokesperson for John Boehner", or ""."""
    if ent is None:
        return ""
    parts = [p for p in (ent.party, ent.role) if p]
    label = " ".join(parts)
    if ent.speaks_for is not None:
        label = (label + " " if label else "") + f"for {ent.speaks_for.name}"
    if ent.groups:
        label = (label + ", " if label else "") + ", ".join(ent.groups)
    return label


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def metadata_columns(metadata: Dict[str, Any], taken: Iterable[str]) -> Dict[str, Any]:
    """A document's metadata as leading columns of a table whose own columns are ``taken``: a key
    that names one of them (or a key already placed) becomes ``doc_<key>``, as often as needed."""
    taken = set(taken)
    out: Dict[str, Any] = {}
    for key, value in metadata.items():
        name = key
        while name in taken or name in out:
            name = f"doc_{name}"
        out[name] = value
    return out


#: The columns of :meth:`Document.speakers` (and of the batch speakers table, after doc and metadata).
SPEAKER_COLUMNS = ["speaker", "speaker_kind", "title", "party", "role", "speaks_for", "quotes", *QUOTE_KINDS, "words",
                   "share"]


def speaker_rows(quote_rows: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Who is quoted and how much, from one document's :meth:`Document.quote_rows`: one dict per
    speaker entity (the columns of :data:`SPEAKER_COLUMNS`), most quoted words first."""
    table: Dict[Any, Dict[str, Any]] = {}
    for r in quote_rows:
        if r["speaker"] is None:
            continue
        entry = table.setdefault(
            (r["speaker"], r["speaker_kind"]),
            {"speaker": r["speaker"], "speaker_kind": r["speaker_kind"], "title": r["title"],
             "party": r["speaker_party"], "role": r["speaker_role"], "speaks_for": r["speaker_for"], "quotes": 0,
             **{k: 0 for k in QUOTE_KINDS}, "words": 0},
        )
        entry["quotes"] += 1
        entry[r["kind"]] += 1
        entry["words"] += r["words"]
    rows = list(table.values())
    total = sum(e["words"] for e in rows)
    for e in rows:
        e["share"] = e["words"] / total if total else 0.0
    rows.sort(key=lambda e: (-e["words"], -e["quotes"]))  # stable: ties keep first-quoted order
    return rows


class QuotesMixin:
    """Quote-related accessors mixed into :class:`presslens.Document`."""

    __slots__ = ()

    @property
    def quotes(self) -> List[Quote]:
        """The quotes, in text order (see the module docstring for the kinds)."""
        return _core._quotes(self._core)  # type: ignore[attr-defined]

    @property
    def entities(self) -> List[Entity]:
        """People, organizations, groups and places, each with a canonical name and all its mentions."""
        return _core._entities(self._core)  # type: ignore[attr-defined]

    @property
    def mentions(self) -> List[Mention]:
        """Every mention of an entity (names, titles, roles, pronouns), in text order."""
        return _core._mentions(self._core)  # type: ignore[attr-defined]

    def quote_rows(self) -> List[Dict[str, Any]]:
        """One plain dict per quote (the rows of :meth:`quotes_frame`, without document metadata)."""
        text: str = self._text  # type: ignore[attr-defined]
        entities = self.entities
        # What a row says of its speaker, read once per entity (documents quote few people often).
        speaker_of: Dict[int, tuple] = {}
        no_speaker = (None,) * 6
        rows: List[Dict[str, Any]] = []
        for i, (kind, start, end, spk, ms, me, cs, ce, sent, para, conf) in enumerate(
            _core._quote_rows(self._core)  # type: ignore[attr-defined]
        ):
            if spk < 0:
                who = no_speaker
            else:
                who = speaker_of.get(spk)
                if who is None:
                    ent = entities[spk]
                    who = speaker_of[spk] = (ent.name, ent.kind, ent.title, ent.party, ent.role,
                                             _name_or_none(ent.speaks_for))
            content = text[start:end]
            rows.append(
                {
                    "quote": i,
                    "kind": kind,
                    "speaker": who[0],
                    "speaker_kind": who[1],
                    "title": who[2],
                    "speaker_party": who[3],
                    "speaker_role": who[4],
                    "speaker_for": who[5],
                    "speaker_mention": text[ms:me] if ms >= 0 else None,
                    "speaker_mention_start": ms if ms >= 0 else None,
                    "speaker_mention_end": me if ms >= 0 else None,
                    "cue": text[cs:ce] if cs >= 0 else None,
                    "text": content,
                    "start": start,
                    "end": end,
                    "sentence": sent,
                    "paragraph": para,
                    "confidence": round(float(conf), 3),
                    "words": _words(content),
                }
            )
        return rows

    def quotes_frame(self, *, sentiment: bool = True):
        """A pandas DataFrame, one row per quote, with the document metadata as leading columns.

        Columns: the metadata keys, then quote (index), kind, speaker, speaker_kind, title,
        speaker_party, speaker_role, speaker_for (the affiliation the text gives the speaker: see
        :attr:`Entity.party`, :attr:`Entity.role`, :attr:`Entity.speaks_for`), speaker_mention (+ its start/end), cue, text, start, end, sentence, paragraph, confidence,
        words, and ``sentiment`` (compound score of the quote text) when the sentiment stage is
        available and ``sentiment`` is true.
        """
        import pandas as pd

        rows = self.quote_rows()
        frame = pd.DataFrame(rows, columns=_FRAME_COLUMNS)
        meta = metadata_columns(self.metadata, _FRAME_COLUMNS)  # type: ignore[attr-defined]
        for pos, (k, v) in enumerate(meta.items()):
            frame.insert(pos, k, [v] * len(frame))
        if sentiment:
            scores = _quote_sentiments([r["text"] for r in rows])
            if scores is not None:
                frame["sentiment"] = scores
        return frame

    def speakers(self):
        """Who is quoted and how much: a pandas DataFrame, one row per speaker entity.

        Columns: speaker, speaker_kind, title, party, role, speaks_for (text-derived affiliation,
        None when the text does not say), quotes (count), one count column per quote kind,
        words (quoted or reported words), share (of all attributed words). Sorted by words.
        Quotes without a speaker are left out.
        """
        import pandas as pd

        frame = pd.DataFrame(speaker_rows(self.quote_rows()), columns=SPEAKER_COLUMNS)
        return frame.astype({"share": float})

    def _quotes_dict(self) -> Dict[str, Any]:
        """The quotes, entities and mentions for :meth:`Document.to_dict` (str indices)."""
        entities = self.entities
        mentions = self.mentions
        return {
            "quotes": self.quote_rows(),
            "entities": [
                {"name": e.name, "kind": e.kind, "title": e.title, "gender": e.gender,
                 "party": e.party, "role": e.role,
                 "speaks_for": e.speaks_for.i if e.speaks_for is not None else None,
                 "organization": e.organization.i if e.organization is not None else None,
                 "groups": list(e.groups),
                 "mentions": [m.i for m in e.mentions]}
                for e in entities
            ],
            "mentions": [
                {"start": m.start, "end": m.end, "text": m.text, "entity": m.entity.i if m.entity is not None else None,
                 "sentence": m.sentence, "is_pronoun": m.is_pronoun}
                for m in mentions
            ],
        }


def _quote_sentiments(texts: List[str]) -> Optional[List[float]]:
    """Compound sentiment of each text when the sentiment stage provides it, else None."""
    try:
        from .sentiment import polarity_scores_many  # type: ignore[attr-defined]
    except ImportError:
        return None
    if not texts:
        return []
    scores = polarity_scores_many(texts, threads=1)
    out: List[float] = []
    for s in scores:
        out.append(float(s["compound"]) if isinstance(s, dict) else float(getattr(s, "compound")))
    return out


def quotes_frame(docs: Iterable["Document"], *, sentiment: bool = True):
    """One pandas DataFrame of the quotes of many documents (see :meth:`Document.quotes_frame`).

    A ``doc`` column holds each document's position in ``docs``; metadata keys become columns
    (missing keys are left empty).
    """
    import pandas as pd

    frames = []
    for i, doc in enumerate(docs):
        f = doc.quotes_frame(sentiment=sentiment)
        f.insert(0, "doc", i)
        frames.append(f)
    if not frames:
        return pd.DataFrame(columns=["doc", *_FRAME_COLUMNS])
    return pd.concat(frames, ignore_index=True, sort=False)
