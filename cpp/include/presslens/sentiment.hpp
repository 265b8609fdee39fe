// Stage 4: tokens -> sentiment (lexicon and rules, VADER-class).
// (Placeholder interface; owned by the sentiment work.)
#pragma once
#include <string_view>
#include <vector>

#include "presslens/segmenter.hpp"

namespace presslens {

struct SentimentScores {
  double neg = 0.0, neu = 1.0, pos = 0.0, compound = 0.0;
};

struct DocumentSentiment {
  std::vector<SentimentScores> sentences;  // one per Segmentation::sentences entry
  SentimentScores overall;                 // aggregated from sentences
};

class SentimentScorer {
 public:
  SentimentScorer();
  DocumentSentiment score(std::string_view text, const Segmentation& seg) const;
};

}  // namespace presslens
