// Stage 1a: the news tokenizer. One left-to-right pass over UTF-8; every rule looks ahead a
// bounded distance (or scans a run it then consumes), so the whole pass is linear in the input.
#include "presslens/tokenizer.hpp"

#include <unicode/uchar.h>

#include <array>
#include <cstring>

#include "presslens/utf8.hpp"
#include "token_rules.hpp"

namespace presslens {

const char* to_string(TokenKind kind) noexcept {
  switch (kind) {
    case TokenKind::Word: return "word";
    case TokenKind::Number: return "number";
    case TokenKind::Punct: return "punct";
    case TokenKind::Quote: return "quote";
    case TokenKind::Emoji: return "emoji";
    case TokenKind::Url: return "url";
    case TokenKind::Email: return "email";
    case TokenKind::Handle: return "handle";
    case TokenKind::Hashtag: return "hashtag";
    case TokenKind::Symbol: return "symbol";
  }
  return "symbol";
}

const char* to_string(QuoteRole role) noexcept {
  switch (role) {
    case QuoteRole::None: return "none";
    case QuoteRole::Open: return "open";
    case QuoteRole::Close: return "close";
    case QuoteRole::Ambiguous: return "ambiguous";
  }
  return "none";
}

namespace {

using Pos = std::size_t;

using token_rules::is_ascii_alpha;
bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

inline bool is_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}
bool is_line_break(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}
bool is_mark(char32_t c) {
  const auto t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}
inline bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_alpha(static_cast<unsigned char>(c)) || is_ascii_digit(static_cast<unsigned char>(c));
  return u_isalnum(static_cast<UChar32>(c)) || is_mark(c);
}
inline bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_alpha(static_cast<unsigned char>(c));
  return u_isalpha(static_cast<UChar32>(c));
}
inline bool is_digit(char32_t c) {
  if (c < 0x80) return is_ascii_digit(static_cast<unsigned char>(c));
  return u_isdigit(static_cast<UChar32>(c));
}
inline bool is_upper(char32_t c) {
  if (c < 0x80) return is_ascii_upper(static_cast<unsigned char>(c));
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
inline bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool is_dash(char32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2012; }
bool is_currency(char32_t c) {
  if (c < 0x80) return c == '$';
  return u_charType(static_cast<UChar32>(c)) == U_CURRENCY_SYMBOL;
}

// Quote characters and the role their shape implies.
bool quote_shape(char32_t c, QuoteRole& role) {
  switch (c) {
    case '"': case '\'': case 0xFF02: role = QuoteRole::Ambiguous; return true;
    case 0x201C: case 0x2018: case 0x00AB: case 0x2039: case 0x201E: case 0x201A:
    case 0x201F: case 0x201B: case 0x301D:
      role = QuoteRole::Open; return true;
    case 0x201D: case 0x2019: case 0x00BB: case 0x203A: case 0x301E: case 0x301F:
      role = QuoteRole::Close; return true;
    default: return false;
  }
}

bool is_emoji_start(char32_t c, char32_t next) {
  if (c < 0xA9) return false;
  if (c >= 0x1F1E6 && c <= 0x1F1FF) return true;  // regional indicators (flags)
  if (!u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EXTENDED_PICTOGRAPHIC)) return false;
  // Text-default pictographs such as (c) or a bare heart only count as emoji with VS16 or when
  // they live in the emoji planes.
  return next == 0xFE0F || c >= 0x1F000 ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_PRESENTATION);
}
bool is_emoji_extender(char32_t c) {
  return c == 0xFE0F || c == 0xFE0E || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF) ||
         (c >= 0xE0020 && c <= 0xE007F);
}

// ASCII letters and digits.
constexpr std::array<bool, 256> make_ascii_word_table() {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
  return t;
}
constexpr std::array<bool, 256> kAsciiWord = make_ascii_word_table();

// Bytes after which an ASCII letter run is certainly a whole plain word.
constexpr std::array<bool, 256> make_plain_word_end_table() {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', ',', ';', '!', '?', ')', ']', '}', '"'}) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> kEndsPlainWord = make_plain_word_end_table();

// Byte classes for the case flags: 1 = ASCII lower-case letter, 2 = ASCII upper-case letter,
// 4 = not ASCII.
constexpr std::array<unsigned char, 256> make_case_class_table() {
  std::array<unsigned char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = 2;
  for (int c = 0x80; c < 256; ++c) t[static_cast<std::size_t>(c)] = 4;
  return t;
}
constexpr std::array<unsigned char, 256> kCaseClass = make_case_class_table();

class Scanner {
 public:
  Scanner(std::string_view text, const Abbreviations& abbreviations)
      : s_(text), abbr_(abbreviations) {
    const void* p = text.empty() ? nullptr : std::memchr(text.data(), '@', text.size());
    next_at_ = p ? static_cast<std::size_t>(static_cast<const char*>(p) - text.data()) : std::string_view::npos;
  }

  void run(std::vector<Token>& out) {
    out.clear();
    out.reserve(s_.size() / 5 + 8);
    Pos i = 0;
    bool line_start = true;
    while (i < s_.size()) {
      const auto b = static_cast<unsigned char>(s_[i]);
      if (b < 0x80) {  // ASCII white space without decoding
        if (b == ' ' || (b >= 0x09 && b <= 0x0D)) {
          if (b != ' ' && b != '\t') line_start = true;  // \n \v \f \r
          ++i;
          continue;
        }
      } else {
        Pos j = i;
        char32_t c = at(j, j);
        if (is_space(c)) {
          if (is_line_break(c)) line_start = true;
          i = j;
          continue;
        }
      }
      Token t;
      const bool plain = plain_word(i, t);  // case flags included
      if (!plain) t = scan(i);
      if (line_start) t.flags |= token_flags::kLineStart;
      line_start = false;
      t.space_after = t.end < s_.size() && space_at(t.end);
      if (!plain) set_case_flags(t);
      out.push_back(t);
      // A clitic split off the word is pushed right after it.
      if (pending_.end > pending_.start) {
        pending_.space_after = pending_.end < s_.size() && space_at(pending_.end);
        out.push_back(pending_);
        pending_ = Token{};
      }
      i = out.back().end;
    }
  }

 private:
  std::string_view s_;
  const Abbreviations& abbr_;
  Token pending_{};
  std::size_t next_at_ = 0;  // position of the next '@' at or after the scan point (npos if none)

  // An e-mail address needs an '@' within a short run of address characters; finding the next '@'
  // with memchr (amortised over the text) keeps the check off the common path.
  bool email_possible(Pos i) {
    if (next_at_ != std::string_view::npos && next_at_ < i) {
      const void* p = std::memchr(s_.data() + i, '@', s_.size() - i);
      next_at_ = p ? static_cast<std::size_t>(static_cast<const char*>(p) - s_.data()) : std::string_view::npos;
    }
    return next_at_ != std::string_view::npos && next_at_ > i && next_at_ - i <= 64;
  }

  // Decodes the code point at `p`, setting `next` to the position after it.
  char32_t at(Pos p, Pos& next) const {
    next = p;
    if (p >= s_.size()) return 0;
    const auto b = static_cast<unsigned char>(s_[p]);
    if (b < 0x80) {  // ASCII: no decoding
      next = p + 1;
      return b;
    }
    return decode_utf8(s_, next);
  }
  char32_t peek(Pos p) const {
    Pos n;
    return at(p, n);
  }
  // is_space(peek(p)) for p < size, without decoding ASCII.
  bool space_at(Pos p) const {
    const auto b = static_cast<unsigned char>(s_[p]);
    if (b < 0x80) return b == ' ' || (b >= 0x09 && b <= 0x0D);
    return is_space(peek(p));
  }
  char32_t before(Pos p) const {  // the code point ending at p (0 at the start)
    if (p == 0) return 0;
    if (static_cast<unsigned char>(s_[p - 1]) < 0x80) return static_cast<unsigned char>(s_[p - 1]);
    Pos b = p - 1;
    while (b > 0 && (static_cast<unsigned char>(s_[b]) & 0xC0) == 0x80) --b;
    Pos n;
    return at(b, n);
  }
  bool starts_with_ci(Pos p, const char* lit) const {
    const std::size_t n = std::strlen(lit);
    if (p + n > s_.size()) return false;
    for (std::size_t k = 0; k < n; ++k) {
      char a = s_[p + k];
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
      if (a != lit[k]) return false;
    }
    return true;
  }

  static Token make(Pos a, Pos b, TokenKind k, std::uint8_t flags = 0) {
    Token t;
    t.start = static_cast<std::uint32_t>(a);
    t.end = static_cast<std::uint32_t>(b);
    t.kind = k;
    t.flags = flags;
    return t;
  }

  void set_case_flags(Token& t) const {
    if (t.kind != TokenKind::Word) return;
    Pos p = t.start, n;
    char32_t first = at(p, n);
    if (is_upper(first)) t.flags |= token_flags::kCapitalized;
    int letters = 0;
    bool lower = false;
    unsigned seen = 0;  // kCaseClass bits of every byte
    for (Pos q = t.start; q < t.end; ++q) {
      const unsigned c = kCaseClass[static_cast<unsigned char>(s_[q])];
      seen |= c;
      letters += (c & 3) != 0;
    }
    if (!(seen & 4)) {  // ASCII
      lower = (seen & 1) != 0;
      if (letters > 1 && !lower) t.flags |= token_flags::kAllCaps;
      return;
    }
    letters = 0;
    lower = false;
    for (Pos q = t.start; q < t.end;) {
      char32_t c = at(q, q);
      if (is_letter(c)) {
        ++letters;
        if (!is_upper(c)) lower = true;
      }
    }
    if (letters > 1 && !lower) t.flags |= token_flags::kAllCaps;
  }

  // Fast path for the bulk of news text: a plain ASCII word followed by a space or a comma-like
  // mark. Anything that could join, split or extend it ('.', apostrophes, hyphens, '@', ':',
  // non-ASCII) takes the general path, scan(). Kept out of scan() so that the common case does
  // not pay for that big function's prologue. Sets the word's case flags too (as set_case_flags).
  // Eight bytes at a time where the text allows: one branch per word, not one per letter.
  bool plain_word(Pos i, Token& t) const {
    const auto first = static_cast<unsigned char>(s_[i]);
    if (!is_ascii_alpha(first)) return false;
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
    // High bit of each byte of x (all bytes < 0x80) that lies in [lo, hi]; no carries between bytes.
    auto in_range = [](std::uint64_t x, unsigned lo, unsigned hi) {
      return (x + kOnes * (0x80 - lo)) & ~(x + kOnes * (0x7F - hi)) & kHigh;
    };
    const std::size_t n = s_.size();
    Pos e = i;
    int letters = 0;  // counted up to "at least two" per 8-byte chunk: enough for kAllCaps
    bool lower = false;
    bool done = false;
    while (e + 8 <= n) {
      std::uint64_t x;
      std::memcpy(&x, s_.data() + e, 8);
      const std::uint64_t ascii = ~x & kHigh, x7 = x & ~kHigh;
      const std::uint64_t up = in_range(x7, 'A', 'Z') & ascii, lo = in_range(x7, 'a', 'z') & ascii;
      const std::uint64_t word = up | lo | (in_range(x7, '0', '9') & ascii);
      std::uint64_t keep = kHigh;
      const std::uint64_t stop = ~word & kHigh;
      if (stop) {
        const unsigned k = static_cast<unsigned>(__builtin_ctzll(stop)) / 8;  // first byte that ends the word
        keep = k ? (kHigh & (~std::uint64_t{0} >> (64 - 8 * k))) : 0;
        e += k;
        done = true;
      } else {
        e += 8;
      }
      const std::uint64_t let = (up | lo) & keep;
      letters += (let != 0) + ((let & (let - 1)) != 0);
      lower |= (lo & keep) != 0;
      if (done) break;
    }
    if (!done) {
      for (; e < n && kAsciiWord[static_cast<unsigned char>(s_[e])]; ++e) {
        const unsigned c = kCaseClass[static_cast<unsigned char>(s_[e])];
        letters += (c & 3) != 0;
        lower |= (c & 1) != 0;
      }
    }
    const unsigned char next = e < n ? static_cast<unsigned char>(s_[e]) : ' ';
    if (!kEndsPlainWord[next]) return false;
    std::uint8_t flags = 0;
    if (is_ascii_upper(first)) flags |= token_flags::kCapitalized;
    if (letters > 1 && !lower) flags |= token_flags::kAllCaps;
    t = make(i, e, TokenKind::Word, flags);
    return true;
  }

  // Any token but a plain word (see plain_word, tried first).
  Token scan(Pos i) {
    Pos j;
    const char32_t c = at(i, j);
    const char32_t prev = before(i);
    const bool after_word = prev != 0 && is_word_char(prev);

    if (!after_word) {
      if ((c == 'h' || c == 'H' || c == 'w' || c == 'W'))
        if (Pos e = scan_url(i)) return make(i, e, TokenKind::Url);
      if (email_possible(i))
        if (Pos e = scan_email(i)) return make(i, e, TokenKind::Email);
    }
    if (c == '@' && !after_word) {
      Pos e = j;
      while (e < s_.size() && (is_ascii_alpha(static_cast<unsigned char>(s_[e])) ||
                               is_ascii_digit(static_cast<unsigned char>(s_[e])) || s_[e] == '_'))
        ++e;
      if (e > j) return make(i, e, TokenKind::Handle);
    }
    if (c == '#' && !after_word) {
      Pos e = j;
      bool letter = false;
      for (Pos q = j; q < s_.size();) {
        Pos n;
        char32_t d = at(q, n);
        if (!(is_word_char(d) || d == '_')) break;
        letter |= is_letter(d);
        q = e = n;
      }
      if (letter) return make(i, e, TokenKind::Hashtag);
    }
    if (is_digit(c) || (is_currency(c) && is_digit(peek(j))) ||
        (c == '.' && !after_word && is_digit(peek(j)))) {
      return scan_number(i);
    }
    // '90s and the like: an apostrophe that elides the century.
    if (is_apostrophe(c) && !after_word && is_digit(peek(j))) {
      Pos e = j;
      while (e < s_.size() && is_ascii_digit(static_cast<unsigned char>(s_[e]))) ++e;
      if (e - j == 2) {
        if (e < s_.size() && s_[e] == 's') ++e;
        Pos n;
        if (e >= s_.size() || !is_word_char(at(e, n))) return make(i, e, TokenKind::Number);
      }
    }
    if (is_word_char(c)) return scan_word(i);

    QuoteRole role;
    if (quote_shape(c, role)) return scan_quote(i, j, c, role, prev);
    if (c == '`') {
      Pos e = j;
      if (e < s_.size() && s_[e] == '`') ++e;
      Token t = make(i, e, TokenKind::Quote);
      t.quote_role = QuoteRole::Open;
      return t;
    }
    if (is_emoji_start(c, peek(j))) return scan_emoji(i, j, c);

    // Punctuation runs that are one token; "[...]" marks an elision inside a quotation.
    if (c == '[') {
      if (s_.compare(j, 4, "...]") == 0) return make(i, j + 4, TokenKind::Punct, token_flags::kTerminal);
      if (s_.compare(j, 4, "\xE2\x80\xA6]") == 0) return make(i, j + 4, TokenKind::Punct, token_flags::kTerminal);
    }
    // Punctuation runs that are one token.
    if (c == '.' || c == 0x2026) {
      Pos e = j;
      if (c == '.') while (e < s_.size() && s_[e] == '.') ++e;
      return make(i, e, TokenKind::Punct, token_flags::kTerminal);
    }
    if (c == '!' || c == '?' || c == 0x203D) {
      Pos e = j;
      while (e < s_.size() && (s_[e] == '!' || s_[e] == '?')) ++e;
      return make(i, e, TokenKind::Punct, token_flags::kTerminal);
    }
    if (c == '-' && j < s_.size() && s_[j] == '-') {
      Pos e = j;
      while (e < s_.size() && s_[e] == '-') ++e;
      return make(i, e, TokenKind::Punct, token_flags::kDash);
    }
    if (is_dash(c)) {
      Pos e = j, n;
      while (e < s_.size() && at(e, n) == c) e = n;
      return make(i, e, TokenKind::Punct, token_flags::kDash);
    }
    // An HTML character reference left in scraped text ("&gt;", "&amp;", "&#8217;") is one symbol,
    // not "&", a word and ";" (and the word not a word: "gt" is in the sentiment lexicon).
    if (c == '&') {
      if (const Pos e = html_reference_end(j)) return make(i, e, TokenKind::Symbol);
    }
    // Everything else is one code point (with any combining marks / variation selectors).
    Pos e = j, n;
    while (e < s_.size()) {
      char32_t d = at(e, n);
      if (!(is_mark(d) || d == 0xFE0F || d == 0xFE0E)) break;
      e = n;
    }
    if (c < 0x80) {
      if (std::strchr("!\"#%&'()*,-./:;?@[\\]_{}", static_cast<int>(c)) && c != 0)
        return make(i, e, TokenKind::Punct);
      return make(i, e, TokenKind::Symbol);  // control characters, $ + < = > ^ ` | ~
    }
    const auto type = u_charType(static_cast<UChar32>(c));
    switch (type) {
      case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
      case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION:
      case U_FINAL_PUNCTUATION:
        return make(i, e, TokenKind::Punct);
      default:
        return make(i, e, TokenKind::Symbol);
    }
  }

  // The end of an HTML character reference whose "&" ends at j: a name of 2-31 letters and digits
  // (a letter first), "#" and 1-7 digits, or "#x" and 1-6 hex digits, then ";". 0 if there is none.
  Pos html_reference_end(Pos j) const {
    auto byte = [this](Pos k) { return k < s_.size() ? static_cast<unsigned char>(s_[k]) : 0; };
    auto is_hex = [](unsigned char ch) { return is_ascii_digit(ch) || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f'); };
    Pos e = j;
    std::size_t length = 0;
    if (byte(e) == '#' && (byte(e + 1) | 0x20) == 'x') {
      for (e += 2; is_hex(byte(e)) && length < 6; ++e) ++length;
      if (length < 1) return 0;
    } else if (byte(e) == '#') {
      for (e += 1; is_ascii_digit(byte(e)) && length < 7; ++e) ++length;
      if (length < 1) return 0;
    } else {
      if (!is_ascii_alpha(byte(e))) return 0;
      for (; (is_ascii_alpha(byte(e)) || is_ascii_digit(byte(e))) && length < 31; ++e) ++length;
      if (length < 2) return 0;
    }
    return byte(e) == ';' ? e + 1 : 0;
  }

  Pos scan_url(Pos i) const {
    if (!(starts_with_ci(i, "http://") || starts_with_ci(i, "https://") || starts_with_ci(i, "www.")))
      return 0;
    Pos e = i;
    int parens = 0;
    while (e < s_.size()) {
      Pos n;
      char32_t c = at(e, n);
      if (is_space(c) || c == '"' || c == '<' || c == '>' || c == 0x201C || c == 0x201D) break;
      if (c == '(') ++parens;
      if (c == ')') --parens;
      e = n;
    }
    // Trailing sentence punctuation and unbalanced closers are not part of the URL.
    while (e > i) {
      char32_t c = before(e);
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
          c == 0x2019 || c == ']' || c == '}' || (c == ')' && parens < 0)) {
        if (c == ')') ++parens;
        Pos b = e - 1;
        while (b > i && (static_cast<unsigned char>(s_[b]) & 0xC0) == 0x80) --b;
        e = b;
      } else {
        break;
      }
    }
    return e - i >= 8 ? e : 0;
  }

  Pos scan_email(Pos i) const {
    auto local = [](unsigned char c) {
      return is_ascii_alpha(c) || is_ascii_digit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    };
    Pos e = i;
    while (e < s_.size() && local(static_cast<unsigned char>(s_[e]))) ++e;
    if (e == i || e >= s_.size() || s_[e] != '@' || s_[i] == '.') return 0;
    Pos d = e + 1, last_dot = 0;
    while (d < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[d]);
      if (is_ascii_alpha(c) || is_ascii_digit(c) || c == '-') { ++d; continue; }
      if (c == '.' && d + 1 < s_.size() && (is_ascii_alpha(static_cast<unsigned char>(s_[d + 1])) ||
                                            is_ascii_digit(static_cast<unsigned char>(s_[d + 1])))) {
        last_dot = d++;
        continue;
      }
      break;
    }
    return last_dot > e + 1 && d > last_dot + 1 ? d : 0;
  }

  Token scan_number(Pos i) {
    Pos e = i, n;
    if (is_currency(at(e, n))) e = n;
    auto digits = [&](Pos p) {
      Pos q = p, m;
      while (q < s_.size() && is_digit(at(q, m))) q = m;
      return q;
    };
    if (s_[e] == '.') ++e;
    e = digits(e);
    // ISO dates stay whole: 2020-01-03.
    if (e - i == 4 && e + 6 <= s_.size() && s_[e] == '-' && is_ascii_digit(static_cast<unsigned char>(s_[e + 1])) &&
        is_ascii_digit(static_cast<unsigned char>(s_[e + 2])) && s_[e + 3] == '-' &&
        is_ascii_digit(static_cast<unsigned char>(s_[e + 4])) && is_ascii_digit(static_cast<unsigned char>(s_[e + 5]))) {
      e += 6;
    }
    for (;;) {
      if (e + 1 >= s_.size()) break;
      const char sep = s_[e];
      Pos after = digits(e + 1);
      std::size_t run = after - (e + 1);
      if (run == 0) break;
      if (sep == ',' && run == 3) { e = after; continue; }
      if (sep == '.' || sep == '/') { e = after; continue; }
      if (sep == ':' && run == 2) { e = after; continue; }
      break;
    }
    TokenKind kind = TokenKind::Number;
    if (e < s_.size() && s_[e] == '%') {
      ++e;
    } else if (e < s_.size() && is_letter(at(e, n))) {
      // 1990s, 3rd, 5G, 10am: the letters stay with the number.
      Pos w = e;
      while (w < s_.size() && (is_word_char(at(w, n)))) w = n;
      std::string_view suffix = s_.substr(e, w - e);
      if (!token_rules::is_number_suffix(suffix)) kind = TokenKind::Word;
      e = w;
      // A hyphenated continuation: 19th-century, 3-D.
      while (e + 1 < s_.size() && is_hyphen(at(e, n)) && is_word_char(peek(n))) {
        e = n;
        while (e < s_.size() && is_word_char(at(e, n))) e = n;
        kind = TokenKind::Word;
      }
    } else if (e + 1 < s_.size() && is_hyphen(at(e, n)) && is_letter(peek(n))) {
      // 20-year-old, 3-point: a compound word that starts with a number.
      while (e + 1 < s_.size() && is_hyphen(at(e, n)) && is_word_char(peek(n))) {
        e = n;
        while (e < s_.size() && is_word_char(at(e, n))) e = n;
      }
      kind = TokenKind::Word;
    }
    return make(i, e, kind);
  }

  // Matches "U.S.", "e.g.", "Ph.D.", "a.m.": groups of one or two letters each followed by a period,
  // at least two groups, not followed by another letter. Returns the end or 0.
  Pos scan_dotted_abbreviation(Pos i) const {
    const Pos e = token_rules::dotted_groups_end(s_, i);
    if (!e) return 0;
    Pos n;
    if (e < s_.size() && is_word_char(at(e, n))) return 0;
    return e;
  }

  Token scan_word(Pos i) {
    if (Pos e = scan_dotted_abbreviation(i)) return make(i, e, TokenKind::Word, token_flags::kAbbreviation);
    Pos e = i, n;
    Pos last_apostrophe = 0;
    while (e < s_.size()) {
      // ASCII letters and digits, the bulk of news text, without decoding.
      while (e < s_.size() && kAsciiWord[static_cast<unsigned char>(s_[e])]) ++e;
      if (e >= s_.size()) break;
      char32_t c = at(e, n);
      if (is_word_char(c) || c == 0x200D || c == 0x00AD) {  // ZWJ and soft hyphen stay inside words
        e = n;
        continue;
      }
      // Joiners: a hyphen, apostrophe, '&' or '.' between word characters.
      Pos m;
      char32_t d = at(n, m);
      if (n < s_.size() && is_word_char(d)) {
        if (is_hyphen(c) || c == '_') { e = n; continue; }
        if (is_apostrophe(c) && is_letter(d)) { last_apostrophe = e; e = n; continue; }
        if (c == '&' && is_ascii_upper(static_cast<unsigned char>(s_[i])) && is_upper(d)) { e = n; continue; }
        if (c == '.' && is_lower(d) && is_letter(before(e))) {
          // amazon.com, node.js; but not "end.The" (capital) nor a sentence run-on with a space.
          e = n;
          continue;
        }
      }
      break;
    }
    // Clitics: "'s", "n't", "'re", "'ve", "'ll", "'d", "'m" split off the word.
    if (last_apostrophe > i) {
      std::string_view word = s_.substr(i, e - i);
      const std::size_t ap = last_apostrophe - i;
      const std::size_t ap_len = static_cast<unsigned char>(s_[last_apostrophe]) == '\'' ? 1 : 3;
      const std::string suffix = fold_case(word.substr(ap + ap_len));
      const Pos split = i + token_rules::clitic_split(ap, word[ap - 1], suffix);
      if (split > i) {
        pending_ = make(split, e, TokenKind::Word, token_flags::kClitic);
        return make(i, split, TokenKind::Word);
      }
    }
    // A period that belongs to the word: listed abbreviations and single-letter initials.
    if (e < s_.size() && s_[e] == '.') {
      std::string_view with_period = s_.substr(i, e + 1 - i);
      Pos after_first;
      const char32_t first = at(i, after_first);
      if (after_first == e && is_letter(first) && is_upper(first)) {
        return make(i, e + 1, TokenKind::Word, token_flags::kAbbreviation | token_flags::kInitial);
      }
      if (abbr_.find(with_period)) {
        const bool needs_number = token_rules::abbreviation_needs_number(with_period);
        Pos after = e + 1;
        while (after < s_.size() && s_[after] == ' ') ++after;
        if (!needs_number || (after < s_.size() && is_ascii_digit(static_cast<unsigned char>(s_[after])))) {
          return make(i, e + 1, TokenKind::Word, token_flags::kAbbreviation);
        }
      }
    }
    return make(i, e, TokenKind::Word);
  }

  Token scan_quote(Pos i, Pos j, char32_t c, QuoteRole role, char32_t prev) {
    // Doubled straight single quotes ('') act as a closing double quote.
    Pos e = j;
    if (c == '\'' && e < s_.size() && s_[e] == '\'') ++e;
    Token t = make(i, e, TokenKind::Quote);
    const char32_t next = peek(e);
    const bool space_before = prev == 0 || is_space(prev);
    const bool space_after = e >= s_.size() || is_space(next);
    if (c == 0x2019 && !space_before && !space_after && is_letter(next)) {
      role = QuoteRole::Ambiguous;  // defensive: apostrophes inside words are consumed by scan_word
    }
    if (role == QuoteRole::Ambiguous || (c == 0x2019 && space_before && !space_after)) {
      // Straight quotes (and a right single mark used as an opener) take their role from context.
      QuoteRole open_punct_before = QuoteRole::None;
      if (prev == '(' || prev == '[' || prev == '{' || is_dash(prev) || prev == 0x201C || prev == 0x2018 ||
          prev == '"' || prev == '\'' || prev == ':')
        open_punct_before = QuoteRole::Open;
      const bool closer_after = next == '.' || next == ',' || next == ';' || next == ':' || next == '!' ||
                                next == '?' || next == ')' || next == ']' || next == 0x201D || next == 0x2019 ||
                                is_dash(next);
      if ((space_before || open_punct_before == QuoteRole::Open) && !space_after && !closer_after)
        role = QuoteRole::Open;
      else if (!space_before && (space_after || closer_after))
        role = QuoteRole::Close;
      else
        role = QuoteRole::Ambiguous;
    }
    t.quote_role = role;
    return t;
  }

  Token scan_emoji(Pos i, Pos j, char32_t c) {
    Pos e = j, n;
    if (c >= 0x1F1E6 && c <= 0x1F1FF) {
      char32_t d = at(e, n);
      if (d >= 0x1F1E6 && d <= 0x1F1FF) e = n;
      return make(i, e, TokenKind::Emoji);
    }
    for (;;) {
      while (e < s_.size() && is_emoji_extender(at(e, n))) e = n;
      if (e < s_.size() && at(e, n) == 0x200D) {
        Pos m;
        char32_t d = at(n, m);
        if (u_hasBinaryProperty(static_cast<UChar32>(d), UCHAR_EXTENDED_PICTOGRAPHIC)) {
          e = m;
          continue;
        }
      }
      break;
    }
    return make(i, e, TokenKind::Emoji);
  }
};

}  // namespace

Tokenizer::Tokenizer(std::shared_ptr<const Abbreviations> abbreviations)
    : abbreviations_(std::move(abbreviations)) {}

std::vector<Token> Tokenizer::tokenize(std::string_view text) const {
  std::vector<Token> out;
  Scanner(text, *abbreviations_).run(out);
  return out;
}

void Tokenizer::tokenize_into(std::string_view text, std::vector<Token>& out) const {
  Scanner(text, *abbreviations_).run(out);
}

}  // namespace presslens
