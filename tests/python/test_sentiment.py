"""Tests of the sentiment stage: VADER fidelity, the default-mode fixes, documents, lexicons, bad input."""
from __future__ import annotations

import math
import pickle
import random
import re
import threading
from pathlib import Path

import numpy as np
import pytest

import presslens
from presslens.sentiment import Lexicon, SentimentAnalyzer, SentimentScores, polarity_scores, polarity_scores_many

from conftest import import_bench

REPO = Path(__file__).resolve().parents[2]
VADER_DATA = REPO.parent / "shared" / "data" / "sentiment-dev" / "vader-icwsm2014"

vader_mod = pytest.importorskip("vaderSentiment.vaderSentiment")


def load_set(path: Path):
    """(id, mean rating, text) rows of a VADER *_GroundTruth.txt file, read by bench/eval_sentiment.py."""
    return import_bench("eval_sentiment").load_set(path)


@pytest.fixture(scope="module")
def vader():
    return vader_mod.SentimentIntensityAnalyzer()


def _keys_ok(d):
    assert set(d) == {"neg", "neu", "pos", "compound"}
    assert -1.0 <= d["compound"] <= 1.0
    assert abs(d["neg"] + d["neu"] + d["pos"] - 1.0) < 0.01 or d == {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}


# ---- fidelity ------------------------------------------------------------------------------------

RULE_SENTENCES = [
    "VADER is smart, handsome, and funny.",
    "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Without a doubt, an excellent idea.",
    "No problem, NO worries at all??",
    "good good good but bad bad good",
    "Glee is the shit",
    "“Smart” and “funny” — ÉTÉ was GREAT… naïve but ok 😀😀x",
]


@pytest.mark.parametrize("text", RULE_SENTENCES)
def test_compat_reproduces_vader_exactly(vader, text):
    ours = polarity_scores(text, vader_compat=True)
    theirs = vader.polarity_scores(text)
    assert ours == theirs


def test_compat_fidelity_on_a_sample_of_the_ground_truth(vader):
    if not VADER_DATA.exists():
        pytest.skip("shared sentiment-dev data not available")
    rng = random.Random(7)
    texts = []
    for f in sorted(VADER_DATA.glob("*_GroundTruth.txt")):
        texts += [text for _, _, text in rng.sample(load_set(f), 300)]
    ours = polarity_scores_many(texts, vader_compat=True, threads=2)
    agree = sum(abs(o["compound"] - vader.polarity_scores(t)["compound"]) <= 0.01 for o, t in zip(ours, texts))
    assert agree / len(texts) >= 0.99


def test_default_mode_correlates_with_human_ratings_at_least_as_well_as_vader(vader):
    # The accuracy targets of docs/sentiment.md on the four VADER ground-truth sets: the default
    # mode's Pearson r against the mean human rating is at least VADER's on every set, and at
    # least 0.52 on the NYT editorial snippets (bench/eval_sentiment.py reports the same figures).
    if not VADER_DATA.exists():
        pytest.skip("shared sentiment-dev data not available")
    r = {}
    for f in sorted(VADER_DATA.glob("*_GroundTruth.txt")):
        rows = load_set(f)
        texts, gold = [text for _, _, text in rows], [rating for _, rating, _ in rows]
        ours = SentimentAnalyzer().polarity_arrays(texts, threads=2)["compound"]
        theirs = [vader.polarity_scores(t)["compound"] for t in texts]
        r[f.name.split("_")[0]] = (np.corrcoef(ours, gold)[0, 1], np.corrcoef(theirs, gold)[0, 1])
    assert len(r) == 4
    for name, (ours, theirs) in r.items():
        assert ours >= theirs, (name, ours, theirs)
    assert r["nytEditorialSnippets"][0] >= 0.52, r["nytEditorialSnippets"]


def test_compat_is_exact_on_random_ascii_word_soup(vader):
    rng = random.Random(3)
    words = ["good", "bad", "not", "very", "but", "no", "never", "so", "this", "least", "at", "kind", "of",
             "GREAT", "Awful", "!", "?", ":)", "the", "shit", "without", "doubt", "isn't", "hardly", "LOL", "d:"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        assert polarity_scores(text, vader_compat=True) == vader.polarity_scores(text), text


# ---- default mode fixes ----------------------------------------------------------------------------

def test_not_the_worst_is_not_praise(vader):
    text = "Not the worst show I've seen"
    assert vader.polarity_scores(text)["compound"] > 0.3  # the VADER bug
    assert abs(polarity_scores(text)["compound"]) < 0.05


def test_but_rule_by_position_not_by_value():
    # "good" appears before and after "but": VADER re-weights by value and gets the second one wrong.
    d = SentimentAnalyzer()
    after = d.score("The food was bad but the view was good and the staff good.").compound
    before = d.score("The food was good and the staff good but the view was bad.").compound
    assert after > 0 > before


def test_multiword_lexicon_phrases_count_in_default_mode(vader):
    text = "I can't stand this place."
    assert vader.polarity_scores(text)["compound"] == 0.0  # VADER never matches "can't stand"
    assert polarity_scores(text)["compound"] < -0.3


def test_reported_events_weigh_less_than_attitudes():
    event = polarity_scores("Police said the suspect was arrested.")["compound"]
    compat = polarity_scores("Police said the suspect was arrested.", vader_compat=True)["compound"]
    assert compat < event < 0


def test_valence_shifters():
    assert polarity_scores("Screenings could reduce cancer deaths.")["compound"] > 0
    assert polarity_scores("Screenings could cause cancer deaths.")["compound"] < 0


def test_few_negates_but_a_few_does_not():
    assert polarity_scores("Few great painters were honoured.")["compound"] < 0
    assert polarity_scores("A few great painters were honoured.")["compound"] > 0
    assert polarity_scores("The last few weeks were wonderful.")["compound"] > 0
    # vader_compat keeps VADER's reading ("few" is no negator there).
    assert polarity_scores("Few great painters were honoured.", vader_compat=True)["compound"] > 0
    assert not presslens.SentimentAnalyzer(shifters=False).score("Few great painters were honoured.").compound < 0


def test_long_sentences_dilute_one_sentiment_word_as_documented():
    short = "The plan is good."
    long = "The plan that the council will put to a vote in the town hall next week is good."
    sa = presslens.SentimentAnalyzer()
    p, k = sa.options["dilution"], sa.options["dilution_words"]
    assert p > 0 and k >= 1
    s, l = sa.score(short), sa.score(long)
    assert 0 < l.compound < s.compound
    # The rule as documented: the valence sum times min(1, (k / words) ** p).
    undiluted = presslens.SentimentAnalyzer(dilution=0.0)
    for text, words in ((short, 4), (long, 18)):
        expected = _normalize(_valence(undiluted.score(text).compound) * min(1.0, (k / words) ** p))
        assert sa.score(text).compound == pytest.approx(expected, abs=1e-9)
    # The pos/neu/neg shares do not change, and compat mode has no dilution.
    assert (l.pos, l.neu, l.neg) == pytest.approx((undiluted.score(long).pos, undiluted.score(long).neu,
                                                   undiluted.score(long).neg))
    compat = presslens.SentimentAnalyzer(vader_compat=True)
    assert presslens.SentimentAnalyzer(vader_compat=True, dilution=0.5).score(long) == compat.score(long)
    with pytest.raises(ValueError, match="dilution"):
        presslens.SentimentAnalyzer(dilution=-1.0)
    with pytest.raises(ValueError, match="dilution_words"):
        presslens.SentimentAnalyzer(dilution_words=0.0)


def test_curly_apostrophe_negation():
    straight = polarity_scores("It isn't good.")["compound"]
    curly = polarity_scores("It isn’t good.")["compound"]
    assert straight < 0 and curly == pytest.approx(straight)


def test_glued_punctuation_is_split():
    # VADER strips punctuation only at the edges of whitespace words: "good--and" is no word.
    assert polarity_scores("It was good--and cheap.")["compound"] > 0.3


def _documented_differences():
    """(example text, VADER compound, default compound) of each row of the table in docs/sentiment.md."""
    doc = Path(__file__).resolve().parents[2] / "docs" / "sentiment.md"
    number = re.compile(r"^[+−-]?\d+\.\d{4}$")
    rows = []
    for line in doc.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not number.match(cells[3]) or not number.match(cells[4]):
            continue
        quoted = re.match(r'"(.*?)"', cells[2])
        if not quoted:
            continue
        text = quoted.group(1)
        times = re.search(r"× (\d+)", cells[2])
        if times:
            text = " ".join([text] * int(times.group(1)))
        rows.append((text, float(cells[3].replace("−", "-")), float(cells[4].replace("−", "-"))))
    return rows


def test_the_documented_differences_from_vader_score_as_documented():
    rows = _documented_differences()
    assert len(rows) >= 20  # (the table was read)
    vader, default = SentimentAnalyzer(vader_compat=True), SentimentAnalyzer()
    for text, vader_compound, default_compound in rows:
        assert round(vader.score(text).compound, 4) == pytest.approx(vader_compound, abs=1e-9), text
        assert round(default.score(text).compound, 4) == pytest.approx(default_compound, abs=1e-9), text


def test_news_names_and_terms_carry_no_sentiment():
    # Rule 12a: "United States", "Supreme Court", "health care"... are names, not praise.
    sa, vader = SentimentAnalyzer(), SentimentAnalyzer(vader_compat=True)
    text = "The United States Supreme Court heard the health care case."
    assert vader.score(text).compound > 0.8
    assert sa.score(text).compound == 0
    assert [w.word for w in sa.explain(text).words if w.valence != 0] == []
    for text in ("Both parties met.", "The Republican Party met.", "National security officials met.",
                 "A super PAC spent money before Super Tuesday.", "The Justice Department met."):
        assert sa.score(text).compound == 0, text
    # The words keep their valence elsewhere.
    assert sa.score("I care about justice.").compound > 0.4
    assert sa.score("We had a super party.").compound > 0.5
    # (Phrases are a default-mode rule; phrases=False turns them all off.)
    assert SentimentAnalyzer(phrases=False).score("The Supreme Court met.").compound > 0


def test_no_word_rule_applies_to_an_emoticon():
    # VADER negates and boosts emoticons like words: "Not going today :(" comes out positive there.
    sa, vader = SentimentAnalyzer(), SentimentAnalyzer(vader_compat=True)
    assert vader.score("Not going today :(").compound > 0.3
    assert sa.score("Not going today :(").compound < -0.4
    assert [(w.word, w.valence) for w in sa.explain("Not going today :(").words] == [(":(", -1.9)]
    # A booster before an emoticon does not boost it, and a word is still negated beside one.
    words = {w.word: w.valence for w in sa.explain("not happy :(").words}
    assert words[":("] == -1.9 and words["happy"] < 0
    assert [w.valence for w in sa.explain("Thanks so much :)").words if w.word == ":)"] == [2.0]


def test_a_closing_bracket_and_a_colon_are_no_emoticon():
    # "[Florida]:" closes a bracket and starts a list; "]:" and "):" are emoticons only on their own
    # or glued to a word without an open bracket. (All ASCII: the fast path must agree.)
    sa = SentimentAnalyzer()
    for text in ("Dwarf Tossing Follow-up [Florida]: more at 11", "Photos [pic]: the team", "He (re)read: the book"):
        assert sa.score(text).compound == 0, text
        assert [w.word for w in sa.explain(text).words] == [], text
    assert [w.word for w in sa.explain("What a day ):").words] == ["):"]
    assert [w.word for w in sa.explain("It ended (sadly):( for us").words] == ["sadly", ":("]
    assert [w.word for w in sa.explain("That was great:)").words] == ["great", ":)"]


# ---- documents -----------------------------------------------------------------------------------

ARTICLE = (
    "City Council Approves Budget\n"
    "The council approved a wonderful new park on Monday. Residents were thrilled.\n"
    "“This is a terrible waste of money,” said one critic. The vote was 7 to 2.\n"
)


def test_sentence_and_document_sentiment():
    doc = presslens.analyze(ARTICLE)
    sents = list(doc.sentences)
    scores = [s.sentiment for s in sents]
    assert all(isinstance(x, SentimentScores) for x in scores)
    by_text = {s.text: s.sentiment for s in sents}
    pos = next(v for k, v in by_text.items() if "wonderful" in k)
    neg = next(v for k, v in by_text.items() if "terrible" in k)
    assert pos.label == "positive" and neg.label == "negative"
    # Each sentence scores like the same text on its own.
    for s in sents:
        assert s.sentiment.compound == pytest.approx(SentimentAnalyzer().score(s.text).compound, abs=1e-9)
    overall = doc.sentiment
    assert overall.label in ("positive", "neutral", "negative")
    assert abs(overall.pos + overall.neu + overall.neg - 1) < 1e-9
    assert doc.sentence_sentiments() == scores
    assert "label" in repr(overall) or overall.label in repr(overall)


def _valence(compound: float) -> float:  # inverse of x / sqrt(x^2 + 15)
    return compound * math.sqrt(15.0 / (1.0 - compound * compound))


def _normalize(x: float) -> float:
    return x / math.sqrt(x * x + 15.0)


def test_document_sentiment_is_aggregated_from_sentences_as_documented():
    rng = random.Random(5)
    parts = ["The staff were wonderful.", "The food was awful.", "We arrived at noon.", "Prices were fair.",
             "The wait was long and boring.", "Nothing happened.", "The staff were kind and the rooms clean."]
    # Four or more sentences: 3 x the mean sentence valence.
    for n in (4, 9, 40):
        text = " ".join(rng.choice(parts) for _ in range(n))
        doc = presslens.analyze(text)
        sents = [s.sentiment for s in doc.sentences]
        assert len(sents) == n  # (every sentence here has words)
        expected = _normalize(sum(_valence(s.compound) for s in sents) * 3.0 / n)
        assert doc.sentiment.compound == pytest.approx(expected, abs=1e-9)
    # Two or three sentences pool their words: each sentence's sum is sum / sqrt(count) (rule 13),
    # so sum = valence * sqrt(count), and the text divides the pooled sums by sqrt(total count).
    # (These sentences have no "!"/"?" and are short enough not to be diluted.)
    for text in ("The staff were kind and the rooms clean. The food was awful.",
                 "Prices were fair. The staff were wonderful. The wait was long and boring.",
                 "The staff were kind and the rooms clean. We arrived at noon."):
        explained = presslens.explain_sentiment(text)
        counts = [sum(1 for w in explained.words if w.sentence == i and w.valence != 0)
                  for i in range(len(explained.sentences))]
        sums = [_valence(s.scores.compound) * math.sqrt(max(1, c)) for s, c in zip(explained.sentences, counts)]
        expected = _normalize(sum(sums) / math.sqrt(max(1, sum(counts))))
        assert presslens.analyze(text).sentiment.compound == pytest.approx(expected, abs=1e-9), text
        assert SentimentAnalyzer().score(text).compound == pytest.approx(expected, abs=1e-9), text


def test_a_short_text_scores_alike_in_one_sentence_or_several():
    # The words of a text of up to three sentences add up as one body of evidence (sum / sqrt of
    # their count), not sentence by sentence: full stops do not make the same words stronger.
    # (Sentences of up to four words, so that the length dilution leaves all of them alone.)
    sa = SentimentAnalyzer()
    one = sa.score("Great food, lovely staff").compound
    two = sa.score("Great food. Lovely staff.").compound
    assert two == pytest.approx(one, abs=1e-12)
    assert presslens.analyze("Great food. Lovely staff.").sentiment.compound == pytest.approx(two, abs=1e-12)
    assert sa.score("Good. Great. Lovely staff.").compound == pytest.approx(
        sa.score("Good, great, lovely staff").compound, abs=1e-12)
    # Emphasis stays with its sentence: "!" strengthens the text in its own sentence's direction.
    assert sa.score("Great food! Lovely staff.").compound > two
    # Without the sqrt(count) rule, the sentences' sums simply add up, as in VADER.
    plain = SentimentAnalyzer(length_norm=False)
    assert plain.score("Great food. Lovely staff.").compound == pytest.approx(
        _normalize(_valence(plain.score("Great food.").compound) + _valence(plain.score("Lovely staff.").compound)),
        abs=1e-9)


def test_long_documents_do_not_saturate_like_one_giant_sentence():
    text = " ".join(["The staff were wonderful and kind.", "The food was awful and cold.",
                     "The staff were wonderful and kind."] * 60)
    giant = polarity_scores(text, vader_compat=True)["compound"]
    assert giant > 0.999  # VADER: one giant sentence, saturated
    long_doc = presslens.analyze(text).sentiment.compound
    assert 0.3 < long_doc < 0.99
    # ... and does not grow with the length of an equally toned text.
    short_text = " ".join(["The staff were wonderful and kind.", "The food was awful and cold.",
                           "The staff were wonderful and kind."] * 10)
    short_doc = presslens.analyze(short_text).sentiment.compound
    assert long_doc == pytest.approx(short_doc, abs=0.05)
    # A long neutral report with one positive sentence stays mildly positive.
    one = "The staff were wonderful and kind."
    filler = "The meeting took place on Tuesday in the main hall. " * 40
    assert 0 < presslens.analyze(filler + one).sentiment.compound < presslens.analyze(one).sentiment.compound


def test_sentiment_works_without_the_sentiment_stage_and_with_empty_quotes():
    a = presslens.Analyzer(mentions=False, quotes=False, sentiment=False)
    doc = a.analyze("What a great day. Sad news, though.")
    assert [s.sentiment.label for s in doc.sentences] == ["positive", "negative"]


def test_sentences_frame_and_to_dict_have_sentiment():
    pytest.importorskip("pandas")
    doc = presslens.analyze(ARTICLE)
    frame = doc.sentences_frame()
    assert {"compound", "pos", "neu", "neg", "sentiment"} <= set(frame.columns)
    assert list(frame["compound"]) == [s.sentiment.compound for s in doc.sentences]
    d = doc.to_dict()
    assert d["sentiment"]["label"] == doc.sentiment.label
    assert len(d["sentence_sentiment"]) == len(doc.sentences)


# ---- batch and threads -----------------------------------------------------------------------------

def test_polarity_scores_many_matches_single_calls_and_threads():
    texts = [f"Text {i} is {'great' if i % 3 else 'awful'}!" for i in range(500)] + ["", "  ", "ok"]
    single = [polarity_scores(t) for t in texts]
    assert polarity_scores_many(texts, threads=1) == single
    assert polarity_scores_many(texts, threads=4) == single
    assert polarity_scores_many(iter(texts), threads=2) == single
    with pytest.raises(ValueError):
        polarity_scores_many(texts, threads=0)
    with pytest.raises(TypeError):
        polarity_scores_many([1, 2])


def test_python_threads_share_one_analyzer():
    sa = SentimentAnalyzer()
    expected = sa.polarity_scores("A lovely, happy result.")
    out = []

    def run():
        out.extend(sa.polarity_scores("A lovely, happy result.") for _ in range(200))

    ts = [threading.Thread(target=run) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert out == [expected] * 800


# ---- lexicons ------------------------------------------------------------------------------------

def test_lexicon_edit_merge_and_analyzer(tmp_path):
    base = Lexicon.vader()
    assert len(base) > 7000 and base["good"] > 0
    assert "lol" in base.duplicates
    assert Lexicon.vader(duplicates="last")["lol"] != Lexicon.vader(duplicates="first")["lol"]
    extra = Lexicon.from_dict({"zorbly": -1.5, "good": -2.0})
    merged = base.copy().merge(extra)
    assert merged["good"] == -2.0 and merged["zorbly"] == -1.5 and base["good"] > 0
    sa = SentimentAnalyzer(lexicon=merged)
    assert sa.polarity_scores("The food was zorbly.")["compound"] < 0
    assert sa.polarity_scores("The food was good.")["compound"] < 0
    assert polarity_scores("The food was good.")["compound"] > 0  # the shared analyzer is untouched
    assert polarity_scores("The food was zorbly.")["compound"] == 0
    merged["zorbly"] = 3.0  # the analyzer froze a copy
    assert sa.polarity_scores("The food was zorbly.")["compound"] < 0
    f = tmp_path / "lex.txt"
    f.write_text("# my words\nsuperb\t3.1\t0.5\t[3, 3]\n\nzorbly\t-1\n", encoding="utf-8")
    lex = Lexicon.from_file(f)
    assert lex.to_dict() == {"superb": 3.1, "zorbly": -1.0}
    assert pickle.loads(pickle.dumps(lex)).to_dict() == lex.to_dict()
    sa2 = pickle.loads(pickle.dumps(SentimentAnalyzer(lexicon=lex)))
    assert sa2.polarity_scores("zorbly")["compound"] < 0 and sa2.polarity_scores("good")["compound"] == 0


def test_analyzer_takes_a_custom_lexicon_and_options_and_pickles_them():
    text = "The senator called the plan zorbly. Critics were arrested."
    lex = Lexicon.vader().merge(Lexicon.from_dict({"zorbly": -3.0}))
    custom = presslens.Analyzer(mentions=False, quotes=False, lexicon=lex)
    plain = presslens.Analyzer(mentions=False, quotes=False)
    doc, ref = custom.analyze(text), plain.analyze(text)
    sa = SentimentAnalyzer(lexicon=lex)
    # The custom lexicon reaches sentence and document sentiment; the default analyzer is untouched.
    assert doc.sentences[0].sentiment.compound < -0.3
    assert ref.sentences[0].sentiment.compound == 0.0
    assert doc.sentiment == sa.score_document(ref)[0]
    assert [s.sentiment for s in doc.sentences] == sa.score_document(ref)[1]
    lex["zorbly"] = 3.0  # the analyzer froze a copy, and so does what it pickles
    again = pickle.loads(pickle.dumps(custom))
    assert again.analyze(text).sentiment == doc.sentiment
    assert again.sentiment_analyzer is not None and "SentimentAnalyzer" in repr(again)
    # Options: event words weigh fully when event_words is off; compat mode scores like VADER.
    no_events = presslens.Analyzer(mentions=False, quotes=False, sentiment_options={"event_words": False})
    assert no_events.analyze(text).sentences[1].sentiment.compound < ref.sentences[1].sentiment.compound
    compat = presslens.Analyzer(mentions=False, quotes=False, vader_compat=True)
    s2 = "It isn\u2019t good."  # VADER misses the curly-apostrophe negation
    assert compat.analyze(s2).sentences[0].sentiment.compound > 0 > plain.analyze(s2).sentences[0].sentiment.compound
    assert pickle.loads(pickle.dumps(plain)).sentiment_analyzer is None
    with pytest.raises(TypeError):
        presslens.Analyzer(sentiment_options={"no_such_switch": True})


def test_batch_accepts_tuples_bytes_and_survives_list_mutation():
    texts = ["Good news!", b"Bad news.", "It was fine, really."]
    want = [polarity_scores(t if isinstance(t, str) else t.decode()) for t in texts]
    assert polarity_scores_many(tuple(texts), threads=1) == want
    sa = SentimentAnalyzer()
    arrays = sa.polarity_arrays(texts, threads=2)
    assert [round(x, 4) for x in arrays["compound"].tolist()] == [d["compound"] for d in want]
    # Texts built on the fly (only referenced by the list) stay alive while scored without the GIL.
    many = ["".join(["terrible " if i % 2 else "wonderful ", "item", str(i)]) for i in range(2000)]  # "143" is a lexicon word
    out = sa.polarity_scores_many(many, threads=2)
    assert [d["compound"] > 0 for d in out] == [i % 2 == 0 for i in range(2000)]


def test_malformed_lexicon_names_file_and_line(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text("good\t2\nbroken line without tab\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:2:"):
        Lexicon.from_file(f)
    f.write_text("good\t2\n\nfine\tnot-a-number\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:3:.*not a finite number"):
        Lexicon.from_file(f)
    f.write_text("good\t2\ngood\t3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:2:.*duplicate"):
        Lexicon.from_file(f, duplicates="error")
    assert Lexicon.from_file(f)["good"] == 2.5
    with pytest.raises(OSError):
        Lexicon.from_file(tmp_path / "missing.txt")
    with pytest.raises(ValueError):
        Lexicon.from_dict({"x": float("nan")})


# ---- bad input -----------------------------------------------------------------------------------

def test_empty_and_whitespace(vader):
    for t in ["", " ", "\n\t  \u3000"]:
        assert polarity_scores(t) == {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
        # compat mode reproduces vaderSentiment, which says neu 0 here
        assert polarity_scores(t, vader_compat=True) == vader.polarity_scores(t)
    doc = presslens.analyze("")
    assert doc.sentiment == SentimentScores(0.0, 1.0, 0.0, 0.0)


@pytest.mark.parametrize(
    "text",
    [
        "😀😀😀", "👍🏽🇫🇷❤️", "!!!!!!", "?!?!", "...", "—", "日本語のテキストです。", "Привет, мир! Отлично!",
        "مرحبا بالعالم", "a\u0301\u0301\u0301", "\x00\x01\x02", "#great @bad http://x.y/z",
    ],
)
def test_odd_texts_do_not_crash(vader, text):
    for compat in (False, True):
        d = polarity_scores(text, vader_compat=compat)
        _keys_ok(d)
    assert polarity_scores(text, vader_compat=True) == vader.polarity_scores(text)
    doc = presslens.analyze(text)
    assert len(doc.sentence_sentiments()) == len(doc.sentences)


def test_emoji_only_texts_use_the_emoji_lexicon():
    assert polarity_scores("😀")["compound"] > 0
    assert polarity_scores("😢")["compound"] < 0


def test_megabyte_of_exclamation_marks_is_fast_and_neutral():
    import time

    text = "!" * 1_000_000
    t = time.perf_counter()
    d = polarity_scores(text)
    c = polarity_scores(text, vader_compat=True)
    assert time.perf_counter() - t < 5
    assert d["compound"] == 0 and c["compound"] == 0


def test_lone_surrogates_score_as_replacement_character():
    d = polarity_scores("good \ud800 day")
    assert d == polarity_scores("good \ufffd day")
    assert polarity_scores_many(["bad \udfff"])[0] == polarity_scores("bad \ufffd")


def test_long_text_is_linear():
    import time

    words = "The committee was very happy but not satisfied with the awful results today . ".split()
    def run(n):
        text = " ".join(words[i % len(words)] for i in range(n))
        t = time.perf_counter()
        polarity_scores(text, vader_compat=True)
        polarity_scores(text)
        return time.perf_counter() - t

    run(4000)
    # (Minimums of several runs: a run slowed by other work on a shared machine does not count.)
    small = min(run(4000) for _ in range(7))
    big = min(run(40000) for _ in range(5))
    assert big / max(small, 1e-6) < 25


def test_rounding_matches_python_round():
    sa = SentimentAnalyzer()
    for t in ["good", "very good", "not good at all!!", "bad but good", "meh :("]:
        raw = sa.score(t)
        d = sa.polarity_scores(t)
        assert d["compound"] == round(raw.compound, 4)
        assert d["pos"] == round(raw.pos, 3) and d["neg"] == round(raw.neg, 3)
        assert math.isclose(d["neu"], round(raw.neu, 3))


# ---- the ASCII fast path of polarity_scores --------------------------------------------------------

FAST_PATH_PIECES = [
    "good", "BAD", "not", "isn't", "don't", "DON'T", "I'm", "U.S.", "Dr.", "No.", "no.", "No. 5", "J.", "St.",
    "e.g.", "Ph.D.", "a.m.", "amazon.com", "1,000", "2.5", "$10", "10%", "1990s", "95th", "3rd", "10am",
    "20-year-old", "2-13", "1/4", "10:30", "'90s", "''", "'", '"', "(", ")", "[", "]", ",", ".", "!", "?",
    "!!", "?!", "...", ";", ":", "-", "--", ":)", ":-(", ";)", "(:", ":D", "XD", "great:)", "love!", "but",
    "however,", "although", "though", "kind of", "at least", "very", "so", "this", "never", "without",
    "doubt", "the shit", "kiss of death", "can't stand", "yeah right", "no", "nor", "few", "a few",
    "rock'n'roll", "dogs'", "F.B.I.'s", "word''s", "X-RAY", "B&B", "#tag", "@user", "www.x.com", "\t", "\n",
    "GREAT", "horrible", "condemning", "killed", "reduce", "deaths", "hardly", "only", "wonder", "the", "last",
    "2020-01-03", "5-", "-word", "'tis", "end.The", "Mr.", "Sept.", "A.", "(good)", '"bad"', "good,", "bad;",
    "Good" * 70, "so-" * 90 + "good", "GREAT" * 60 + ".",  # words longer than the fast path reads
    # Words of 7 to 17 bytes (one or two eight-byte loads, or the long path), in any case, with
    # and without a mark; at the end of a text they are also read near its last byte.
    "sadness", "terrible", "TERRIBLE.", "Terrific,", "wonderful", "WONDERFUL!", "Unbelievably",
    "catastrophic?", "disappointingly", "DISAPPOINTINGLY;", "uncompromisingly", "incomprehensibly.",
    "counterproductive", "condemnations", "Magnificently:",
]


def _texts_for_the_fast_path():
    rng = random.Random(11)
    texts = []
    for _ in range(3000):
        n = rng.randint(1, 20)
        texts.append("".join(rng.choice(FAST_PATH_PIECES) + rng.choice([" ", " ", " ", "", "  "]) for _ in range(n)))
    if VADER_DATA.is_dir():
        for f in sorted(VADER_DATA.glob("*_GroundTruth.txt")):
            texts += [text for _, _, text in load_set(f)][:1500]
    return texts


def test_fast_path_scores_exactly_like_the_tokenizer_path():
    # polarity_scores reads plain ASCII text without the tokenizer; whatever it reads must score
    # bit for bit like the general path (tokens -> items), which stays the reference.
    texts = _texts_for_the_fast_path()
    fast = SentimentAnalyzer().polarity_arrays(texts, threads=2)
    general = SentimentAnalyzer(fast_path=False).polarity_arrays(texts, threads=2)
    for key in ("compound", "pos", "neu", "neg"):
        differ = [texts[i] for i in range(len(texts)) if fast[key][i] != general[key][i]]
        assert not differ, (key, differ[:5])
    assert SentimentAnalyzer().options["fast_path"] and not SentimentAnalyzer(fast_path=False).options["fast_path"]
    # ...and the comparison is not empty: the fast path does read plain text, and only that.
    core = SentimentAnalyzer()._core
    for text in ("The plan is good.", "It's hardly a surprise, Dr. Smith said of the U.S. plan.",
                 "''We lost,'' she said. Prices rose 2.5% to $1,000 in the 1990s."):
        assert core._reads_without_tokens(text), text
    for text in ("Line\nbreak", "café", "@user hi", "great:)", "wait...", "x" * 300):
        assert not core._reads_without_tokens(text), text
    assert not SentimentAnalyzer(fast_path=False)._core._reads_without_tokens("The plan is good.")
    assert not SentimentAnalyzer(vader_compat=True)._core._reads_without_tokens("The plan is good.")
    # The random texts are built to hit the fast path's bail-outs, so only a part of them is read
    # without tokens; most real sentences are (about 77 % of the VADER texts, tweets included).
    read = sum(core._reads_without_tokens(t) for t in texts[:3000])
    assert read > 300, read
    real = texts[3000:]
    if real:
        read = sum(core._reads_without_tokens(t) for t in real)
        assert read > len(real) // 2, (read, len(real))


def test_inflected_forms_take_their_stems_valence():
    sa = SentimentAnalyzer()
    vader = Lexicon.vader().to_dict()
    for inflected, stem in (("condemning", "condemn"), ("bullies", "bully")):
        assert inflected not in vader and stem in vader
        assert sa.score(f"They were {inflected} it.").compound == sa.score(f"They were {stem} it.").compound != 0
    assert SentimentAnalyzer(morphology=False).score("They were condemning it.").compound == 0
    # A custom lexicon gets the same treatment (-s, -ed / -ing after a final e, -ily), and a listed
    # inflected form keeps its own valence.
    custom = SentimentAnalyzer(lexicon=Lexicon.from_dict({"zorble": 2.0, "zorbled": -1.0, "gloomy": -2.0}))
    base = custom.score("They zorble.").compound
    assert base > 0
    assert custom.score("They zorbles.").compound == custom.score("They zorbling.").compound == base
    assert custom.score("They zorbled.").compound < 0
    assert custom.score("They were gloomily quiet.").compound == custom.score("They were gloomy quiet.").compound < 0
    # Short words are left alone (more than four bytes and the suffix plus three).
    assert SentimentAnalyzer(lexicon=Lexicon.from_dict({"hop": 2.0})).score("hops").compound == 0


def test_instance_polarity_scores_is_the_method_without_dispatch_overhead():
    # SentimentAnalyzer.polarity_scores on an instance is a plain C function bound to the scorer
    # (loops of single calls); it must answer and fail exactly like the documented method.
    for sa in (SentimentAnalyzer(), SentimentAnalyzer(vader_compat=True), SentimentAnalyzer(dilution=0.0)):
        texts = ["It is good.", "", "   ", "NOT bad at all!!", b"bytes are good", "a" * 5000 + " good",
                 "bad \ud800 text", "“Curly” quotes, 😀 and ÉTÉ."]
        for t in texts:
            assert sa.polarity_scores(t) == SentimentAnalyzer.polarity_scores(sa, t) == sa._core.polarity_scores(t)
        for bad in (None, 5, ["x"], b"\xff\xfe"):
            with pytest.raises((TypeError, UnicodeDecodeError)) as fast:
                sa.polarity_scores(bad)
            with pytest.raises(type(fast.value)) as method:
                SentimentAnalyzer.polarity_scores(sa, bad)
            assert str(fast.value) == str(method.value)
    assert presslens.polarity_scores("It is good.") == SentimentAnalyzer().polarity_scores("It is good.")


def test_one_sentence_scores_alike_as_text_document_or_with_a_stray_mark():
    # Rule 17 holds this sentence's label at -0.05 (diluted alone it would be -0.044, neutral);
    # the document of that one sentence, and the text with a word-less "sentence" after it, agree.
    text = ("When officials accept freebies from those they are charged with overseeing, they open their "
            "impartiality to unworthy suspicion.")
    alone = presslens.polarity_scores(text)["compound"]
    assert alone == -0.05
    assert presslens.analyze(text).sentiment.compound == alone
    assert presslens.polarity_scores(text + " :")["compound"] == alone
    assert presslens.polarity_scores(text + "\n--")["compound"] == alone


def test_short_texts_keep_the_label_their_sentences_give():
    # Rule 17 for texts of two or three sentences (they add up like one VADER text): a mildly
    # negative sentence beside a neutral one stays negative, not neutral. A text of four or more
    # sentences is averaged and not held (an article would otherwise never be neutral).
    text = ("When officials accept freebies from those they are charged with overseeing, they open their "
            "impartiality to unworthy suspicion.")
    neutral = " The council meets on Tuesday in the town hall."
    assert presslens.polarity_scores(neutral)["compound"] == 0
    two = presslens.polarity_scores(text + neutral)["compound"]
    assert two == -0.05
    assert presslens.analyze(text + neutral).sentiment.compound == two
    assert presslens.polarity_scores(text + neutral * 2)["compound"] == -0.05
    four = presslens.polarity_scores(text + neutral * 3)["compound"]
    assert -0.05 < four < 0
    # Without the intensity rules nothing is held: the same text scores its plain sum.
    plain = SentimentAnalyzer(dilution=0.0, length_norm=False)
    assert plain.polarity_scores(text + neutral)["compound"] == plain.polarity_scores(text)["compound"] < -0.05


def _assert_no_valence_from_stem(sa, vader, pairs):
    """Each word is missing from the lexicon, its look-alike stem is in it, and the word scores 0."""
    for word, stem in pairs:
        assert word not in vader and stem in vader
        assert sa.score(f"The {word} were there.").compound == 0, word


def test_es_and_d_follow_english_spelling():
    # -es follows s, x, z, ch, sh or o and -d follows e: the names "Dulles" and "Welles" are not
    # "dull" and "well" + -es, "grind" is not "grin" + -d; "crashes" is still "crash" + -es.
    sa = SentimentAnalyzer()
    vader = Lexicon.vader().to_dict()
    pairs = (("dulles", "dull"), ("welles", "well"), ("grind", "grin"), ("shrewd", "shrew"))
    _assert_no_valence_from_stem(sa, vader, pairs)
    assert sa.score("Seized at Dulles airport.").compound == 0
    assert "crashes" not in vader and "crash" in vader
    assert [(w.word, w.lexicon) for w in sa.explain("The market crashes.").words] == [("crashes", vader["crash"])]
    custom = SentimentAnalyzer(lexicon=Lexicon.from_dict({"zorb": 2.0, "zorbe": -2.0, "blorch": 1.0, "glumo": -1.0}))
    assert custom.score("Zorbes.").compound < 0  # "zorbe" + -s, not "zorb" + -es
    assert custom.score("Zorbd.").compound == 0  # -d only after e
    assert custom.score("Blorches.").compound > 0 > custom.score("Glumoes.").compound
    # Nor does a suffix go where English does not put it: -s after a sibilant, -ed or -ing
    # after a final e (but "agreeing"), -ies after a vowel and y.
    custom = SentimentAnalyzer(lexicon=Lexicon.from_dict({"blorch": 1.0, "zorbe": -2.0, "glee": 1.0, "glumay": 1.0}))
    for word in ("Blorchs", "Zorbeed", "Zorbeing", "Glumaies"):
        assert custom.score(f"{word}.").compound == 0, word
    assert custom.score("Gleeing.").compound > 0 > custom.score("Zorbing.").compound


def test_false_inflections_take_no_valence_from_a_lookalike_stem():
    # "justices" are judges, not justice; "likely" is not "like"; "fined" is a penalty, not "fine".
    sa = SentimentAnalyzer()
    vader = Lexicon.vader().to_dict()
    pairs = (("justices", "justice"), ("likely", "like"), ("fined", "fine"), ("kinds", "kind"))
    _assert_no_valence_from_stem(sa, vader, pairs)
    assert sa.score("The justices ruled on the case.").compound == 0
    # Real inflections still take their stem's valence.
    assert sa.score("The justice ruled on the case.").compound > 0
    assert sa.score("They were condemning it.").compound < 0
