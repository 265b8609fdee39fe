"""presslens.batch and `presslens batch`: article collections in JSONL / CSV / Parquet to tables."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

import presslens  # noqa: E402
from presslens.batch import FORMATS, analyze_file, detect_format, read_articles  # noqa: E402
from presslens.samples import load_samples  # noqa: E402


@pytest.fixture(scope="module")
def records():
    """The bundled sample articles as records with string fields (so CSV keeps them as they are)."""
    return [
        {"id": s.id, "outlet": str(s.metadata.get("outlet")), "date": str(s.metadata.get("date")), "body": s.text}
        for s in load_samples()
    ]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_parquet(path, rows):
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def test_the_three_input_formats_read_the_same_articles(tmp_path, records):
    files = [write_jsonl(tmp_path / "a.jsonl", records), write_csv(tmp_path / "a.csv", records),
             write_parquet(tmp_path / "a.parquet", records)]
    expected = [(r["body"], {k: v for k, v in r.items() if k != "body"}) for r in records]
    for f in files:
        assert list(read_articles(f, text_field="body")) == expected, f.name
    # Articles longer than the csv module's default field limit (128 KiB) still read.
    long_text = "Word " * 40000
    assert next(read_articles(write_csv(tmp_path / "long.csv", [{"text": long_text}])))[0] == long_text
    # fields= keeps only the named metadata.
    assert next(read_articles(files[0], text_field="body", fields=["outlet"]))[1] == {"outlet": records[0]["outlet"]}


def test_bad_records_are_named_by_file_and_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    for content, error, message in [
        ('{"text": "fine"}\n\n{"text": "broken"\n', ValueError, r"bad\.jsonl:3: not valid JSON"),
        ('{"text": "fine"}\n{"body": "no text field"}\n', ValueError, r"bad\.jsonl:2: no 'text' field \(fields: 'body'\)"),
        ('{"text": 42}\n', TypeError, r"bad\.jsonl:1: the 'text' field is int, not a string"),
        ('["a list"]\n', ValueError, r"bad\.jsonl:1: expected an object"),
    ]:
        f.write_text(content, encoding="utf-8")
        with pytest.raises(error, match=message):
            list(read_articles(f))
    p = write_parquet(tmp_path / "bad.parquet", [{"text": "a"}, {"text": None}])
    with pytest.raises(TypeError, match=r"bad\.parquet: row 1: the 'text' field is NoneType"):
        list(read_articles(p))
    with pytest.raises(ValueError, match=r"cannot tell the format .*'\.txt'"):
        detect_format(tmp_path / "articles.txt")


def test_tables_hold_what_the_documents_say(tmp_path, records):
    src = write_jsonl(tmp_path / "a.jsonl", records)
    # batch_size 4: several batches, so the rows of later batches must line up with the first.
    summary = analyze_file(src, tmp_path / "out", text_field="body", batch_size=4, threads=2)
    docs = presslens.analyze_many([r["body"] for r in records],
                                  metadata=[{k: v for k, v in r.items() if k != "body"} for r in records])
    assert summary.documents == len(records)
    assert summary.words == sum(len(r["body"].split()) for r in records)

    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert documents["doc"].tolist() == list(range(len(records)))
    assert documents["id"].tolist() == [r["id"] for r in records]
    assert documents["tokens"].tolist() == [len(d.tokens) for d in docs]
    assert documents["sentences"].tolist() == [len(d.sentences) for d in docs]
    assert documents["quotes"].tolist() == [len(d.quotes) for d in docs]
    assert documents["compound"].tolist() == pytest.approx([d.sentiment.compound for d in docs], abs=1e-12)
    assert documents["tone"].tolist() == [d.sentiment.label for d in docs]

    quotes = pd.read_parquet(tmp_path / "out" / "quotes.parquet")
    expected = presslens.quotes_frame(docs)
    assert len(quotes) == len(expected) == sum(len(d.quotes) for d in docs) > 0
    assert quotes["doc"].tolist() == expected["doc"].tolist()
    assert quotes["text"].tolist() == expected["text"].tolist()
    assert quotes["speaker"].tolist() == expected["speaker"].tolist()
    for row in quotes.itertuples():  # offsets index the article text, as on the Document
        assert records[row.doc]["body"][row.start:row.end] == row.text

    speakers = pd.read_parquet(tmp_path / "out" / "speakers.parquet")
    assert len(speakers) == sum(len(d.speakers()) for d in docs)
    assert speakers["doc"].dtype.kind == "i"
    first = speakers[speakers["doc"] == 0]
    assert first["speaker"].tolist() == docs[0].speakers()["speaker"].tolist()
    assert summary.outputs["quotes"][1] == len(quotes)


def test_output_formats_agree_and_empty_tables_are_written(tmp_path, records):
    src = write_jsonl(tmp_path / "a.jsonl", records[:6])
    frames = {}
    for fmt, reader in (("parquet", pd.read_parquet), ("csv", pd.read_csv),
                        ("jsonl", lambda p: pd.read_json(p, lines=True))):
        analyze_file(src, tmp_path / fmt, text_field="body", output_format=fmt, batch_size=2)
        suffix = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}[fmt]
        frames[fmt] = reader(tmp_path / fmt / f"quotes{suffix}")
    for fmt in ("csv", "jsonl"):
        assert frames[fmt]["text"].tolist() == frames["parquet"]["text"].tolist(), fmt
        assert frames[fmt]["start"].tolist() == frames["parquet"]["start"].tolist(), fmt
    # A collection without a single quote still gets its (empty) quote table.
    plain = write_jsonl(tmp_path / "plain.jsonl", [{"text": "Prices rose. Markets fell."}, {"text": "Rain."}])
    summary = analyze_file(plain, tmp_path / "plain", tables=["documents", "quotes"])
    assert summary.outputs["quotes"][1] == 0
    assert pq.read_table(tmp_path / "plain" / "quotes.parquet").num_rows == 0
    assert pq.read_table(tmp_path / "plain" / "documents.parquet").num_rows == 2


def test_fields_that_appear_late_are_reported_not_lost_silently(tmp_path):
    rows = [{"text": f"Article {k} says little."} for k in range(5)]
    rows[3]["section"] = "sport"
    summary = analyze_file(write_jsonl(tmp_path / "a.jsonl", rows), tmp_path / "out", batch_size=2,
                           tables=["documents"])
    assert summary.dropped_fields == {"documents": ["section"]}
    assert summary.missing_fields == []
    typo = analyze_file(tmp_path / "a.jsonl", tmp_path / "typo", fields=["section", "sectoin"], tables=["documents"])
    assert typo.missing_fields == ["sectoin"]
    # A metadata field named like a table column keeps its value under doc_<name>.
    analyze_file(write_jsonl(tmp_path / "b.jsonl", [{"text": "Short.", "tokens": "mine"}]), tmp_path / "b",
                 tables=["documents"])
    table = pd.read_parquet(tmp_path / "b" / "documents.parquet")
    assert table.loc[0, "doc_tokens"] == "mine" and table.loc[0, "tokens"] == 2


def test_bad_arguments_raise_before_any_work(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"text": "x"}])
    with pytest.raises(ValueError, match="unknown table 'people'"):
        analyze_file(src, tmp_path / "o", tables=["people"])
    with pytest.raises(ValueError, match="unknown output format 'xlsx'"):
        analyze_file(src, tmp_path / "o", output_format="xlsx")
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        analyze_file(src, tmp_path / "o", batch_size=0)


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "presslens", *args], capture_output=True, text=True, timeout=300)


def test_the_batch_command(tmp_path, records):
    src = write_csv(tmp_path / "articles.csv", records[:5])
    out = run_cli("batch", str(src), "--out", str(tmp_path / "out"), "--text-field", "body", "--format", "csv",
                  "--quiet")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("presslens batch: 5 articles (")
    assert "quotes.csv" in out.stdout and "documents.csv" in out.stdout
    assert len(pd.read_csv(tmp_path / "out" / "documents.csv")) == 5
    bad = run_cli("batch", str(src), "--out", str(tmp_path / "out2"), "--quiet")  # no 'text' column
    assert bad.returncode == 2
    assert "articles.csv: record 1 (ending on line " in bad.stderr and "no 'text' field" in bad.stderr


def test_a_failed_run_leaves_earlier_outputs_alone(tmp_path, records):
    src = write_jsonl(tmp_path / "a.jsonl", records[:3])
    analyze_file(src, tmp_path / "out", text_field="body")
    before = pq.read_table(tmp_path / "out" / "quotes.parquet").num_rows
    assert before > 0
    broken = write_jsonl(tmp_path / "b.jsonl", [{"body": "Fine."}, {"no_body": "x"}])
    with pytest.raises(ValueError, match="no 'body' field"):
        analyze_file(broken, tmp_path / "out", text_field="body", batch_size=1)
    assert pq.read_table(tmp_path / "out" / "quotes.parquet").num_rows == before
    assert not list((tmp_path / "out").glob("*.partial"))


def test_odd_metadata_is_written_exactly_in_every_format(tmp_path):
    big = 1234567890123456789
    rows = [
        {"text": "Prices rose.", "id": big, "tags": ["a", "b"], "extra": {}, "year": None},
        {"text": "Prices fell.", "id": None, "tags": [], "extra": {"k": [1, 2]}, "year": 2020},
        {"text": "Rain.", "id": big + 2, "tags": ["c"], "extra": {"j": "x"}, "year": 2021},
    ]
    src = write_jsonl(tmp_path / "odd.jsonl", rows)
    for fmt in FORMATS:
        # batch_size 1: a field missing or empty in the first batch gets its values later.
        analyze_file(src, tmp_path / fmt, output_format=fmt, batch_size=1, tables=["documents"])
        table = raw_rows(tmp_path / fmt / f"documents{FORMATS[fmt][0]}", fmt)
        assert [str(r["id"]) for r in table] == [str(big), "" if fmt == "csv" else "None", str(big + 2)], fmt
        assert json.loads(table[0]["tags"]) == ["a", "b"] and json.loads(table[1]["extra"]) == {"k": [1, 2]}, fmt
        assert [str(r["year"]) for r in table][1:] == ["2020", "2021"], fmt


def raw_rows(path, fmt):
    """The rows of an output file as stored (no pandas type guessing on the way back)."""
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_byte_order_marks_and_bad_encodings(tmp_path):
    j = tmp_path / "bom.jsonl"
    j.write_bytes("\ufeff".encode() + b'{"text": "Hello."}\n')
    c = tmp_path / "bom.csv"
    c.write_bytes("\ufeff".encode() + b"text,id\nHello.,1\n")
    assert [t for t, _ in read_articles(j)] == [t for t, _ in read_articles(c)] == ["Hello."]
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    with pytest.raises(ValueError, match=r"latin1\.jsonl:2: not valid UTF-8"):
        list(read_articles(bad))
    extra = tmp_path / "extra.csv"
    extra.write_text("text,id\nHello.,1,surplus\n", encoding="utf-8")
    with pytest.raises(ValueError, match="more fields than the header's 2"):
        list(read_articles(extra))


def test_empty_tables_have_their_columns(tmp_path):
    src = write_jsonl(tmp_path / "plain.jsonl", [{"text": "Prices rose."}])
    analyze_file(src, tmp_path / "csv", output_format="csv", tables=["quotes", "speakers"])
    quotes = pd.read_csv(tmp_path / "csv" / "quotes.csv")
    assert len(quotes) == 0 and {"doc", "speaker", "text", "start", "end"} <= set(quotes.columns)
    assert list(pd.read_csv(tmp_path / "csv" / "speakers.csv").columns)[:2] == ["doc", "speaker"]
    with pytest.raises(ValueError, match="no tables"):
        analyze_file(src, tmp_path / "x", tables=[])
