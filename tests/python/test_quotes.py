"""Quotes and speakers: the seed article against its gold, the attribution patterns of issue 4,
transcripts, tables, and bad input."""
from __future__ import annotations

import pytest

import presslens
from presslens.quotes import quotes_frame


def _quote_spans_valid(doc) -> None:
    text = doc.text
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start : m.end] == m.text
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text


def _only(doc, kind=None):
    qs = [q for q in doc.quotes if kind is None or q.kind == kind]
    assert len(qs) == 1, qs
    return qs[0]


# ---- the seed article ----------------------------------------------------------------------


def test_seed_matches_gold_exactly(seed_text, seed_gold):
    doc = presslens.analyze(seed_text)
    _quote_spans_valid(doc)
    got = {(q.start, q.end): q for q in doc.quotes}
    assert len(doc.quotes) == len(seed_gold["quotes"]) == 8
    for g in seed_gold["quotes"]:
        start, end = g["span"]
        assert (start, end) in got, (g["text"], [(q.start, q.end, q.text) for q in doc.quotes])
        q = got[(start, end)]
        assert q.text == g["text"]
        assert q.kind == g["kind"]
        assert q.speaker is not None and q.speaker.name == g["speaker"], (g, q)
        assert q.speaker_mention.text == g["speaker_mention"]
        assert q.cue.text == g["cue"]


def test_seed_quoted_heading_is_not_attributed(seed_text, seed_gold):
    doc = presslens.analyze(seed_text)
    for nq in seed_gold["not_quotes"]:
        s, e = nq["span"]
        assert not [q for q in doc.quotes if q.start < e and q.end > s]


def test_seed_pronoun_speaker_resolves(seed_text):
    doc = presslens.analyze(seed_text)
    added = [q for q in doc.quotes if q.cue is not None and q.cue.text == "added"][0]
    assert added.speaker_mention.is_pronoun and added.speaker_mention.text == "he"
    assert added.speaker.name == "Nayib Bukele"
    assert added.speaker_mention in added.speaker.mentions


# ---- attribution patterns ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        ("“We will win,” said Jane Smith, the mayor of Springfield.", "Jane Smith", "said"),
        ("Jane Smith said: “We will win.”", "Jane Smith", "said"),
        ('Jane Smith said, "We will win the vote next week."', "Jane Smith", "said"),
        ("“The storm is over,” Governor Tom Baker told reporters.", "Tom Baker", "told"),
        ("In a post on X, President Nayib Bukele wrote: “We are ready.”", "Nayib Bukele", "wrote"),
        ("“We will not back down,” warned Senator Ann Lee.", "Ann Lee", "warned"),
        ("“It is over,” Ann Lee tweeted on Sunday.", "Ann Lee", "tweeted"),
        ("“We saw it coming,” the spokeswoman insisted.", "spokeswoman", "insisted"),
    ],
)
def test_direct_quote_patterns(text, speaker, cue):
    doc = presslens.analyze(text)
    _quote_spans_valid(doc)
    q = _only(doc)
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.cue.text == cue
    assert "“" not in q.text and "”" not in q.text and '"' not in q.text


def test_dash_attribution_and_colon():
    q = _only(presslens.analyze("“Our country is strong.” — Barack Obama"))
    assert q.speaker.name == "Barack Obama" and q.cue is None
    q = _only(presslens.analyze("From the governor’s office, Ann Lee: “We are closed today.”"))
    assert q.speaker.name == "Ann Lee"


def test_split_quote_shares_speaker():
    doc = presslens.analyze("Mayor Jane Smith spoke first. “We will win,” she said, “and we will do it soon.”")
    qs = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.text for q in qs] == ["We will win,", "and we will do it soon."]
    assert all(q.speaker is not None and q.speaker.name == "Jane Smith" for q in qs)


def test_multi_paragraph_quote_continues():
    text = (
        "John Doe spoke at the rally.\n"
        "“The first paragraph of a long quote goes on here.\n"
        "“And the second paragraph ends it,” said John Doe."
    )
    doc = presslens.analyze(text)
    qs = doc.quotes
    assert [q.text for q in qs] == [
        "The first paragraph of a long quote goes on here.",
        "And the second paragraph ends it,",
    ]
    assert [q.paragraph for q in qs] == [1, 2]
    assert all(q.speaker.name == "John Doe" for q in qs)


def test_quote_paragraph_without_cue_takes_previous_speaker():
    doc = presslens.analyze("Mayor Jane Smith spoke on Tuesday.\n“We are ready for the storm. Nobody will be left behind.”")
    q = _only(doc)
    assert q.kind == "direct" and q.speaker.name == "Jane Smith" and q.cue is None
    assert q.confidence < 0.6  # inherited, not cued


def test_pronoun_after_quote_relinks_to_previous_speaker():
    doc = presslens.analyze("“We are done,” Rubio told reporters after meeting Bukele. “We will leave tomorrow,” he added.")
    qs = doc.quotes
    assert [q.speaker.name for q in qs] == ["Rubio", "Rubio"]
    assert qs[1].speaker_mention.text == "he"
    assert qs[1].speaker_mention.entity == qs[0].speaker


def test_nested_single_quotes_and_marks_of_other_languages():
    q = _only(presslens.analyze("“He told me ‘never give up’ and I listened,” said Mary Jones."))
    assert q.text == "He told me ‘never give up’ and I listened,"
    assert q.speaker.name == "Mary Jones"
    for text, content in [
        ("«Nous sommes prêts», a déclaré Jean Dupont.", "Nous sommes prêts"),
        ("„Wir schaffen das“, sagte Angela Merkel.", "Wir schaffen das"),
        ("\"Straight quotes work too,\" said Tom Baker.", "Straight quotes work too,"),
    ]:
        doc = presslens.analyze(text)
        assert [x.text for x in doc.quotes] == [content]


def test_partial_and_scare_quotes():
    doc = presslens.analyze("The mayor called the plan “a disaster” in a speech.")
    q = _only(doc, "partial")
    assert q.text == "a disaster" and q.cue.text == "called"
    whole = _only(doc, "indirect")  # the characterisation as a whole: object and quoted words
    assert whole.text == "the plan “a disaster”" and whole.speaker == q.speaker
    assert presslens.analyze("The so-called “reform” passed on Monday.").quotes == []
    assert presslens.analyze("They watched “Saturday Night Live” last week.").quotes == []


def test_heading_in_quote_marks_is_not_a_quote():
    doc = presslens.analyze("Officials met on Monday.\n“A Day of Reckoning”\nThe talks lasted hours.")
    assert doc.quotes == []


@pytest.mark.parametrize(
    "text, speaker, content, cue",
    [
        ("Sen. Elizabeth Warren warned that the bill would hurt families.", "Elizabeth Warren",
         "the bill would hurt families", "warned"),
        ("The economy is improving, officials said.", "officials", "The economy is improving", "said"),
        ("The economy is improving, said a senior official.", "senior official", "The economy is improving", "said"),
        ("Critics argue that the law is unfair.", "Critics", "the law is unfair", "argue"),
        ("John Smith met Mary Jones on Monday. She said the talks went well.", "Mary Jones",
         "the talks went well", "said"),
        ("While Tom Baker claims the plan has worked, critics disagree.", "Tom Baker", "the plan has worked", "claims"),
    ],
)
def test_indirect_speech(text, speaker, content, cue):
    doc = presslens.analyze(text)
    _quote_spans_valid(doc)
    q = _only(doc, "indirect")
    assert (q.speaker.name, q.text, q.cue.text) == (speaker, content, cue)


def test_mixed_quotes_give_the_clause_and_the_fragment():
    doc = presslens.analyze('Cruz said any candidate who wants to win Iowa "owes it to the men and women" of the state.')
    kinds = {q.kind: q for q in doc.quotes}
    assert kinds["indirect"].text == 'any candidate who wants to win Iowa "owes it to the men and women" of the state'
    assert kinds["partial"].text == "owes it to the men and women"
    assert kinds["indirect"].speaker == kinds["partial"].speaker and kinds["partial"].speaker.name == "Cruz"
    doc = presslens.analyze('The tax plans are "profoundly irresponsible," said Steve Bell, a senior director at the center.')
    ind = _only(doc, "indirect")
    assert ind.text == 'The tax plans are "profoundly irresponsible,"' and ind.speaker.name == "Steve Bell"


def test_according_to_both_positions():
    q = _only(presslens.analyze("According to the report, the economy is improving."))
    assert q.kind == "according_to" and q.text == "the economy is improving" and q.cue.text == "According to"
    q = _only(presslens.analyze("The deal was signed on Friday, according to Reuters."))
    assert q.text == "The deal was signed on Friday" and q.speaker.name == "Reuters"


def test_according_to_at_the_very_end_of_the_text():
    # The content runs to the last token: its end index is past the tokens (this once read one).
    q = _only(presslens.analyze("According to the report, the plan failed badly"))
    assert q.text == "the plan failed badly"


def test_according_to_after_a_conjunction_and_too_short():
    q = _only(presslens.analyze("But according to the report, the plan failed badly."))
    assert q.text == "the plan failed badly"
    assert presslens.analyze("That's according to the report.").quotes == []
    assert presslens.analyze("Smith agreed, according to a transcript.").quotes == []


def test_according_to_inside_the_sentence():
    # Between commas after a short opening, the content is the sentence around it, not "Now".
    q = _only(presslens.analyze("Now, according to the new poll, several states are swinging toward Clinton."))
    assert q.text == "Now, according to the new poll, several states are swinging toward Clinton"
    assert q.speaker_mention.text == "the new poll"
    # After a main clause, what follows the source is about the source.
    q = _only(presslens.analyze("Taxes rose by 5 percent, according to the Tax Foundation, which studied the plan."))
    assert q.text == "Taxes rose by 5 percent"


def test_no_quote_without_speech():
    doc = presslens.analyze("The river rose overnight. Schools were closed and roads flooded.")
    assert doc.quotes == []


# ---- transcripts ---------------------------------------------------------------------------


def test_transcript_turns():
    text = "THE PRESIDENT: Thank you very much.\nQ: Mr. President, is it true?\nTHE PRESIDENT: Yes.\nIt is.\nDR. FAUCI: Thank you."
    doc = presslens.analyze(text)
    _quote_spans_valid(doc)
    turns = [q for q in doc.quotes if q.kind == "turn"]
    assert [(q.speaker.name, q.text) for q in turns] == [
        ("The President", "Thank you very much."),
        ("Q", "Mr. President, is it true?"),
        ("The President", "Yes.\nIt is."),
        ("Fauci", "Thank you."),
    ]
    assert turns[0].speaker == turns[2].speaker


def test_white_house_transcript_turns(shared_data):
    path = shared_data / "samples" / "whitehouse-2020-03-13-press-conference-coronavirus.txt"
    text = path.read_text(encoding="utf-8")
    doc = presslens.analyze(text)
    _quote_spans_valid(doc)
    labels = [line.split(":")[0] for line in text.splitlines() if line[:1].isupper() and ":" in line[:40]
              and line.split(":")[0].replace(".", "").replace(" ", "").isupper()]
    turns = [q for q in doc.quotes if q.kind == "turn"]
    assert len(turns) == len(labels)
    by_speaker = {}
    for q in turns:
        by_speaker[q.speaker.name] = by_speaker.get(q.speaker.name, 0) + 1
    assert by_speaker["The President"] == labels.count("THE PRESIDENT")
    assert by_speaker["Q"] == labels.count("Q")


def test_samples_spans_valid(shared_data):
    for path in sorted((shared_data / "samples").glob("*.txt")):
        doc = presslens.analyze(path.read_text(encoding="utf-8"))
        _quote_spans_valid(doc)
        if path.name.startswith("wikinews"):
            assert all(q.kind != "turn" for q in doc.quotes), path.name


# ---- tables and display --------------------------------------------------------------------


def test_quotes_frame_and_speakers(seed_text):
    pd = pytest.importorskip("pandas")
    doc = presslens.analyze(seed_text, id="seed", outlet="example")
    frame = doc.quotes_frame()
    assert len(frame) == 8
    for col in ("id", "outlet", "kind", "speaker", "speaker_kind", "title", "cue", "text", "start", "end"):
        assert col in frame.columns
    assert set(frame["id"]) == {"seed"}
    rubio = frame[frame["speaker"] == "Marco Rubio"]
    assert set(rubio["title"]) == {"U.S. Secretary of State"}
    assert all(seed_text[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))
    sp = doc.speakers()
    assert list(sp["speaker"][:2]) == ["Nayib Bukele", "Marco Rubio"]
    assert sp.loc[sp["speaker"] == "Nayib Bukele", "quotes"].item() == 4
    assert abs(sp["share"].sum() - 1.0) < 1e-9
    many = quotes_frame([doc, presslens.analyze("“Yes,” said Ann Lee.", id="two")])
    assert list(many["doc"].unique()) == [0, 1] and len(many) == 9
    assert isinstance(many, pd.DataFrame)


def test_to_dict_holds_quotes_and_entities(seed_text):
    d = presslens.analyze(seed_text).to_dict()
    assert len(d["quotes"]) == 8
    names = {e["name"] for e in d["entities"]}
    assert {"Marco Rubio", "Nayib Bukele", "CNN"} <= names
    for q in d["quotes"]:
        assert d["text"][q["start"] : q["end"]] == q["text"]


def test_html_highlights_quotes_by_speaker(seed_text):
    html = presslens.analyze(seed_text)._repr_html_()
    assert html.count("<mark") >= 8
    assert "Marco Rubio" in html and "Nayib Bukele" in html
    assert "A Special Act of Friendship" in html  # headings kept


def test_reprs(seed_text):
    doc = presslens.analyze(seed_text)
    assert repr(doc.quotes[1]).startswith("<Quote direct 'Marco Rubio'")
    assert "Marco Rubio" in repr(doc.quotes[1].speaker)
    assert repr(doc.quotes[1].cue) .startswith("<Span")


# ---- bad input -----------------------------------------------------------------------------


def test_megabyte_of_unbalanced_marks():
    # Timing lives in bench/complexity.py; hostile shapes at ~1 MB are in test_quotes_hostile.py.
    unit = '“He said " she ” said ‘ x " ” “ '
    big = unit * 16_000  # ~1 MB of marks
    doc = presslens.analyze(big)
    assert len(big.encode()) > 500_000
    _quote_spans_valid(doc)


def test_ten_deep_nesting_and_one_quote_article():
    deep = "“a " * 10 + "core" + " b”" * 10 + " said Ann Lee."
    doc = presslens.analyze(deep)
    _quote_spans_valid(doc)
    whole = "“" + " ".join(["This is one long quotation that never ends."] * 200)
    doc = presslens.analyze(whole)
    _quote_spans_valid(doc)
    assert len(doc.quotes) <= 1


def test_alternating_nesting_stays_one_quotation():
    doc = presslens.analyze("Ann Lee said: “He told me ‘she said “no” to them’ and left.”")
    _quote_spans_valid(doc)
    q = _only(doc)
    assert q.kind == "direct" and q.speaker.name == "Ann Lee"
    assert q.text == "He told me ‘she said “no” to them’ and left."
    # An apostrophe ('90s) or a single mark opened in an earlier sentence is not a nesting level.
    doc = presslens.analyze("“He said ‘90s music was bad. “We will win,” Smith said.")
    assert [(q.text, q.speaker.name) for q in doc.quotes if q.speaker is not None] == [("We will win,", "Smith")]


def test_reported_clause_stops_at_a_second_speech_act():
    doc = presslens.analyze(
        'China said it was "resolutely opposed" to the test and warned North Korea to refrain from it.')
    _quote_spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.text == 'it was "resolutely opposed" to the test'
    assert ind.speaker.name == "China"
    # The name after a later verb is its object, not the speaker of the quoted words.
    part = _only(doc, "partial")
    assert part.speaker is None or part.speaker.name == "China"
    doc = presslens.analyze("The mayor said the city was safe, adding that crime fell last year.")
    assert [q.text for q in doc.quotes if q.kind == "indirect"][0] == "the city was safe"


def test_participle_attribution_and_quote_opening_the_clause():
    doc = presslens.analyze('"We need change," the businessman said, arguing that he will bring '
                            'a "common-sense" approach to the job.')
    _quote_spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.text.startswith("he will bring") and ind.cue.text == "arguing"
    assert ind.speaker is not None and ind.speaker.name == _only(doc, "direct").speaker.name
    doc = presslens.analyze('Trump said at an event in Colorado Springs that "a bomb" had gone off in New York.')
    _quote_spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.text == '"a bomb" had gone off in New York' and ind.speaker.name == "Trump"


def test_that_clause_after_a_long_adjunct_and_whether_clauses():
    doc = presslens.analyze("Ann Lee told a town hall in Salem, New Hampshire, on Monday that the plan "
                            "would cut taxes for everyone.")
    _quote_spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.text == "the plan would cut taxes for everyone" and ind.speaker.name == "Ann Lee"
    doc = presslens.analyze("Ann Lee questioned whether the moderators would be fair to him.")
    ind = _only(doc, "indirect")
    assert ind.text == "the moderators would be fair to him" and ind.cue.text == "questioned"


def test_party_parenthetical_between_name_and_verb():
    doc = presslens.analyze('Sen. Ann Lee (D-Nev.) told reporters that the bill "may have violated the law".')
    _quote_spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.speaker.name == "Ann Lee" and ind.cue.text == "told"
    doc = presslens.analyze('“We are ready,” Gov. Mary Fallin (R-OK) said.')
    assert _only(doc, "direct").speaker.name == "Mary Fallin"


def test_characterising_verbs_attribute_fragments():
    doc = presslens.analyze("Ann Lee referred to her rival as “a bright, charismatic leader” on Monday.")
    _quote_spans_valid(doc)
    part = _only(doc, "partial")
    assert part.speaker.name == "Ann Lee" and part.cue.text == "referred"
    doc = presslens.analyze("Ann Lee accused her rival of “turning his back” on workers.")
    assert _only(doc, "partial").speaker.name == "Ann Lee"


def test_read_and_chant_as_speech_verbs():
    doc = presslens.analyze("“Our city honored him yesterday for the comeback of the decade,” the statement read.")
    _quote_spans_valid(doc)
    assert _only(doc, "direct").cue.text == "read"
    doc = presslens.analyze('Hundreds of protesters marched downtown on Monday, chanting "Dump the plan now".')
    q = [q for q in doc.quotes if q.text.startswith("Dump")]
    assert q and q[0].cue is not None and q[0].cue.text == "chanting"


def test_coordinated_verb_after_a_quotation():
    doc = presslens.analyze("Ann Lee declared “What a great night!” and said that her campaign would go on.")
    _quote_spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.text == "her campaign would go on" and ind.speaker.name == "Ann Lee"


def test_possessive_speech_noun():
    doc = presslens.analyze("Ann Lee’s claim that the plan would cut taxes for everyone was disputed.")
    _quote_spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.speaker.name == "Ann Lee" and ind.cue.text == "claim"
    assert ind.text.startswith("the plan would cut taxes for everyone")
    assert not presslens.analyze("The claim that the plan would cut taxes was disputed.").quotes


def test_quotes_without_any_speaker():
    doc = presslens.analyze("“Nobody knows who said this, but it was said.”\n“Another line of quoted text here.”")
    _quote_spans_valid(doc)
    assert all(q.speaker is None for q in doc.quotes)
    assert all(q.kind == "direct" for q in doc.quotes)
