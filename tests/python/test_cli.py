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
