"""Sentence and token accuracy on the UD GUM/EWT development data (read from ../shared/data when
present; not redistributable, so not in the repo). Floors sit just under the measured scores, so a
regression in the segmentation rules fails here."""
from __future__ import annotations

import json

import pytest

import presslens
from presslens.evaluation import f1, prf, trimmed, ud_surface_spans


def score(path):
    sent = [0, 0, 0]
    tok = [0, 0, 0]
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    for d, doc in zip(docs, presslens.analyze_many([d["text"] for d in docs])):
        text = d["text"]
        for acc, (pred, gold) in (
            (sent, (trimmed(text, [(s.start, s.end) for s in doc.sentences]), trimmed(text, map(tuple, d["sentences"])))),
            (tok, (set(ud_surface_spans(doc)), set(map(tuple, d["tokens"])))),
        ):
            for k, v in enumerate(prf(pred, gold)):
                acc[k] += v
    return f1(sent), f1(tok)


@pytest.mark.parametrize(
    "name,min_sentence_f1,min_token_f1",
    [("gum_news_spans.jsonl", 0.96, 0.99), ("en_gum_dev_spans.jsonl", 0.95, 0.99), ("en_ewt_dev_spans.jsonl", 0.79, 0.975)],
)
def test_ud_dev_scores(shared_data, name, min_sentence_f1, min_token_f1):
    path = shared_data / "tokenize-dev" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    sentence_f1, token_f1 = score(path)
    assert sentence_f1 >= min_sentence_f1, sentence_f1
    assert token_f1 >= min_token_f1, token_f1


def test_ud_mapping_merges_clitics_and_splits_currency():
    doc = presslens.analyze("Warhol's fans don't pay $5 or 3% for well-known pro-Beijing art.")
    spans = [doc.text[s:e] for s, e in ud_surface_spans(doc)]
    assert spans[:4] == ["Warhol's", "fans", "don't", "pay"]
    assert ["$", "5"] == spans[4:6] and ["3", "%"] == spans[7:9]
    assert ["well", "-", "known", "pro-Beijing"] == spans[10:14]
