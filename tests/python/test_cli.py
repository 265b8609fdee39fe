"""The presslens command line, run as a user would."""
from __future__ import annotations

import json
import subprocess
import sys


def run(*args, input=None):
    return subprocess.run(
        [sys.executable, "-m", "presslens", *args], input=input, capture_output=True, text=True, timeout=120
    )


def test_analyze_stdin_text(seed_text):
    out = run("analyze", "-", input=seed_text)
    assert out.returncode == 0, out.stderr
    assert "22 sentences" in out.stdout
    assert "## Bukele Confirms the Deal" in out.stdout


def test_analyze_json(tmp_path, seed_text):
    path = tmp_path / "a.txt"
    path.write_text(seed_text, encoding="utf-8")
    out = run("analyze", str(path), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["sentences"]) == 22
    for s in data["sentences"]:
        assert seed_text[s["start"] : s["end"]] == s["text"]
    assert data["headings"][0] == '"A Special Act of Friendship"'


def test_bad_file_and_bad_encoding(tmp_path):
    out = run("analyze", str(tmp_path / "missing.txt"))
    assert out.returncode != 0 and "cannot read" in out.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff\xfe")
    out = run("analyze", str(bad))
    assert out.returncode != 0 and "not valid UTF-8 (byte offset 3" in out.stderr


def test_demo_runs_on_bundled_samples():
    out = run("demo")
    assert out.returncode == 0, out.stderr
    assert "demo on 16 bundled sample articles" in out.stdout
    assert "wikinews-2020-01-05-soleimani-killed" in out.stdout


def test_credits():
    out = run("credits")
    assert out.returncode == 0 and "CC BY 2.5" in out.stdout


def test_compare_groups_of_articles(tmp_path):
    pd = __import__("pytest").importorskip("pandas")
    from presslens import Corpus
    from presslens.samples import load_samples

    samples = load_samples()
    path = tmp_path / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for s in samples:
            fh.write(json.dumps({"body": s.text, "outlet": s.metadata["outlet"], "story": s.metadata["story_id"]}) + "\n")
    out = run("compare", str(path), "--text-field", "body", "--by", "outlet", "--top", "3", "--out", str(tmp_path / "t"),
              "--toward", "Donald Trump")
    assert out.returncode == 0, out.stderr
    assert f"{len(samples)} articles" in out.stdout and "2 groups by 'outlet'" in out.stdout
    for section in ("Tone:", "Share of voice:", "Distinctive words:", "Vocabulary similarity:"):
        assert section in out.stdout
    # The written tables are the Corpus API's, on the same articles.
    corpus = Corpus.from_texts([s.text for s in samples], [{"outlet": s.metadata["outlet"]} for s in samples])
    tone = pd.read_csv(tmp_path / "t" / "tone.csv")
    assert list(tone["documents"]) == list(corpus.tone("outlet")["documents"])
    words = pd.read_csv(tmp_path / "t" / "distinctive_words.csv")
    assert list(words["term"]) == list(corpus.distinctive_words("outlet", top=3)["term"])
    voice = pd.read_csv(tmp_path / "t" / "share_of_voice.csv")
    assert list(voice["speaker"]) == list(corpus.share_of_voice("outlet", top=3)["speaker"])
    top_speaker = voice.iloc[0]
    assert f"{top_speaker['speaker']} {100 * top_speaker['share']:.0f}%" in out.stdout
    toward = pd.read_csv(tmp_path / "t" / "tone_toward.csv")
    expected = corpus.tone_toward("Donald Trump", "outlet")
    assert list(toward["mentions"]) == list(expected["mentions"]) and (toward["mentions"] > 0).all()
    assert toward["score"].round(6).tolist() == expected["score"].round(6).tolist()
    assert "Tone toward Donald Trump" in out.stdout
    sim = pd.read_csv(tmp_path / "t" / "similarity.csv")
    assert list(sim["outlet"]) == ["Wikinews", "The White House"] and sim.shape == (2, 3)
    # A field no record has is named, with the way out.
    bad = run("compare", str(path), "--text-field", "body", "--by", "publisher")
    assert bad.returncode == 2 and "no metadata 'publisher'" in bad.stderr and "--by" in bad.stderr
    assert "its keys: outlet, story" in bad.stderr  # the fields of the record, to pick from
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    empty = run("compare", str(tmp_path / "empty.jsonl"))
    assert empty.returncode == 2 and "no articles in" in empty.stderr


def test_compare_prints_tone_with_fixed_decimals():
    # A mean compound near 0 (BASIL's NYT articles: 0.00076) once printed as "7.637e-04".
    pd = __import__("pytest").importorskip("pandas")
    import io

    from presslens import cli

    tone = pd.DataFrame({"outlet": ["nyt", "fox"], "documents": [20, 20], "compound": [0.00076366, 0.079],
                         "quote_compound": [0.00087, -0.0261]})
    toward = pd.DataFrame({"target": ["X", "X"], "outlet": ["nyt", "fox"], "mentions": [3, 4],
                           "score": [-0.00051, 0.2]})
    voice = pd.DataFrame({"outlet": ["nyt"], "speaker": ["A"], "share": [1.0]})
    sim = pd.DataFrame([[1.0, 0.5], [0.5, 1.0]], index=["nyt", "fox"], columns=["nyt", "fox"])
    out = io.StringIO()
    cli._print_comparison(out, "outlet", 3, {"tone": tone, "share_of_voice": voice, "tone_toward": toward,
                                             "similarity": sim})
    text = out.getvalue()
    assert "e-0" not in text, text
    assert "0.001" in text and "-0.026" in text and "-0.001" in text, text
