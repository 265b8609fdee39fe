"""SentimentAnalyzer.explain / presslens.explain_sentiment: the working behind a score."""
from __future__ import annotations

import doctest
import math

import pytest

import presslens
import presslens.sentiment
from presslens import SentimentAnalyzer, explain_sentiment
from presslens.samples import load_samples


def test_the_explained_scores_are_the_scores_of_the_text():
    sa = SentimentAnalyzer()
    texts = [s.text for s in load_samples()]
    # Short texts too, on both of polarity_scores' paths (ASCII read from the bytes, and tokens).
    texts += [p for t in texts[:4] for p in t.split("\n\n")[:10]]
    texts += ["Café owners were “thrilled” 😀 but the mayor was not happy.", "It isn’t good."]
    for text in texts:
        e = sa.explain(text)
        s = sa.score(text)
        assert math.isclose(e.scores.compound, s.compound, abs_tol=1e-12), text[:80]
        assert (e.scores.pos, e.scores.neu, e.scores.neg) == pytest.approx((s.pos, s.neu, s.neg), abs=1e-12)


def test_offsets_index_the_python_string():
    text = "Ünïcødé 😀😀 first. The plan is not good, but the staff were GREAT!\nÉté: a terrible mess."
    e = explain_sentiment(text)
    # (An emoji is a word of the lexicon: its description's valence.)
    assert [w.word for w in e.words] == ["😀", "😀", "good", "GREAT", "terrible", "mess"]
    for w in e.words:
        assert text[w.start : w.end] == w.word
    for s in e.sentences:
        assert text[s.start : s.end] == s.sentence
    assert e.sentences[-1].sentence == "Été: a terrible mess."
    assert [w.sentence for w in e.words] == [0, 0, 1, 1, 2, 2]


def test_the_word_valences_show_the_rules():
    e = explain_sentiment("The food was not good, but the view was great.")
    good, great = e.words
    # Negation (x -0.74), then "but": the clause before it counts half, the one after 1.5 times.
    assert good.lexicon == pytest.approx(1.9)
    assert good.valence == pytest.approx(1.9 * -0.74 * 0.5)
    assert great.valence == pytest.approx(great.lexicon * 1.5)
    # A booster raises the word it modifies; the booster itself carries no valence.
    very = explain_sentiment("The food was very good.").words
    assert [w.word for w in very] == ["good"] and very[0].valence > very[0].lexicon


def test_a_word_of_no_valence_is_not_listed_and_an_empty_text_has_no_sentences():
    assert explain_sentiment("The committee met on Tuesday.").words == []
    e = explain_sentiment("   ")
    assert e.sentences == [] and e.words == []
    assert (e.scores.compound, e.scores.neu) == (0.0, 1.0)


def test_bytes_are_decoded_and_compat_mode_is_refused():
    e = SentimentAnalyzer().explain("Très bien, a great day.".encode("utf-8"))
    assert e.text == "Très bien, a great day." and [w.word for w in e.words] == ["great"]
    with pytest.raises(UnicodeDecodeError):
        SentimentAnalyzer().explain(b"bad \xff byte")
    with pytest.raises(ValueError, match="default mode"):
        SentimentAnalyzer(vader_compat=True).explain("good")


def test_repr_html_and_frame():
    e = explain_sentiment("A <b>good</b> day. A bad one.")
    r = repr(e)
    assert r.startswith("SentimentExplanation(") and "'good': lexicon +1.90 -> +1.90" in r
    h = e._repr_html_()
    assert "&lt;b&gt;" in h and "<b>" not in h.replace("<b>positive</b>", "").replace("<b>negative</b>", "")
    assert 'title="lexicon +1.90, after the rules +1.90">good</span>' in h
    pytest.importorskip("pandas")
    df = e.to_frame()
    assert list(df.columns) == ["start", "end", "word", "sentence", "lexicon", "valence"]
    assert df["word"].tolist() == ["good", "bad"]


def test_docstring_examples():
    assert doctest.testmod(presslens.sentiment).failed == 0
