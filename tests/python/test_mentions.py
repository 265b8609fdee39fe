"""Mentions and entities: names with titles, grouping, kinds, pronoun resolution."""
from __future__ import annotations

import pytest

import presslens


def _entity(doc, name):
    found = [e for e in doc.entities if e.name == name]
    assert len(found) == 1, [e.name for e in doc.entities]
    return found[0]


def test_seed_people_match_gold(seed_text, seed_gold):
    doc = presslens.analyze(seed_text)
    for person in seed_gold["people"]:
        e = _entity(doc, person["name"])
        assert e.kind == "person"
        assert e.title == person["title"]
        texts = {m.text for m in e.mentions}
        assert set(person["mentions"]) <= texts, (person["name"], texts)


def test_seed_organizations_places_groups(seed_text):
    doc = presslens.analyze(seed_text)
    kinds = {e.name: e.kind for e in doc.entities}
    assert kinds["CNN"] == "organization"
    assert kinds["El Salvador"] == "place"
    assert kinds["United States"] == "place"  # "U.S." grouped under its canonical name
    assert kinds["Central America"] == "place"
    assert kinds["human rights groups"] == "group"
    assert kinds["Trump administration"] == "organization"
    us = _entity(doc, "United States")
    assert {m.text for m in us.mentions} == {"U.S."}
    # Headings make no new mentions ("Bukele Confirms the Deal")
    assert "Bukele Confirms" not in kinds


def test_mention_offsets_and_order(seed_text):
    doc = presslens.analyze(seed_text)
    prev = -1
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
        assert m.start >= prev
        prev = m.end
        if m.entity is not None:
            assert m in m.entity.mentions
    for e in doc.entities:
        assert all(m.entity == e for m in e.mentions)


def test_names_group_by_surname_and_title():
    doc = presslens.analyze(
        "U.S. Secretary of State Marco Rubio arrived on Monday. Rubio met President Nayib Bukele. "
        "Later, Bukele spoke. President Bukele smiled."
    )
    rubio = _entity(doc, "Marco Rubio")
    assert rubio.title == "U.S. Secretary of State"
    assert [m.text for m in rubio.mentions] == ["U.S. Secretary of State Marco Rubio", "Rubio"]
    bukele = _entity(doc, "Nayib Bukele")
    assert [m.text for m in bukele.mentions] == ["President Nayib Bukele", "Bukele", "President Bukele"]


def test_different_first_names_are_different_people():
    doc = presslens.analyze("John Smith met Mary Smith. John Smith left early.")
    people = [e for e in doc.entities if e.kind == "person"]
    assert sorted(e.name for e in people) == ["John Smith", "Mary Smith"]


def test_pronoun_rule_uses_gender_and_skips_quoted_words():
    doc = presslens.analyze("John Smith met Mary Jones on Monday. She thanked him.")
    she = [m for m in doc.mentions if m.text == "She"][0]
    him = [m for m in doc.mentions if m.text == "him"][0]
    assert she.entity.name == "Mary Jones" and she.entity.gender == "female"
    assert him.entity.name == "John Smith" and him.entity.gender == "male"
    doc = presslens.analyze("Tom Baker spoke first. “I met Paul Green,” he said.")
    he = [m for m in doc.mentions if m.text == "he"][0]
    assert he.entity.name == "Tom Baker"  # "Paul Green" is inside the quotation


def test_role_noun_joins_person_with_that_title():
    doc = presslens.analyze("Secretary of State Marco Rubio landed. The secretary said the talks were useful.")
    rubio = _entity(doc, "Marco Rubio")
    assert "The secretary" in [m.text for m in rubio.mentions]
    q = [q for q in doc.quotes if q.kind == "indirect"][0]
    assert q.speaker == rubio


def test_vice_president_is_not_the_president():
    doc = presslens.analyze(
        "President Donald Trump spoke. The Vice President, Mike Pence, said on Friday the country is "
        "\"in the midst of a crisis.\""
    )
    qs = [q for q in doc.quotes if q.speaker is not None]
    assert qs and all(q.speaker.name == "Mike Pence" for q in qs)


def test_group_and_role_phrases():
    doc = presslens.analyze("Human rights groups protested. A senior official said the plan was final.")
    names = {e.name: e.kind for e in doc.entities}
    assert names.get("Human rights groups") == "group"
    assert names.get("senior official") == "person"


def test_no_mentions_in_plain_text():
    doc = presslens.analyze("the rain fell all day and the roads were wet.")
    assert doc.mentions == [] and doc.entities == []


def test_sentence_initial_preposition_is_not_part_of_a_name():
    doc = presslens.analyze(
        "Regarding Trump's phone call, former federal prosecutor Elie Honig said: \"It was open and clear.\""
    )
    names = {e.name for e in doc.entities}
    assert "Regarding Trump" not in names and "Trump" in {n.split()[-1] for n in names}
    assert [q.speaker.name for q in doc.quotes] == ["Elie Honig"]


def test_pronoun_prefers_the_main_subject_over_a_that_clause_subject():
    text = ("In the speech Tom Baker praised the mayor, but argued that John Smith was a poor manager. "
            "“I know the city,” he said.")
    doc = presslens.analyze(text)
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker_mention.text == "he"
    assert direct[0].speaker.name == "Tom Baker"
    # Without the that-clause the most recent man is still the antecedent.
    doc = presslens.analyze("In the speech Tom Baker praised the mayor and met John Smith. “I know the city,” he said.")
    assert [q.speaker.name for q in doc.quotes if q.kind == "direct"] == ["John Smith"]
    # A pronoun of the other gender is not moved.
    doc = presslens.analyze("Tom Baker argued that Mary Smith was a poor manager. “I know the city,” she said.")
    assert [q.speaker.name for q in doc.quotes if q.kind == "direct"] == ["Mary Smith"]


def test_reported_clause_after_said_is_not_a_speaker_mention():
    # "said the spokesman." names a speaker only in the inverted form; after "Leahy said" the
    # words are the reported clause, with a verb of their own.
    doc = presslens.analyze("Leahy said the plan was wrong. Officials said the deal is off.")
    assert [e.name for e in doc.entities if e.kind == "person"] == ["Leahy"]
    assert all(" was " not in m.text and " is " not in m.text for m in doc.mentions)
    assert [q.speaker.name for q in doc.quotes] == ["Leahy", "Officials"]
    doc = presslens.analyze("“We are ready,” said the spokesman. The deal is off, says the letter.")
    assert [(q.speaker.name, q.speaker.kind) for q in doc.quotes] == [("spokesman", "person"), ("letter", "other")]
    # Proclamations, motions, orders and releases are texts too, not people.
    doc = presslens.analyze("“Entry is suspended,” the proclamation says. “The vote is void,” the motion states.")
    assert [(q.speaker.name, q.speaker.kind) for q in doc.quotes] == [("proclamation", "other"), ("motion", "other")]
    # News outlets whose names hold no organization word are organizations, not people.
    doc = presslens.analyze("“It is over,” Politico reported. Business Insider reported that the deal was off.")
    assert [(q.speaker.name, q.speaker.kind) for q in doc.quotes] == [("Politico", "organization"),
                                                                      ("Business Insider", "organization")]


def test_laws_and_bodies_are_not_people():
    doc = presslens.analyze(
        "President Trump invoked the National Emergencies Act on Friday. Protesters gathered outside the "
        "United States Embassy, and the Coast Guard said the area was closed."
    )
    kinds = {e.name: e.kind for e in doc.entities}
    assert kinds.get("National Emergencies Act") == "other"
    assert kinds.get("United States Embassy") == "organization"
    assert kinds.get("Coast Guard") == "organization"
    assert [e.name for e in doc.entities if e.kind == "person"] == ["Trump"]


def test_adverb_before_the_verb_is_not_part_of_the_speaker():
    doc = presslens.analyze("The proclamation specifically says that the border is closed.")
    assert [m.text for m in doc.mentions] == ["The proclamation"]
    assert [(q.kind, q.speaker.name, q.text) for q in doc.quotes] == [("indirect", "proclamation", "the border is closed")]
    # A noun ending in -ly stays part of the phrase.
    doc = presslens.analyze("The Smith family said they were relieved.")
    assert doc.quotes[0].speaker.name == "Smith family"


def test_organization_names_with_and_or_for():
    doc = presslens.analyze("The Department of Health and Human Services and the Centers for Disease Control and "
                            "Prevention disagreed. The Senate and House voted. Bank of America and Wells Fargo sued.")
    orgs = [e.name for e in doc.entities if e.kind == "organization"]
    assert "Department of Health and Human Services" in orgs
    assert "Centers for Disease Control and Prevention" in orgs
    # Two names joined by "and" stay two when nothing says they are one.
    assert "Senate" in orgs and "House" in orgs and "Bank of America" in orgs
    assert not any(" and " in name for name in orgs if name.startswith(("Senate", "Bank")))


def test_a_role_in_apposition_takes_its_pronouns_to_the_name():
    doc = presslens.analyze("Ayatollah Ali Khamenei, the Supreme Leader of Iran, ordered three days of mourning. "
                            "In his message, he called the general a martyr.")
    people = [e for e in doc.entities if e.kind == "person"]
    assert [e.name for e in people] == ["Ali Khamenei"]
    texts = [m.text for m in people[0].mentions]
    assert "Supreme Leader of Iran" in texts and "he" in texts and "his" in texts


def test_a_run_ending_in_a_place_word_is_a_place():
    doc = presslens.analyze("Donna Rawlings watched the ceremony on the National Mall. She said it moved her.")
    kinds = {e.name: e.kind for e in doc.entities}
    assert kinds["National Mall"] == "place"
    she = [m for m in doc.mentions if m.text == "She"][0]
    assert she.entity.name == "Donna Rawlings"


def test_a_sentence_adverb_before_a_comma_is_no_name():
    doc = presslens.analyze("Indeed, the talks failed. Unfortunately, Mayor Jane Smith was away. First, she called. "
                            "Wait, it gets better. Kelly, a spokeswoman, said nothing.")
    names = {e.name for e in doc.entities}
    assert not names & {"Indeed", "Unfortunately", "First", "Wait"}, names
    assert "Jane Smith" in names and "Kelly" in names  # a first name before a comma stays a name


@pytest.mark.parametrize("text", ["The department two days ago said that the server was safe.",
                                  "The firm two weeks later said it would appeal."])
def test_a_time_phrase_before_a_speech_verb_is_no_speaker(text: str) -> None:
    doc = presslens.analyze(text)
    assert not any(w in m.text for m in doc.mentions for w in ("ago", "days", "weeks")), [m.text for m in doc.mentions]


@pytest.mark.parametrize(
    "text, role",
    [
        ("Clinton's spokesman said the plan was dead.", "spokesman"),
        ("Clinton’s spokesman said the plan was dead.", "spokesman"),  # a curly apostrophe
        ("His lawyer said he would not answer questions.", "lawyer"),
    ],
)
def test_a_possessed_role_noun_before_a_speech_verb_is_a_mention(text: str, role: str) -> None:
    assert role in [m.text for m in presslens.analyze(text).mentions]


@pytest.mark.parametrize(
    "text",
    [
        "The documents contradicted her official pledge in 2009.",  # an adjective, and no finite verb
        "“We are back,” said Tom Baker, the network's chief.",      # an apposition: the name covers it
    ],
)
def test_a_possessed_role_noun_elsewhere_is_no_mention(text: str) -> None:
    names = [m.text for m in presslens.analyze(text).mentions]
    assert "official" not in names and "chief" not in names, names


def test_a_persons_campaign_that_speaks_is_the_campaign_organization():
    doc = presslens.analyze("Hillary Clinton's campaign said it would appeal. Later, the Clinton campaign said "
                            "it had won. Trump's team says they are unwilling to debate.")
    speakers = [(q.speaker.name, q.speaker.kind) for q in doc.quotes]
    assert speakers == [("Clinton campaign", "organization")] * 2 + [("Trump team", "organization")]
    # The campaign is one entity (both spellings), and the person stays a person of her own.
    names = [(e.name, e.kind, len(e.mentions)) for e in doc.entities]
    assert ("Clinton campaign", "organization", 2) in names
    assert ("Hillary Clinton", "person", 1) in names


def test_a_possessed_organization_word_that_does_not_speak_is_no_mention():
    doc = presslens.analyze("Hillary Clinton's campaign in Ohio has grown since May.")
    assert "campaign" not in [m.text for m in doc.mentions]


def test_a_persons_campaign_with_a_curly_apostrophe():
    doc = presslens.analyze("It is unlikely; Clinton’s team says she will continue.")
    assert [(q.speaker.name, q.speaker.kind) for q in doc.quotes] == [("Clinton team", "organization")]


def _entity_of(doc, text):
    found = [m for m in doc.mentions if m.text == text]
    assert found, [m.text for m in doc.mentions]
    return found[0].entity.name if found[0].entity is not None else None


@pytest.mark.parametrize(
    "text, role, person",
    [
        # Another senator was named before: the apposition, not the last senator, says who.
        ("Senator Bernie Sanders spoke first. Trump accused Ted Cruz, the senator from Texas, of lying.",
         "the senator", "Ted Cruz"),
        ("President Obama was in Ohio. Tom Fitton, the president of Judicial Watch, said the papers were hidden.",
         "the president", "Tom Fitton"),
        ("President Obama was in Ohio. Mr. Rubio, the Florida senator, said he would run.", "the Florida senator",
         "Marco Rubio"),
    ],
)
def test_a_role_in_apposition_after_a_name_is_that_person(text: str, role: str, person: str) -> None:
    doc = presslens.analyze(("Marco Rubio announced a bid. " if "Rubio" in text else "") + text)
    assert _entity_of(doc, role) == person


def test_a_role_that_is_no_apposition_keeps_its_own_reading():
    # A possessor ("the president's pick") and a title before another name are no apposition.
    doc = presslens.analyze("President Donald Trump spoke. He praised Mike Pompeo, the president's choice for the post.")
    assert _entity_of(doc, "the president") == "Donald Trump"
    doc = presslens.analyze("Chief of Staff Cheryl Mills, Deputy Chief of Staff Jake Sullivan and others met.")
    assert _entity_of(doc, "Deputy Chief of Staff Jake Sullivan") == "Deputy Chief of Staff Jake Sullivan"


@pytest.mark.parametrize(
    "text, pronoun, person",
    [
        # A "he" / "she" opening its sentence continues the previous sentence's subject, not the
        # person named last in it.
        ("Donald Trump accused Ted Cruz of lying. He said the senator could not be trusted.", "He", "Donald Trump"),
        ("Nancy Pelosi praised Hillary Clinton on Monday. Then she announced a vote.", "she", "Nancy Pelosi"),
        ("On the last day of the Republican National Convention, Ivanka Trump thanked Melania Trump. "
         "She then left the stage.", "She", "Ivanka Trump"),
        # Guards: the object of a fronted preposition is no subject, and a pronoun later in its
        # sentence keeps the nearest person.
        ("According to Ted Cruz, the plan failed. He said it was doomed.", "He", "Ted Cruz"),
        ("Donald Trump met Ted Cruz, and afterwards he left.", "he", "Ted Cruz"),
    ],
)
def test_a_sentence_opening_pronoun_continues_the_previous_subject(text: str, pronoun: str, person: str) -> None:
    assert _entity_of(presslens.analyze(text), pronoun) == person


def test_conventions_and_days_are_not_people():
    doc = presslens.analyze("The Republican National Convention opened on Labor Day. Doris Day sang. "
                            "Republican Pat Toomey spoke.")
    kinds = {m.text: m.entity.kind for m in doc.mentions if m.entity is not None}
    assert kinds["Republican National Convention"] != "person"
    assert kinds["Labor Day"] != "person"
    assert kinds["Doris Day"] == "person"
    assert kinds["Republican Pat Toomey"] == "person"
