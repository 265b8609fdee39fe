"""presslens.dask: a Dask DataFrame of articles analysed partition by partition into the batch tables."""
from __future__ import annotations

import pytest

import presslens
from presslens.batch import COLUMN_TYPES, TABLES, batch_frames
from presslens.samples import load_samples

from conftest import assert_same_corpus

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
pdask = pytest.importorskip("presslens.dask")


@pytest.fixture(scope="module")
def articles():
    samples = load_samples(short_only=True)
    return pd.DataFrame(
        {"body": [s.text for s in samples], "outlet": [s.metadata["outlet"] for s in samples],
         "words": [len(s.text.split()) for s in samples],  # named like a column of the quotes table
         "year": [int(s.metadata["date"][:4]) for s in samples]},
        index=pd.Index([s.id for s in samples], name="id"),
    )


@pytest.mark.parametrize("table", TABLES)
def test_partitions_give_the_batch_tables(articles, table):
    lazy = pdask.analyze(dd.from_pandas(articles, npartitions=3, sort=False), text="body", table=table)
    got = lazy.compute(scheduler="threads")
    # The columns: doc, the article's other columns (a name the table has is kept as doc_<name>),
    # then the table's own columns with their batch types.
    own_types = COLUMN_TYPES[table]
    carried = ["outlet", "doc_words" if "words" in own_types else "words", "year"]
    assert list(got.columns) == ["doc", *carried, *own_types]
    assert {c: str(got[c].dtype) for c in own_types} == {c: str(pd.Series([], dtype=t).dtype) for c, t in own_types.items()}
    # The same rows as presslens batch gives for the articles analysed in one go.
    docs = presslens.analyze_many(articles["body"].tolist())
    expected = batch_frames(docs, 0, [table])[table]
    own = [c for c in expected.columns if c != "doc"]
    pd.testing.assert_frame_equal(got[own].reset_index(drop=True), expected[own].reset_index(drop=True))
    # Each row leads with its article's index label and columns (a clashing name kept as doc_<name>).
    assert list(got["doc"]) == [articles.index[i] for i in expected["doc"]]
    by_id = articles.loc[got["doc"]]
    assert list(got["outlet"]) == list(by_id["outlet"]) and list(got["year"]) == list(by_id["year"])
    if table == "quotes":
        assert list(got["doc_words"]) == list(by_id["words"]) and len(got) > 50


def test_processes_rebuild_the_analyzer(articles):
    # Under the processes scheduler every task unpickles its analyzer in another process.
    small = dd.from_pandas(articles.iloc[:4], npartitions=2, sort=False)
    analyzer = presslens.Analyzer(mentions=False, quotes=False)
    lazy = pdask.analyze(small, text="body", table="documents", analyzer=analyzer)
    pd.testing.assert_frame_equal(lazy.compute(scheduler="processes"), lazy.compute(scheduler="sync"))


def test_bad_input_is_named(articles):
    with pytest.raises(KeyError, match="no text column 'text'"):
        pdask.analyze(dd.from_pandas(articles, npartitions=2, sort=False))
    with pytest.raises(ValueError, match="unknown table"):
        pdask.analyze(dd.from_pandas(articles, npartitions=2, sort=False), text="body", table="tokens")
    broken = articles.iloc[:3].copy()
    broken.loc[broken.index[1], "body"] = None
    with pytest.raises(TypeError, match=f"article '{broken.index[1]}'"):
        pdask.analyze(dd.from_pandas(broken, npartitions=1, sort=False), text="body").compute(scheduler="sync")
    # A partition without a single quote is an empty, typed table.
    quiet = pd.DataFrame({"body": ["Nothing was said.", "Rain fell."]})
    got = pdask.analyze(dd.from_pandas(quiet, npartitions=1, sort=False), text="body", table="quotes").compute()
    assert got.empty and "speaker" in got.columns


def test_a_corpus_summarised_per_partition_is_the_corpus_of_all(articles):
    from presslens import Corpus

    whole = Corpus.from_texts(articles["body"].tolist(), articles[["outlet", "year"]].to_dict("records"),
                              targets=["Donald Trump"])
    ddf = dd.from_pandas(articles, npartitions=3, sort=False)
    for scheduler in ("sync", "processes"):  # processes: the summaries are pickled back
        merged = pdask.corpus(ddf, text="body", fields=["outlet", "year"], targets=["Donald Trump"],
                              scheduler=scheduler)
        assert_same_corpus(merged, whole, by="outlet", words_by="year", similar_by="outlet")
        pd.testing.assert_frame_equal(merged.tone_toward("Donald Trump", "outlet"),
                                      whole.tone_toward("Donald Trump", "outlet"))


def test_a_distributed_cluster_of_worker_processes(articles):
    # A real dask.distributed scheduler with two worker processes: the analyzer, the tasks and the
    # corpus summaries travel between processes as they would between machines.
    distributed = pytest.importorskip("dask.distributed")
    from presslens import Corpus

    ddf = dd.from_pandas(articles, npartitions=4, sort=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        quotes = pdask.analyze(ddf, text="body", table="quotes").compute()
        corpus = pdask.corpus(ddf, text="body", fields=["outlet"])
    expected = batch_frames(presslens.analyze_many(articles["body"].tolist()), 0, ["quotes"])["quotes"]
    assert list(quotes["text"]) == list(expected["text"]) and list(quotes["speaker"]) == list(expected["speaker"])
    whole = Corpus.from_texts(articles["body"].tolist(), articles[["outlet"]].to_dict("records"))
    pd.testing.assert_frame_equal(corpus.share_of_voice("outlet"), whole.share_of_voice("outlet"))
