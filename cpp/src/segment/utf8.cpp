#include "presslens/utf8.hpp"

#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

namespace presslens {

char32_t decode_utf8(std::string_view s, std::size_t& i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  UChar32 cp = 0;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), cp);
  i = static_cast<std::size_t>(pos);
  return cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp);
}

std::size_t find_invalid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    UChar32 cp = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(n), cp);
    if (cp < 0) return i;
    i = static_cast<std::size_t>(pos);
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, char32_t cp) {
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(cp), err);
  if (!err) out.append(buf, static_cast<std::size_t>(len));
}

CodepointIndex::CodepointIndex(std::string_view text) : text_(text) {
  const std::size_t blocks = text.size() / kBlock + 1;
  block_start_cp_.reserve(blocks);
  std::uint32_t count = 0;
  for (std::size_t b = 0; b < text.size(); ++b) {
    if (b % kBlock == 0) block_start_cp_.push_back(count);
    if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) ++count;
  }
  if (text.size() % kBlock == 0) block_start_cp_.push_back(count);
  total_codepoints_ = count;
}

std::uint32_t CodepointIndex::to_codepoint(std::uint32_t byte) const noexcept {
  if (byte >= text_.size()) return total_codepoints_;
  const std::uint32_t block = byte / kBlock;
  std::uint32_t count = block_start_cp_[block];
  for (std::uint32_t b = block * kBlock; b < byte; ++b)
    if ((static_cast<unsigned char>(text_[b]) & 0xC0) != 0x80) ++count;
  return count;
}

std::uint32_t CodepointIndex::to_byte(std::uint32_t cp) const noexcept {
  if (cp >= total_codepoints_) return static_cast<std::uint32_t>(text_.size());
  // Binary search the block, then walk.
  std::size_t lo = 0, hi = block_start_cp_.size();
  while (hi - lo > 1) {
    std::size_t mid = (lo + hi) / 2;
    if (block_start_cp_[mid] <= cp) lo = mid; else hi = mid;
  }
  std::uint32_t b = static_cast<std::uint32_t>(lo * kBlock);
  // Step back to the start of a code point: a block may start mid-sequence.
  while (b > 0 && (static_cast<unsigned char>(text_[b]) & 0xC0) == 0x80) --b;
  std::uint32_t count = to_codepoint(b);
  while (b < text_.size() && count < cp) {
    ++b;
    while (b < text_.size() && (static_cast<unsigned char>(text_[b]) & 0xC0) == 0x80) ++b;
    ++count;
  }
  return b;
}

namespace {
const icu::Normalizer2* nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}
}  // namespace

std::string normalize_token(std::string_view text) {
  bool ascii = true;
  for (char c : text) if (static_cast<unsigned char>(c) >= 0x80) { ascii = false; break; }
  if (ascii) return fold_case(text);
  const icu::Normalizer2* n = nfkc_casefold();
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  if (!n) {
    src.foldCase().toUTF8String(out);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString dst = n->normalize(src, status);
  if (U_FAILURE(status)) src.foldCase().toUTF8String(out);
  else dst.toUTF8String(out);
  return out;
}

std::string fold_case(std::string_view text) {
  std::string out(text);
  bool ascii = true;
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80) { ascii = false; break; }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ascii) return out;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  out.clear();
  s.foldCase().toUTF8String(out);
  return out;
}

void append_folded_word(std::string_view text, std::string& out) {
  const std::size_t off = out.size(), n = text.size();
  out.resize(off + n);
  for (std::size_t k = 0; k < n; ++k) {
    const char c = text[k];
    if (static_cast<unsigned char>(c) >= 0x80) {  // not ASCII: ICU case folding of the whole word
      out.resize(off);
      const std::string f = fold_case(text);
      for (std::size_t i = 0; i < f.size(); ++i) {
        if (i + 2 < f.size() && static_cast<unsigned char>(f[i]) == 0xE2 &&
            static_cast<unsigned char>(f[i + 1]) == 0x80 && static_cast<unsigned char>(f[i + 2]) == 0x99) {
          out.push_back('\'');  // ’ -> '
          i += 2;
        } else {
          out.push_back(f[i]);
        }
      }
      return;
    }
    out[off + k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

}  // namespace presslens
