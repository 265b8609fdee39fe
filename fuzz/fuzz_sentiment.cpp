// Fuzz target: sentiment of arbitrary text. Invariants: scores are finite and in range in every
// mode; the ASCII fast path scores exactly like the tokenizer path (the reference); the batch
// overload matches single calls; explain() gives the same scores, with its sentences and words in
// order inside the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"
#include "presslens/sentiment.hpp"

namespace {

using presslens::SentimentOptions;
using presslens::SentimentScorer;
using presslens::SentimentScores;

void check_range(const SentimentScores& s) {
  using presslens::fuzz::finite_in;
  FUZZ_CHECK(finite_in(s.compound, -1.0, 1.0));
  FUZZ_CHECK(finite_in(s.pos, 0.0, 1.0) && finite_in(s.neu, 0.0, 1.0) && finite_in(s.neg, 0.0, 1.0));
}

const SentimentScorer& scorer(bool compat, bool fast) {
  auto make = [](bool c, bool f) {
    SentimentOptions o;
    o.vader_compat = c;
    o.fast_path = f;
    return o;
  };
  static const SentimentScorer fast_default(make(false, true)), token_default(make(false, false)),
      compat_scorer(make(true, true));
  return compat ? compat_scorer : (fast ? fast_default : token_default);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!presslens::fuzz::valid_utf8(text)) return 0;  // (the bindings hand the core valid UTF-8 only)
  const SentimentScores fast = scorer(false, true).polarity_scores(text);
  const SentimentScores tokens = scorer(false, false).polarity_scores(text);
  check_range(fast);
  FUZZ_CHECK(fast.compound == tokens.compound && fast.pos == tokens.pos && fast.neu == tokens.neu &&
             fast.neg == tokens.neg);
  check_range(scorer(true, true).polarity_scores(text));
  // The batch overload reuses its work buffers from text to text: the second text (the first
  // half, cut at a character boundary) must score as it does alone.
  std::size_t half = text.size() / 2;
  while (half > 0 && (static_cast<unsigned char>(text[half]) & 0xC0) == 0x80) --half;
  SentimentScores batch[2];
  const std::string_view texts[2] = {text, text.substr(0, half)};
  scorer(false, true).polarity_scores(texts, 2, batch);
  FUZZ_CHECK(batch[0].compound == fast.compound);
  FUZZ_CHECK(batch[1].compound == scorer(false, true).polarity_scores(texts[1]).compound);
  const presslens::SentimentExplanation e = scorer(false, true).explain(text);
  FUZZ_CHECK(e.overall.compound == fast.compound && e.overall.pos == fast.pos);
  std::uint32_t last = 0;
  for (const auto& s : e.sentences) {
    FUZZ_CHECK(s.start >= last && s.start < s.end && s.end <= text.size());
    last = s.end;
  }
  for (const auto& w : e.words)
    FUZZ_CHECK(w.sentence < e.sentences.size() && w.start >= e.sentences[w.sentence].start &&
               w.end <= e.sentences[w.sentence].end && w.start < w.end);
  return 0;
}
