"""Sentence, paragraph and heading rules."""
from __future__ import annotations

import pickle

import pytest

import presslens

from conftest import assert_spans_valid


def sents(text):
    return [s.text for s in presslens.analyze(text).sentences]


def test_abbreviation_inside_sentence_does_not_split():
    assert sents("U.S. Secretary of State Marco Rubio met Dr. Lee and Sen. Warren in the U.S. capital.") == [
        "U.S. Secretary of State Marco Rubio met Dr. Lee and Sen. Warren in the U.S. capital."
    ]


def test_abbreviation_at_sentence_end_splits_when_next_word_starts_one():
    assert sents("He moved to the U.S. He never left. Apple Inc. The company said so.") == [
        "He moved to the U.S.",
        "He never left.",
        "Apple Inc.",
        "The company said so.",
    ]


def test_titles_never_end_a_sentence():
    assert sents("They met Gov. Newsom and Gen. Milley. No. 5 is next.") == [
        "They met Gov. Newsom and Gen. Milley.",
        "No. 5 is next.",
    ]


def test_initials_and_et_al():
    assert sents("J. K. Rowling wrote it with A. B. Smith et al. in 1997. It sold well.") == [
        "J. K. Rowling wrote it with A. B. Smith et al. in 1997.",
        "It sold well.",
    ]


def test_eg_and_ie():
    assert sents("Some states, e.g. Texas, i.e. the big ones, sued. Others waited.") == [
        "Some states, e.g. Texas, i.e. the big ones, sued.",
        "Others waited.",
    ]


def test_closing_quote_belongs_to_its_sentence():
    assert sents('He said, "We will win." Then he left. “Never!” she shouted.') == [
        'He said, "We will win."',
        "Then he left.",
        "“Never!” she shouted.",
    ]


def test_question_inside_quote_before_attribution():
    assert sents('"Why now?" he asked. "Because," she said.') == ['"Why now?" he asked.', '"Because," she said.']


def test_line_break_ends_headings_and_bullets():
    text = "Bukele Confirms the Deal\n🔹 El Salvador will accept deportees\n🔹 It will detain others.\nNext line."
    assert sents(text) == [
        "Bukele Confirms the Deal",
        "🔹 El Salvador will accept deportees",
        "🔹 It will detain others.",
        "Next line.",
    ]


def test_hard_wrapped_prose_is_joined():
    assert sents("The senator said the bill\nwould pass next week. Then\nshe left.") == [
        "The senator said the bill\nwould pass next week.",
        "Then\nshe left.",
    ]


def test_ellipsis():
    assert sents("He paused... and went on. Then... Nothing happened.") == [
        "He paused... and went on.",
        "Then...",
        "Nothing happened.",
    ]


def test_numbered_list_items():
    assert sents("Steps:\n1. Open the door.\n2. Walk in.\n3. Close it") == [
        "Steps:",
        "1. Open the door.",
        "2. Walk in.",
        "3. Close it",
    ]


def test_paragraphs_and_headings():
    text = "Border Deal Reached\n\nOfficials said on Monday that a deal was done. It was signed.\n\nMore follows here."
    doc = presslens.analyze(text)
    assert [p.text for p in doc.paragraphs] == [
        "Border Deal Reached",
        "Officials said on Monday that a deal was done. It was signed.",
        "More follows here.",
    ]
    assert [h.text for h in doc.headings] == ["Border Deal Reached"]
    assert [s.paragraph_index for s in doc.sentences] == [0, 1, 1, 2]
    assert [len(p.sentences) for p in doc.paragraphs] == [1, 2, 1]
    assert_spans_valid(doc)


def test_single_line_is_not_a_heading():
    assert len(presslens.analyze("Just a title").headings) == 0


def test_sentence_tokens_cover_the_sentence():
    doc = presslens.analyze("First one here. Second, longer one! Third?")
    for s in doc.sentences:
        assert s.tokens[0].start == s.start and s.tokens[-1].end == s.end
    assert sum(len(s.tokens) for s in doc.sentences) == len(doc.tokens)


def test_seed_article_sentences_and_headings(seed_text, seed_gold):
    doc = presslens.analyze(seed_text)
    got = [[s.start, s.end] for s in doc.sentences]
    assert got == seed_gold["sentences"]
    assert [h.text for h in doc.headings] == seed_gold["headings"]
    assert_spans_valid(doc)


def test_sentences_frame_keeps_metadata_named_like_its_columns():
    # Metadata keys that name a column of the table are kept as doc_<key>, never overwritten.
    pd = pytest.importorskip("pandas")
    text = "The rally was a success. Critics called it a disaster."
    doc = presslens.analyze(text, start="2019-01-01", text="headline", outlet="nyt", sentiment="tagged by hand")
    assert doc.text == text and doc.metadata["text"] == "headline"
    assert pickle.loads(pickle.dumps(doc)).metadata == doc.metadata  # (rebuilt with the same keywords)
    frame = doc.sentences_frame()
    assert list(frame.columns[:4]) == ["doc_start", "doc_text", "outlet", "doc_sentiment"]
    assert list(frame["doc_start"]) == ["2019-01-01"] * 2 and list(frame["doc_sentiment"]) == ["tagged by hand"] * 2
    assert [text[s:e] for s, e in zip(frame["start"], frame["end"])] == list(frame["text"])
    assert list(frame["text"]) == [s.text for s in doc.sentences]
    assert list(frame["sentiment"]) == [s.sentiment.label for s in doc.sentences] == ["positive", "negative"]
    assert isinstance(frame, pd.DataFrame) and list(frame["sentence"]) == [0, 1]
