// Stage 3: sentences + mentions -> quotes attributed to speakers.
// (Placeholder interface; owned by the quotes/mentions work.)
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "presslens/mentions.hpp"
#include "presslens/segmenter.hpp"

namespace presslens {

enum class QuoteKind : std::uint8_t { Direct, Partial, Indirect, AccordingTo, Turn };

struct Quote {
  QuoteKind kind = QuoteKind::Direct;
  std::uint32_t start = 0, end = 0;          // content bytes, quote marks excluded
  std::int32_t speaker = -1;                 // entity index or -1
  std::int32_t speaker_mention = -1;         // mention index or -1
  std::uint32_t cue_start = 0, cue_end = 0;  // bytes; empty when there is no cue
  std::uint32_t sentence = 0, paragraph = 0;
  float confidence = 0.f;
};

class QuoteFinder {
 public:
  QuoteFinder();
  std::vector<Quote> find(std::string_view text, const Segmentation& seg,
                          const MentionResult& mentions) const;
};

}  // namespace presslens
