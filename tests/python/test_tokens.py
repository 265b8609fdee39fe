"""Tokenization rules for news text, on real-looking sentences."""
from __future__ import annotations

import pytest

import presslens

from conftest import assert_lossless, assert_spans_valid


def texts(doc):
    return [t.text for t in doc.tokens]


def kinds(doc):
    return {t.text: t.kind for t in doc.tokens}


def test_abbreviations_stay_whole():
    doc = presslens.analyze("U.S. and U.K. officials met Mr. Smith at 2:30 p.m. in Washington, D.C. on Friday.")
    toks = texts(doc)
    for word in ("U.S.", "U.K.", "Mr.", "p.m.", "D.C."):
        assert word in toks
    assert "2:30" in toks


def test_possessive_and_negation_clitics_split():
    doc = presslens.analyze("El Salvador’s president said they don't know and can't say; it's Bukele's call.")
    toks = texts(doc)
    assert ["Salvador", "’s"] == toks[1:3]
    i = toks.index("do")
    assert toks[i + 1] == "n't"
    assert ["ca", "n't"] == toks[toks.index("ca") : toks.index("ca") + 2]
    assert ["Bukele", "'s"] == toks[toks.index("Bukele") : toks.index("Bukele") + 2]
    clitics = [t for t in doc.tokens if t.text in ("’s", "n't", "'s")]
    assert all(not prev.space_after for prev in (doc.tokens[t.i - 1] for t in clitics))


def test_names_with_apostrophes_stay_whole():
    assert "O'Brien" in texts(presslens.analyze("O'Brien and D’Angelo spoke."))
    assert "D’Angelo" in texts(presslens.analyze("O'Brien and D’Angelo spoke."))


def test_dashes_split_words():
    doc = presslens.analyze("dangerous American criminals—including convicted citizens–and others -- all of them")
    toks = texts(doc)
    assert toks[2:5] == ["criminals", "—", "including"]
    assert "–" in toks and "--" in toks
    assert all(t.kind == "punct" for t in doc.tokens if t.text in ("—", "–", "--"))


def test_hyphenated_words_stay_whole():
    toks = texts(presslens.analyze("A well-known pro-Beijing MS-13 member, 20-year-old."))
    assert {"well-known", "pro-Beijing", "MS-13", "20-year-old"} <= set(toks)


@pytest.mark.parametrize(
    "phrase,token",
    [("cost $1.2 billion", "$1.2"), ("about 80,000 detainees", "80,000"), ("rose 3.5% today", "3.5%"),
     ("at 2:30 p.m.", "2:30"), ("on 2020-01-03 at", "2020-01-03"), ("in the 1990s", "1990s"), ("€45 each", "€45"),
     ("the 3rd time", "3rd"), ("0.5 points", "0.5")],
)
def test_numbers_stay_whole(phrase, token):
    doc = presslens.analyze(phrase)
    match = [t for t in doc.tokens if t.text == token]
    assert match, texts(doc)
    assert match[0].kind == "number"


def test_urls_emails_handles_hashtags():
    doc = presslens.analyze(
        "See https://www.example.com/path?q=1&r=2 (or www.example.org). Write to press@example.co.uk, "
        "follow @nayibbukele and #CECOT."
    )
    k = kinds(doc)
    assert k["https://www.example.com/path?q=1&r=2"] == "url"
    assert k["www.example.org"] == "url"
    assert k["press@example.co.uk"] == "email"
    assert k["@nayibbukele"] == "handle"
    assert k["#CECOT"] == "hashtag"
    assert texts(doc)[-1] == "."  # the final period is not part of the hashtag


def test_emoji_sequences_are_single_tokens():
    family = "\U0001F469\u200D\U0001F469\u200D\U0001F467"
    thumbs = "\U0001F44D\U0001F3FD"
    flag = "\U0001F1F8\U0001F1FB"
    doc = presslens.analyze(f"🔹 Great {family} {thumbs}{flag} ❤️ news")
    emoji = [t.text for t in doc.tokens if t.kind == "emoji"]
    assert emoji == ["🔹", family, thumbs, flag, "❤️"]


def test_quote_marks_have_roles():
    doc = presslens.analyze('"We agree," he said. “Yes” and ‘no’ and «oui».')
    roles = [(t.text, t.quote_role) for t in doc.tokens if t.kind == "quote"]
    assert roles == [('"', "open"), ('"', "close"), ("“", "open"), ("”", "close"), ("‘", "open"), ("’", "close"),
                     ("«", "open"), ("»", "close")]
    assert all(t.quote_role is None for t in doc.tokens if t.kind != "quote")


def test_norm_is_casefolded_nfkc():
    doc = presslens.analyze("ＦＵＬＬ Straße ﬁne CAFÉ")
    assert [t.norm for t in doc.tokens] == ["full", "strasse", "fine", "café"]


def test_space_after_and_whitespace_after():
    doc = presslens.analyze("Hi,  there\u00a0you.\n")
    assert [t.space_after for t in doc.tokens] == [False, True, True, False, True]
    assert doc.tokens[1].whitespace_after == "  "
    assert doc.tokens[2].whitespace_after == "\u00a0"
    assert doc.tokens[-1].whitespace_after == "\n"


def test_token_list_is_a_sequence():
    doc = presslens.analyze("One two three.")
    toks = doc.tokens
    assert len(toks) == 4
    assert toks[-1].text == "."
    assert [t.text for t in toks[1:3]] == ["two", "three"]
    with pytest.raises(IndexError):
        toks[4]
    assert [t.i for t in toks] == [0, 1, 2, 3]


def test_nonascii_offsets_are_python_indices():
    text = "Ünïcödé 🇺🇸 text — “quoted” 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 end."
    doc = presslens.analyze(text)
    assert_spans_valid(doc)
    assert_lossless(doc)
