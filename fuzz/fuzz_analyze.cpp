// Fuzz target: the whole pipeline on arbitrary bytes. Invalid UTF-8 must raise InvalidInput;
// valid text must give tokens that are sorted, in bounds and non-overlapping, sentences that tile
// the tokens, spans of quotes and mentions inside the text, and finite sentiment.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "presslens/document.hpp"
#include "presslens/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const presslens::Analyzer analyzer;
  std::string text(reinterpret_cast<const char*>(data), size);
  const bool valid = presslens::fuzz::valid_utf8(text);
  std::shared_ptr<const presslens::Document> doc;
  try {
    doc = analyzer.analyze(text);
  } catch (const presslens::InvalidInput&) {
    FUZZ_CHECK(!valid);
    return 0;
  }
  FUZZ_CHECK(valid);
  const auto& toks = doc->segmentation.tokens;
  std::uint32_t prev_end = 0;
  for (const auto& t : toks) {
    FUZZ_CHECK(t.start >= prev_end && t.start < t.end && t.end <= doc->text.size());
    prev_end = t.end;
  }
  std::uint32_t next_token = 0;
  for (const auto& s : doc->segmentation.sentences) {
    FUZZ_CHECK(s.token_begin == next_token && s.token_end > s.token_begin && s.token_end <= toks.size());
    next_token = s.token_end;
  }
  FUZZ_CHECK(next_token == toks.size());
  for (const auto& q : doc->quotes) FUZZ_CHECK(q.start <= q.end && q.end <= doc->text.size());
  for (const auto& m : doc->mentions.mentions)
    FUZZ_CHECK(m.start < m.end && m.end <= doc->text.size() && m.modifier_begin <= m.token_begin);
  FUZZ_CHECK(doc->sentiment.sentences.size() == doc->segmentation.sentences.size());
  FUZZ_CHECK(presslens::fuzz::finite_in(doc->sentiment.overall.compound, -1.0, 1.0));
  return 0;
}
