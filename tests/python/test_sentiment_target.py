"""Tests of target-dependent sentiment (presslens.target_sentiment, Document.tone_toward)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import presslens
from presslens import _core
from presslens.sentiment import TARGET_FEATURES, TargetSentiment, target_sentiment

from conftest import import_bench

REPO = Path(__file__).resolve().parents[2]
NEWSMTSC = REPO.parent / "shared" / "data" / "sentiment-dev" / "newsmtsc-train" / "train.jsonl"


def test_target_sentiment_follows_the_words_around_the_target():
    text = "Critics blasted Smith over the failed plan, while Jones won praise for her brave work."
    smith = target_sentiment(text, 16, 21)
    jones = target_sentiment(text, 50, 55)
    assert isinstance(smith, TargetSentiment)
    assert (smith.text, jones.text) == ("Smith", "Jones")
    assert smith.score < jones.score
    assert smith.label == "negative" and jones.label == "positive"
    assert abs(smith.p_negative + smith.p_neutral + smith.p_positive - 1) < 1e-9
    assert -1 <= smith.score <= 1


def test_span_offsets_are_python_indices_with_non_ascii_text():
    text = "«Très bien», said Zoë Müller — but the café owner Škoda was furious and bitter."
    start = text.index("Škoda")
    doc = presslens.analyze(text)
    r = doc.target_sentiment(start, start + 5)
    assert r.text == "Škoda" == text[r.start:r.end]
    assert r.label == "negative"


def test_bad_spans_raise():
    with pytest.raises(IndexError):
        target_sentiment("short text", 3, 99)
    with pytest.raises(IndexError):
        target_sentiment("short text", 5, 2)


def test_tone_toward_string_span_and_entity_like_targets():
    doc = presslens.analyze("Critics blasted Smith over the plan. Smith later won praise for the rescue.")
    tone = doc.tone_toward("Smith")
    assert tone["n"] == 2 and len(tone["spans"]) == 2
    assert tone["score"] == pytest.approx(sum(s.score for s in tone["spans"]) / 2)
    assert doc.tone_toward((16, 21))["spans"][0].text == "Smith"
    assert doc.tone_toward("Nobody") == {"score": 0.0, "label": "neutral", "n": 0, "spans": []}

    class Mention:
        start, end = 16, 21

    class Entity:
        mentions = [Mention()]

    assert doc.tone_toward(Entity())["n"] == 1
    with pytest.raises(TypeError):
        doc.tone_toward(3.5)


def test_fit_recovers_a_separable_rule_and_predict_agrees():
    rng = np.random.default_rng(0)
    n, f = 600, len(TARGET_FEATURES)
    X = rng.normal(size=(n, f))
    y = np.where(X[:, 0] > 0.5, 2, np.where(X[:, 0] < -0.5, 0, 1)).astype(np.int32)
    w = _core._fit_target_model(X, y, l2=0.1)
    assert len(w) == 3 * (f + 1)
    pred = [int(_core._target_predict(w, list(x))["label"]) + 1 for x in X]
    assert np.mean(np.asarray(pred) == y) > 0.9
    with pytest.raises(ValueError):
        _core._fit_target_model(X[:, :3], y)


def test_shipped_model_beats_the_sentence_baseline_on_a_sample():
    if not NEWSMTSC.exists():
        pytest.skip("NewsMTSC train split not available")
    ev = import_bench("eval_target_sentiment")

    rows = ev.load(NEWSMTSC, "heldout")[:400]
    _, y, sents, _, _, shipped = ev.featurize(rows, with_shipped=True)
    pred = [p + 1 for p in shipped]  # the public path: dense and hashed features
    base = [ev.label_of(presslens.polarity_scores(s, vader_compat=True)["compound"]) for s in sents]
    assert ev.macro_f1(y, pred)[0] > ev.macro_f1(y, base)[0] + 0.03


def _hashed(text: str, target: str) -> list:
    doc = presslens.Analyzer(mentions=False, quotes=False).analyze(text)
    i = text.index(target)
    return sorted(_core._target_hashed(doc._core, i, i + len(target)))


def test_hashed_features_see_the_context_not_the_target_name():
    # Same words around the target: same features, whatever the target is called.
    assert _hashed("Critics praised Smith for the plan.", "Smith") == _hashed("Critics praised Jones for the plan.", "Jones")
    # The side of a word matters: praising vs being praised.
    assert _hashed("Smith praised critics for the plan.", "Smith") != _hashed("Critics praised Smith for the plan.", "Smith")
    # So does the distance bucket.
    near = _hashed("Critics praised Smith today.", "Smith")
    far = _hashed("Critics praised the new mayor Smith today.", "Smith")
    assert near != far
    assert all(0 <= h < _core.TARGET_HASH_DIM for h in near + far)


def test_shipped_model_has_hashed_weights():
    hw = _core._target_hashed_weights()
    assert len(hw) == 3 * _core.TARGET_HASH_DIM
    assert sum(1 for v in hw if v != 0.0) > 1000
