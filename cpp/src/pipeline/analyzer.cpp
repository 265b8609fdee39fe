// The pipeline: validate, segment, find mentions, quotes, sentiment.
#include <cstdio>
#include <limits>

#include "presslens/document.hpp"
#include "presslens/errors.hpp"

namespace presslens {

Analyzer::Analyzer(AnalyzerOptions options) : Analyzer(options, nullptr, nullptr) {}

Analyzer::Analyzer(AnalyzerOptions options, std::shared_ptr<const Segmenter> segmenter,
                   std::shared_ptr<const SentimentScorer> sentiment)
    : options_(options),
      segmenter_(segmenter ? std::move(segmenter) : shared_default<Segmenter>()),
      mention_finder_(shared_default<MentionFinder>()),
      quote_finder_(shared_default<QuoteFinder>()),
      sentiment_(sentiment ? std::move(sentiment) : shared_default<SentimentScorer>()) {}

std::shared_ptr<const Document> Analyzer::analyze(std::string text) const {
  // Offsets are 32-bit inside the core.
  if (text.size() >= std::numeric_limits<std::uint32_t>::max() / 2)
    throw InvalidInput("text is too large: " + std::to_string(text.size()) +
                       " bytes; presslens analyses documents below 2 GiB");
  const std::size_t bad = find_invalid_utf8(text);
  if (bad != std::string::npos) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "text is not valid UTF-8: byte 0x%02X at byte offset %zu",
                  static_cast<unsigned>(static_cast<unsigned char>(text[bad])), bad);
    throw InvalidInput(buf);
  }
  auto doc = std::make_shared<Document>();
  doc->text = std::move(text);
  doc->index = CodepointIndex(doc->text);
  doc->segmentation = segmenter_->segment(doc->text);
  if (options_.mentions || options_.quotes)
    doc->mentions = mention_finder_->find(doc->text, doc->segmentation);
  if (options_.quotes) doc->quotes = quote_finder_->find(doc->text, doc->segmentation, doc->mentions);
  doc->mentions.token_facts.reset();  // (only the quote stage needed them; a kept document need not hold them)
  if (options_.sentiment) doc->sentiment = sentiment_->score(doc->text, doc->segmentation);
  return doc;
}

}  // namespace presslens
