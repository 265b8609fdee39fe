"""Hostile input for mentions and quotes at about a megabyte (issue 4, "Bad input").

Each text goes through ``presslens.analyze`` and must come back without an exception, with spans
that slice the text exactly and a sensible result. Timing is checked in bench/complexity.py and
bench/quotes_speed.py, not here: these tests only make sure the shapes that used to take
quadratic time (runs of adjacent marks, a long sentence of "X said that ...", thousands of people
sharing a surname) still finish with correct output.
"""
from __future__ import annotations

import random

import pytest

import presslens

MB = 1 << 20


def _fill(unit: str, nbytes: int = MB) -> str:
    return unit * max(1, nbytes // len(unit.encode("utf-8")))


def _spans_valid(doc) -> None:
    text = doc.text
    prev = (-1, 0)
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert (q.start, -q.end) >= prev  # sorted by start, longer first
        prev = (q.start, -q.end)
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker_mention is not None:
            assert text[q.speaker_mention.start : q.speaker_mention.end] == q.speaker_mention.text
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text


def _random_marks(nbytes: int = MB) -> str:
    rng = random.Random(11)
    marks = ['"', "“", "”", "'", "’", "«", "»", "„", "‘"]
    out, size = [], 0
    while size < nbytes:
        ch = rng.choice(marks)
        out.append(ch)
        size += len(ch.encode("utf-8"))
    return "".join(out)


def test_megabyte_of_mixed_marks_gives_no_quotes():
    for text in (_fill("\"“”'’«»„"), _random_marks()):
        doc = presslens.analyze(text)
        _spans_valid(doc)
        # Marks with no words between them hold nothing to quote and no one to attribute.
        assert all(q.speaker is None for q in doc.quotes)


def test_megabyte_of_marks_around_words_keeps_spans_valid():
    rng = random.Random(5)
    marks = ['"', "“", "”", "'", "’", "«", "»", "„"]
    words = ["said", "the", "minister", "a", "Yes", "It's", "we", "will", "Ann Lee"]
    parts, size = [], 0
    while size < MB:
        piece = f"{rng.choice(marks)}{rng.choice(words)}{rng.choice(marks)} "
        parts.append(piece)
        size += len(piece.encode("utf-8"))
    doc = presslens.analyze("".join(parts))
    _spans_valid(doc)


def test_ten_deep_nesting_repeated_to_a_megabyte():
    unit = "Ann Lee said: “" + "‘“" * 5 + "we will win" + "”’" * 5 + "”. "
    doc = presslens.analyze(_fill(unit))
    _spans_valid(doc)
    n_units = doc.text.count("Ann Lee said")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    # One outer quotation per unit holding all ten levels, attributed to the speaker named before
    # the colon; the inner levels are not quotations of their own.
    assert len(direct) == len(doc.quotes) == n_units
    assert all(q.speaker is not None and q.speaker.name == "Ann Lee" for q in direct)
    assert all(q.text.startswith("‘“") and "we will win" in q.text for q in direct)


def test_one_quotation_of_a_megabyte_with_no_close_mark():
    text = "“" + _fill("the minister said we will win and they agree with it, ")
    doc = presslens.analyze(text)
    _spans_valid(doc)
    # The quoted words themselves are not the author's reported speech.
    assert all(q.kind != "indirect" or q.end - q.start < len(text) for q in doc.quotes)


def test_multi_paragraph_quotation_of_a_megabyte():
    text = "Ann Lee said:\n\n“" + _fill("We will win. They agree with it.\n\n“")
    doc = presslens.analyze(text)
    _spans_valid(doc)
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert len(direct) > 1000
    assert all(q.speaker is None or q.speaker.name == "Ann Lee" for q in direct)


def test_megabyte_of_quotes_without_speakers():
    doc = presslens.analyze(_fill("“This is a quote of several words.”\n\n"))
    _spans_valid(doc)
    assert len(doc.quotes) > 10_000
    assert all(q.speaker is None and q.kind == "direct" for q in doc.quotes)


def test_megabyte_of_said_sentences():
    doc = presslens.analyze(_fill("Smith said that the plan would work. "))
    _spans_valid(doc)
    n = doc.text.count("Smith said")
    ind = [q for q in doc.quotes if q.kind == "indirect"]
    assert len(ind) == n
    assert {q.text for q in ind} == {"the plan would work"}
    assert {q.speaker.name for q in ind} == {"Smith"}


def test_one_sentence_of_a_megabyte_of_said_clauses():
    doc = presslens.analyze(_fill("Smith said that the plan would work and "))
    _spans_valid(doc)
    ind = [q for q in doc.quotes if q.kind == "indirect"]
    assert len(ind) > 10_000
    assert all(q.speaker is not None and q.speaker.name == "Smith" for q in ind)


def test_megabyte_of_according_to():
    doc = presslens.analyze(_fill("The plan will work, according to Smith. "))
    _spans_valid(doc)
    acc = [q for q in doc.quotes if q.kind == "according_to"]
    assert len(acc) == doc.text.count("according to")
    assert {q.text for q in acc} == {"The plan will work"}


def test_megabyte_of_names_groups_people():
    rng = random.Random(3)
    firsts = ["John", "Mary", "Robert", "Linda", "James", "Patricia", "Michael", "Susan"]
    lasts = ["Smith", "Jones", "Brown", "Miller", "Davis", "Garcia", "Wilson", "Moore"]
    parts, size = [], 0
    while size < MB:
        s = f"{rng.choice(firsts)} {rng.choice(lasts)} met {rng.choice(firsts)} {rng.choice(lasts)}. "
        parts.append(s)
        size += len(s)
    doc = presslens.analyze("".join(parts))
    _spans_valid(doc)
    people = {e.name for e in doc.entities if e.kind == "person"}
    # 64 first/last combinations at most: grouping merges every repeat of a full name.
    assert people <= {f"{f} {l}" for f in firsts for l in lasts}
    assert len(people) == 64


@pytest.mark.parametrize("n_people", [2_000, 60_000])
def test_many_people_sharing_a_surname(n_people):
    # Distinct first names (letters only, so every one looks like a name) and one surname.
    def first(i: int) -> str:
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(97 + r) + s
        return "K" + s

    text = "".join(f"{first(i)} Smith spoke. " for i in range(n_people))
    doc = presslens.analyze(text)
    _spans_valid(doc)
    smiths = [e for e in doc.entities if e.kind == "person" and e.name.endswith(" Smith")]
    # Different first names are different people, however many share the surname (a few
    # generated first names are ordinary words, "Kid", and are not read as names).
    assert len(smiths) >= 0.99 * n_people
    assert len({e.name for e in smiths}) == len(smiths)
    assert sum(len(e.mentions) for e in smiths) <= n_people  # no merging across first names
