"""Sentiment on a Document (stage 4). Placeholder until the sentiment stage lands."""
from __future__ import annotations


class SentimentMixin:
    """Sentiment accessors mixed into :class:`presslens.Document`."""

    __slots__ = ()
