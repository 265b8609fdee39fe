"""The analysis entry points: :func:`analyze`, :func:`analyze_many` and :class:`Analyzer`."""
from __future__ import annotations

import os
import threading
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

from . import _core
from .document import Document

TextLike = Union[str, bytes]


class Analyzer:
    """An immutable analysis pipeline (segmentation, mentions, quotes, sentiment).

    Build it once and share it: it is thread-safe, cheap to pickle (only its options travel) and
    rebuilds itself in a worker process.

    Args:
        mentions: find people, organizations and places.
        quotes: find quotations and their speakers (implies ``mentions``).
        sentiment: score the sentiment of sentences and the document.
        lexicon: a :class:`presslens.Lexicon` for sentence and document sentiment (default: VADER's).
        vader_compat: score sentences like vaderSentiment (see ``docs/sentiment.md``).
        sentiment_options: default-mode switches of :class:`presslens.SentimentAnalyzer`
            (``event_words``, ``clause_scope``...).

    A custom lexicon or options apply to ``doc.sentiment`` and ``sentence.sentiment`` of documents
    analysed with ``sentiment=True``; they travel with the analyzer when it is pickled. Target
    sentiment (``doc.tone_toward``) keeps its own fitted model.
    """

    def __init__(
        self,
        *,
        mentions: bool = True,
        quotes: bool = True,
        sentiment: bool = True,
        lexicon: Any = None,
        vader_compat: bool = False,
        sentiment_options: Optional[Mapping[str, Any]] = None,
    ) -> None:
        self._sentiment = None
        if lexicon is not None or vader_compat or sentiment_options:
            from .sentiment import SentimentAnalyzer

            self._sentiment = SentimentAnalyzer(lexicon=lexicon, vader_compat=vader_compat, **dict(sentiment_options or {}))
        self._core = _core.Analyzer(
            mentions=mentions,
            quotes=quotes,
            sentiment=sentiment,
            sentiment_scorer=self._sentiment._core if self._sentiment is not None else None,
        )

    @property
    def options(self) -> dict:
        """The stage switches this analyzer was built with."""
        return dict(self._core.options)

    @property
    def sentiment_analyzer(self) -> Any:
        """The custom :class:`presslens.SentimentAnalyzer` in use, or ``None`` (the default scorer)."""
        return self._sentiment

    def __repr__(self) -> str:
        on = [k for k, v in self.options.items() if v]
        custom = f", {self._sentiment!r}" if self._sentiment is not None else ""
        return f"Analyzer(segment{''.join(' + ' + k for k in on)}{custom})"

    def __reduce__(self):
        # Only options travel (the lexicon too, when a custom one is set); the worker rebuilds.
        return (_rebuild_analyzer, (self.options, self._sentiment))

    def analyze(self, text: TextLike, /, **metadata: Any) -> Document:
        """Analyses one text and returns its :class:`Document`.

        ``text`` is a ``str``; ``bytes`` are decoded as strict UTF-8 (a ``UnicodeDecodeError`` names
        the bad offset). Lone surrogates raise ``ValueError`` naming their index. Keyword arguments
        (any names, ``text`` included) are stored as ``doc.metadata`` (doc id, outlet, date...) and
        travel into DataFrames.
        """
        core = self._core.analyze(text)
        return Document._from_core(core, text if isinstance(text, str) else None, metadata)

    def analyze_many(
        self,
        texts: Iterable[TextLike],
        *,
        threads: Optional[int] = None,
        batch_size: int = 256,
        progress: bool = False,
        metadata: Optional[Sequence[Mapping[str, Any]]] = None,
    ) -> List[Document]:
        """Analyses many texts on ``threads`` threads (default: all cores); results keep input order.

        The C++ work runs without the GIL. ``progress=True`` shows a tqdm bar (needs ``tqdm``).
        ``metadata``, if given, is one mapping per text, stored as each document's metadata.
        """
        return list(
            self.iter_analyze(texts, threads=threads, batch_size=batch_size, progress=progress, metadata=metadata)
        )

    def iter_analyze(
        self,
        texts: Iterable[TextLike],
        *,
        threads: Optional[int] = None,
        batch_size: int = 256,
        progress: bool = False,
        metadata: Optional[Sequence[Mapping[str, Any]]] = None,
    ) -> Iterator[Document]:
        """Like :meth:`analyze_many`, but yields documents batch by batch (constant memory)."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        n_threads = _resolve_threads(threads)
        total = len(texts) if hasattr(texts, "__len__") else None  # type: ignore[arg-type]
        bar = _progress_bar(total, progress)
        meta_iter = iter(metadata) if metadata is not None else None
        done = 0  # texts analysed so far (for the metadata check)
        try:
            batch: List[TextLike] = []
            for text in texts:
                batch.append(text)
                if len(batch) >= batch_size:
                    yield from self._run_batch(batch, n_threads, meta_iter, done)
                    done += len(batch)
                    if bar is not None:
                        bar.update(len(batch))
                    batch = []
            if batch:
                yield from self._run_batch(batch, n_threads, meta_iter, done)
                done += len(batch)
                if bar is not None:
                    bar.update(len(batch))
            if meta_iter is not None and next(meta_iter, _NO_METADATA) is not _NO_METADATA:
                raise ValueError(f"metadata has more entries than the {done} texts: give one mapping per text")
        finally:
            if bar is not None:
                bar.close()

    def _run_batch(self, batch: List[TextLike], threads: int, meta_iter, first: int) -> Iterator[Document]:
        cores = self._core.analyze_many(batch, threads=threads)
        for k, (text, core) in enumerate(zip(batch, cores)):
            meta: Dict[str, Any] = {}
            if meta_iter is not None:
                entry = next(meta_iter, _NO_METADATA)
                if entry is _NO_METADATA:
                    raise ValueError(f"metadata ran out at text {first + k}: give one mapping per text")
                meta = dict(entry)
            yield Document._from_core(core, text if isinstance(text, str) else None, meta)


_NO_METADATA = object()  # (the end of a metadata iterator)


def _rebuild_analyzer(options: Mapping[str, bool], sentiment: Any = None) -> Analyzer:
    if sentiment is None:
        return Analyzer(**options)
    # A custom SentimentAnalyzer, itself rebuilt from its lexicon and options by pickle.
    analyzer = Analyzer.__new__(Analyzer)
    analyzer._sentiment = sentiment
    analyzer._core = _core.Analyzer(**options, sentiment_scorer=sentiment._core)
    return analyzer


def _resolve_threads(threads: Optional[int]) -> int:
    if threads is None:
        return os.cpu_count() or 1
    if threads < 1:
        raise ValueError(f"threads must be at least 1, got {threads}")
    return int(threads)


def _progress_bar(total: Optional[int], enabled: bool):
    if not enabled:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("progress=True needs tqdm: pip install 'presslens[progress]'") from exc
    return tqdm(total=total, unit="doc", desc="presslens")


_default: Optional[Analyzer] = None
_default_lock = threading.Lock()


def default_analyzer() -> Analyzer:
    """The shared analyzer with every stage on, built on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Analyzer()
    return _default


def analyze(text: TextLike, /, **metadata: Any) -> Document:
    """Analyses ``text`` with the default analyzer. See :meth:`Analyzer.analyze`."""
    return default_analyzer().analyze(text, **metadata)


def analyze_many(
    texts: Iterable[TextLike],
    *,
    threads: Optional[int] = None,
    batch_size: int = 256,
    progress: bool = False,
    metadata: Optional[Sequence[Mapping[str, Any]]] = None,
) -> List[Document]:
    """Analyses many texts in parallel with the default analyzer. See :meth:`Analyzer.analyze_many`."""
    return default_analyzer().analyze_many(
        texts, threads=threads, batch_size=batch_size, progress=progress, metadata=metadata
    )
