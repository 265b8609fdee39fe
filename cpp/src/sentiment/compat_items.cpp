// Compat mode: items from the raw text exactly as vaderSentiment 3.3.2 splits it (Python's
// str.split() white space, string.punctuation stripped from word edges, str.lower()/isupper()).
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "items.hpp"
#include "presslens/utf8.hpp"

namespace presslens::sentiment_detail {

namespace {

// Python's str.isspace() / str.split() white space.
bool is_py_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Python's string.punctuation.
bool is_ascii_punct(unsigned char c) {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

// Byte classes for the ASCII fast path: 1 = Python white space, 2 = string.punctuation.
struct AsciiClasses {
  unsigned char c[256] = {};
  AsciiClasses() {
    for (int b = 0; b < 128; ++b) c[b] = is_py_space(static_cast<char32_t>(b)) ? 1 : (is_ascii_punct(static_cast<unsigned char>(b)) ? 2 : 0);
  }
};
const AsciiClasses kAscii;

bool has_non_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return true;
  return false;
}

// '!' and '?' counts and whether any byte is not ASCII, in one (vectorisable) pass.
struct ByteStats {
  int exclamations = 0, questions = 0;
  bool non_ascii = false;
};
ByteStats byte_stats(std::string_view s) {
  int e = 0, q = 0;
  unsigned char high = 0;
  for (unsigned char c : s) {
    e += c == '!';
    q += c == '?';
    high |= c;
  }
  ByteStats r;
  r.exclamations = e;
  r.questions = q;
  r.non_ascii = (high & 0x80) != 0;
  return r;
}

// Python's str.isupper(): at least one cased character and no lower-case or title-case one.
bool py_isupper(std::string_view s) {
  bool cased = false;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c;
    if (b < 0x80) {
      c = b;
      ++i;
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') cased = true;
      continue;
    }
    c = decode_utf8(s, i);
    const auto u = static_cast<UChar32>(c);
    if (u_hasBinaryProperty(u, UCHAR_LOWERCASE) || u_istitle(u)) return false;
    if (u_hasBinaryProperty(u, UCHAR_UPPERCASE)) cased = true;
  }
  return cased;
}

// Appends Python's str.lower() of `s` to `out` (ASCII fast path, ICU full lower-casing otherwise).
void py_lower_append(std::string_view s, std::string& out, Work& w) {
  if (!has_non_ascii(s)) {
    for (char c : s) out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    return;
  }
  w.u16a.clear();
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = decode_utf8(s, i);
    if (c >= 0x10000) {
      c -= 0x10000;
      w.u16a.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
      w.u16a.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      w.u16a.push_back(static_cast<char16_t>(c));
    }
  }
  w.u16b.resize(w.u16a.size() * 3 + 8);
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = u_strToLower(reinterpret_cast<UChar*>(&w.u16b[0]), static_cast<int32_t>(w.u16b.size()),
                           reinterpret_cast<const UChar*>(w.u16a.data()), static_cast<int32_t>(w.u16a.size()), "",
                           &err);
  if (U_FAILURE(err)) {  // cannot happen with a 3x buffer; keep the text unchanged rather than fail
    out.append(s.data(), s.size());
    return;
  }
  for (int32_t i = 0; i < n; ++i) {
    char32_t c = w.u16b[static_cast<std::size_t>(i)];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
      c = 0x10000 + ((c - 0xD800) << 10) + (w.u16b[static_cast<std::size_t>(i + 1)] - 0xDC00);
      ++i;
    }
    append_utf8(out, c);
  }
}

}  // namespace

// ---- compat mode: VADER's own word splitting on the raw text -------------------------------

void compat_items(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text, Work& w,
                  bool& cap_diff, Punctuation& punct) {
  std::string_view t = text;
  ByteStats st = byte_stats(text);
  if (st.non_ascii) {
    // Emoji -> their descriptions, one code point at a time, as vaderSentiment does.
    w.scratch.clear();
    w.scratch.reserve(text.size() + 16);
    bool prev_space = true;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t s = i;
      const char32_t c = decode_utf8(text, i);
      if (c >= 0x80) {
        auto e = im.emoji_cp.find(c);
        if (e != im.emoji_cp.end()) {
          if (!prev_space) w.scratch.push_back(' ');
          w.scratch += e->second;
          prev_space = false;
          continue;
        }
      }
      w.scratch.append(text.data() + s, i - s);
      prev_space = c == ' ';
    }
    t = w.scratch;
    st = byte_stats(t);
  }
  punct.exclamations += st.exclamations;
  punct.questions += st.questions;
  // str.split(): runs of white space separate words.
  std::size_t n_upper = 0;
  std::size_t i = 0;
  // Length of the white-space character at j (0 if none); ASCII without decoding.
  auto space_at = [&t](std::size_t j) -> std::size_t {
    const auto b = static_cast<unsigned char>(t[j]);
    if (b < 0x80) return is_py_space(b) ? 1 : 0;
    std::size_t k = j;
    return is_py_space(decode_utf8(t, k)) ? k - j : 0;
  };
  auto char_len = [&t](std::size_t j) -> std::size_t {
    const auto b = static_cast<unsigned char>(t[j]);
    if (b < 0x80) return 1;
    std::size_t k = j;
    decode_utf8(t, k);
    return k - j;
  };
  if (!st.non_ascii) {
    // ASCII fast path: one pass per word for splitting, stripping, lower-casing and isupper().
    const std::size_t n = t.size();
    const unsigned char* cls = kAscii.c;
    const auto* u = reinterpret_cast<const unsigned char*>(t.data());
    while (i < n) {
      while (i < n && cls[u[i]] == 1) ++i;
      if (i >= n) break;
      std::size_t j = i;
      while (j < n && cls[u[j]] != 1) ++j;
      std::size_t a = i, b = j;
      while (a < b && cls[u[a]] == 2) ++a;
      while (b > a && cls[u[b - 1]] == 2) --b;
      if (b - a <= 2) {
        a = i;
        b = j;
      }
      i = j;
      Item it(static_cast<std::uint32_t>(w.arena.size()), 0, 0);  // (GCC zeroes `Item it;` with a slow rep stos)
      it.len = static_cast<std::uint32_t>(b - a);
      bool has_upper = false, has_lower = false;
      char* dst = w.arena.extend(it.len);
      for (std::size_t k = a; k < b; ++k) {
        char c = t[k];
        const bool up = c >= 'A' && c <= 'Z';
        has_upper |= up;
        has_lower |= c >= 'a' && c <= 'z';
        *dst++ = up ? static_cast<char>(c + 32) : c;
      }
      it.upper = has_upper && !has_lower;
      n_upper += it.upper;
      resolve_next_item(im, o, w, it);
      w.items.push_back(it);
    }
    cap_diff = n_upper > 0 && n_upper < w.items.size();
    return;
  }
  while (i < t.size()) {
    std::size_t j = i;
    while (j < t.size()) {  // skip white space
      const std::size_t l = space_at(j);
      if (l == 0) break;
      j += l;
    }
    if (j >= t.size()) break;
    const std::size_t ws = j;
    while (j < t.size() && space_at(j) == 0) j += char_len(j);
    std::string_view word = t.substr(ws, j - ws);
    i = j;
    // strip(string.punctuation), unless that leaves two characters or fewer (emoticons).
    std::size_t a = 0, b = word.size();
    while (a < b && is_ascii_punct(static_cast<unsigned char>(word[a]))) ++a;
    while (b > a && is_ascii_punct(static_cast<unsigned char>(word[b - 1]))) --b;
    std::string_view stripped = word.substr(a, b - a);
    if (count_codepoints(stripped) > 2) word = stripped;
    Item it;
    it.off = static_cast<std::uint32_t>(w.arena.size());
    w.lower_tmp.clear();
    py_lower_append(word, w.lower_tmp, w);
    w.arena.append(w.lower_tmp.data(), w.lower_tmp.size());
    it.len = static_cast<std::uint32_t>(w.arena.size() - it.off);
    it.upper = py_isupper(word);
    n_upper += it.upper;
    resolve_next_item(im, o, w, it);
    w.items.push_back(it);
  }
  cap_diff = n_upper > 0 && n_upper < w.items.size();
}

}  // namespace presslens::sentiment_detail
