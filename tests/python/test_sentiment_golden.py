"""Pinned sentiment scores: the rules may be reorganised for speed, but not change a score unnoticed.

Both scoring paths (the ASCII fast path and the tokenizer path) share the rules, so comparing them
with each other cannot catch a change in the rules themselves. This test scores 200 texts, built
from tricky pieces with a fixed seed, under several option sets and compares with the scores
recorded in tests/data/sentiment_golden.json (to within 1e-12, so that a different libm cannot
fail it, while any rule change does).

When a change of scores is intended, record the new ones and say so in the commit:
    python tests/python/test_sentiment_golden.py --write
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Dict, List

from presslens.sentiment import SentimentAnalyzer

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "sentiment_golden.json"

PIECES = [
    "good", "GOOD", "bad", "BAD", "great", "terrible", "horrible", "wonderful", "love", "hate", "not", "isn't",
    "don't", "never", "no", "nor", "or", "without", "doubt", "very", "extremely", "barely", "kind of",
    "sort of", "just enough", "at least", "least", "but", "But", "however,", "although", "though", "even though",
    "yet", "nevertheless", "so", "this", "the shit", "the bomb", "kiss of death", "yeah right", "bus stop",
    "cut the mustard", "in the red", "in the black", "under the weather", "not only", "no wonder", "a few",
    "few", "reduce deaths", "prevent violence", "hardly", "not the worst", "not the best", "killed", "arrested",
    "condemning", "praised", "U.S.", "Dr.", "It", "the", "plan", "was", "people", ",", ";", ":", "--", "!", "?",
    "!!", "?!", ".", "(", ")", '"', "''", ":)", ":(", "😀", "😢", "café", "\n",
]
# No fast_path=False set: it scored like "default" on every text, and test_sentiment.py's
# test_fast_path_scores_exactly_like_the_tokenizer_path holds the two paths equal bit for bit.
OPTION_SETS: Dict[str, dict] = {
    "default": {},
    "compat": {"vader_compat": True},
    "contrast_by_value": {"contrast_by_position": False},
    "no_clause_scope": {"clause_scope": False},
    "no_phrases_no_morphology": {"phrases": False, "morphology": False},
}
KEYS = ("compound", "pos", "neu", "neg")


def golden_texts() -> List[str]:
    rng = random.Random(20261130)
    texts = []
    for _ in range(200):
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 18))]
        texts.append(" ".join(words) + rng.choice(["", ".", "!", "?"]))
    return texts


def current_scores() -> Dict[str, Dict[str, List[float]]]:
    texts = golden_texts()
    out: Dict[str, Dict[str, List[float]]] = {}
    for name, options in OPTION_SETS.items():
        arrays = SentimentAnalyzer(**options).polarity_arrays(texts, threads=1)
        out[name] = {k: [float(v) for v in arrays[k]] for k in KEYS}
    return out


def test_scores_match_the_recorded_ones():
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert recorded["texts"] == golden_texts(), "the golden texts changed: re-record on purpose"
    now = current_scores()
    for name in OPTION_SETS:
        for key in KEYS:
            want = [float.fromhex(v) for v in recorded["scores"][name][key]]
            got = now[name][key]
            differ = [(recorded["texts"][i], want[i], got[i]) for i in range(len(want)) if abs(want[i] - got[i]) > 1e-12]
            assert not differ, (name, key, len(differ), differ[:3])
    # The pinned texts do exercise the rules: many non-neutral scores, and option sets that differ.
    default = now["default"]["compound"]
    assert sum(1 for v in default if abs(v) >= 0.05) > 100
    for name in ("compat", "contrast_by_value", "no_clause_scope", "no_phrases_no_morphology"):
        assert now[name]["compound"] != default, name


if __name__ == "__main__" and "--write" not in sys.argv:
    print(__doc__.strip().splitlines()[-1].strip())  # how to re-record; running the test is pytest's job
elif __name__ == "__main__":
    scores = current_scores()
    GOLDEN.write_text(
        json.dumps({"texts": golden_texts(),
                    "scores": {n: {k: [v.hex() for v in vs] for k, vs in s.items()} for n, s in scores.items()}},
                   ensure_ascii=False, indent=0) + "\n",
        encoding="utf-8")
    print(f"wrote {GOLDEN}")
