"""Stage 5: comparing groups of documents (outlets, events): terms, distinctive words, similarity,
share of voice and tone."""
from __future__ import annotations

import doctest
import re
from collections import Counter

import pytest

import presslens
from presslens import _core
from presslens.corpus import Corpus, speaker_names
from presslens.samples import load_samples

from conftest import assert_same_corpus, import_bench

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def samples_corpus() -> Corpus:
    samples = load_samples()
    return Corpus.from_texts([s.text for s in samples], [s.metadata for s in samples], threads=2)


@pytest.fixture(scope="module")
def basil(shared_data):
    """The 60 BASIL articles (20 events x 3 outlets) of outlets-dev, one paragraph per line."""
    articles = import_bench("_common").load_basil(shared_data / "outlets-dev")
    return Corpus.from_texts([a["text"] for a in articles], [{"event": a["event"], "outlet": a["outlet"]} for a in articles],
                             threads=2)


CLITIC = re.compile(r"^(?:[nN]['’][tT]|['’][a-zA-Z]{1,2})$")  # "n't", "'s", "'ll" split off a word


def _terms_in_python(doc):
    """The terms of a document, worked out in Python from its tokens (the rule TermCounts states)."""
    out = Counter()
    for tok in doc.tokens:
        if tok.kind != "word" or CLITIC.match(tok.text):
            continue
        term = tok.text.casefold().replace("’", "'")
        if len(term) >= 2 and not _core.is_stopword(term):
            out[term] += 1
    return out


def test_module_example_runs_as_shown():
    assert doctest.testmod(presslens.corpus).failed == 0


def test_term_counts_are_the_documents_folded_words(samples_corpus):
    counts = samples_corpus.term_counts()
    assert counts is samples_corpus.term_counts()  # made once
    assert counts.rows == len(samples_corpus) and counts.size == len(counts.terms)
    assert counts.terms == sorted(counts.terms, key=lambda t: t.encode())
    for i in (0, 5, len(samples_corpus) - 1):
        a, b = counts.row_start[i], counts.row_start[i + 1]
        row = {counts.terms[t]: c for t, c in zip(counts.term_ids[a:b], counts.counts[a:b])}
        assert row == _terms_in_python(samples_corpus[i])
    # Threads do not change the result, and the arrays are read-only views.
    one = Corpus(samples_corpus.documents, threads=1).term_counts()
    assert one.terms == counts.terms
    assert np.array_equal(one.counts, counts.counts) and np.array_equal(one.term_ids, counts.term_ids)
    with pytest.raises(ValueError):
        counts.counts[0] = 5
    assert "said" in counts.terms and "the" not in counts.terms
    assert "the" in Corpus(samples_corpus.documents[:2], stopwords=False).term_counts().terms


def test_distinctive_words_are_over_represented_in_their_group(samples_corpus):
    words = samples_corpus.distinctive_words("outlet", top=15)
    assert list(words.columns) == ["outlet", "rank", "term", "count", "rest_count", "per_1000", "rest_per_1000",
                                   "log_odds", "z"]
    assert set(words["outlet"]) == {"Wikinews", "The White House"}
    docs_of = {o: [d for d in samples_corpus if d.metadata["outlet"] == o] for o in set(words["outlet"])}
    for outlet, part in words.groupby("outlet"):
        assert list(part["rank"]) == list(range(1, len(part) + 1))
        assert list(part["z"]) == sorted(part["z"], reverse=True) and (part["z"] > 0).all()
        assert (part["per_1000"] > part["rest_per_1000"]).all()
        # The counts are those of the group's documents.
        top = part.iloc[0]
        assert top["count"] == sum(_terms_in_python(d)[top["term"]] for d in docs_of[outlet])
        assert top["count"] + top["rest_count"] == sum(_terms_in_python(d)[top["term"]] for d in samples_corpus)
    # Transcripts are talk ("thank", "going"); news reports name people and places.
    white_house = set(words[words["outlet"] == "The White House"]["term"])
    assert {"thank", "going"} <= white_house
    with pytest.raises(ValueError, match="at least two groups"):
        samples_corpus.distinctive_words(["all"] * len(samples_corpus))


def test_similarity_is_a_symmetric_cosine(samples_corpus):
    by_story = samples_corpus.similarity("story_id")
    m = by_story.to_numpy()
    assert list(by_story.index) == list(by_story.columns) == list(dict.fromkeys(samples_corpus.groups("story_id")))
    assert np.allclose(m, m.T) and np.allclose(np.diag(m), 1.0) and (m >= 0).all() and (m <= 1).all()
    docs = samples_corpus.similarity(tfidf=False).to_numpy()
    assert docs.shape == (len(samples_corpus), len(samples_corpus))
    # A document against a copy of itself: 1.
    twice = Corpus([samples_corpus[0], samples_corpus[0], samples_corpus[3]]).similarity().to_numpy()
    assert twice[0, 1] == pytest.approx(1.0) and twice[0, 2] < 1


def test_share_of_voice_adds_up_the_documents_speakers(samples_corpus):
    voice = samples_corpus.share_of_voice("outlet")
    assert list(voice.columns) == ["outlet", "speaker", "speaker_kind", "documents", "quotes", "words", "share",
                                   "quote_compound"]
    names = speaker_names((r["speaker"], r["speaker_kind"]) for d in samples_corpus for r in d.quote_rows()
                          if r["speaker"] is not None)
    for outlet, part in voice.groupby("outlet"):
        expected = Counter()
        for d in samples_corpus:
            if d.metadata["outlet"] == outlet:
                for _, s in d.speakers().iterrows():
                    expected[names[(s["speaker"], s["speaker_kind"])]] += s["quotes"]
        assert dict(zip(part["speaker"], part["quotes"])) == dict(expected)
        assert part["share"].sum() == pytest.approx(1.0)
        assert list(part["words"]) == sorted(part["words"], reverse=True)
    top2 = samples_corpus.share_of_voice("outlet", top=2)
    assert (top2.groupby("outlet").size() == 2).all()


def test_speaker_names_merge_one_person_across_documents():
    merged = speaker_names([("Donald J. Trump", "person"), ("Trump", "person"), ("Donald Trump", "person"),
                            ("Kelly", "person"), ("Mark Kelly", "person"), ("Scott Kelly", "person"),
                            ("Trump", "organization")])
    assert merged[("Donald J. Trump", "person")] == merged[("Trump", "person")] == "Donald Trump"
    assert merged[("Kelly", "person")] == "Kelly"  # two Kellys: not guessed
    assert merged[("Trump", "organization")] == "Trump"


def test_tone_is_the_mean_of_the_documents(samples_corpus):
    tone = samples_corpus.tone("outlet")
    for _, row in tone.iterrows():
        docs = [d for d in samples_corpus if d.metadata["outlet"] == row["outlet"]]
        assert row["documents"] == len(docs)
        assert row["compound"] == pytest.approx(np.mean([d.sentiment.compound for d in docs]))
        labels = [s.sentiment.label for d in docs for s in d.sentences]
        assert row["sentences"] == len(labels)
        assert row["positive"] == pytest.approx(labels.count("positive") / len(labels))
        assert row["negative"] == pytest.approx(labels.count("negative") / len(labels))
        quotes = [q for d in docs for q in d.quote_rows()]
        assert row["quotes"] == len(quotes)


def test_groups_name_bad_input():
    docs = [presslens.analyze("Officials said the plan works.", outlet="a"), presslens.analyze("No outlet here.")]
    corpus = Corpus(docs)
    with pytest.raises(KeyError, match="document 1 has no metadata 'outlet'"):
        corpus.tone("outlet")
    with pytest.raises(ValueError, match="1 group labels for 2 documents"):
        corpus.tone(["x"])
    assert list(corpus.tone(["x", "y"])["group"]) == ["x", "y"]
    with pytest.raises(TypeError, match="item 1 is a str"):
        Corpus([docs[0], "text"])
    empty = Corpus([])
    assert len(empty) == 0 and empty.term_counts().rows == 0 and empty.share_of_voice([]).empty
    assert "2 documents" in repr(corpus) and "presslens.Corpus" in corpus._repr_html_()


def test_basil_documents_of_one_event_are_alike(basil):
    # Three outlets covering one event share its vocabulary: a document's nearest neighbour is
    # almost always another outlet's article on the same event (19 of 20 events are years apart).
    sim = basil.similarity().to_numpy()
    events = np.array(basil.groups("event"))
    same = events[:, None] == events[None, :]
    off_diagonal = ~np.eye(len(events), dtype=bool)
    assert sim[same & off_diagonal].mean() > 4 * sim[~same].mean()
    nearest = np.where(off_diagonal, sim, -1).argmax(axis=1)
    assert (events[nearest] == events).mean() >= 0.9


def test_basil_nyt_is_the_outlet_of_mr(basil):
    # The New York Times writes "Mr. Trump" where Fox and HuffPost write "Trump": the house style
    # is the most distinctive word of its articles.
    words = basil.distinctive_words("outlet", top=5)
    assert words[words["outlet"] == "nyt"].iloc[0]["term"] == "mr."
    voice = basil.share_of_voice("outlet")
    assert set(voice["outlet"]) == {"nyt", "fox", "hpo"}
    assert "Trump" not in set(voice["speaker"]) and "Donald Trump" in set(voice["speaker"])


def test_a_corpus_made_in_batches_without_documents_gives_the_same_tables(samples_corpus, monkeypatch):
    samples = load_samples()
    lean = Corpus.from_texts((s.text for s in samples), (s.metadata for s in samples), batch_size=4,
                             keep_documents=False, threads=2)  # iterators, read lazily
    assert lean.metadata == [d.metadata for d in samples_corpus]
    assert_same_corpus(lean, samples_corpus, by="outlet", similar_by="story_id")
    with pytest.raises(ValueError, match="keep_documents=False"):
        lean[0]
    # Adding documents later extends every table.
    grown = Corpus(samples_corpus.documents[:10])
    grown.add(samples_corpus.documents[10:])
    pd.testing.assert_frame_equal(grown.share_of_voice("outlet"), samples_corpus.share_of_voice("outlet"))
    assert np.array_equal(grown.term_counts().counts, samples_corpus.term_counts().counts)
    # Document-by-document similarity is refused where the table would not fit.
    monkeypatch.setattr(presslens.corpus, "MAX_SIMILARITY_DOCUMENTS", 10)
    with pytest.raises(ValueError, match="18 x 18 table"):
        lean.similarity()


def test_tone_toward_a_person_by_outlet():
    from presslens.corpus import names_match

    praise = ["Senator Jane Smith won wide praise for her brilliant, generous plan. Voters love Smith.",
              "Jane Smith delivered a wonderful, hopeful speech, and supporters cheered her."]
    scorn = ["Critics said Jane Smith's plan was a shameful, disastrous failure. Smith was humiliated.",
             "Voters said Jane Smith's terrible record was a disgrace, and they blamed her for the crisis."]
    corpus = Corpus.from_texts(praise + scorn, [{"outlet": "friendly"}] * 2 + [{"outlet": "hostile"}] * 2)
    toward = corpus.tone_toward("Jane Smith", "outlet").set_index("outlet")
    assert toward.loc["friendly", "score"] > 0.05 > -0.05 > toward.loc["hostile", "score"]
    assert (toward.loc["friendly", "label"], toward.loc["hostile", "label"]) == ("positive", "negative")
    # The same mentions and scores as Document.tone_toward on the matching entities ("her" included).
    for outlet, docs in (("friendly", corpus.documents[:2]), ("hostile", corpus.documents[2:])):
        per_doc = [d.tone_toward(e) for d in docs for e in d.entities if names_match(e.name, e.kind, "Jane Smith")]
        n = sum(r["n"] for r in per_doc)
        assert toward.loc[outlet, "mentions"] == n >= 4 and toward.loc[outlet, "documents"] == 2
        assert toward.loc[outlet, "score"] == pytest.approx(sum(r["score"] * r["n"] for r in per_doc) / n)
    # Nobody of that name: zero mentions, no score.
    nobody = corpus.tone_toward("John Doe", "outlet")
    assert list(nobody["mentions"]) == [0, 0] and nobody["score"].isna().all()
    with pytest.raises(ValueError, match="non-empty name"):
        corpus.tone_toward("  ", "outlet")
    lean = Corpus.from_texts(praise + scorn, [{"outlet": "friendly"}] * 2 + [{"outlet": "hostile"}] * 2,
                             keep_documents=False, targets=["Jane Smith"], batch_size=3)
    pd.testing.assert_frame_equal(lean.tone_toward("Jane Smith", "outlet"), corpus.tone_toward("Jane Smith", "outlet"))
    with pytest.raises(ValueError, match="keep_documents=False"):
        lean.tone_toward("Smith", "outlet")  # not named up front


def test_names_match_surnames_of_people_only():
    from presslens.corpus import names_match

    assert names_match("Donald J. Trump", "person", "Trump") and names_match("Trump", "person", "Donald Trump")
    assert names_match("donald trump", "person", "Donald Trump")
    assert not names_match("Trump administration", "organization", "Trump")
    assert not names_match("Mark Kelly", "person", "Scott Kelly") and names_match("Smith", "other", "Jane Smith")
    assert names_match("Republicans", "group", "republicans") and not names_match("", "person", "Trump")


def test_merged_and_pickled_corpora_give_the_same_tables(samples_corpus):
    import pickle

    docs = samples_corpus.documents
    parts = [Corpus(docs[:5]), Corpus(docs[5:6], keep_documents=False), Corpus(docs[6:])]
    merged = Corpus.merge(pickle.loads(pickle.dumps(p)) for p in parts)
    assert_same_corpus(merged, samples_corpus, by="outlet", similar_by="story_id")
    with pytest.raises(ValueError, match="keep_documents=False"):
        merged[0]  # one part did not keep its documents
    assert len(Corpus.merge([Corpus(docs[:2]), Corpus(docs[2:4])]).documents) == 4
    with pytest.raises(ValueError, match="counts terms with"):
        Corpus.merge([Corpus(docs[:2]), Corpus(docs[2:4], stopwords=False)])
    with pytest.raises(ValueError, match="targets"):
        Corpus.merge([Corpus(docs[:2], targets=["Trump"]), Corpus(docs[2:4])])
    assert len(Corpus.merge([])) == 0
    # A pickled term-count matrix comes back whole; a damaged one is refused with the reason.
    counts = samples_corpus.term_counts()
    back = pickle.loads(pickle.dumps(counts))
    assert back.terms == counts.terms and np.array_equal(back.row_start, counts.row_start)
    state = counts.__getstate__()
    with pytest.raises(ValueError, match="not strictly sorted"):
        type(counts).__new__(type(counts)).__setstate__((list(reversed(state[0])),) + tuple(state[1:]))


def test_documents_frame_is_one_row_per_document(samples_corpus):
    frame = samples_corpus.documents_frame()
    assert len(frame) == len(samples_corpus) and list(frame["doc"]) == list(range(len(samples_corpus)))
    assert list(frame.columns[:2]) == ["doc", "doc_id"] and "outlet" in frame.columns
    for i, d in enumerate(samples_corpus):
        row = frame.iloc[i]
        labels = [s.sentiment.label for s in d.sentences]
        assert row["outlet"] == d.metadata["outlet"] and row["tokens"] == len(d.tokens)
        assert row["compound"] == d.sentiment.compound and row["sentences"] == len(labels)
        assert row["positive"] == pytest.approx(labels.count("positive") / len(labels))
        assert row["quotes"] == len(d.quotes)
    # The tone table is these rows grouped.
    tone = samples_corpus.tone("outlet").set_index("outlet")
    for outlet, part in frame.groupby("outlet"):
        assert tone.loc[outlet, "compound"] == pytest.approx(part["compound"].mean())
        assert tone.loc[outlet, "quotes"] == part["quotes"].sum()
    lean = Corpus(samples_corpus.documents[:3], keep_documents=False)
    pd.testing.assert_frame_equal(lean.documents_frame(), frame.iloc[:3])
    assert list(Corpus([]).documents_frame().columns)[0] == "doc"
