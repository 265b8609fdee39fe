"""The ``presslens`` command line.

    presslens analyze FILE|-  [--json]     segment (and, where available, quotes and tone of) one text
    presslens demo [--all] [--json]        run the analysis on the bundled sample articles
    presslens batch FILE --out DIR         a JSONL / CSV / Parquet collection -> document, quote, speaker tables
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import textwrap
from pathlib import Path
from typing import List, Optional, Sequence

from . import __version__
from .analyzer import Analyzer
from .document import Document


def _read_input(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
        source = "<stdin>"
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise SystemExit(f"presslens: cannot read {path}: {exc.strerror}") from None
        source = path
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SystemExit(
            f"presslens: {source} is not valid UTF-8 (byte offset {exc.start}: {data[exc.start:exc.start + 1]!r})"
        ) from None


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=" " * len(indent))


def format_document(doc: Document, *, title: Optional[str] = None) -> str:
    """A readable plain-text report of one analysed document."""
    lines: List[str] = []
    if title:
        lines += [title, "=" * min(len(title), 100)]
    lines.append(
        f"{len(doc.text)} characters · {len(doc.tokens)} tokens · {len(doc.sentences)} sentences · "
        f"{len(doc.paragraphs)} paragraphs · {len(doc.headings)} headings"
    )
    sentiment = getattr(doc, "sentiment", None)
    if sentiment is not None and hasattr(sentiment, "compound"):
        lines.append(f"tone: {getattr(sentiment, 'label', '')} (compound {sentiment.compound:+.3f})")
    lines.append("")
    for para in doc.paragraphs:
        if para.is_heading:
            lines.append(f"## {para.text}")
            continue
        for sent in para.sentences:
            lines.append(_wrap(sent.text, f"[{sent.i:>3}] "))
        lines.append("")
    quotes = getattr(doc, "quotes", None)
    if quotes:
        lines.append(f"Quotes ({len(quotes)}):")
        for q in quotes:
            speaker = getattr(q, "speaker", None)
            name = getattr(speaker, "name", None) or "(unattributed)"
            snippet = q.text if len(q.text) <= 90 else q.text[:87] + "..."
            lines.append(_wrap(f"{q.kind:<12} {name}: “{snippet}”", "  "))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _cmd_analyze(args: argparse.Namespace) -> int:
    analyzer = Analyzer()
    docs = []
    for path in args.files:
        text = _read_input(path)
        docs.append((path, analyzer.analyze(text, source=path)))
    if args.json:
        payload = [doc.to_dict() for _, doc in docs]
        json.dump(payload[0] if len(payload) == 1 else payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for path, doc in docs:
            sys.stdout.write(format_document(doc, title=path if len(docs) > 1 or path != "-" else None))
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from .samples import load_samples

    samples = load_samples(short_only=not args.all)
    analyzer = Analyzer()
    docs = analyzer.analyze_many([s.text for s in samples], metadata=[s.metadata for s in samples])
    if args.json:
        json.dump([d.to_dict() for d in docs], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    out.write(f"presslens {__version__} — demo on {len(docs)} bundled sample articles\n")
    out.write("(Wikinews, CC BY 2.5, and public-domain White House transcripts; see `presslens credits`)\n\n")
    header = f"{'document':<52} {'outlet':<16} {'sents':>5} {'heads':>5} {'quotes':>6}  tone"
    out.write(header + "\n" + "-" * len(header) + "\n")
    for doc in docs:
        quotes = getattr(doc, "quotes", None)
        sentiment = getattr(doc, "sentiment", None)
        tone = f"{sentiment.compound:+.2f}" if sentiment is not None and hasattr(sentiment, "compound") else "-"
        out.write(
            f"{doc.metadata['doc_id'][:52]:<52} {doc.metadata['outlet'][:16]:<16} {len(doc.sentences):>5} "
            f"{len(doc.headings):>5} {len(quotes) if quotes is not None else '-':>6}  {tone}\n"
        )
    _write_share_of_voice(out, docs)
    first = docs[0]
    out.write(f"\nQuotes in {first.metadata.get('title')!r} ({first.metadata['outlet']}, {first.metadata['date']}):\n")
    for q in getattr(first, "quotes", []):
        speaker = getattr(q.speaker, "name", None) or "(unattributed)"
        snippet = q.text if len(q.text) <= 80 else q.text[:77] + "..."
        out.write(_wrap(f"{q.kind:<12} {speaker}: “{snippet}”", "  ") + "\n")
    out.write("\nOne article in full: presslens analyze FILE; as JSON: --json; in Python: presslens.analyze(text)\n")
    return 0


def _write_share_of_voice(out, docs) -> None:
    """Who is quoted most, per outlet: the share of quoted words by speaker (Corpus.share_of_voice)."""
    from .corpus import Corpus

    rows = Corpus(docs).share_of_voice_rows("outlet", top=5)
    out.write("\nShare of quoted words by speaker (top 5 per outlet):\n")
    for outlet in dict.fromkeys(r["outlet"] for r in rows):
        top = [r for r in rows if r["outlet"] == outlet]
        out.write(f"  {outlet}: " + ", ".join(f"{r['speaker']} {100 * r['share']:.0f}%" for r in top) + "\n")


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import TABLES, analyze_file

    tables = [t.strip() for t in args.tables.split(",") if t.strip()]
    fields = [f.strip() for f in args.fields.split(",") if f.strip()] if args.fields else None
    try:
        summary = analyze_file(
            args.file, args.out, text_field=args.text_field, input_format=args.input_format,
            output_format=args.format, tables=tables, fields=fields, threads=args.threads,
            batch_size=args.batch_size, progress=not args.quiet and sys.stderr.isatty(),
        )
    except (OSError, ValueError, TypeError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"presslens batch: error: {exc}\n")
        return 2
    rate = summary.words / summary.seconds if summary.seconds > 0 else 0.0
    out = sys.stdout
    out.write(f"presslens batch: {summary.documents:,} articles ({summary.words:,} words) in {summary.seconds:.2f} s"
              f" ({rate:,.0f} words/s)\n")
    for table in TABLES:
        if table in summary.outputs:
            path, rows = summary.outputs[table]
            out.write(f"  {table:<10} {str(path):<40} {rows:>8,} rows\n")
    if summary.missing_fields:
        out.write(f"  note: no record has the field(s) asked for with --fields: {', '.join(summary.missing_fields)}\n")
    for table, names in summary.dropped_fields.items():
        out.write(f"  note: {table}: fields first seen after the first batch were not written: {', '.join(names)}\n")
    return 0


def _read_corpus(args: argparse.Namespace):
    """The lean corpus of the file's articles (read lazily, summarised batch by batch: memory stays
    small on any number of articles) and their number of words."""
    from .batch import read_articles
    from .corpus import Corpus

    word_count = [0]

    def texts_counted(pairs):
        for text, _ in pairs:
            word_count[0] += len(text.split())
            yield text

    def grouping_field(metadata):
        # Only the --by field is kept (the corpus holds every article's metadata); a record without
        # it keeps all its fields, so that the error names the ones it has.
        return {args.by: metadata[args.by]} if args.by in metadata else metadata

    # (tee keeps at most one batch of records between the two readers.)
    for_texts, for_metadata = itertools.tee(
        read_articles(args.file, text_field=args.text_field, format=args.input_format))
    corpus = Corpus.from_texts(texts_counted(for_texts), (grouping_field(m) for _, m in for_metadata),
                               threads=args.threads,
                               progress=not args.quiet and sys.stderr.isatty(), keep_documents=False,
                               targets=args.toward or ())
    return corpus, word_count[0]


def _print_comparison(out, by: str, top: int, tables: dict) -> None:
    import pandas as pd

    # Fixed three decimals: with pandas' default a column holding one value near 0 turns to
    # scientific notation ("7.637e-04").
    def fixed(v: float) -> str:
        return f"{v:.3f}"

    with pd.option_context("display.width", 120, "display.max_columns", 20):
        out.write("\nTone: mean document compound; share of sentences positive / negative; mean quote compound\n")
        out.write(tables["tone"].to_string(index=False, float_format=fixed) + "\n")
        out.write(f"\nShare of voice: share of the group's attributed quoted words (top {top})\n")
        for label, part in tables["share_of_voice"].groupby(by, sort=False):
            out.write(_wrap(f"{label}: " + ", ".join(f"{r.speaker} {100 * r.share:.0f}%" for r in part.itertuples()), "  ")
                      + "\n")
        if "distinctive_words" in tables:
            out.write(f"\nDistinctive words: log-odds ratio with an informative prior, z-score (top {top})\n")
            for label, part in tables["distinctive_words"].groupby(by, sort=False):
                out.write(_wrap(f"{label}: " + ", ".join(f"{r.term} {r.z:.1f}" for r in part.itertuples()), "  ") + "\n")
        if "tone_toward" in tables:
            for target, part in tables["tone_toward"].groupby("target", sort=False):
                out.write(f"\nTone toward {target}: mean target-dependent sentiment of its mentions\n")
                out.write(part.drop(columns="target").to_string(index=False, float_format=fixed) + "\n")
        out.write("\nVocabulary similarity: cosine of tf-idf weighted word counts\n")
        out.write(tables["similarity"].rename_axis(None).to_string(float_format=lambda v: f"{v:.2f}") + "\n")


def _write_tables(out, folder: Path, fmt: str, tables: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        path = folder / f"{name}.{fmt}"
        if frame.index.name is not None:  # the similarity table: its row labels become the first column
            frame = frame.reset_index()
        if fmt == "csv":
            frame.to_csv(path, index=False)
        elif fmt == "jsonl":
            frame.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            frame.to_parquet(path, index=False)
        out.write(f"  wrote {path} ({len(frame)} rows)\n")


def _cmd_compare(args: argparse.Namespace) -> int:
    import time

    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        sys.stderr.write("presslens compare: error: needs pandas (pip install 'presslens[pandas]')\n")
        return 2
    start = time.perf_counter()
    try:
        corpus, words = _read_corpus(args)
        if len(corpus) == 0:
            sys.stderr.write(f"presslens compare: error: no articles in {args.file}\n")
            return 2
        groups = set(corpus.groups(args.by))
        tables = {"tone": corpus.tone(args.by), "share_of_voice": corpus.share_of_voice(args.by, top=args.top),
                  "similarity": corpus.similarity(args.by).rename_axis(args.by)}
        if len(groups) > 1:
            tables["distinctive_words"] = corpus.distinctive_words(args.by, top=args.top)
        if args.toward:
            tables["tone_toward"] = pd.concat([corpus.tone_toward(t, args.by).assign(target=t) for t in args.toward],
                                              ignore_index=True)
    except KeyError as exc:
        sys.stderr.write(f"presslens compare: error: {exc.args[0]}; pick the field with --by\n")
        return 2
    except (OSError, ValueError, TypeError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"presslens compare: error: {exc}\n")
        return 2
    out = sys.stdout
    out.write(f"presslens compare: {len(corpus):,} articles ({words:,} words), {len(groups)} "
              f"group{'s' if len(groups) != 1 else ''} by {args.by!r}, in {time.perf_counter() - start:.2f} s\n")
    _print_comparison(out, args.by, args.top, tables)
    if args.out:
        _write_tables(out, Path(args.out), args.format, tables)
    return 0


def _cmd_credits(args: argparse.Namespace) -> int:
    from .samples import credits

    sys.stdout.write(credits())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presslens", description="Fast analysis of news articles.")
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("analyze", help="analyse one or more texts (a file path, or - for stdin)")
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file, or - to read standard input")
    p.add_argument("--json", action="store_true", help="print the analysis as JSON")
    p.set_defaults(func=_cmd_analyze)
    d = sub.add_parser("demo", help="analyse the bundled sample articles")
    d.add_argument("--all", action="store_true", help="include the two long press-conference transcripts")
    d.add_argument("--json", action="store_true", help="print the analyses as JSON")
    d.set_defaults(func=_cmd_demo)
    b = sub.add_parser("batch", help="analyse a JSONL / CSV / Parquet collection of articles into tables")
    b.add_argument("file", metavar="FILE", help="articles: .jsonl/.ndjson, .csv/.tsv or .parquet, one per record")
    b.add_argument("--out", required=True, metavar="DIR", help="folder for the tables (created if missing)")
    b.add_argument("--text-field", default="text", help="the field holding the article text (default: text)")
    b.add_argument("--fields", help="comma-separated fields to keep as metadata (default: all others)")
    b.add_argument("--tables", default="documents,quotes,speakers", help="which tables to write (default: all three)")
    b.add_argument("--format", default="parquet", choices=["parquet", "csv", "jsonl"], help="output format")
    b.add_argument("--input-format", choices=["parquet", "csv", "jsonl"], help="input format (default: by suffix)")
    b.add_argument("--threads", type=int, default=None, help="threads (default: all cores)")
    b.add_argument("--batch-size", type=int, default=256, help="articles analysed and written per step")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=_cmd_batch)
    cmp = sub.add_parser("compare", help="compare groups of articles (outlets...): tone, share of voice, words")
    cmp.add_argument("file", metavar="FILE", help="articles: .jsonl/.ndjson, .csv/.tsv or .parquet, one per record")
    cmp.add_argument("--by", default="outlet", help="the field whose values are the groups (default: outlet)")
    cmp.add_argument("--text-field", default="text", help="the field holding the article text (default: text)")
    cmp.add_argument("--input-format", choices=["parquet", "csv", "jsonl"], help="input format (default: by suffix)")
    cmp.add_argument("--top", type=int, default=8, help="speakers and words shown per group (default: 8)")
    cmp.add_argument("--toward", action="append", metavar="NAME",
                     help="also the tone toward this person or organization (repeatable)")
    cmp.add_argument("--out", metavar="DIR", help="also write the tables to this folder")
    cmp.add_argument("--format", default="csv", choices=["parquet", "csv", "jsonl"], help="format of --out tables")
    cmp.add_argument("--threads", type=int, default=None, help="threads (default: all cores)")
    cmp.add_argument("--quiet", action="store_true", help="no progress bar")
    cmp.set_defaults(func=_cmd_compare)
    c = sub.add_parser("credits", help="print the sources and licences of the bundled samples")
    c.set_defaults(func=_cmd_credits)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # e.g. `presslens demo | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
