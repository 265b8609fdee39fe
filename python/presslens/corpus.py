"""Comparing outlets (or any groups of documents): who gets quoted and how much, in what tone, with
which words, and how alike the groups' vocabularies are.

>>> import presslens
>>> docs = [presslens.analyze("“The wall works,” Trump said.", outlet="fox"),
...         presslens.analyze("Asylum seekers wait at the border, officials said.", outlet="nyt")]
>>> corpus = presslens.Corpus(docs)
>>> print(corpus.share_of_voice("outlet")[["outlet", "speaker", "quotes", "words"]])
  outlet    speaker  quotes  words
0    fox      Trump       1      3
1    nyt  officials       1      6

A :class:`Corpus` keeps a summary of each analysed :class:`~presslens.Document` (and, unless told
not to, the document); the grouping comes from their metadata (``by="outlet"``) or from a list of
labels, one per document. Term counts are made in C++ from the tokens the documents already have
(case-folded words, English function words left out) as documents are added. The statistics are
described in ``docs/corpus.md``.
"""
from __future__ import annotations

import html
import math
import re
from array import array
from typing import TYPE_CHECKING, Any, Dict, Hashable, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .analyzer import Analyzer
    from .document import Document

#: A metadata key, or one group label per document.
GroupBy = Union[str, Sequence[Hashable]]

TOWARD_COLUMNS = ["documents", "mentions", "score", "positive", "negative", "label"]
TONE_COLUMNS = ["documents", "sentences", "compound", "positive", "negative", "quotes", "quote_compound"]
VOICE_COLUMNS = ["speaker", "speaker_kind", "documents", "quotes", "words", "share", "quote_compound"]
#: The most documents :meth:`Corpus.similarity` compares pairwise (a table of this size squared).
MAX_SIMILARITY_DOCUMENTS = 20_000
WORD_COLUMNS = ["rank", "term", "count", "rest_count", "per_1000", "rest_per_1000", "log_odds", "z"]


_MIDDLE_INITIAL = re.compile(r"(?<=\S) (?:[A-Z]\. )+(?=\S)")


def _without_middle_initials(name: str) -> str:
    return _MIDDLE_INITIAL.sub(" ", name)


def speaker_names(names: Iterable[Tuple[str, str]]) -> Dict[Tuple[str, str], str]:
    """How :meth:`Corpus.share_of_voice` names speakers across documents: (name, kind) -> the name used.

    Documents name the same person differently ("Donald J. Trump", "Donald Trump", and "Trump" in
    an article that never gives the first name). For people: middle initials are dropped, and a
    one-word name becomes the one full name of the corpus that ends with it, if there is exactly
    one ("Trump" -> "Donald Trump"; with "Mark Kelly" and "Scott Kelly" both present, "Kelly" is
    left as it is). Other kinds of speaker keep their names.
    """
    names = list(dict.fromkeys(names))
    full: Dict[str, set] = {}
    for name, kind in names:
        if kind == "person":
            plain = _without_middle_initials(name)
            if " " in plain:
                full.setdefault(plain.rsplit(" ", 1)[1], set()).add(plain)
    out: Dict[Tuple[str, str], str] = {}
    for name, kind in names:
        if kind != "person":
            out[(name, kind)] = name
            continue
        plain = _without_middle_initials(name)
        candidates = full.get(plain, set()) if " " not in plain else set()
        out[(name, kind)] = next(iter(candidates)) if len(candidates) == 1 else plain
    return out


def names_match(name: str, kind: str, target: str) -> bool:
    """Whether an entity (``name``, ``kind``) is the ``target`` of :meth:`Corpus.tone_toward`: the
    same name ignoring case and middle initials, or, for a person (or an entity of kind "other"),
    the same surname when either side is a surname alone ("Trump" and "Donald J. Trump")."""
    return _words_match(_name_words(name), kind, _name_words(target))


def _name_words(name: str) -> List[str]:
    return _without_middle_initials(name).casefold().split()


def _words_match(a: List[str], kind: str, b: List[str]) -> bool:
    """:func:`names_match` on names already split by :func:`_name_words`."""
    if not a or not b:
        return False
    if a == b:
        return True
    # ("other": a name the mention stage could not type, such as a surname alone at a sentence start)
    return kind in ("person", "other") and (len(a) == 1 or len(b) == 1) and a[-1] == b[-1]


def _check_target(target: Any) -> None:
    if not isinstance(target, str) or not target.strip():
        raise ValueError(f"tone_toward: the target must be a non-empty name, not {target!r}")


def _toward_in_document(doc: "Document", target: str, entities: Optional[Sequence[Any]] = None
                        ) -> Tuple[int, float, int, int]:
    """(mentions, sum of scores, positive, negative) of the target-dependent sentiment toward the
    mentions of ``target`` in one document (``entities``: the document's, when already fetched)."""
    words = _name_words(target)
    spans = [t for e in (doc.entities if entities is None else entities)
             if _words_match(_name_words(e.name), e.kind, words) for t in doc.tone_toward(e)["spans"]]
    return (len(spans), sum(t.score for t in spans), sum(t.label == "positive" for t in spans),
            sum(t.label == "negative" for t in spans))


class Corpus:
    """Analysed documents, compared by a metadata field (outlet, event, date...) or by labels.

    ``stopwords``, ``numbers`` and ``min_chars`` say which word tokens count as terms (see
    :meth:`term_counts`); ``threads`` is used to count them (default: all cores).

    A corpus keeps what its statistics need of each document: its metadata, tone, quotes (speaker,
    length, sentiment) and term counts. With ``keep_documents=False`` it keeps nothing else, so a
    corpus of millions of articles fits in memory (see :meth:`from_texts`); then ``corpus[i]`` and
    :attr:`documents` are not available, and :meth:`tone_toward` only for the names given as
    ``targets`` (summarised as documents are added).
    """

    def __init__(
        self,
        documents: Iterable["Document"] = (),
        *,
        stopwords: bool = True,
        numbers: bool = False,
        min_chars: int = 2,
        threads: Optional[int] = None,
        keep_documents: bool = True,
        targets: Sequence[str] = (),
    ) -> None:
        if min_chars < 1:
            raise ValueError(f"Corpus: min_chars must be >= 1, not {min_chars}")
        self._term_options = {"stopwords": bool(stopwords), "numbers": bool(numbers), "min_chars": int(min_chars)}
        self._threads = threads
        self._docs: Optional[List["Document"]] = [] if keep_documents else None
        self._metadata: List[Dict[str, Any]] = []
        # Per document, in flat arrays (a few dozen bytes a document, however many there are): the
        # document compound score, its sentences, positive and negative sentences, tokens, quotes
        # (attributed or not), and the sum and number of its quotes' sentiment scores.
        self._compound = array("d")
        self._sentences, self._positive, self._negative = array("q"), array("q"), array("q")
        self._tokens, self._quote_count = array("q"), array("q")
        self._quote_sum, self._quote_scored = array("d"), array("q")
        # Per attributed quote: its document, speaker (its code in _speaker_code), words and sentiment
        # (NaN without the sentiment stage).
        self._speaker_code: Dict[Tuple[str, str], int] = {}  # (name, kind) -> code, in order of first quote
        self._q_doc, self._q_speaker, self._q_words, self._q_sentiment = array("q"), array("q"), array("q"), array("d")
        self._term_parts: List[_core.TermCounts] = []  # one per add(), joined on demand
        # tone_toward for the targets named up front, summarised per document as documents are
        # added (so it works without keeping them): mentions, score sum, positive, negative.
        for target in targets:
            _check_target(target)
        self._toward: Dict[str, Tuple[array, array, array, array]] = {
            t: (array("q"), array("d"), array("q"), array("q")) for t in targets}
        self.add(documents)

    def add(self, documents: Iterable["Document"]) -> None:
        """Adds analysed documents (their term counts are made at once, on all cores: add many at a time)."""
        from .document import Document
        from .quotes import _quote_sentiments
        from .sentiment import _threads

        docs = list(documents)
        first = len(self._metadata)
        for i, d in enumerate(docs):
            if not isinstance(d, Document):
                raise TypeError(f"Corpus: item {first + i} is a {type(d).__name__}, not an analysed presslens.Document")
        if not docs:
            return
        rows_per_doc = [d.quote_rows() for d in docs]
        scores = _quote_sentiments([r["text"] for rows in rows_per_doc for r in rows])
        scores_iter = iter(scores) if scores is not None else None
        for k, (d, rows) in enumerate(zip(docs, rows_per_doc)):
            overall, sentences = d._sentiment_core()  # (what d.sentiment reads: one call, not two)
            compound = sentences["compound"]  # a NumPy array, one score per sentence
            self._metadata.append(d.metadata)
            self._compound.append(overall[3])  # (neg, neu, pos, compound, ...)
            self._sentences.append(len(compound))
            # The labels' thresholds (SentimentScores.label): >= 0.05 positive, <= -0.05 negative.
            self._positive.append(int((compound >= 0.05).sum()))
            self._negative.append(int((compound <= -0.05).sum()))
            self._tokens.append(len(d.tokens))
            self._quote_count.append(len(rows))
            total, scored = 0.0, 0
            for r in rows:
                score = next(scores_iter) if scores_iter is not None else None
                if score is not None:
                    total += score
                    scored += 1
                if r["speaker"] is not None:
                    code = self._speaker_code.setdefault((r["speaker"], r["speaker_kind"]), len(self._speaker_code))
                    self._q_doc.append(first + k)
                    self._q_speaker.append(code)
                    self._q_words.append(r["words"])
                    self._q_sentiment.append(math.nan if score is None else score)
            self._quote_sum.append(total)
            self._quote_scored.append(scored)
            entities = d.entities if self._toward else ()  # (fetched once for all the targets)
            for target, columns in self._toward.items():
                for column, value in zip(columns, _toward_in_document(d, target, entities)):
                    column.append(value)
        self._term_parts.append(
            _core.TermCounts.count([d._core for d in docs], threads=_threads(self._threads), **self._term_options)
        )
        if len(self._term_parts) >= 8:  # each part holds its own vocabulary: join them now and then
            self._term_parts = [_core.TermCounts.concat(self._term_parts)]
        if self._docs is not None:
            self._docs.extend(docs)

    @classmethod
    def merge(cls, corpora: Iterable["Corpus"]) -> "Corpus":
        """One corpus of the documents of several, in order: what building one corpus of all their
        documents would give (tested). For map-reduce: workers summarise their share of a
        collection (a lean corpus pickles as its summaries), one process merges them. The corpora
        must count terms alike and name the same ``targets``; the documents are kept if every
        part keeps them."""
        parts = list(corpora)
        if not parts:
            return cls()
        first = parts[0]
        for i, p in enumerate(parts):
            if not isinstance(p, Corpus):
                raise TypeError(f"Corpus.merge: item {i} is a {type(p).__name__}, not a Corpus")
            if p._term_options != first._term_options:
                raise ValueError(f"Corpus.merge: corpus {i} counts terms with {p._term_options}, "
                                 f"corpus 0 with {first._term_options}")
            if set(p._toward) != set(first._toward):
                raise ValueError(f"Corpus.merge: corpus {i} has targets {sorted(p._toward)}, "
                                 f"corpus 0 {sorted(first._toward)}")
        merged = cls(threads=first._threads, keep_documents=all(p._docs is not None for p in parts),
                     targets=list(first._toward), **first._term_options)
        for p in parts:
            offset = len(merged)
            merged._metadata.extend(p._metadata)
            for name in ("_compound", "_sentences", "_positive", "_negative", "_tokens", "_quote_count",
                         "_quote_sum", "_quote_scored", "_q_words", "_q_sentiment"):
                getattr(merged, name).extend(getattr(p, name))
            merged._q_doc.extend(doc + offset for doc in p._q_doc)
            codes = [merged._speaker_code.setdefault(key, len(merged._speaker_code)) for key in p._speaker_code]
            merged._q_speaker.extend(codes[c] for c in p._q_speaker)
            for target, columns in merged._toward.items():
                for column, more in zip(columns, p._toward[target]):
                    column.extend(more)
            merged._term_parts.extend(p._term_parts)  # (joined once, below)
            if merged._docs is not None:
                merged._docs.extend(p._docs or ())
        merged._term_parts = [_core.TermCounts.concat(merged._term_parts)]
        return merged

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str],
        metadata: Optional[Iterable[Dict[str, Any]]] = None,
        *,
        analyzer: Optional["Analyzer"] = None,
        threads: Optional[int] = None,
        batch_size: int = 1000,
        progress: bool = False,
        keep_documents: bool = True,
        targets: Sequence[str] = (),
        **term_options: Any,
    ) -> "Corpus":
        """Analyses ``texts`` (with ``analyzer``, default: the default analyzer) ``batch_size`` at a
        time and builds a corpus of them; ``metadata`` is one dict per text (outlet, date...).
        Both may be iterators (read lazily); with ``keep_documents=False`` each batch of documents
        is dropped once summarised, so memory holds only the summaries."""
        from .analyzer import default_analyzer

        a = analyzer if analyzer is not None else default_analyzer()
        corpus = cls(threads=threads, keep_documents=keep_documents, targets=targets, **term_options)
        batch: List["Document"] = []
        for doc in a.iter_analyze(texts, threads=threads, batch_size=batch_size, progress=progress,
                                  metadata=metadata):  # type: ignore[arg-type]
            batch.append(doc)
            if len(batch) >= batch_size:
                corpus.add(batch)
                batch = []
        corpus.add(batch)
        return corpus

    # ---- the documents ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._metadata)

    def _kept(self) -> List["Document"]:
        if self._docs is None:
            raise ValueError("this corpus does not keep its documents (it was made with keep_documents=False)")
        return self._docs

    def __iter__(self) -> Iterator["Document"]:
        return iter(self._kept())

    def __getitem__(self, i: int) -> "Document":
        return self._kept()[i]

    @property
    def documents(self) -> List["Document"]:
        """The documents, in the order added (``ValueError`` if the corpus does not keep them)."""
        return list(self._kept())

    @property
    def metadata(self) -> List[Dict[str, Any]]:
        """Each document's metadata, in the order added."""
        return list(self._metadata)

    def groups(self, by: GroupBy) -> List[Hashable]:
        """The group label of each document: its metadata value ``by`` (a str), or ``by`` itself when it
        is a sequence of labels. ``KeyError`` names the first document without that metadata key;
        ``ValueError`` if a list of labels does not have one per document."""
        if isinstance(by, str):
            labels = []
            for i, meta in enumerate(self._metadata):
                if by not in meta:
                    known = ", ".join(sorted(map(str, meta))) or "none"
                    raise KeyError(f"document {i} has no metadata {by!r} (its keys: {known})")
                value = meta[by]
                labels.append(value if isinstance(value, Hashable) else str(value))
            return labels
        labels = list(by)
        if len(labels) != len(self._metadata):
            raise ValueError(f"{len(labels)} group labels for {len(self._metadata)} documents")
        return labels

    def documents_frame(self) -> "pd.DataFrame":
        """One row per document, from the corpus's summaries (so also for ``keep_documents=False``):
        ``doc`` (its position), its metadata (a key named like a column becomes ``doc_<key>``),
        tokens, sentences, compound, positive / negative (shares of its sentences), quotes and
        quote_compound (the mean compound of its quotes)."""
        import pandas as pd

        from .quotes import metadata_columns

        own = ["doc", "tokens", "sentences", "compound", "positive", "negative", "quotes", "quote_compound"]
        rows = []
        for i, meta in enumerate(self._metadata):
            n, scored = self._sentences[i], self._quote_scored[i]
            rows.append({**metadata_columns(meta, own), "doc": i, "tokens": self._tokens[i], "sentences": n,
                         "compound": self._compound[i], "positive": self._positive[i] / n if n else 0.0,
                         "negative": self._negative[i] / n if n else 0.0, "quotes": self._quote_count[i],
                         "quote_compound": self._quote_sum[i] / scored if scored else None})
        frame = pd.DataFrame(rows)
        if frame.empty:
            return pd.DataFrame(columns=own)
        return frame[["doc", *[c for c in frame.columns if c not in own], *own[1:]]]

    def _group_index(self, by: GroupBy) -> Tuple[str, List[Hashable], List[int]]:
        """The group column's name, the distinct labels (in order of first appearance) and each
        document's group number."""
        labels = self.groups(by)
        order: Dict[Hashable, int] = {}
        index = [order.setdefault(label, len(order)) for label in labels]
        return (by if isinstance(by, str) else "group"), list(order), index

    # ---- terms --------------------------------------------------------------------------------

    def term_counts(self) -> _core.TermCounts:
        """Term counts of the documents: a sparse documents x terms matrix.

        Terms are the documents' word tokens, case-folded, curly apostrophes made straight, without
        clitics ("'s", "n't"), terms shorter than ``min_chars`` and, with ``stopwords``, English
        function words ("the", "of", "would"); number tokens only with ``numbers``. Its
        ``row_start``, ``term_ids`` and ``counts`` are NumPy arrays in compressed-row form
        (``scipy.sparse.csr_matrix((counts, term_ids, row_start))`` makes a SciPy matrix of them).
        """
        if len(self._term_parts) != 1:  # batches added one by one (or none): one matrix from then on
            self._term_parts = [_core.TermCounts.concat(self._term_parts)]
        return self._term_parts[0]

    def distinctive_words(
        self, by: GroupBy, *, top: int = 20, prior: float = 500.0, min_count: float = 5.0
    ) -> "pd.DataFrame":
        """The words each group uses more than the others, most distinctive first: a DataFrame with the
        group column, then rank, term, count (in the group), rest_count (in all other groups),
        per_1000 / rest_per_1000 (per 1,000 counted words), log_odds and z.

        The score is the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
        Quinn 2008): ``prior`` pseudo-words spread like the whole corpus keep rare words from
        topping the list; z is the log-odds ratio over its standard deviation. Only words with at
        least ``min_count`` occurrences in the corpus are ranked. Needs at least two groups.
        """
        import pandas as pd

        name, labels, index = self._group_index(by)
        if len(labels) < 2:
            raise ValueError(f"distinctive_words needs at least two groups of {name!r}; found {len(labels)}")
        grouped = self.term_counts().sum_rows(index, len(labels))
        totals = grouped.row_totals()
        all_words = float(totals.sum())
        found = _core.distinctive_terms(grouped, prior=prior, top=top, min_count=min_count)
        rows = []
        for g, terms in enumerate(found):
            rest_total = all_words - totals[g]
            for rank, (term, count, rest, log_odds, z) in enumerate(terms, 1):
                rows.append({name: labels[g], "rank": rank, "term": term, "count": int(count), "rest_count": int(rest),
                             "per_1000": 1000.0 * count / totals[g] if totals[g] else 0.0,
                             "rest_per_1000": 1000.0 * rest / rest_total if rest_total else 0.0,
                             "log_odds": log_odds, "z": z})
        return pd.DataFrame(rows, columns=[name, *WORD_COLUMNS])

    def similarity(self, by: Optional[GroupBy] = None, *, tfidf: bool = True) -> "pd.DataFrame":
        """Cosine similarity of the groups' vocabularies (or of the documents, with ``by=None``): a
        square DataFrame labelled by group. Term counts are weighted by their inverse document
        frequency over the corpus's documents (``tfidf=False``: raw counts), so words every
        document has count little. 1 means the same words in the same proportions, 0 no word in
        common."""
        import pandas as pd

        counts = self.term_counts()
        weights = _core.inverse_document_frequency(counts) if tfidf else None
        if by is None:
            if len(self) > MAX_SIMILARITY_DOCUMENTS:
                raise ValueError(f"similarity() of {len(self):,} documents would be a {len(self):,} x {len(self):,} "
                                 f"table (over {MAX_SIMILARITY_DOCUMENTS:,} documents); compare groups with by=")
            labels: List[Hashable] = list(range(len(self)))
            rows = counts
        else:
            _, labels, index = self._group_index(by)
            rows = counts.sum_rows(index, len(labels))
        matrix = _core.cosine_similarity(rows, weights)
        return pd.DataFrame(matrix, index=pd.Index(labels), columns=pd.Index(labels))

    # ---- quotes and tone ----------------------------------------------------------------------

    def share_of_voice(self, by: GroupBy, *, top: Optional[int] = None) -> "pd.DataFrame":
        """Who gets quoted in each group, and how much: one row per group and speaker, with the
        number of documents quoting them, quotes, quoted words, share (of all quoted words of the
        group that have a speaker) and quote_compound (the mean compound sentiment of their
        quotes). Speakers are matched across documents by name and kind, after the merging of
        :func:`speaker_names` ("Donald J. Trump" and "Trump" count as "Donald Trump"). Groups in
        order of first appearance, most quoted words first within each; ``top`` keeps that many
        speakers per group."""
        import pandas as pd

        name = by if isinstance(by, str) else "group"
        return pd.DataFrame(self.share_of_voice_rows(by, top=top), columns=[name, *VOICE_COLUMNS])

    def share_of_voice_rows(self, by: GroupBy, *, top: Optional[int] = None) -> List[Dict[str, Any]]:
        """The rows of :meth:`share_of_voice` as plain dicts (no pandas needed)."""
        name, labels, index = self._group_index(by)
        speakers = list(self._speaker_code)  # (name, kind) by code
        merged = speaker_names(speakers)
        table: Dict[Tuple[int, str, str], Dict[str, Any]] = {}
        for doc, code, words, sentiment in zip(self._q_doc, self._q_speaker, self._q_words, self._q_sentiment):
            speaker, kind = speakers[code]
            g = index[doc]
            e = table.setdefault((g, merged[(speaker, kind)], kind), {"docs": set(), "quotes": 0, "words": 0, "sentiment": []})
            e["docs"].add(doc)
            e["quotes"] += 1
            e["words"] += words
            if not math.isnan(sentiment):
                e["sentiment"].append(sentiment)
        group_words = [0] * len(labels)
        for (g, _, _), e in table.items():
            group_words[g] += e["words"]
        per_group: List[List[Dict[str, Any]]] = [[] for _ in labels]
        for (g, speaker, kind), e in table.items():
            s = e["sentiment"]
            per_group[g].append({name: labels[g], "speaker": speaker, "speaker_kind": kind, "documents": len(e["docs"]),
                                 "quotes": e["quotes"], "words": e["words"],
                                 "share": e["words"] / group_words[g] if group_words[g] else 0.0,
                                 "quote_compound": sum(s) / len(s) if s else None})
        rows: List[Dict[str, Any]] = []
        for group_rows in per_group:
            group_rows.sort(key=lambda r: (-r["words"], -r["quotes"]))  # stable: ties keep first-quoted order
            rows.extend(group_rows if top is None else group_rows[:top])
        return rows

    def tone(self, by: GroupBy) -> "pd.DataFrame":
        """The tone of each group: documents, sentences, compound (the mean document compound score),
        positive / negative (the share of sentences labelled so), quotes and quote_compound (the
        mean compound score of the group's quotes)."""
        import pandas as pd

        import numpy as np

        name, labels, index = self._group_index(by)
        groups = np.asarray(index, dtype=np.intp)

        def per_group(values: array) -> List[Any]:
            # Sums per group over the summary arrays (NumPy adds in document order, as a loop would).
            sums = np.bincount(groups, weights=np.frombuffer(values, dtype=np.dtype(values.typecode)),
                               minlength=len(labels))
            return sums.tolist() if values.typecode == "d" else [int(x) for x in sums]

        documents = np.bincount(groups, minlength=len(labels)).tolist()
        compound, sentences = per_group(self._compound), per_group(self._sentences)
        positive, negative = per_group(self._positive), per_group(self._negative)
        quotes, quote_sum, quote_scored = per_group(self._quote_count), per_group(self._quote_sum), per_group(self._quote_scored)
        rows = []
        for g, label in enumerate(labels):
            n = sentences[g]
            rows.append({name: label, "documents": documents[g], "sentences": n,
                         "compound": compound[g] / documents[g],
                         "positive": positive[g] / n if n else 0.0, "negative": negative[g] / n if n else 0.0,
                         "quotes": quotes[g],
                         "quote_compound": quote_sum[g] / quote_scored[g] if quote_scored[g] else None})
        return pd.DataFrame(rows, columns=[name, *TONE_COLUMNS])

    def tone_toward(self, target: str, by: GroupBy) -> "pd.DataFrame":
        """How each group writes about ``target`` (a person, organization or group, by name): one row
        per group with the documents that mention it, its mentions, score (the mean target-dependent
        sentiment of the sentences around its mentions, see :meth:`Document.target_sentiment`),
        positive / negative (the share of mentions so labelled) and label (of the mean, at ±0.05).

        Mentions are those of the document's entities that :func:`names_match` the target, pronouns
        resolved to them included ("he" after "Donald Trump"). Needs the documents (``ValueError``
        for a corpus made with ``keep_documents=False``) unless the target was among the
        ``targets`` the corpus was made with.
        """
        import pandas as pd

        from .sentiment import _label

        _check_target(target)
        name, labels, index = self._group_index(by)
        if target in self._toward:
            per_doc: Iterable[Tuple[int, float, int, int]] = zip(*self._toward[target])
        else:
            per_doc = (_toward_in_document(d, target) for d in self._kept())
        acc = [{"documents": 0, "mentions": 0, "sum": 0.0, "positive": 0, "negative": 0} for _ in labels]
        for (mentions, total, positive, negative), g in zip(per_doc, index):
            if not mentions:
                continue
            a = acc[g]
            a["documents"] += 1
            a["mentions"] += mentions
            a["sum"] += total
            a["positive"] += positive
            a["negative"] += negative
        rows = []
        for g, a in enumerate(acc):
            n = a["mentions"]
            score = a["sum"] / n if n else None
            rows.append({name: labels[g], "documents": a["documents"], "mentions": n, "score": score,
                         "positive": a["positive"] / n if n else None, "negative": a["negative"] / n if n else None,
                         "label": _label(score) if n else None})
        return pd.DataFrame(rows, columns=[name, *TOWARD_COLUMNS])

    # ---- display --------------------------------------------------------------------------------

    def __repr__(self) -> str:
        keys = sorted({str(k) for meta in self._metadata for k in meta})
        shown = ", ".join(keys[:6]) + (", ..." if len(keys) > 6 else "")
        return f"<presslens.Corpus of {len(self)} documents; metadata: {shown or 'none'}>"

    def _repr_html_(self) -> str:
        tokens = sum(self._tokens)
        keys = sorted({str(k) for meta in self._metadata for k in meta})
        return (f"<div><b>presslens.Corpus</b>: {len(self)} documents, {tokens:,} tokens"
                f"<br/>metadata: {html.escape(', '.join(keys)) or 'none'}</div>")
