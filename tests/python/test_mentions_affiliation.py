"""Affiliations of entities, derived only from the article text: party, role class, speaks_for,
organization and faith groups (rules in cpp/include/presslens/mentions.hpp)."""
from __future__ import annotations

import presslens
import pytest


def _person(doc, surname):
    found = [e for e in doc.entities if e.kind == "person" and e.name.split()[-1] == surname]
    assert len(found) == 1, [repr(e) for e in doc.entities]
    return found[0]


def _assert_evidence_spans(doc):
    for e in doc.entities:
        for span in e.affiliation_evidence:
            assert doc.text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text, surname, party",
    [
        ("Sen. Pat Leahy (D-Vt.) called the delay “an extraordinary blockade.”", "Leahy", "Democratic"),
        ("Senate Minority Leader Chuck Schumer, D-N.Y., called for a vote on Tuesday.", "Schumer", "Democratic"),
        ("Rep. Blake Farenthold (R-Texas) is resigning from Congress.", "Farenthold", "Republican"),
        ("Sen. Bernie Sanders (I-Vt.) voted against the bill.", "Sanders", "Independent"),
        ("Democratic Sen. Jon Tester said the talks had stalled.", "Tester", "Democratic"),
        ("GOP Rep. Paul Ryan defended the budget.", "Ryan", "Republican"),
        ("Representative-elect Mikie Sherrill, Democrat of New Jersey, said she was angry.", "Sherrill", "Democratic"),
        ("Senator Chuck Schumer of New York, the Democratic leader, posed the question.", "Schumer", "Democratic"),
        ("Rep. Todd Akin, a Republican, refused to step aside.", "Akin", "Republican"),
    ],
)
def test_party_from_text(text, surname, party):
    doc = presslens.analyze(text)
    e = _person(doc, surname)
    assert e.party == party
    assert e.role == "lawmaker"
    assert e.affiliation_evidence, repr(e)
    _assert_evidence_spans(doc)


def test_party_codes_are_not_entities():
    doc = presslens.analyze("Senate Minority Leader Chuck Schumer, D-N.Y., and Sen. Elizabeth Warren, D-Mass., both called.")
    names = [e.name for e in doc.entities]
    assert sorted(names) == ["Chuck Schumer", "Elizabeth Warren"], names
    assert all(e.party == "Democratic" for e in doc.entities)


def test_no_party_without_evidence_and_not_for_former_members():
    doc = presslens.analyze(
        "Sen. Maria Lopez said the plan would fail. The billionaire, a former Republican, said nothing. "
        "Michael Bloomberg, the former New York mayor, spoke at the Democratic National Convention."
    )
    assert _person(doc, "Lopez").party is None
    assert _person(doc, "Lopez").role == "lawmaker"
    bloomberg = _person(doc, "Bloomberg")
    assert bloomberg.party is None  # the convention is not his party
    assert bloomberg.role == "executive"


def test_role_classes_from_titles_and_appositions():
    doc = presslens.analyze(
        "Secretary of State Marco Rubio met Gov. Greg Abbott. "
        "Zephyr Teachout, a constitutional law professor at Fordham University, said the court had changed. "
        "“This is nonsense,” said Jesuit Father Thomas J. Reese, one of the organizers of the letter. "
        "Judge Amy Lane ruled on Friday."
    )
    assert _person(doc, "Rubio").role == "executive"
    assert _person(doc, "Abbott").role == "executive"
    teachout = _person(doc, "Teachout")
    assert teachout.role == "academic"
    assert teachout.organization is not None and teachout.organization.name == "Fordham University"
    reese = _person(doc, "Reese")
    assert reese.role == "clergy"
    assert reese.groups == ["Catholic"]
    assert _person(doc, "Lane").role == "judge"
    assert _person(doc, "Rubio").groups == []


def test_speaks_for_principal():
    doc = presslens.analyze(
        "In a response, Brendan Buck, spokesman for House Speaker John Boehner (R-Ohio), said the emails "
        "confirmed the report. White House spokesman Eric Schultz said he hoped it would end the matter."
    )
    buck = _person(doc, "Buck")
    assert buck.role == "spokesperson"
    assert buck.party is None  # his own party is not said
    boss = buck.speaks_for
    assert boss is not None and boss.name == "John Boehner"
    assert (boss.party, boss.role) == ("Republican", "lawmaker")
    schultz = _person(doc, "Schultz")
    assert schultz.speaks_for is not None and schultz.speaks_for.name == "White House"
    assert "for=" in repr(buck) and "party='Republican'" in repr(boss)


def test_groups_get_party_and_role_from_their_words():
    doc = presslens.analyze("Senate Democrats and Republican lawmakers said the bill was dead.")
    by_name = {e.name: e for e in doc.entities}
    assert (by_name["Senate Democrats"].party, by_name["Senate Democrats"].role) == ("Democratic", "lawmaker")
    assert (by_name["Republican lawmakers"].party, by_name["Republican lawmakers"].role) == ("Republican", "lawmaker")


def test_definite_description_joins_the_office_holder():
    doc = presslens.analyze(
        "Rep. Blake Farenthold (R-Texas) is resigning. Greene accused Farenthold of lying.\n"
        "“I had no idea how to run a congressional office,” the four-term congressman said in December."
    )
    q = [q for q in doc.quotes if q.text.startswith("I had no idea")][0]
    assert q.speaker is not None and q.speaker.name == "Blake Farenthold"
    assert q.speaker_mention.text == "the four-term congressman"
    # "the former senator" is another office holder: not joined
    doc = presslens.analyze("Sen. Ann Lee spoke first. “We will win,” the former senator said.")
    q = doc.quotes[0]
    assert q.speaker is None or q.speaker.name != "Ann Lee"


def test_predicate_role_is_not_a_mention():
    doc = presslens.analyze(
        "Bloomberg argued that Trump was a bad businessman who would be a disastrous president. "
        "“I’m a New Yorker,” he said."
    )
    assert all("disastrous" not in m.text for m in doc.mentions)
    assert doc.quotes[-1].speaker is not None and doc.quotes[-1].speaker.name == "Bloomberg"


def test_capitalised_first_name_connector_after_title():
    doc = presslens.analyze("Sen. Al Franken (D-Minn.) explained, “That is what it was about.”")
    e = _person(doc, "Franken")
    assert (e.name, e.title, e.party) == ("Al Franken", "Sen.", "Democratic")
    assert doc.quotes[0].speaker == e


def test_affiliation_in_frames():
    pytest.importorskip("pandas")
    doc = presslens.analyze("“We will not back down,” said Sen. Pat Leahy (D-Vt.).")
    frame = doc.quotes_frame(sentiment=False)
    row = frame.iloc[0]
    assert (row["speaker"], row["speaker_party"], row["speaker_role"]) == ("Pat Leahy", "Democratic", "lawmaker")
    speakers = doc.speakers()
    assert speakers.loc[0, "party"] == "Democratic" and speakers.loc[0, "role"] == "lawmaker"
    assert "Democratic" in doc._repr_html_()


def test_apposition_role_phrase_is_the_same_person():
    doc = presslens.analyze(
        "Zephyr Teachout, a constitutional law professor at Fordham University, said the court had changed."
    )
    teachout = _person(doc, "Teachout")
    assert [m.text for m in teachout.mentions] == ["Zephyr Teachout", "a constitutional law professor"]
    assert all(e.name != "constitutional law professor" for e in doc.entities)
    assert all(len(e.mentions) > 0 for e in doc.entities)
    # entity indices stay consistent after the merge
    assert [e.i for e in doc.entities] == list(range(len(doc.entities)))
    for m in doc.mentions:
        assert m.entity is None or m in m.entity.mentions


def test_a_document_that_states_is_not_a_group_or_a_person():
    doc = presslens.analyze("“We appreciate your willingness to talk,” the letter states. “But we disagree.”")
    assert all(e.name != "letter states" for e in doc.entities)
    q = doc.quotes[0]
    assert q.speaker is not None and q.speaker.name == "letter"
    assert q.speaker.kind == "other"
    assert q.cue is not None and q.cue.text == "states"
