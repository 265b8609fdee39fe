// Tokens: the smallest spans of a document.
//
// Invariant (lossless segmentation): tokens are sorted, do not overlap, and every byte of the text
// that is not inside a token is white space (Unicode White_Space). So the tokens plus the white space
// between them rebuild the text exactly.
#pragma once
#include <cstdint>
#include <string_view>

namespace presslens {

enum class TokenKind : std::uint8_t {
  Word,
  Number,
  Punct,
  Quote,  // a quotation mark; see QuoteRole
  Emoji,
  Url,
  Email,
  Handle,   // @name
  Hashtag,  // #topic
  Symbol,   // currency or math symbols, control characters, anything else
};

enum class QuoteRole : std::uint8_t { None, Open, Close, Ambiguous };

// Bit flags computed once by the tokenizer so later stages need not re-read the text.
namespace token_flags {
constexpr std::uint8_t kAbbreviation = 1 << 0;   // ends with '.' that belongs to the word (U.S., Mr.)
constexpr std::uint8_t kCapitalized = 1 << 1;    // first letter is upper case
constexpr std::uint8_t kAllCaps = 1 << 2;        // has letters, all upper case (and > 1 letter)
constexpr std::uint8_t kLineStart = 1 << 3;      // first token on its line
constexpr std::uint8_t kClitic = 1 << 4;         // 's n't 're 've 'll 'd 'm split off a word
constexpr std::uint8_t kTerminal = 1 << 5;       // . ! ? … or a run of them
constexpr std::uint8_t kDash = 1 << 6;           // em/en dash or -- used as punctuation
constexpr std::uint8_t kInitial = 1 << 7;        // a single letter with a period: "J."
}  // namespace token_flags

struct Token {
  std::uint32_t start = 0;  // byte offset, inclusive
  std::uint32_t end = 0;    // byte offset, exclusive
  TokenKind kind = TokenKind::Word;
  QuoteRole quote_role = QuoteRole::None;
  bool space_after = false;
  std::uint8_t flags = 0;

  bool has(std::uint8_t flag) const noexcept { return (flags & flag) != 0; }
  std::string_view text(std::string_view doc_text) const noexcept {
    return doc_text.substr(start, end - start);
  }
};

const char* to_string(TokenKind kind) noexcept;
const char* to_string(QuoteRole role) noexcept;

}  // namespace presslens
