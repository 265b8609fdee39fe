"""The fast paths of the sentiment scorer give the same answers as the plain ones.

The scorer hashes words eight bytes at a time in places, keeps short lexicon keys inside its hash
slots and longer ones outside, reads the tokenizer's case flags from an 8-byte fast path, and the
batch calls fill their results without the GIL. These tests pin the behaviour at the edges of
those paths (word lengths around 8 and 16 bytes, words at the very end of a text, non-ASCII
keys, every batch entry point).
"""
from __future__ import annotations

import pickle

import pytest

import presslens
from presslens.sentiment import Lexicon, SentimentAnalyzer


def _word(n: int) -> str:
    # A made-up word of n letters that is in no lexicon.
    return ("zorbquaxlemt" * 3)[:n]


@pytest.mark.parametrize("n", [2, 3, 7, 8, 9, 15, 16, 17, 23, 24, 25])
def test_custom_keys_of_any_length_are_found(n: int) -> None:
    word = _word(n)
    sa = SentimentAnalyzer(lexicon=Lexicon.vader().merge(Lexicon.from_dict({word: 2.5})))
    for text in (f"The {word} was here today.", f"It was {word}", word, f"{word}, said they"):
        assert sa.polarity_scores(text)["compound"] > 0.3, text
        # A word one letter longer or shorter is not that key.
        assert sa.polarity_scores(text.replace(word, word + "q"))["compound"] == 0.0
        if n > 2:
            assert sa.polarity_scores(text.replace(word, word[:-1]))["compound"] == 0.0


@pytest.mark.parametrize("n", [3, 7, 8, 9, 16, 17])
def test_all_caps_emphasis_at_any_word_length_and_position(n: int) -> None:
    word = _word(n)
    sa = SentimentAnalyzer(lexicon=Lexicon.vader().merge(Lexicon.from_dict({word: 2.0})))
    for template in ("the plan was {} and the staff was there", "the staff said it was {}", "{}"):
        lower = sa.score(template.format(word)).compound
        caps = sa.score(template.format(word.upper())).compound
        capitalized = sa.score(template.format(word.capitalize())).compound
        assert lower > 0
        assert capitalized == lower  # one capital letter is no emphasis
        if template == "{}":
            assert caps == lower  # nothing else in lower case: no emphasis (VADER's rule)
        else:
            assert caps > lower  # an ALL-CAPS word among lower-case ones is emphasised


def test_non_ascii_and_phrase_keys() -> None:
    lex = Lexicon.vader().merge(Lexicon.from_dict({"überzorb": -2.0, "zorb quax": 3.0, "zörbifiziert": 1.5}))
    sa = SentimentAnalyzer(lexicon=lex)
    assert sa.polarity_scores("It was ÜBERZORB today")["compound"] < 0  # case-folded with ICU
    assert sa.polarity_scores("What a zorb quax!")["compound"] > 0  # a two-word key
    assert sa.polarity_scores("Das ist zörbifiziert.")["compound"] > 0
    # Inflections of a lexicon word are looked up without their suffix (default mode only).
    sa2 = SentimentAnalyzer(lexicon=Lexicon.vader().merge(Lexicon.from_dict({"zorbify": -2.0})))
    assert sa2.polarity_scores("They were zorbifying it.")["compound"] < 0
    assert SentimentAnalyzer(vader_compat=True).polarity_scores("They were zorbifying it.")["compound"] == 0.0


TEXTS = [
    "The food was GOOD, but the service was awful!!",
    "",
    "   ",
    "Ce n’était pas terrible… 😀",
    b"It isn't bad at all.",
    "A lone surrogate \ud800 here, and a great day.",
    "They don't like it. They really don't.",
    "Regular screenings could decrease breast cancer fatalities.",
    "x" * 5000 + " good",
]


@pytest.mark.parametrize("compat", [False, True])
@pytest.mark.parametrize("threads", [1, 2])
def test_batch_entry_points_agree_with_single_calls(compat: bool, threads: int) -> None:
    sa = SentimentAnalyzer(vader_compat=compat)
    single = [sa.polarity_scores(t) for t in TEXTS]
    assert sa.polarity_scores_many(TEXTS, threads=threads) == single
    assert sa.polarity_scores_many(tuple(TEXTS), threads=threads) == single
    assert sa.polarity_scores_many((t for t in TEXTS), threads=threads) == single
    arrays = sa.polarity_arrays(TEXTS, threads=threads)
    raw = [sa.score(t) for t in TEXTS]
    assert list(arrays["compound"]) == [r.compound for r in raw]
    assert list(arrays["neu"]) == [r.neu for r in raw]
    assert list(arrays["pos"]) == [r.pos for r in raw]
    assert list(arrays["neg"]) == [r.neg for r in raw]


def test_batch_rejects_non_text_with_its_index() -> None:
    sa = SentimentAnalyzer()
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        sa.polarity_scores_many(["fine", 3])
    with pytest.raises(TypeError, match=r"texts\[2\]"):
        sa.polarity_arrays(["fine", "good", None])


def test_instance_method_is_the_same_scorer_after_pickling() -> None:
    sa = SentimentAnalyzer(lexicon=Lexicon.vader().merge(Lexicon.from_dict({"zorbly": -2.0})))
    clone = pickle.loads(pickle.dumps(sa))
    for text in ("The food was zorbly.", "Not bad at all!", ""):
        assert clone.polarity_scores(text) == sa.polarity_scores(text)
        assert SentimentAnalyzer.polarity_scores(sa, text) == sa.polarity_scores(text)
    assert presslens.polarity_scores("The book was good.") == SentimentAnalyzer().polarity_scores("The book was good.")


def test_compat_but_rule_matches_vader_on_short_and_long_texts() -> None:
    # vaderSentiment re-weights values around "but" at the first index holding an equal value;
    # presslens scans for that index in texts of up to 64 words and indexes values beyond.
    vader = pytest.importorskip("vaderSentiment.vaderSentiment").SentimentIntensityAnalyzer()
    import random

    rng = random.Random(5)
    words = ["good", "bad", "nice", "great", "awful", "the", "movie", "was", "very", "not", "but", "BUT", "okay"]
    sa = SentimentAnalyzer(vader_compat=True)
    for n in [3, 10, 40, 60, 63, 64, 65, 66, 80, 130]:
        for _ in range(15):
            text = " ".join(rng.choice(words) for _ in range(n)) + " but good"
            assert sa.polarity_scores(text) == vader.polarity_scores(text), text
