// Stage 1a: text -> tokens. News-aware rules (abbreviations, clitics, numbers with separators and
// currency, URLs, e-mail, handles, hashtags, emoji sequences, quote marks with a role).
#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "presslens/abbreviations.hpp"
#include "presslens/token.hpp"

namespace presslens {

class Tokenizer {
 public:
  explicit Tokenizer(std::shared_ptr<const Abbreviations> abbreviations);
  // Tokenizes `text` (valid UTF-8). Linear time; thread-safe (const, no shared mutable state).
  std::vector<Token> tokenize(std::string_view text) const;
  // The same into `out` (cleared first), reusing its capacity: no allocation for a warm buffer.
  void tokenize_into(std::string_view text, std::vector<Token>& out) const;

 private:
  std::shared_ptr<const Abbreviations> abbreviations_;
};

}  // namespace presslens
