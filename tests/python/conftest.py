"""Shared fixtures. Tests import the *installed* presslens package."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import pytest

REPO = Path(__file__).resolve().parents[2]
TEST_DATA = REPO / "tests" / "data"
# Development data that may not be redistributed lives beside the checkout; tests skip without it.
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (TEST_DATA / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((TEST_DATA / "seed_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"development data not found at {SHARED_DATA}")
    return SHARED_DATA


def import_bench(name: str):
    """A module of bench/ (its data readers and scorers), imported by the tests that check the
    bench scripts on a sample, so that those scripts cannot rot unnoticed."""
    import importlib
    import sys

    bench = str(REPO / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    return importlib.import_module(name)


def assert_spans_valid(doc) -> None:
    """Every span's offsets index the document text and give back the span's text."""
    text = doc.text
    for kind in ("tokens", "sentences", "paragraphs", "headings"):
        prev_end = 0
        for span in getattr(doc, kind):
            assert 0 <= span.start <= span.end <= len(text), (kind, span)
            assert text[span.start : span.end] == span.text, (kind, span)
            if kind != "headings":
                assert span.start >= prev_end, (kind, span)
            prev_end = span.end


def assert_lossless(doc) -> None:
    """Tokens plus the white space between them rebuild the text exactly."""
    rebuilt = []
    pos = 0
    for tok in doc.tokens:
        gap = doc.text[pos : tok.start]
        assert gap == "" or gap.isspace() or all(c.isspace() or c in "\x1c\x1d\x1e\x1f" for c in gap), repr(gap)
        rebuilt.append(gap)
        rebuilt.append(tok.text)
        pos = tok.end
    rebuilt.append(doc.text[pos:])
    assert "".join(rebuilt) == doc.text
    assert doc.text[pos:].strip() == "" or all(c.isspace() for c in doc.text[pos:])


def assert_same_corpus(a, b, by: str, similar_by: str, words_by: Optional[str] = None) -> None:
    """Two presslens.Corpus objects of the same documents (built at once, in batches, merged,
    pickled...) have the same metadata, tables and term counts."""
    import numpy as np
    import pandas as pd

    assert len(a) == len(b) and a.metadata == b.metadata
    for method, group in (("tone", by), ("share_of_voice", by), ("distinctive_words", words_by or by),
                          ("similarity", similar_by)):
        pd.testing.assert_frame_equal(getattr(a, method)(group), getattr(b, method)(group))
    x, y = a.term_counts(), b.term_counts()
    assert x.terms == y.terms
    for part in ("row_start", "term_ids", "counts"):
        assert np.array_equal(getattr(x, part), getattr(y, part)), part
