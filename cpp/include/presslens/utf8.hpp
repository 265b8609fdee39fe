// UTF-8 helpers and the byte -> code point offset index.
//
// Inside the core every offset is a UTF-8 byte offset into the document text. Python sees code
// point offsets (Python string indices); CodepointIndex converts in O(1) amortised per lookup
// without storing one entry per byte.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace presslens {

// Decodes the code point at byte offset `i` of `s` and advances `i`. Malformed sequences decode
// as U+FFFD and advance by one byte (the core only ever sees validated text, but never trusts it).
char32_t decode_utf8(std::string_view s, std::size_t& i) noexcept;

// Returns the byte offset of the first malformed UTF-8 sequence, or npos if `s` is valid.
std::size_t find_invalid_utf8(std::string_view s) noexcept;

// The number of code points of valid UTF-8 (bytes that do not continue a sequence).
inline std::size_t count_codepoints(std::string_view s) noexcept {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// Maps byte offsets of one text to code point offsets. Immutable after construction.
class CodepointIndex {
 public:
  CodepointIndex() = default;
  explicit CodepointIndex(std::string_view text);

  // Code point offset of byte offset `byte` (which must be at a code point boundary or the end).
  std::uint32_t to_codepoint(std::uint32_t byte) const noexcept;
  // Byte offset of code point offset `cp` (clamped to the end).
  std::uint32_t to_byte(std::uint32_t cp) const noexcept;
  std::uint32_t codepoint_size() const noexcept { return total_codepoints_; }

 private:
  static constexpr std::uint32_t kBlock = 64;  // bytes per checkpoint
  std::string_view text_;
  std::vector<std::uint32_t> block_start_cp_;  // code point offset at the start of each block
  std::uint32_t total_codepoints_ = 0;
};

// Simple full case folding + NFKC of a piece of text (ICU), as used for Token::norm.
std::string normalize_token(std::string_view text);

// Lower-cases ASCII letters and folds non-ASCII text with ICU; cheaper than normalize_token and
// enough for lexicon lookups.
std::string fold_case(std::string_view text);

// Appends the look-up form of a word to `out`: fold_case, with the curly apostrophe ’ (U+2019)
// made straight, so "Trump’s" and "TRUMP'S" fold alike (the sentiment lexicon's keys and the
// corpus stage's terms). ASCII text costs no allocation.
void append_folded_word(std::string_view text, std::string& out);

}  // namespace presslens
