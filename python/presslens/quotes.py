"""Quotes and speakers on a Document (stage 2-3). Placeholder until the quotes stage lands."""
from __future__ import annotations


class QuotesMixin:
    """Quote-related accessors mixed into :class:`presslens.Document`."""

    __slots__ = ()
