"""Dask: analyse a Dask DataFrame of articles, partition by partition, into presslens tables.

>>> import dask.dataframe as dd
>>> import presslens.dask
>>> articles = dd.read_parquet("articles/*.parquet")                          # doctest: +SKIP
>>> quotes = presslens.dask.analyze(articles, text="body", table="quotes")    # doctest: +SKIP
>>> quotes.groupby("outlet")["words"].sum().compute()                          # doctest: +SKIP

:func:`corpus` summarises each partition into a lean :class:`presslens.Corpus` on the workers and
merges them (:meth:`presslens.Corpus.merge`), for comparing outlets over a collection too large
for one machine's memory or time.

The tables are those of ``presslens batch`` (``documents``, ``quotes``, ``speakers``; see
:mod:`presslens.batch`): one row per article, quote or speaker, led by ``doc`` (the article's index
label in the input) and the article's other columns, with the same types in every partition
(:data:`presslens.batch.COLUMN_TYPES`), so the result's ``meta`` is known without computing
anything. One task analyses one partition (on ``threads`` threads). The analyzer travels to the
workers as its options and is rebuilt there (an analyzer pickles in a few hundred bytes).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .analyzer import Analyzer


def _metadata_columns(frame_columns: Sequence[Any], text: str, fields: Optional[Sequence[str]]) -> List[Any]:
    """The article columns carried along as metadata: all but ``text``, or only ``fields``.
    ``KeyError`` names the columns when there is no ``text`` column."""
    if text not in frame_columns:
        raise KeyError(f"no text column {text!r}; the columns are: {', '.join(map(str, frame_columns))}")
    return [c for c in frame_columns if c != text and (fields is None or c in fields)]


def _texts(frame: "pd.DataFrame", text: str) -> List[str]:
    """The texts of a partition; ``TypeError`` names the first article whose text is not a string."""
    texts = frame[text].tolist()
    for label, t in zip(frame.index, texts):
        if not isinstance(t, str):
            raise TypeError(f"article {label!r}: the {text!r} column holds {type(t).__name__}, not a string")
    return texts


def _metadata_names(frame_columns: Sequence[Any], text: str, fields: Optional[Sequence[str]], table: str) -> Dict[Any, str]:
    """Input column -> output column for the article columns carried into ``table`` (a column named
    like one of the table's own columns becomes ``doc_<name>``, as everywhere in presslens)."""
    from .batch import _own_columns
    from .quotes import metadata_columns

    keep = _metadata_columns(frame_columns, text, fields)
    renamed = metadata_columns({str(c): None for c in keep}, ["doc", *_own_columns(table)])
    return dict(zip(keep, renamed))


def table_meta(frame: "pd.DataFrame", *, text: str = "text", table: str = "documents",
               fields: Optional[Sequence[str]] = None) -> "pd.DataFrame":
    """The empty DataFrame (columns and types) that :func:`analyze_partition` returns for articles
    shaped like ``frame`` (a pandas DataFrame, or a Dask DataFrame's ``_meta``)."""
    return _table_meta(frame, _metadata_names(list(frame.columns), text, fields, table), table)


def _table_meta(frame: "pd.DataFrame", names: Dict[str, str], table: str) -> "pd.DataFrame":
    """table_meta with the carried columns already named (``_metadata_names``)."""
    import pandas as pd

    from .batch import COLUMN_TYPES

    columns: Dict[str, Any] = {"doc": pd.Series([], dtype=frame.index.dtype)}
    for source, name in names.items():
        columns[name] = pd.Series([], dtype=frame[source].dtype)
    for name, dtype in COLUMN_TYPES[table].items():
        columns[name] = pd.Series([], dtype=dtype)
    return pd.DataFrame(columns)


def analyze_partition(
    frame: "pd.DataFrame",
    *,
    text: str = "text",
    table: str = "documents",
    fields: Optional[Sequence[str]] = None,
    analyzer: Optional["Analyzer"] = None,
    threads: int = 1,
) -> "pd.DataFrame":
    """The ``table`` rows (documents, quotes or speakers) of the articles of one pandas DataFrame:
    column ``text`` is analysed; the other columns (or only ``fields``) are carried along. A text
    that is missing or not a string raises ``TypeError`` naming its index label."""
    import pandas as pd

    from .analyzer import default_analyzer
    from .batch import batch_frames

    names = _metadata_names(list(frame.columns), text, fields, table)
    meta = _table_meta(frame, names, table)
    texts = _texts(frame, text)
    a = analyzer if analyzer is not None else default_analyzer()
    own = batch_frames(a.analyze_many(texts, threads=threads), 0, [table])[table]  # doc: position in the partition
    if own.empty:
        return meta
    positions: List[int] = own["doc"].astype("int64").tolist()
    articles = frame[list(names)].iloc[positions].reset_index(drop=True).rename(columns=names)
    result = pd.concat([pd.DataFrame({"doc": frame.index[positions]}), articles,
                        own.drop(columns="doc").reset_index(drop=True)], axis=1)
    return result.reindex(columns=meta.columns).astype(meta.dtypes.to_dict())


def analyze(
    articles: Any,
    *,
    text: str = "text",
    table: str = "documents",
    fields: Optional[Sequence[str]] = None,
    analyzer: Optional["Analyzer"] = None,
    threads: int = 1,
) -> Any:
    """A lazy Dask DataFrame of the ``table`` rows (documents, quotes or speakers) of a Dask
    DataFrame of ``articles``, one :func:`analyze_partition` task per partition (see the module
    docstring). ``threads``: threads per task (Dask's own workers are the parallelism; raise it
    for few, large partitions)."""
    meta = table_meta(articles._meta, text=text, table=table, fields=fields)
    return articles.map_partitions(analyze_partition, text=text, table=table, fields=fields, analyzer=analyzer,
                                   threads=threads, meta=meta)


def corpus(
    articles: Any,
    *,
    text: str = "text",
    fields: Optional[Sequence[str]] = None,
    analyzer: Optional["Analyzer"] = None,
    threads: int = 1,
    targets: Sequence[str] = (),
    scheduler: Optional[str] = None,
    **term_options: Any,
) -> Any:
    """A :class:`presslens.Corpus` of a Dask DataFrame of ``articles``: each partition is analysed
    and summarised by one task (a corpus with ``keep_documents=False``; the other columns, or only
    ``fields``, are each article's metadata, so group by them), and the summaries are merged here.
    ``targets``: names for :meth:`Corpus.tone_toward`; ``scheduler``: passed to ``dask.compute``
    (default: the current one, e.g. a distributed client's)."""
    import dask

    from .corpus import Corpus

    keep = _metadata_columns(list(articles.columns), text, fields)

    def summarise(frame: "pd.DataFrame") -> Corpus:
        texts = _texts(frame, text)
        metadata = frame[keep].to_dict("records") if keep else None
        return Corpus.from_texts(texts, metadata, analyzer=analyzer, threads=threads, keep_documents=False,
                                 targets=targets, **term_options)

    parts = [dask.delayed(summarise)(part) for part in articles.to_delayed()]
    kwargs = {"scheduler": scheduler} if scheduler is not None else {}
    return Corpus.merge(dask.compute(*parts, **kwargs))
