"""Collections of articles on disk: read JSONL, CSV or Parquet, analyse in batches, write tables.

>>> from presslens.batch import read_articles  # doctest: +SKIP
>>> for text, metadata in read_articles("articles.jsonl", text_field="body"):  # doctest: +SKIP
...     ...

:func:`analyze_file` streams a file through an :class:`~presslens.Analyzer` batch by batch and
writes up to three tables (``documents``, ``quotes``, ``speakers``), so memory stays bounded by
the batch size however large the input is. ``presslens batch`` is its command line.

Every row of every table carries ``doc``, the article's 0-based position in the input, and the
article's other fields (its metadata: id, outlet, date...); a field named like one of the table's
own columns is kept as ``doc_<name>``. Lists and objects in a field are written as JSON text;
integers stay integers where some records lack them. Columns are fixed by the first batch: a
field that first appears in a later record is reported in :attr:`BatchSummary.dropped_fields`
rather than silently lost. Tables are written to ``<name>.partial`` files that replace the
outputs only when the whole run succeeds.
"""
from __future__ import annotations

import csv
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple, Union

from .quotes import _FRAME_COLUMNS, QUOTE_KINDS, SPEAKER_COLUMNS

if TYPE_CHECKING:  # pragma: no cover
    from .analyzer import Analyzer
    from .document import Document

PathLike = Union[str, Path]

#: Input and output formats, by the file suffixes that select them.
FORMATS: Dict[str, Tuple[str, ...]] = {
    "jsonl": (".jsonl", ".ndjson"),
    "csv": (".csv", ".tsv"),
    "parquet": (".parquet", ".pq"),
}
#: The tables analyze_file can write.
TABLES = ("documents", "quotes", "speakers")


def detect_format(path: PathLike) -> str:
    """The format of ``path`` by its suffix (see :data:`FORMATS`); ``ValueError`` naming the path if unknown."""
    suffix = Path(path).suffix.lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    known = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
    raise ValueError(f"{path}: cannot tell the format from the suffix {suffix!r} (known: {known}); pass format= (--input-format)")


# ---- reading ------------------------------------------------------------------------------------


def read_articles(
    path: PathLike,
    *,
    text_field: str = "text",
    format: Optional[str] = None,
    fields: Optional[Sequence[str]] = None,
) -> Iterator[Tuple[str, Dict[str, Any]]]:
    """Yields ``(text, metadata)`` for each record of a JSONL, CSV/TSV or Parquet file, lazily.

    ``text_field`` names the field holding the article text; the other fields (or only ``fields``,
    if given) become its metadata. A record without the text field, or whose text is not a
    string, raises ``ValueError`` / ``TypeError`` naming the file and the line (JSONL, CSV) or
    row (Parquet). Blank JSONL lines are skipped.
    """
    fmt = format or detect_format(path)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    keep = None if fields is None else set(fields)
    for where, record in _records(Path(path), fmt):
        if not isinstance(record, dict):
            raise ValueError(f"{where}: expected an object with a {text_field!r} field, got {type(record).__name__}")
        if text_field not in record:
            names = ", ".join(repr(k) for k in list(record)[:10])
            raise ValueError(f"{where}: no {text_field!r} field (fields: {names}); pick the text field with text_field= or --text-field")
        text = record[text_field]
        if not isinstance(text, str):
            raise TypeError(f"{where}: the {text_field!r} field is {type(text).__name__}, not a string")
        metadata = {k: v for k, v in record.items() if k != text_field and (keep is None or k in keep)}
        yield text, metadata


def _records(path: Path, fmt: str) -> Iterator[Tuple[str, Any]]:
    """(position for error messages, record) pairs of one file. Text files are UTF-8, with or
    without a byte-order mark."""
    if fmt == "jsonl":
        with path.open("rb") as f:
            for lineno, raw in enumerate(f, 1):
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise ValueError(f"{path}:{lineno}: not valid UTF-8 (byte {exc.start} of the line)") from None
                if not line.strip():
                    continue
                try:
                    yield f"{path}:{lineno}", json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{lineno}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    elif fmt == "csv":
        _allow_long_csv_fields()
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f, delimiter=delimiter)
            number = 0
            try:
                for record in reader:
                    number += 1
                    # (blank lines are skipped and a quoted field may span lines: name the record
                    # and the line it ends on)
                    where = f"{path}: record {number} (ending on line {reader.line_num})"
                    if None in record:
                        raise ValueError(f"{where}: more fields than the header's {len(reader.fieldnames or [])}")
                    yield where, record
            except UnicodeDecodeError as exc:
                raise ValueError(f"{path}: not valid UTF-8 after line {reader.line_num} ({exc.reason})") from None
    else:
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("reading Parquet needs pyarrow: pip install 'presslens[pandas]'") from exc
        row = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                yield f"{path}: row {row}", record
                row += 1


def _allow_long_csv_fields() -> None:
    # The csv module refuses fields over 128 KiB by default; a long article is bigger than that.
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # a C long is 32 bits on some platforms
            limit //= 2


# ---- the tables of a batch of documents ---------------------------------------------------------


_DOCUMENT_COLUMNS = ["characters", "tokens", "sentences", "paragraphs", "quotes", "compound", "pos", "neu", "neg",
                     "tone"]


def _typed(columns: Sequence[str], ints: Iterable[str], floats: Iterable[str]) -> Dict[str, str]:
    """Each column with its pandas nullable dtype (text where it is neither listed as int nor float)."""
    ints, floats = set(ints), set(floats)
    return {c: "Int64" if c in ints else "Float64" if c in floats else "string" for c in columns}


#: The type of each of a table's own columns (pandas nullable dtypes), the same in every batch:
#: a column that happens to be all missing or all whole numbers in one batch keeps its type.
#: The column lists themselves are those of the documents table and of Document.quotes_frame /
#: Document.speakers (quotes._FRAME_COLUMNS, quotes.SPEAKER_COLUMNS).
COLUMN_TYPES: Dict[str, Dict[str, str]] = {
    "documents": _typed(_DOCUMENT_COLUMNS, ints=_DOCUMENT_COLUMNS[:5], floats=["compound", "pos", "neu", "neg"]),
    "quotes": _typed([*_FRAME_COLUMNS, "sentiment"],
                     ints=["quote", "speaker_mention_start", "speaker_mention_end", "start", "end", "sentence",
                           "paragraph", "words"],
                     floats=["confidence", "sentiment"]),
    "speakers": _typed(SPEAKER_COLUMNS, ints=["quotes", *QUOTE_KINDS, "words"], floats=["share"]),
}


def _own_columns(table: str) -> List[str]:
    """A table's own columns (after ``doc`` and the metadata); ``ValueError`` for an unknown table."""
    if table not in COLUMN_TYPES:
        raise ValueError(f"unknown table {table!r}; expected some of {', '.join(TABLES)}")
    return list(COLUMN_TYPES[table])


def _leading_columns(doc: "Document", index: int, table: str) -> Dict[str, Any]:
    """``doc`` (the input position) and the document's metadata, the leading columns of its rows
    in ``table`` (a metadata key named like a column is kept as ``doc_<key>``)."""
    from .quotes import metadata_columns

    return {"doc": index, **metadata_columns(doc.metadata, ["doc", *_own_columns(table)])}


def batch_frames(docs: Sequence["Document"], first: int, tables: Iterable[str]) -> Dict[str, Any]:
    """The requested tables (see :data:`TABLES`) of one batch of documents, as pandas DataFrames.

    One DataFrame per table and batch, built from plain rows (a DataFrame per document would cost
    more than the analysis), with ``doc`` = ``first`` + the document's position in ``docs``.
    """
    from .quotes import _quote_sentiments, speaker_rows

    tables = list(tables)
    for t in tables:
        _own_columns(t)  # (raises for an unknown table)
    quote_rows = [d.quote_rows() for d in docs] if ("quotes" in tables or "speakers" in tables) else []
    out: Dict[str, Any] = {}
    if "documents" in tables:
        rows = []
        for k, d in enumerate(docs):
            s = d.sentiment
            rows.append({**_leading_columns(d, first + k, "documents"), "characters": len(d.text),
                         "tokens": len(d.tokens), "sentences": len(d.sentences), "paragraphs": len(d.paragraphs),
                         "quotes": len(d.quotes), "compound": s.compound, "pos": s.pos, "neu": s.neu, "neg": s.neg,
                         "tone": s.label})
        out["documents"] = _table(rows, "documents")
    if "quotes" in tables:
        # The quote sentiments of the whole batch in one call (the same scores quotes_frame gives).
        scores = _quote_sentiments([r["text"] for rows in quote_rows for r in rows])
        rows, n = [], 0
        for k, (d, qrows) in enumerate(zip(docs, quote_rows)):
            lead = _leading_columns(d, first + k, "quotes")
            for r in qrows:
                row = {**lead, **r}
                if scores is not None:
                    row["sentiment"] = scores[n]
                n += 1
                rows.append(row)
        out["quotes"] = _table(rows, "quotes")
    if "speakers" in tables:
        rows = []
        for k, (d, qrows) in enumerate(zip(docs, quote_rows)):
            lead = _leading_columns(d, first + k, "speakers")
            rows.extend({**lead, **r} for r in speaker_rows(qrows))
        out["speakers"] = _table(rows, "speakers")
    return out


def _table(rows: List[Dict[str, Any]], table: str):
    """A DataFrame of rows that every output format can hold as it is: lists and dicts (nested
    metadata) become JSON text, integers stay exact where a value is missing (nullable Int64, not
    float), and a column of mixed kinds (text and numbers) becomes text. The table's own columns
    and ``doc`` get their types from :data:`COLUMN_TYPES`, whatever this batch holds."""
    import pandas as pd

    def plain(v: Any) -> Any:
        return json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (dict, list, tuple)) else v

    frame = pd.DataFrame([{k: plain(v) for k, v in r.items()} for r in rows], dtype=object).convert_dtypes()
    for c in frame.columns:
        if frame[c].dtype == object:  # mixed kinds, dates...: text
            frame[c] = frame[c].map(lambda v: None if v is None or v is pd.NA else str(v)).astype("string")
    types = {"doc": "Int64", **COLUMN_TYPES[table]}
    return frame.astype({c: t for c, t in types.items() if c in frame.columns})


# ---- writing ------------------------------------------------------------------------------------


class _TableWriter:
    """Appends DataFrames to one output table. The first non-empty frame fixes the columns: later
    frames are aligned to them, and columns they add are noted in ``dropped``. Rows go to
    ``<path>.partial``, which replaces ``path`` only when the whole run succeeded (a failed run
    leaves the outputs of an earlier run as they were)."""

    def __init__(self, path: Path, fmt: str, empty_columns: Sequence[str]) -> None:
        self.path, self.fmt = path, fmt
        self.partial = path.with_name(path.name + ".partial")
        self._sep = "\t" if path.suffix.lower() == ".tsv" else ","  # (CSV)
        self.empty_columns = list(empty_columns)  # the columns of a table without a single row
        self.columns: Optional[List[str]] = None
        self.dropped: Set[str] = set()
        self.rows = 0
        self._file: Any = None
        self._parquet: Any = None
        self._schema: Any = None

    def write(self, frame) -> None:
        if frame.empty and self.columns is None:
            return
        if self.columns is None:
            self.columns = [str(c) for c in frame.columns]
            self._open(frame)
        self.dropped.update(str(c) for c in frame.columns if c not in self.columns)
        frame = frame.reindex(columns=self.columns)
        if frame.empty:
            return
        if self.fmt == "jsonl":
            # One JSON object per row; to_json writes missing values as null.
            text = frame.to_json(orient="records", lines=True, force_ascii=False)
            self._file.write(text if text.endswith("\n") else text + "\n")
        elif self.fmt == "csv":
            frame.to_csv(self._file, header=False, index=False, sep=self._sep)
        else:
            self._parquet.write_table(self._arrow(frame))
        self.rows += len(frame)

    def _open(self, frame) -> None:
        if self.fmt == "jsonl":
            self._file = self.partial.open("w", encoding="utf-8")
        elif self.fmt == "csv":
            self._file = self.partial.open("w", encoding="utf-8", newline="")
            frame.iloc[:0].to_csv(self._file, index=False, sep=self._sep)  # the header
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = self._arrow(frame, cast=False).schema
            # A column with no value in the first batch has no type yet: it is written as text
            # (numbers that turn up in it later are written as their text).
            self._schema = pa.schema(
                [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f.remove_metadata() for f in schema]
            )
            self._parquet = pq.ParquetWriter(self.partial, self._schema)

    def _arrow(self, frame, cast: bool = True):
        import pyarrow as pa

        try:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            return table.cast(self._schema) if cast else table
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise ValueError(
                f"{self.path}: cannot write these rows as Parquet ({exc}); a field whose type changes "
                f"between records (numbers in one, text in another) fits JSONL or CSV output"
            ) from None

    def close(self, success: bool) -> None:
        import pandas as pd

        if success and self.columns is None:  # not a single row (no quotes at all, say): an empty table
            self.columns = self.empty_columns
            self._open(pd.DataFrame({c: pd.Series([], dtype="string") for c in self.columns}))
        if self._file is not None:
            self._file.close()
        if self._parquet is not None:
            self._parquet.close()
        if success:
            self.partial.replace(self.path)
        elif self.partial.exists():
            self.partial.unlink()


@dataclass
class BatchSummary:
    """What :func:`analyze_file` did."""

    documents: int = 0
    words: int = 0
    seconds: float = 0.0
    #: table name -> (output path, rows written)
    outputs: Dict[str, Tuple[Path, int]] = field(default_factory=dict)
    #: table name -> fields first seen after the first batch (not written: the columns were fixed)
    dropped_fields: Dict[str, List[str]] = field(default_factory=dict)
    #: fields asked for with ``fields=`` that no record has (a typo, most likely)
    missing_fields: List[str] = field(default_factory=list)


def analyze_file(
    path: PathLike,
    out_dir: PathLike,
    *,
    text_field: str = "text",
    input_format: Optional[str] = None,
    output_format: str = "parquet",
    tables: Sequence[str] = TABLES,
    fields: Optional[Sequence[str]] = None,
    analyzer: Optional["Analyzer"] = None,
    threads: Optional[int] = None,
    batch_size: int = 256,
    progress: bool = False,
) -> BatchSummary:
    """Analyses every article of ``path`` and writes ``out_dir/<table>.<format>`` for each table.

    The input is read lazily and analysed ``batch_size`` articles at a time on ``threads``
    threads; each batch's rows are written before the next batch is read. ``progress=True``
    shows a tqdm bar. Returns a :class:`BatchSummary`.
    """
    from .analyzer import _progress_bar, default_analyzer

    if output_format not in FORMATS:
        raise ValueError(f"unknown output format {output_format!r}; expected one of {', '.join(FORMATS)}")
    if not tables:
        raise ValueError(f"no tables to write; expected some of {', '.join(TABLES)}")
    empty_columns = {t: ["doc", *_own_columns(t)] for t in tables}  # (raises for an unknown table)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    analyzer = analyzer or default_analyzer()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    suffix = FORMATS[output_format][0]
    writers = {t: _TableWriter(out / f"{t}{suffix}", output_format, empty_columns[t]) for t in tables}
    summary = BatchSummary()
    start = time.perf_counter()
    articles = read_articles(path, text_field=text_field, format=input_format, fields=fields)
    bar = _progress_bar(None, progress)
    success = False
    seen: Set[str] = set()
    try:
        while True:
            chunk = _take(articles, batch_size)
            if not chunk:
                break
            texts = [t for t, _ in chunk]
            for _, metadata in chunk:
                seen.update(metadata)
            docs = analyzer.analyze_many(texts, threads=threads, batch_size=batch_size, metadata=[m for _, m in chunk])
            for table, frame in batch_frames(docs, summary.documents, tables).items():
                writers[table].write(frame)
            summary.documents += len(docs)
            summary.words += sum(len(t.split()) for t in texts)
            if bar is not None:
                bar.update(len(docs))
        success = True
    finally:
        if bar is not None:
            bar.close()
        for w in writers.values():
            w.close(success)
    summary.seconds = time.perf_counter() - start
    summary.missing_fields = sorted(set(fields or ()) - seen)
    for table, w in writers.items():
        summary.outputs[table] = (w.path, w.rows)
        if w.dropped:
            summary.dropped_fields[table] = sorted(w.dropped)
    return summary


def _take(it: Iterator[Any], n: int) -> List[Any]:
    chunk = []
    for item in it:
        chunk.append(item)
        if len(chunk) == n:
            break
    return chunk
