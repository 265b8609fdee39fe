"""analyze_many: threads, order, metadata, progress, pickling."""
from __future__ import annotations

import pickle
import threading

import pytest

import presslens
from presslens.samples import load_samples


def signature(doc):
    return (
        [(t.start, t.end, t.kind) for t in doc.tokens],
        [(s.start, s.end) for s in doc.sentences],
        [(p.start, p.end, p.is_heading) for p in doc.paragraphs],
    )


@pytest.fixture(scope="module")
def sample_texts():
    return [s.text for s in load_samples()]


def test_threads_give_the_same_results_in_input_order(sample_texts):
    texts = sample_texts * 3
    sequential = [signature(presslens.analyze(t)) for t in texts]
    for threads in (1, 2, 4):
        docs = presslens.analyze_many(texts, threads=threads, batch_size=7)
        assert [d.text for d in docs] == texts
        assert [signature(d) for d in docs] == sequential


def test_metadata_travels_with_documents(sample_texts):
    samples = load_samples(short_only=True)
    docs = presslens.analyze_many([s.text for s in samples], metadata=[s.metadata for s in samples])
    assert [d.metadata["doc_id"] for d in docs] == [s.id for s in samples]
    assert presslens.analyze("Hi.", outlet="Wikinews", doc_id=7).metadata == {"outlet": "Wikinews", "doc_id": 7}


def test_generators_and_progress_bar(capsys):
    docs = presslens.analyze_many((f"Sentence {i}. Another one." for i in range(50)), batch_size=8, progress=True)
    assert len(docs) == 50 and all(len(d.sentences) == 2 for d in docs)
    assert "50" in capsys.readouterr().err  # tqdm reports the count on stderr


def test_bad_arguments():
    with pytest.raises(ValueError, match="threads must be at least 1"):
        presslens.analyze_many(["a"], threads=0)
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        presslens.analyze_many(["a"], batch_size=0)


def test_gil_is_released_during_analysis(sample_texts):
    # While one thread runs a long analysis, another Python thread keeps running.
    big = "\n".join(sample_texts) * 20
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        before = len(ticks)
        presslens.analyze_many([big, big], threads=2)
        during = len(ticks) - before
    finally:
        stop.set()
        t.join()
    assert during > 5


def test_documents_and_analyzers_pickle():
    doc = presslens.analyze("“Yes,” she said. Done.", outlet="X")
    again = pickle.loads(pickle.dumps(doc))
    assert again.text == doc.text and again.metadata == {"outlet": "X"}
    assert signature(again) == signature(doc)
    analyzer = presslens.Analyzer(sentiment=False)
    assert pickle.loads(pickle.dumps(analyzer)).options == analyzer.options


def test_spans_keep_their_document_alive():
    tokens = presslens.analyze("Short lived document text.").tokens
    import gc

    gc.collect()
    assert [t.text for t in tokens] == ["Short", "lived", "document", "text", "."]


def test_metadata_must_have_one_entry_per_text():
    texts = ["One text.", "Two texts.", "Three texts."]
    with pytest.raises(ValueError, match="metadata ran out at text 2"):
        presslens.analyze_many(texts, metadata=[{"id": 0}, {"id": 1}], batch_size=2)
    with pytest.raises(ValueError, match="more entries than the 3 texts"):
        presslens.analyze_many(texts, metadata=[{"id": i} for i in range(4)])
    # Iterators on both sides are read in step (lazily), and match.
    docs = list(presslens.default_analyzer().iter_analyze(iter(texts), metadata=({"id": i} for i in range(3)),
                                                          batch_size=2))
    assert [d.metadata["id"] for d in docs] == [0, 1, 2]
