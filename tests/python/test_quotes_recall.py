"""Attribution rules added for recall on PolNeAR-style news (issue 4): mixed clauses whose quoted
fragment is far from the verb, characterisations that run to the end of their clause, coordinated
verbs after a non-speech verb, long appositives after a quote, participles after a quote, verbs
with a quoted object, and lone labels that are not transcripts. All texts are invented."""
from __future__ import annotations

import presslens


def _spans_valid(doc) -> None:
    text = doc.text
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker_mention is not None:
            assert text[q.speaker_mention.start : q.speaker_mention.end] == q.speaker_mention.text


def _kind(doc, kind):
    return [q for q in doc.quotes if q.kind == kind]


def _only(doc, kind):
    """The one quote of `kind` in `doc` (fails, listing the quotes found, if there is not exactly one)."""
    found = _kind(doc, kind)
    assert len(found) == 1, [(q.kind, q.text) for q in doc.quotes]
    return found[0]


def test_mixed_clause_with_a_fragment_far_from_the_verb():
    doc = presslens.analyze("Ann Lee said the long message from her campaign to the voters of the state was "
                            "only “a joke” at the rally.")
    _spans_valid(doc)
    ind = _kind(doc, "indirect")
    assert len(ind) == 1
    assert ind[0].text.startswith("the long message from") and ind[0].text.endswith("at the rally")
    assert ind[0].speaker.name == "Ann Lee" and ind[0].cue.text == "said"
    # Without a quoted fragment and without a recognisable clause there is no reported speech.
    doc = presslens.analyze("Ann Lee said a few words to the voters of the state with pride.")
    assert not _kind(doc, "indirect")


def test_characterisation_runs_to_the_end_of_its_clause():
    doc = presslens.analyze("Ann Lee called the plan a “disaster” for working families, citing its cost.")
    _spans_valid(doc)
    ind = _kind(doc, "indirect")
    assert [q.text for q in ind] == ["the plan a “disaster” for working families"]
    assert ind[0].speaker.name == "Ann Lee"
    # A time or subordinate phrase after the quoted words is the author's: not extended.
    doc = presslens.analyze("Ann Lee described the plan as a “disaster” after the vote on Monday.")
    assert [q.text for q in _kind(doc, "indirect")] == ["the plan as a “disaster”"]


def test_coordinated_verb_after_a_non_speech_verb():
    doc = presslens.analyze("Ann Lee took the stage in Denver and called the tax plan “a giveaway to the rich.”")
    _spans_valid(doc)
    part = _kind(doc, "partial")
    assert part and part[0].speaker is not None and part[0].speaker.name == "Ann Lee"
    doc = presslens.analyze("Ann Lee did not mention her rival by name, but told supporters that the race "
                            "was close.")
    _spans_valid(doc)
    ind = _kind(doc, "indirect")
    assert [q.text for q in ind] == ["the race was close"] and ind[0].speaker.name == "Ann Lee"


def test_long_relative_clause_between_quote_name_and_verb():
    doc = presslens.analyze("“We will win this state,” Ann Lee, who has led every poll in the state since "
                            "the spring, said on Monday.")
    _spans_valid(doc)
    direct = _kind(doc, "direct")
    assert len(direct) == 1 and direct[0].speaker.name == "Ann Lee" and direct[0].cue.text == "said"


def test_participle_after_a_quote_is_not_inverted():
    doc = presslens.analyze("Ann Lee has hailed the vote as “fantastic,” telling reporters that she was pleased.")
    _spans_valid(doc)
    part = _kind(doc, "partial")
    assert part and part[0].speaker.name == "Ann Lee"  # not "reporters"
    # The quoted words end the characterisation: the participle is not part of it.
    assert [q.text for q in _kind(doc, "indirect")] == ["the vote as “fantastic,”"]


def test_participle_takes_the_speaker_of_a_verb_a_few_words_back():
    doc = presslens.analyze("“The deals were a mistake,” Ann Lee said in a statement, adding that the waivers "
                            "were handed out “like candy.”")
    _spans_valid(doc)
    ind = [q for q in _kind(doc, "indirect") if q.cue.text == "adding"]
    assert len(ind) == 1 and ind[0].speaker.name == "Ann Lee"
    assert ind[0].text.startswith("the waivers were handed out")


def test_verbs_with_a_quoted_object():
    doc = presslens.analyze("Ann Lee likened the new rules to “burning the Constitution.”")
    _spans_valid(doc)
    part = _kind(doc, "partial")
    assert part and part[0].speaker.name == "Ann Lee" and part[0].cue.text == "likened"


def test_scare_quotes_stay_unattributed():
    for text in ("The so-called “reform” passed on Monday after a long night.",
                 "The plan, a “reform” in name only, passed the House.",
                 "The “experts” were wrong again about the weather this week."):
        doc = presslens.analyze(text)
        assert not doc.quotes, (text, doc.quotes)


def test_a_lone_label_is_not_a_transcript():
    doc = presslens.analyze("CLARIFICATION: An earlier version of this story misstated the date of the vote.\n\n"
                            "The vote was held on Monday.")
    assert not _kind(doc, "turn")
    doc = presslens.analyze("Q: Will you run again?\n\nA: I have not decided yet.")
    assert len(_kind(doc, "turn")) == 2


def test_pronoun_subject_of_a_mixed_clause_speaks_when_no_speaker_precedes():
    doc = presslens.analyze("The campaign, for example, said she would “support the nominee” in the fall.")
    _spans_valid(doc)
    ind = _kind(doc, "indirect")
    assert [q.text for q in ind] == ["she would “support the nominee” in the fall"]
    assert ind[0].speaker_mention.text == "she" and ind[0].cue.text == "said"
    # Without a quoted fragment the pronoun is only the clause's subject: no speaker is invented.
    doc = presslens.analyze("The campaign, for example, said she would support the nominee in the fall.")
    assert all(q.speaker_mention is None or q.speaker_mention.text != "she" for q in doc.quotes)


def test_characterisation_over_several_quotations():
    doc = presslens.analyze("Ann Lee called her rival a “pathological liar” who is “utterly amoral,” a “bully” "
                            "and a “narcissist of the first order.”")
    _spans_valid(doc)
    ind = _kind(doc, "indirect")
    assert len(ind) == 1 and ind[0].text.startswith("her rival a “pathological liar”")
    assert ind[0].text.endswith("narcissist of the first order.”") and ind[0].speaker.name == "Ann Lee"


def test_reported_clause_ends_at_a_comma_inside_the_closing_mark_before_but():
    doc = presslens.analyze("Ann Lee ruled that the mayor’s claim about the budget was “true,” but the council "
                            "disagreed.")
    _spans_valid(doc)
    ind = _kind(doc, "indirect")
    assert [q.text for q in ind] == ["the mayor’s claim about the budget was “true,”"]


def test_relative_pronoun_and_parenthetical_before_the_verb():
    doc = presslens.analyze("“Rounds are up a little,” said Tom Baker, who noted that the price of some courses "
                            "had “cratered” in the recession.")
    _spans_valid(doc)
    ind = [q for q in _kind(doc, "indirect") if q.cue.text == "noted"]
    assert len(ind) == 1 and ind[0].speaker.name == "Tom Baker"
    assert ind[0].text.startswith("the price of some courses")
    doc = presslens.analyze("Sen. Ann Lee (D-Mo.), who has endorsed the governor, said the senator had become "
                            "a “stronger” candidate.")
    _spans_valid(doc)
    ind = _kind(doc, "indirect")
    assert len(ind) == 1 and ind[0].speaker.name == "Ann Lee" and ind[0].cue.text == "said"


def test_speech_verb_that_is_not_a_clause_verb_reports_a_that_clause():
    doc = presslens.analyze("Ann Lee remarked that she was “a little surprised” by the debate.")
    _spans_valid(doc)
    ind = _kind(doc, "indirect")
    assert [q.text for q in ind] == ["she was “a little surprised” by the debate"]
    assert ind[0].speaker.name == "Ann Lee" and ind[0].cue.text == "remarked"


def test_fragment_takes_the_nearest_characterising_verb():
    doc = presslens.analyze("Spokesman Tom Baker responded on Twitter, calling the charge “pathetic” and “dangerous.”")
    _spans_valid(doc)
    assert {q.cue.text for q in _kind(doc, "partial")} == {"calling"}
    ind = _kind(doc, "indirect")
    assert len(ind) == 1 and ind[0].text.startswith("the charge “pathetic”") and ind[0].speaker.name == "Tom Baker"


def test_prepositional_phrase_before_a_mixed_clause():
    doc = presslens.analyze("Tom Baker wrote in both listings he was “honored and humbled” to sell the painting.")
    _spans_valid(doc)
    ind = _kind(doc, "indirect")
    assert [q.text for q in ind] == ["he was “honored and humbled” to sell the painting"]
    assert ind[0].speaker.name == "Tom Baker"


def test_same_family_marks_nested_in_an_open_quotation():
    text = ("Tom Baker wrote: “Fans in the hall wore “Vote For Nobody” shirts at the rally, "
            "and nobody minded.” The event ended early.")
    doc = presslens.analyze(text)
    _spans_valid(doc)
    direct = _kind(doc, "direct")
    assert len(direct) == 1
    assert direct[0].text.startswith("Fans in the hall") and direct[0].text.endswith("nobody minded.")
    assert direct[0].speaker.name == "Tom Baker"
    # An opening mark whose next marks do not both close is still an unclosed quotation.
    doc = presslens.analyze("Tom Baker wrote: “Fans in the hall were loud. “We won,” Ann Lee said.")
    _spans_valid(doc)
    assert any(q.text == "We won," and q.speaker.name == "Ann Lee" for q in doc.quotes)


def test_reported_clause_ends_at_a_second_past_tense_verb_of_the_speaker():
    doc = presslens.analyze("Ann Lee wrote that the mayor was “dishonest” and urged voters to stay home.")
    _spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.text == "the mayor was “dishonest”"
    assert ind.speaker.name == "Ann Lee"


def test_characterisation_runs_over_a_prepositional_phrase():
    doc = presslens.analyze("Ann Lee blamed the closures on “reckless spending” by the city council.")
    _spans_valid(doc)
    assert _only(doc, "indirect").text == "the closures on “reckless spending” by the city council"
    # A setting, a time phrase or a subordinate clause after the quote is still the author's.
    doc = presslens.analyze("Ann Lee blamed the closures on “reckless spending” at a rally.")
    assert _only(doc, "indirect").text == "the closures on “reckless spending”"
    doc = presslens.analyze("Ann Lee called the tax a “slow poison” when the council met.")
    assert _only(doc, "indirect").text == "the tax a “slow poison”"


def test_conjunction_before_a_fronted_subordinate_clause():
    doc = presslens.analyze("But as Ann Lee said the plan was “a trap” for tenants, the crowd in the hall cheered loudly.")
    _spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.text == "the plan was “a trap” for tenants"
    assert ind.speaker.name == "Ann Lee"


def test_sentence_subject_after_a_fronted_subordinate_clause():
    text = ("After reporter Tom Baker finished his question, Ann Lee stood up, walked to the door and said, "
            "“We are done here.”")
    doc = presslens.analyze(text)
    _spans_valid(doc)
    direct = _kind(doc, "direct")
    assert len(direct) == 1 and direct[0].text == "We are done here."
    assert direct[0].speaker.name == "Ann Lee"
    # Without the fronted clause the first name is the subject.
    doc = presslens.analyze("Tom Baker stood up, walked to the door and said, “We are done here.”")
    assert _kind(doc, "direct")[0].speaker.name == "Tom Baker"


def test_a_work_title_does_not_continue_the_previous_quotation():
    text = ("“We are back on the air,” said Tom Baker, the network's chief.\n\n"
            "“Night Court,” a comedy that first aired in 1984, will return in May. "
            "“The Edge of Night,” a soap opera, will not.\n\n"
            "“We will see,” he said. “Big plans. Big money.”")
    doc = presslens.analyze(text)
    _spans_valid(doc)
    texts = [q.text for q in doc.quotes]
    assert "Night Court," not in texts and "The Edge of Night," not in texts
    # Speech with sentence punctuation still continues the speaker's quotation.
    big = [q for q in doc.quotes if q.text == "Big plans. Big money."]
    assert len(big) == 1 and big[0].speaker.name == "Tom Baker"


def test_reported_clause_ends_at_and_also_or_comma_and_participle():
    doc = presslens.analyze("Ann Lee said the council was “a disgrace” and also asked voters to call their mayor.")
    _spans_valid(doc)
    assert _only(doc, "indirect").text == "the council was “a disgrace”"
    doc = presslens.analyze("Ann Lee said the council would “fix the roads” this year, and urging voters to be patient.")
    _spans_valid(doc)
    assert _only(doc, "indirect").text == "the council would “fix the roads” this year"
    # "and" between two parts of one clause does not end it.
    doc = presslens.analyze("Ann Lee said the council and the mayor were “a disgrace” to the town.")
    assert _only(doc, "indirect").text == "the council and the mayor were “a disgrace” to the town"


def test_clause_opening_with_a_quoted_title_is_reported_speech():
    doc = presslens.analyze("“Rivers of Gold” was to be a “cautionary tale,” said Tom Baker, the book's agent.")
    _spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.text == "“Rivers of Gold” was to be a “cautionary tale,”"
    assert ind.speaker.name == "Tom Baker"
    # A quotation with no author's words around it stays a direct quote.
    doc = presslens.analyze("“We will build it,” said Tom Baker, the book's agent.")
    assert [q.kind for q in doc.quotes] == ["direct"]


def test_parenthetical_attribution_inside_the_reported_sentence():
    doc = presslens.analyze("The new bridge, Ann Lee said on Monday, will open to traffic next spring.")
    _spans_valid(doc)
    ind = _only(doc, "indirect")
    assert ind.text == "The new bridge, Ann Lee said on Monday, will open to traffic next spring"
    assert ind.speaker.name == "Ann Lee" and ind.cue.text == "said"
    # A split direct quote is not a parenthetical attribution of the author's sentence.
    doc = presslens.analyze("“The new bridge,” Ann Lee said on Monday, “will open next spring.”")
    assert [q.kind for q in doc.quotes] == ["direct", "direct"]
    # Nor is a name in a list ("..., Ann Lee said nothing, ...").
    doc = presslens.analyze("Tom Baker left early, Ann Lee said nothing, and the meeting ended.")
    assert _kind(doc, "indirect") == []
