// The analysed document and the analyzer that makes it: the whole pipeline
// text -> segment -> mentions -> quotes -> sentiment.
//
// A Document owns its text; every span in it is a pair of byte offsets into that text. The
// Analyzer is immutable after construction and safe to share between threads.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "presslens/mentions.hpp"
#include "presslens/quotes.hpp"
#include "presslens/segmenter.hpp"
#include "presslens/sentiment.hpp"
#include "presslens/utf8.hpp"

namespace presslens {

struct Document {
  std::string text;
  CodepointIndex index;  // byte -> code point offsets of `text`
  Segmentation segmentation;
  MentionResult mentions;
  std::vector<Quote> quotes;
  DocumentSentiment sentiment;

  Document() = default;
  Document(const Document&) = delete;  // `index` views `text`: a Document does not move or copy
  Document& operator=(const Document&) = delete;
};

// The default-constructed stage T (Segmenter, MentionFinder, QuoteFinder, SentimentScorer), built
// on first use and shared by the whole process: the stages are immutable and thread-safe, so every
// default Analyzer and every binding that needs a default stage uses this one instance.
template <typename T>
const std::shared_ptr<const T>& shared_default() {
  static const std::shared_ptr<const T> instance = std::make_shared<const T>();
  return instance;
}

struct AnalyzerOptions {
  bool mentions = true;
  bool quotes = true;
  bool sentiment = true;
};

class Analyzer {
 public:
  // Null stages mean the defaults, built once per process and shared by every Analyzer.
  explicit Analyzer(AnalyzerOptions options = {});
  Analyzer(AnalyzerOptions options, std::shared_ptr<const Segmenter> segmenter,
           std::shared_ptr<const SentimentScorer> sentiment);

  // Analyses `text` (must be valid UTF-8, else InvalidInput naming the byte offset).
  std::shared_ptr<const Document> analyze(std::string text) const;

  const AnalyzerOptions& options() const { return options_; }
  const Segmenter& segmenter() const { return *segmenter_; }
  const SentimentScorer& sentiment_scorer() const { return *sentiment_; }

 private:
  AnalyzerOptions options_;
  std::shared_ptr<const Segmenter> segmenter_;
  std::shared_ptr<const MentionFinder> mention_finder_;
  std::shared_ptr<const QuoteFinder> quote_finder_;
  std::shared_ptr<const SentimentScorer> sentiment_;
};

}  // namespace presslens
