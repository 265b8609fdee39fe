"""Property tests: on any Unicode text, spans are valid and segmentation is lossless."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import presslens

from conftest import assert_lossless, assert_spans_valid

# Any text without lone surrogates (Python str that is valid Unicode).
unicode_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)

# News-like text: words, punctuation, quotes, dashes, emoji, line breaks.
pieces = st.sampled_from(
    ["U.S.", "Mr.", "said", "Rubio", " ", " ", "\n", "\n\n", ".", ",", "?", "!", "…", "—", '"', "“", "”", "'", "’s",
     "n't", "80,000", "$1.2", "3.5%", "🔹", "👍🏽", "e.g.", "J.", "https://x.org/a", "a@b.co", "#tag", "@who", ":"]
)
news_text = st.lists(pieces, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(unicode_text)
def test_random_unicode_is_segmented_losslessly(text):
    doc = presslens.analyze(text)
    assert doc.text == text
    assert_spans_valid(doc)
    assert_lossless(doc)


@settings(max_examples=300, deadline=None)
@given(news_text)
def test_news_like_text_is_segmented_losslessly(text):
    doc = presslens.analyze(text)
    assert_spans_valid(doc)
    assert_lossless(doc)
    # Sentences tile the tokens: every token is in exactly one sentence, in order.
    covered = [t.i for s in doc.sentences for t in s.tokens]
    assert covered == list(range(len(doc.tokens)))
