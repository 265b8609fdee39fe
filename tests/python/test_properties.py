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
     "n't", "80,000", "$1.2", "3.5%", "🔹", "👍🏽", "e.g.", "J.", "https://x.org/a", "a@b.co", "#tag", "@who", ":",
     # words the speaker rules look at: datelines, titles, party codes, roles, verbs of manner
     "–", "(AFP)", "WASHINGTON", "Sen.", "R-Ky.", "Republican", "spokesman", "for", "calling", "pressed", "him",
     "was quoted as saying", "Jr."]
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


# Quote-rich text: names, titles, party codes, speech verbs, pronouns and every kind of quote mark,
# in random order, so the mention and quote rules meet broken and half-formed attributions.
quote_pieces = st.sampled_from(
    ["Sen.", "Pat", "Leahy", "(D-Vt.)", "Rubio", "the spokesman", "officials", "he", "she", "they", "said", "told",
     "according to", "wrote", "who", "that", "and", ",", ".", ":", "—", "\n", "\n\n", " ", " ", " ", '"', "“", "”",
     "‘", "’", "«", "»", "„", "'", "Q:", "THE PRESIDENT:", "not", "great", "terrible", "After", "the plan"]
)
clause_pieces = st.sampled_from(
    ["“We are ready,”", "Rubio said.", "he added.", "Sen. Pat Leahy (D-Vt.) said:", "“It is", "over.”",
     "said Leahy, who", "according to CNN.", "The plan, officials said, is final.", "Rubio told reporters that",
     "‘scare quotes’", "«Bonjour»", "„Ja“", "''quoted''", "— Leahy", "“", "”", "Q: Why?", "A: Because."]
)
quote_text = st.lists(st.one_of(quote_pieces, clause_pieces), max_size=60).map(" ".join)


def assert_quote_spans_valid(doc) -> None:
    text = doc.text
    spans = list(doc.mentions)
    for q in doc.quotes:
        spans.append(q)
        spans.extend(s for s in (q.cue, q.speaker_mention) if s is not None)
        assert 0 <= q.sentence < max(1, len(doc.sentences)) and 0.0 <= q.confidence <= 1.0
    for e in doc.entities:
        spans.extend(e.mentions)
        spans.extend(e.affiliation_evidence)
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text), s
        assert text[s.start : s.end] == s.text, s


@settings(max_examples=500, deadline=None)
@given(quote_text)
def test_quote_like_text_gives_valid_quotes_mentions_and_scores(text):
    doc = presslens.analyze(text)
    assert_spans_valid(doc)
    assert_quote_spans_valid(doc)
    s = doc.sentiment
    assert -1.0 <= s.compound <= 1.0 and abs(s.pos + s.neu + s.neg - 1.0) < 1e-6 or not doc.tokens


corpus_piece = st.one_of(pieces, st.sampled_from(["Straße", "STRASSE", "École", "TRUMP’S", "Trump's", "the", "The",
                                                  "border", "Border", "ǅ", "İstanbul", "ﬁne", "x"]))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(unicode_text, st.lists(corpus_piece, max_size=30).map(" ".join)), min_size=1, max_size=8),
       st.integers(min_value=1, max_value=7))
def test_term_counts_are_the_same_in_batches_and_on_threads(texts, cut):
    from presslens import _core

    docs = [presslens.analyze(t) for t in texts]
    handles = [d._core for d in docs]
    whole = _core.TermCounts.count(handles, threads=1)
    cut = min(cut, len(handles))
    joined = _core.TermCounts.concat([_core.TermCounts.count(handles[:cut], threads=3),
                                      _core.TermCounts.count(handles[cut:], threads=2)])
    assert joined.terms == whole.terms == sorted(whole.terms, key=lambda t: t.encode())
    assert joined.row_start.tolist() == whole.row_start.tolist()
    assert joined.term_ids.tolist() == whole.term_ids.tolist() and joined.counts.tolist() == whole.counts.tolist()
    for term in whole.terms:
        # Terms are folded (no ASCII capital, straight apostrophes), long enough and no function words.
        assert not any("A" <= c <= "Z" for c in term) and "’" not in term
        assert len(term) >= 2 and not _core.is_stopword(term)
    assert whole.row_totals().sum() == whole.counts.sum() == whole.term_totals().sum()
