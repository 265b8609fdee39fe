// Stage 1: text -> tokens, sentences, paragraphs and headings.
//
// Sentences come from ICU's sentence BreakIterator, corrected by news rules: abbreviations and
// initials do not end a sentence unless the next word clearly starts one; a line break ends a
// sentence (headings, bullets) unless the next line continues it in lower case; "?"/"!" followed by
// a lower-case word do not end a sentence; numbered list markers stay with their item.
#pragma once
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "presslens/abbreviations.hpp"
#include "presslens/token.hpp"
#include "presslens/tokenizer.hpp"

namespace presslens {

struct Sentence {
  std::uint32_t start = 0, end = 0;          // bytes; trimmed, from first token to last token
  std::uint32_t token_begin = 0, token_end = 0;  // token index range [begin, end)
  std::uint32_t paragraph = 0;               // index of the paragraph holding it
};

struct Paragraph {
  std::uint32_t start = 0, end = 0;
  std::uint32_t sentence_begin = 0, sentence_end = 0;
  bool is_heading = false;
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
};

class Segmenter {
 public:
  Segmenter();  // English news defaults
  explicit Segmenter(std::shared_ptr<const Abbreviations> abbreviations);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Thread-safe: the segmenter is immutable; each call works on its own ICU iterator clone.
  Segmentation segment(std::string_view text) const;
  const Abbreviations& abbreviations() const { return *abbreviations_; }

 private:
  struct IcuState;
  std::shared_ptr<const Abbreviations> abbreviations_;
  Tokenizer tokenizer_;
  std::unique_ptr<IcuState> icu_;
};

}  // namespace presslens
