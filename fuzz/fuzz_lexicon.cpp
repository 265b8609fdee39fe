// Fuzz target: lexicon files. Arbitrary bytes either parse or raise ParseError naming a line;
// a parsed lexicon builds a scorer that scores its own words.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_common.hpp"
#include "presslens/errors.hpp"
#include "presslens/sentiment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  presslens::Lexicon lexicon;
  try {
    lexicon = presslens::Lexicon::parse(text, "fuzz.txt");
  } catch (const presslens::ParseError& e) {
    FUZZ_CHECK(e.file() == "fuzz.txt" && e.line() >= 1);
    return 0;
  }  // (any other exception escapes: a crash for the fuzzer)
  if (lexicon.size() > 64) return 0;  // (building a scorer is the slow part: keep inputs small)
  const presslens::SentimentScorer scorer(presslens::SentimentOptions{},
                                          std::make_shared<const presslens::Lexicon>(std::move(lexicon)));
  for (const auto& [word, valence] : scorer.lexicon().items()) {
    if (!presslens::fuzz::valid_utf8(word)) continue;
    const auto s = scorer.polarity_scores(word);
    FUZZ_CHECK(presslens::fuzz::finite_in(s.compound, -1.0, 1.0));
  }
  return 0;
}
