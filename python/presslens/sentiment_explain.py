"""Why a text scores as it does: its sentences and every word that carries valence.

:meth:`presslens.SentimentAnalyzer.explain` and :func:`presslens.explain_sentiment` return a
:class:`SentimentExplanation`. Each word shows two numbers: its ``lexicon`` valence (VADER's -4..+4
scale; for an inflected form its stem's, for an event word weighted down) and its ``valence`` after
the word rules (negation, boosters, ALL CAPS, "least", shifters, idioms) and the contrast rule
("but"). A sentence's compound comes from the sum of its words' valences, scaled by the sentence
rules (many sentiment words, long sentences, "!"/"?" emphasis) and normalised; see
``docs/sentiment.md``.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, List, Sequence, Tuple

from .sentiment import SentimentScores


@dataclass(frozen=True)
class ExplainedWord:
    """A word that carries valence: ``text[start:end] == word``."""

    start: int
    end: int
    word: str
    sentence: int  # index into SentimentExplanation.sentences
    lexicon: float  # lexicon valence (of its stem, for an inflected form; event words weighted)
    valence: float  # after the word rules and the contrast rule


@dataclass(frozen=True)
class ExplainedSentence:
    """A sentence as the scorer splits the text: ``text[start:end] == sentence``."""

    start: int
    end: int
    sentence: str
    scores: SentimentScores


class SentimentExplanation:
    """The scores of a text with their working: ``sentences`` and sentiment ``words``.

    ``scores`` equals ``SentimentAnalyzer.score(text)``. Use :meth:`to_frame` for a table of the
    words; in a notebook the explanation shows the text with its words coloured by valence.
    """

    __slots__ = ("text", "scores", "sentences", "words")

    def __init__(self, text: str, raw: Tuple[Sequence[float], Sequence[Tuple], Sequence[Tuple]]) -> None:
        overall, sentences, words = raw
        self.text = text
        self.scores = SentimentScores(*overall[:4])
        self.sentences: List[ExplainedSentence] = [
            ExplainedSentence(s, e, text[s:e], SentimentScores(neg, neu, pos, compound))
            for s, e, neg, neu, pos, compound in sentences
        ]
        self.words: List[ExplainedWord] = [
            ExplainedWord(s, e, text[s:e], sentence, lexicon, valence) for s, e, sentence, lexicon, valence in words
        ]

    def to_frame(self) -> Any:
        """The words as a pandas DataFrame: start, end, word, sentence, lexicon, valence."""
        import pandas as pd

        columns = ["start", "end", "word", "sentence", "lexicon", "valence"]
        return pd.DataFrame([[getattr(w, c) for c in columns] for w in self.words], columns=columns)

    def __repr__(self) -> str:
        lines = [
            f"SentimentExplanation({self.scores.label}, compound={self.scores.compound:+.4f}, "
            f"{len(self.sentences)} sentence{'s' if len(self.sentences) != 1 else ''}, "
            f"{len(self.words)} sentiment word{'s' if len(self.words) != 1 else ''})"
        ]
        for i, s in enumerate(self.sentences):
            shown = s.sentence if len(s.sentence) <= 70 else s.sentence[:67] + "..."
            lines.append(f"  [{i}] {s.scores.compound:+.4f}  {shown!r}")
            for w in self.words:
                if w.sentence == i:
                    lines.append(f"        {w.word!r}: lexicon {w.lexicon:+.2f} -> {w.valence:+.2f}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        out: List[str] = []
        for i, s in enumerate(self.sentences):
            pos = s.start
            parts: List[str] = []
            for w in self.words:
                if w.sentence != i or w.start < pos:
                    continue
                parts.append(html.escape(self.text[pos : w.start]))
                parts.append(
                    f'<span style="{_word_style(w.valence)}" '
                    f'title="lexicon {w.lexicon:+.2f}, after the rules {w.valence:+.2f}">'
                    f"{html.escape(w.word)}</span>"
                )
                pos = w.end
            parts.append(html.escape(self.text[pos : s.end]))
            out.append(
                f'<tr><td style="text-align:right;font-family:monospace">{s.scores.compound:+.3f}</td>'
                f'<td style="text-align:left">{"".join(parts)}</td></tr>'
            )
        head = (
            f"<div><b>{self.scores.label}</b>, compound {self.scores.compound:+.4f} "
            f"(pos {self.scores.pos:.3f}, neu {self.scores.neu:.3f}, neg {self.scores.neg:.3f})</div>"
        )
        return f'{head}<table><tr><th>compound</th><th style="text-align:left">sentence</th></tr>{"".join(out)}</table>'


def _word_style(valence: float) -> str:
    """Green for positive, red for negative; stronger valence, stronger colour (|v| 4 at full)."""
    alpha = min(1.0, 0.25 + abs(valence) / 4.0 * 0.75)
    rgb = "46,160,67" if valence > 0 else ("215,58,73" if valence < 0 else "150,150,150")
    return f"background:rgba({rgb},{alpha:.2f});border-radius:3px;padding:0 2px"
