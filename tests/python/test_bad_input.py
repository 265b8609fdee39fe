"""Bad and odd input: clear exceptions or documented behaviour, never a crash or a hang."""
from __future__ import annotations

import pytest

import presslens

from conftest import assert_lossless, assert_spans_valid


def test_empty_and_whitespace_only():
    for text in ("", " ", "\n\n\t  \u00a0\u2028"):
        doc = presslens.analyze(text)
        assert doc.text == text
        assert len(doc.tokens) == len(doc.sentences) == len(doc.paragraphs) == len(doc.headings) == 0


def test_lone_surrogate_raises_value_error_naming_the_index():
    with pytest.raises(ValueError, match=r"U\+D800 at index 5"):
        presslens.analyze("Hello\ud800 world")


def test_bytes_are_decoded_as_utf8():
    doc = presslens.analyze("Café “ok”.".encode("utf-8"))
    assert isinstance(doc.text, str) and doc.text == "Café “ok”."
    assert [t.text for t in doc.tokens] == ["Café", "“", "ok", "”", "."]


def test_invalid_utf8_bytes_name_the_offset():
    with pytest.raises(UnicodeDecodeError) as info:
        presslens.analyze(b"abc \xff def")
    assert info.value.start == 4


def test_wrong_type_is_a_type_error():
    with pytest.raises(TypeError, match="text must be str or bytes, not int"):
        presslens.analyze(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\] must be str or bytes"):
        presslens.analyze_many(["ok", None])  # type: ignore[list-item]


def test_control_characters_are_tokens():
    doc = presslens.analyze("a\x00b \x07 c\x1bd\x7f")
    assert [t.text for t in doc.tokens] == ["a", "\x00", "b", "\x07", "c", "\x1b", "d", "\x7f"]
    assert {t.kind for t in doc.tokens if not t.text.isalpha()} == {"symbol"}
    assert_lossless(doc)


NASTY = {
    "quote marks": ('"“”\'’«»„' * 40000)[:300000],
    "periods": "." * 300000,
    "newlines": "\n" * 300000,
    "one long word": "a" * 300000,
    "abbreviation run": "a. " * 100000,
    "dots and letters": "U.S." * 75000,
    "emoji joiners": "\U0001F469\u200D" * 50000,
    "combining marks": "e" + "\u0301" * 200000,
    "dashes": "—-" * 100000,
    "digits with separators": "1,000." * 50000,
}


@pytest.mark.parametrize("name", sorted(NASTY))
def test_nasty_inputs_finish_with_valid_spans(name):
    doc = presslens.analyze(NASTY[name])
    assert_spans_valid(doc)
    assert_lossless(doc)


def test_huge_text_of_prose(seed_text):
    text = (seed_text + "\n") * 400  # about 1 MB
    doc = presslens.analyze(text)
    assert len(doc.sentences) == 22 * 400
    assert doc.sentences[-1].end == len(text) - 1
