"""The analysed :class:`Document` and its tables."""
from __future__ import annotations

from typing import Any, Dict, Optional

from . import _core
from .quotes import QuotesMixin
from .sentiment import SentimentMixin


class Document(QuotesMixin, SentimentMixin):
    """An analysed text. It owns the text; its spans are light views that keep it alive.

    Every span (token, sentence, paragraph, quote, mention) has ``.start`` and ``.end`` as Python
    string indices into :attr:`text`, and ``doc.text[span.start:span.end] == span.text``.
    """

    __slots__ = ("_core", "_text", "metadata", "_views")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use presslens.analyze(text) to make a Document")

    @classmethod
    def _from_core(cls, core: "_core.Document", text: Optional[str], metadata: Dict[str, Any]) -> "Document":
        self = object.__new__(cls)
        self._core = core
        self._text = text if text is not None else core.text
        self.metadata = dict(metadata)
        self._views = None
        return self

    def __reduce__(self):
        # Cheap to pickle: the text and metadata travel, the analysis is rebuilt on arrival.
        return (_rebuild_document, (self._text, self.metadata))

    @property
    def text(self) -> str:
        """The analysed text, unchanged."""
        return self._text

    def _all_views(self):
        if self._views is None:
            self._views = _core._views_for(self._core)
        return self._views

    @property
    def tokens(self) -> "_core.TokenList":
        """All tokens, in order. Tokens plus the white space between them rebuild :attr:`text`."""
        return self._all_views()[0]

    @property
    def sentences(self) -> "_core.SentenceList":
        """All sentences, in order (headings and bullet lines are sentences of their own)."""
        return self._all_views()[1]

    @property
    def paragraphs(self) -> "_core.ParagraphList":
        """Paragraphs: lines of text separated by line breaks (headings included)."""
        return self._all_views()[2]

    @property
    def headings(self) -> "_core.ParagraphList":
        """The paragraphs that are headings: short lines without closing punctuation."""
        return self._all_views()[3]

    def __len__(self) -> int:
        return self._core.n_tokens

    def __repr__(self) -> str:
        meta = "".join(f" {k}={v!r}" for k, v in list(self.metadata.items())[:3])
        preview = self._text[:40] + ("…" if len(self._text) > 40 else "")
        return (
            f"<Document{meta} {len(self._text)} chars, {self._core.n_tokens} tokens, "
            f"{self._core.n_sentences} sentences: {preview!r}>"
        )

    # ---- tables -------------------------------------------------------------------------------
    def token_arrays(self) -> Dict[str, Any]:
        """Token columns: NumPy arrays (start, end, kind code, quote_role code, space_after, sentence) and the token texts."""
        return _core._token_arrays(self._core)

    def tokens_frame(self):
        """A pandas DataFrame, one row per token (built from arrays, no Python loop per token)."""
        import pandas as pd

        arrays = self.token_arrays()
        frame = pd.DataFrame(arrays)
        frame["kind"] = pd.Categorical.from_codes(arrays["kind"], categories=list(_core.TOKEN_KINDS))
        frame["quote_role"] = pd.Categorical.from_codes(arrays["quote_role"], categories=list(_core.QUOTE_ROLES))
        return frame

    def sentences_frame(self):
        """A pandas DataFrame, one row per sentence, with the document metadata as leading columns.

        Columns: the metadata keys (a key named like one of the table's own columns is kept as
        ``doc_<key>``, see :func:`presslens.quotes.metadata_columns`), then sentence (index),
        start, end, text and, when the sentiment stage is available, compound, pos, neu, neg and
        sentiment (the label).
        """
        import pandas as pd

        from .quotes import metadata_columns

        arrays = _core._span_arrays(self._core, "sentences")
        own = {"sentence": range(len(arrays["start"])), "start": arrays["start"], "end": arrays["end"],
               "text": arrays["text"]}
        extra_fn = getattr(self, "_sentence_sentiment_columns", None)
        extra = extra_fn() if extra_fn is not None else {}
        meta = metadata_columns(self.metadata, [*own, *extra])
        n = len(arrays["start"])
        return pd.DataFrame({**{k: [v] * n for k, v in meta.items()}, **own, **extra})

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict of the analysis (offsets are Python string indices)."""
        out: Dict[str, Any] = {
            "metadata": dict(self.metadata),
            "text": self._text,
            "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in self.sentences],
            "paragraphs": [
                {"start": p.start, "end": p.end, "is_heading": p.is_heading} for p in self.paragraphs
            ],
            "headings": [h.text for h in self.headings],
            "tokens": [
                {"start": t.start, "end": t.end, "text": t.text, "kind": t.kind, "space_after": t.space_after}
                for t in self.tokens
            ],
        }
        for extra in ("_quotes_dict", "_sentiment_dict"):
            fn = getattr(self, extra, None)
            if fn is not None:
                out.update(fn())
        return out

    def _repr_html_(self) -> str:
        from .display import document_html

        return document_html(self)


def _rebuild_document(text: str, metadata: Dict[str, Any]) -> Document:
    from .analyzer import analyze

    return analyze(text, **metadata)
