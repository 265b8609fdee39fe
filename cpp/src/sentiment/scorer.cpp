#include "presslens/sentiment.hpp"

namespace presslens {

SentimentScorer::SentimentScorer() = default;

DocumentSentiment SentimentScorer::score(std::string_view, const Segmentation& seg) const {
  DocumentSentiment out;
  out.sentences.resize(seg.sentences.size());
  return out;
}

}  // namespace presslens
