"""Sentiment (stage 4): VADER-class lexicon-and-rules scoring in the C++ core.

* :func:`polarity_scores` is a drop-in for vaderSentiment's
  ``SentimentIntensityAnalyzer().polarity_scores``: it returns ``{"neg", "neu", "pos", "compound"}``
  rounded like VADER. ``vader_compat=True`` reproduces vaderSentiment's numbers; the default mode
  works on presslens tokens and sentences and fixes VADER's bugs (see ``docs/sentiment.md``).
* :func:`polarity_scores_many` scores a list of texts on several threads without the GIL.
* On an analysed :class:`presslens.Document`: ``doc.sentiment`` (aggregated from the sentences) and
  ``sentence.sentiment`` for every sentence, both :class:`SentimentScores`.
* :func:`target_sentiment` and ``doc.tone_toward(...)``: the tone of a sentence toward one span.
* :class:`Lexicon` and :class:`SentimentAnalyzer` let you extend or replace the lexicon.
"""
from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _core

if TYPE_CHECKING:
    from .sentiment_explain import SentimentExplanation

Lexicon = _core.Lexicon
TARGET_FEATURES: Tuple[str, ...] = tuple(_core.TARGET_FEATURES)

_LABELS = {-1: "negative", 0: "neutral", 1: "positive"}


def _label(compound: float) -> str:
    if compound >= 0.05:
        return "positive"
    if compound <= -0.05:
        return "negative"
    return "neutral"


class SentimentScores:
    """Scores of a sentence or a document, on VADER's scales.

    Attributes:
        compound: normalised sum of valences, -1 (most negative) .. +1 (most positive).
        pos, neu, neg: shares of positive, neutral and negative words (they sum to 1).
        label: ``"positive"`` (compound >= 0.05), ``"negative"`` (<= -0.05) or ``"neutral"``.
    """

    __slots__ = ("neg", "neu", "pos", "compound")

    def __init__(self, neg: float = 0.0, neu: float = 1.0, pos: float = 0.0, compound: float = 0.0) -> None:
        self.neg = float(neg)
        self.neu = float(neu)
        self.pos = float(pos)
        self.compound = float(compound)

    @classmethod
    def _from_core(cls, neg: float, neu: float, pos: float, compound: float) -> "SentimentScores":
        return cls(neg, neu, pos, compound)

    @property
    def label(self) -> str:
        """``positive`` / ``neutral`` / ``negative`` at the usual ±0.05 compound thresholds."""
        return _label(self.compound)

    def to_dict(self) -> Dict[str, Any]:
        return {"neg": self.neg, "neu": self.neu, "pos": self.pos, "compound": self.compound, "label": self.label}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SentimentScores):
            return NotImplemented
        return (self.neg, self.neu, self.pos, self.compound) == (other.neg, other.neu, other.pos, other.compound)

    def __reduce__(self):
        return (SentimentScores, (self.neg, self.neu, self.pos, self.compound))

    def __repr__(self) -> str:
        return (
            f"SentimentScores({self.label}, compound={self.compound:+.4f}, pos={self.pos:.3f}, "
            f"neu={self.neu:.3f}, neg={self.neg:.3f})"
        )


class TargetSentiment:
    """The tone of a sentence toward one span of it.

    Attributes:
        score: P(positive) - P(negative), in [-1, 1].
        label: ``"positive"``, ``"neutral"`` or ``"negative"`` (the most probable class).
        p_negative, p_neutral, p_positive: class probabilities of the model.
        start, end: the span (Python string indices), and ``text`` its text.
    """

    __slots__ = ("score", "label", "p_negative", "p_neutral", "p_positive", "start", "end", "text")

    def __init__(self, d: Dict[str, Any], start: int, end: int, text: str) -> None:
        self.score = float(d["score"])
        self.label = _LABELS[int(d["label"])]
        self.p_negative = float(d["p_negative"])
        self.p_neutral = float(d["p_neutral"])
        self.p_positive = float(d["p_positive"])
        self.start, self.end, self.text = start, end, text

    def to_dict(self) -> Dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}

    def __repr__(self) -> str:
        return f"TargetSentiment({self.text!r} {self.start}:{self.end}, {self.label}, score={self.score:+.3f})"


class SentimentAnalyzer:
    """A sentiment scorer with its own lexicon and options; immutable and thread-safe.

    Args:
        lexicon: a :class:`Lexicon` (default: VADER's, shipped with presslens). A copy is frozen
            inside the analyzer, so later edits to ``lexicon`` do not affect it.
        vader_compat: reproduce vaderSentiment 3.3.2 exactly (tokenization, rules and bugs).
        **options: default-mode switches, all on by default: ``contrast_by_position``,
            ``extra_contrast``, ``clause_scope``, ``phrases`` (multi-word entries, idioms and
            news names such as "United States", which carry no valence), ``negated_superlatives``,
            ``event_words`` and ``event_weight`` (0..1), ``shifters``, ``morphology``,
            ``length_norm``, the length dilution ``dilution`` (exponent, 0 = off) and
            ``dilution_words``, and ``fast_path`` (``False`` makes ``polarity_scores`` always
            tokenize; the scores are the same). See ``docs/sentiment.md``.

    >>> sa = SentimentAnalyzer(lexicon=Lexicon.vader().merge(Lexicon.from_dict({"zorbly": -2.0})))
    >>> sa.polarity_scores("The food was zorbly.")["compound"] < 0
    True
    """

    def __init__(self, *, lexicon: Optional[Lexicon] = None, vader_compat: bool = False, **options: Any) -> None:
        self._options = dict(options)
        if lexicon is None and not vader_compat and not options:
            # The default scorer is immutable: share the process-wide one (no lexicon rebuild).
            self._core = _core._default_sentiment_scorer()
        else:
            self._core = _core.SentimentScorer(vader_compat=vader_compat, lexicon=lexicon, **options)
        # What pickling sends: a copy, so later edits to `lexicon` do not travel either.
        self._lexicon_ref = lexicon.copy() if lexicon is not None else None
        # Loops call polarity_scores once per text: put a plain C function on the instance, so a
        # call skips the Python wrapper below and pybind11's dispatch (same argument, same result,
        # same errors; the method stays for docs).
        self.polarity_scores = self._core._fast_polarity_scores()  # type: ignore[method-assign]

    @property
    def vader_compat(self) -> bool:
        return bool(self._core.options["vader_compat"])

    @property
    def options(self) -> Dict[str, Any]:
        return dict(self._core.options)

    @property
    def lexicon(self) -> Lexicon:
        """A copy of the lexicon in use."""
        return self._core.lexicon

    def polarity_scores(self, text: Union[str, bytes]) -> Dict[str, float]:
        """``{"neg", "neu", "pos", "compound"}`` of ``text``, rounded like vaderSentiment."""
        return self._core.polarity_scores(text)

    def polarity_scores_many(
        self, texts: Iterable[Union[str, bytes]], *, threads: Optional[int] = None
    ) -> List[Dict[str, float]]:
        """:meth:`polarity_scores` of many texts, in order, on ``threads`` threads (default: all cores).

        Texts are converted first, then scored in C++ without the GIL.
        """
        seq = texts if isinstance(texts, (list, tuple)) else list(texts)
        return self._core.polarity_scores_many(seq, threads=_threads(threads))

    def polarity_arrays(self, texts: Iterable[Union[str, bytes]], *, threads: Optional[int] = None) -> Dict[str, Any]:
        """Unrounded scores of many texts as NumPy arrays ``neg, neu, pos, compound`` (fastest)."""
        seq = texts if isinstance(texts, (list, tuple)) else list(texts)
        return self._core.polarity_arrays(seq, threads=_threads(threads))

    def score(self, text: Union[str, bytes]) -> SentimentScores:
        """Unrounded :class:`SentimentScores` of ``text``."""
        neg, neu, pos, compound, _ = self._core.polarity_scores_raw(text)
        return SentimentScores(neg, neu, pos, compound)

    def explain(self, text: Union[str, bytes]) -> "SentimentExplanation":
        """:meth:`score` with its working: the sentences and every word that carries valence.

        Each word has its lexicon valence and its valence after the word rules (negation,
        boosters...) and the contrast rule; offsets index ``text`` (bytes are decoded as UTF-8
        first). Default mode only: ``vader_compat`` analyzers raise ``ValueError``. Meant for
        reading a score, not for batches (it builds a Python object per word).

        >>> SentimentAnalyzer().explain("The plan is not good.").words[0]
        ExplainedWord(start=16, end=20, word='good', sentence=0, lexicon=1.9, valence=-1.406)
        """
        from .sentiment_explain import SentimentExplanation

        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode("utf-8")
        return SentimentExplanation(text, self._core.explain(text))

    def score_document(self, doc: Any) -> Tuple[SentimentScores, List[SentimentScores]]:
        """Re-scores an analysed :class:`presslens.Document` with this analyzer.

        Returns ``(document scores, [sentence scores])``.
        """
        overall, cols = self._core.score_document(doc._core)
        sentences = [
            SentimentScores(a, b, c, d)
            for a, b, c, d in zip(
                cols["neg"].tolist(), cols["neu"].tolist(), cols["pos"].tolist(), cols["compound"].tolist()
            )
        ]
        return SentimentScores(*overall[:4]), sentences

    def __reduce__(self):
        return (_rebuild_analyzer, (self._lexicon_ref, self.vader_compat, self._options))

    def __repr__(self) -> str:
        mode = "vader_compat" if self.vader_compat else "default"
        return f"SentimentAnalyzer({mode}, {len(self._core.lexicon)} lexicon entries)"


def _rebuild_analyzer(lexicon: Optional[Lexicon], vader_compat: bool, options: Dict[str, Any]) -> SentimentAnalyzer:
    return SentimentAnalyzer(lexicon=lexicon, vader_compat=vader_compat, **options)


def _threads(threads: Optional[int]) -> int:
    if threads is None:
        return os.cpu_count() or 1
    if threads < 1:
        raise ValueError(f"threads must be at least 1, got {threads}")
    return int(threads)


_shared: Dict[bool, SentimentAnalyzer] = {}
_shared_lock = threading.Lock()


def _analyzer(vader_compat: bool) -> SentimentAnalyzer:
    sa = _shared.get(vader_compat)
    if sa is None:
        with _shared_lock:
            sa = _shared.get(vader_compat)
            if sa is None:
                sa = _shared[vader_compat] = SentimentAnalyzer(vader_compat=vader_compat)
    return sa


def polarity_scores(text: Union[str, bytes], *, vader_compat: bool = False) -> Dict[str, float]:
    """Drop-in for vaderSentiment's ``SentimentIntensityAnalyzer().polarity_scores(text)``.

    Returns ``{"neg", "neu", "pos", "compound"}`` (rounded to 3 / 3 / 3 / 4 digits as VADER does).
    The default mode scores presslens sentences and aggregates them (see ``docs/sentiment.md``);
    ``vader_compat=True`` reproduces vaderSentiment's numbers.

    Empty or white-space-only text scores compound 0 with neu 1 (vaderSentiment itself returns
    neu 0 there; compat mode does too). Lone surrogates are scored as U+FFFD.

    >>> polarity_scores("The book was good.")["compound"] > 0
    True
    """
    return _analyzer(vader_compat).polarity_scores(text)


def polarity_scores_many(
    texts: Iterable[Union[str, bytes]], *, threads: Optional[int] = None, vader_compat: bool = False
) -> List[Dict[str, float]]:
    """:func:`polarity_scores` of many texts, in order, on ``threads`` threads (default: all cores)."""
    return _analyzer(vader_compat).polarity_scores_many(texts, threads=threads)


def explain_sentiment(text: Union[str, bytes]) -> "SentimentExplanation":
    """Why :func:`polarity_scores` scores ``text`` as it does (default mode): see
    :meth:`SentimentAnalyzer.explain`.

    >>> [(w.word, w.valence) for w in explain_sentiment("Not bad at all!").words]
    [('bad', 1.85)]
    """
    return _analyzer(False).explain(text)


def target_sentiment(text: str, start: int, end: int) -> TargetSentiment:
    """The tone of ``text`` toward the span ``text[start:end]`` (a person, party, organization...).

    A small multinomial logistic model over lexical and positional features of the span and its
    sentence (sentiment words near it and in its clause, whether it speaks or is quoted...), fitted
    on the NewsMTSC train split; see ``bench/eval_target_sentiment.py``.

    >>> target_sentiment("Critics blasted Smith over the failed plan.", 16, 21).label
    'negative'
    """
    from .analyzer import analyze

    _check_span(text, start, end)
    doc = analyze(text)
    return doc.target_sentiment(start, end)


def _check_span(text: str, start: int, end: int) -> None:
    if not (0 <= start <= end <= len(text)):
        raise IndexError(f"span {start}:{end} is outside the text of {len(text)} characters")


class SentimentMixin:
    """Sentiment accessors mixed into :class:`presslens.Document`."""

    __slots__ = ()

    def _sentiment_core(self):
        # Stored by the analyzer (computed on the fly if it ran with sentiment=False).
        return _core._document_sentiment(self._core)  # type: ignore[attr-defined]

    @property
    def sentiment(self) -> SentimentScores:
        """Document sentiment, aggregated from the sentences (never scored as one giant sentence).

        With n sentences that have words: one sentence gives its own score; two or three pool their
        words as one text (the sum / sqrt(count) rule over all of them); more score like their average
        three-sentence passage (the sentences' valence sums times 3 / n). ``pos``/``neu``/``neg``
        pool the words of all sentences. See ``docs/sentiment.md``.
        """
        overall, _ = self._sentiment_core()
        return SentimentScores(*overall[:4])

    def sentence_sentiments(self) -> List[SentimentScores]:
        """:class:`SentimentScores` of every sentence, in order (same as ``s.sentiment`` for s in sentences)."""
        _, cols = self._sentiment_core()
        return [
            SentimentScores(a, b, c, d)
            for a, b, c, d in zip(cols["neg"].tolist(), cols["neu"].tolist(), cols["pos"].tolist(), cols["compound"].tolist())
        ]

    def _sentence_sentiment_columns(self) -> Dict[str, Any]:
        """Per-sentence sentiment columns for :meth:`Document.sentences_frame`."""
        _, cols = self._sentiment_core()
        comp = cols["compound"]
        import numpy as np

        labels = np.where(comp >= 0.05, "positive", np.where(comp <= -0.05, "negative", "neutral"))
        return {
            "compound": comp,
            "pos": cols["pos"],
            "neu": cols["neu"],
            "neg": cols["neg"],
            "sentiment": labels,
        }

    def _sentiment_dict(self) -> Dict[str, Any]:
        """The sentiment part of :meth:`Document.to_dict`."""
        return {
            "sentiment": self.sentiment.to_dict(),
            "sentence_sentiment": [s.to_dict() for s in self.sentence_sentiments()],
        }

    def target_sentiment(self, start: int, end: int) -> TargetSentiment:
        """The tone of the sentence(s) holding ``text[start:end]`` toward that span."""
        text: str = self.text  # type: ignore[attr-defined]
        _check_span(text, start, end)
        d = _core._target_sentiment(self._core, start, end)  # type: ignore[attr-defined]
        return TargetSentiment(d, start, end, text[start:end])

    def tone_toward(self, target: Any) -> Dict[str, Any]:
        """The tone of the document toward a target, averaged over its occurrences.

        ``target`` is a string (every occurrence of it in the text, case-sensitive), an object with
        ``start``/``end`` (a span, a mention), an object with ``mentions`` (an entity), or a
        ``(start, end)`` pair. Returns ``{"score", "label", "n", "spans": [TargetSentiment...]}``;
        ``score`` is the mean span score and ``label`` its sign at ±0.05 (``n == 0``: neutral).
        """
        spans = _target_spans(self.text, target)  # type: ignore[attr-defined]
        results = [self.target_sentiment(s, e) for s, e in spans]
        score = sum(r.score for r in results) / len(results) if results else 0.0
        return {"score": score, "label": _label(score), "n": len(results), "spans": results}


def _target_spans(text: str, target: Any) -> List[Tuple[int, int]]:
    if isinstance(target, str):
        if not target:
            raise ValueError("target must not be empty")
        out, i = [], text.find(target)
        while i >= 0:
            out.append((i, i + len(target)))
            i = text.find(target, i + len(target))
        return out
    if isinstance(target, tuple) and len(target) == 2:
        return [(int(target[0]), int(target[1]))]
    if hasattr(target, "start") and hasattr(target, "end"):
        return [(int(target.start), int(target.end))]
    if hasattr(target, "mentions"):
        return [(int(m.start), int(m.end)) for m in target.mentions]
    raise TypeError(f"cannot find spans for a target of type {type(target).__name__}")


__all__ = [
    "Lexicon",
    "SentimentAnalyzer",
    "SentimentMixin",
    "SentimentScores",
    "TargetSentiment",
    "TARGET_FEATURES",
    "polarity_scores",
    "polarity_scores_many",
    "target_sentiment",
]
