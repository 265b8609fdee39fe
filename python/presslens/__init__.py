"""presslens: fast analysis of news articles.

How is the text built (tokens, sentences, paragraphs, headings), who said what (quotes and
speakers) and with what tone (sentiment) — a C++ core with a typed Python API.

>>> import presslens
>>> doc = presslens.analyze("“It works,” she said. The end.")
>>> [s.text for s in doc.sentences]
['“It works,” she said.', 'The end.']
"""
from __future__ import annotations

from . import _core, batch
from ._core import Paragraph, ParagraphList, Sentence, SentenceList, Token, TokenList
from .analyzer import Analyzer, analyze, analyze_many, default_analyzer
from .corpus import Corpus
from .document import Document
from .quotes import Entity, Mention, Quote, Span, quotes_frame
from .sentiment_explain import ExplainedSentence, ExplainedWord, SentimentExplanation
from .sentiment import (
    Lexicon,
    SentimentAnalyzer,
    SentimentScores,
    TargetSentiment,
    explain_sentiment,
    polarity_scores,
    polarity_scores_many,
    target_sentiment,
)

__version__: str = _core.__version__

__all__ = [
    "Analyzer",
    "Corpus",
    "Document",
    "Paragraph",
    "ParagraphList",
    "Sentence",
    "SentenceList",
    "Token",
    "TokenList",
    "analyze",
    "analyze_many",
    "default_analyzer",
    "Lexicon",
    "SentimentAnalyzer",
    "SentimentScores",
    "SentimentExplanation",
    "ExplainedSentence",
    "ExplainedWord",
    "TargetSentiment",
    "explain_sentiment",
    "polarity_scores",
    "polarity_scores_many",
    "target_sentiment",
    "Entity",
    "Mention",
    "Quote",
    "Span",
    "quotes_frame",
    "__version__",
]
