// The ASCII fast path of polarity_scores in default mode: items straight from the bytes of plain
// ASCII text, without tokens (see the comment below).
#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// Words read with one sixteen-byte load (read_plain_word needs 64-bit lanes: x86-64 only).
#if defined(__SSE2__) && defined(__x86_64__)
#define PRESSLENS_SSE2_WORDS 1
#endif

#include "../segment/token_rules.hpp"
#include "items.hpp"
#include "presslens/abbreviations.hpp"

namespace presslens::sentiment_detail {

// ---- the ASCII fast path of polarity_scores (default mode) -----------------------------------
//
// Most news sentences are plain ASCII: words, numbers and simple punctuation. For such a text the
// items come straight from the bytes, exactly as the tokenizer and default_items would make them,
// without building tokens first. Whatever the small grammar below does not cover (non-ASCII, line
// breaks, '@', '#', '&', '$' or '/' outside a number, dotted abbreviations next to other marks,
// runs of punctuation, anything that may be an emoticon, words over kMaxWord bytes...) sends the
// whole text to the general path, which remains the reference: tests check that both give
// identical scores.

namespace {

enum Class : unsigned char {
  kBail = 0,   // a byte the fast path does not handle
  kLetter,     // A-Z a-z
  kDigit,      // 0-9
  kBlank,      // ' ' '\t' (line breaks start sentences: general path)
  kOpen,       // ( [              a punctuation token before a word
  kClose,      // , . ; : ! ? ) ]  a punctuation token after a word
  kQuoteMark,  // " '              a quote token on either side
  kHyphen,     // -                inside a word, or a chunk of hyphens
  kCurrency,   // $                before a number
  kNumberMark, // % /              inside or after a number
};

struct ByteClasses {
  unsigned char c[256] = {};
  ByteClasses() {
    for (int b = 'a'; b <= 'z'; ++b) c[b] = kLetter;
    for (int b = 'A'; b <= 'Z'; ++b) c[b] = kLetter;
    for (int b = '0'; b <= '9'; ++b) c[b] = kDigit;
    c[static_cast<unsigned char>(' ')] = c[static_cast<unsigned char>('\t')] = kBlank;
    for (unsigned char b : {'(', '['}) c[b] = kOpen;
    for (unsigned char b : {',', '.', ';', ':', '!', '?', ')', ']'}) c[b] = kClose;
    for (unsigned char b : {'"', '\''}) c[b] = kQuoteMark;
    c[static_cast<unsigned char>('-')] = kHyphen;
    c[static_cast<unsigned char>('$')] = kCurrency;
    c[static_cast<unsigned char>('%')] = c[static_cast<unsigned char>('/')] = kNumberMark;
  }
};
const ByteClasses kClasses;

enum Kind : unsigned char { kWordTok, kNumberTok, kPunctTok, kQuoteTok };

// One token of a chunk (a run of non-blank bytes): [start, item_end), for a word the whole item
// (the word with its clitic: "do" + "n't").
struct Tok {
  std::uint32_t start, item_end;
  Kind kind;
  bool terminal;  // . ! ?
  bool clause;    // , ; : ( ) [ ] and dashes
  bool caps;      // kAllCaps of the (first) word token
  bool cased;     // a word token of two or more bytes (counts for the ALL-CAPS contrast)
  bool apostrophe;  // the item has an apostrophe (only then can it contain "n't")
};
constexpr int kMaxChunkTokens = 16;

inline bool is_alnum(unsigned char c) { return kClasses.c[c] == kLetter || kClasses.c[c] == kDigit; }
inline bool is_digit(unsigned char c) { return kClasses.c[c] == kDigit; }
inline unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c; }

// Byte-parallel classes of eight bytes: the high bit of each byte that is an upper-case letter,
// a lower-case letter or a digit. Bytes >= 0x80 are in no class. The first byte of a chunk is its
// lowest byte on little-endian machines only; elsewhere scan_alnum goes byte by byte.
constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighBits = kOnes * 0x80;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
constexpr bool kByteParallel = false;
#else
constexpr bool kByteParallel = true;
#endif
struct SwarClasses {
  std::uint64_t upper, lower, digit;
};
inline SwarClasses swar_classes(std::uint64_t x) {
  const std::uint64_t ascii = ~x & kHighBits, x7 = x & ~kHighBits;
  // High bit of each byte of x7 in [lo, hi] (no carries between bytes: every byte is < 0x80).
  auto in_range = [x7](unsigned lo, unsigned hi) {
    return (x7 + kOnes * (0x80 - lo)) & ~(x7 + kOnes * (0x7F - hi)) & kHighBits;
  };
  return {in_range('A', 'Z') & ascii, in_range('a', 'z') & ascii, in_range('0', '9') & ascii};
}

// All bits of the bytes before the lowest stop byte (`stop`: high bits of the stop bytes, not 0).
inline std::uint64_t bytes_before(std::uint64_t stop) { return ((stop & (0 - stop)) >> 7) - 1; }
// The eight bytes with 'A'..'Z' lower-cased (+ 0x20), given their classes.
inline std::uint64_t lower_cased(std::uint64_t x, const SwarClasses& c) { return x | (c.upper >> 2); }

#if defined(__SSE2__)
// SSE2 (every x86-64 CPU): sixteen bytes classified at once, twice as many as the eight-byte words
// above for fewer instructions. All bytes of x in [lo, hi] (both < 0x80) as 0xFF, others 0: x + 0x80
// - lo puts [lo, hi] at the bottom of the signed range, so one signed compare tests it (bytes >= 0x80
// land elsewhere).
inline __m128i bytes_in(__m128i x, char lo, char hi) {
  return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo))),
                        _mm_set1_epi8(static_cast<char>(-128 + (hi - lo) + 1)));
}
inline __m128i lower_cased16(__m128i x, __m128i upper) {
  return _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
}
#endif

// Words longer than this take the token path (which has no limit): rare enough that the fast path
// need not read them.
constexpr std::size_t kMaxWord = 256;

// The run of letters and digits from e up to `end`, eight bytes at a time where the text allows.
// Counts letters (up to two per eight bytes: enough for ALL CAPS) and notes lower-case ones.
// Returns where the run stops.
inline std::size_t scan_alnum(const unsigned char* u, std::size_t e, std::size_t end, int& letters, bool& lower_seen) {
  while (kByteParallel && e + 8 <= end) {
    std::uint64_t x;
    std::memcpy(&x, u + e, 8);
    const SwarClasses c = swar_classes(x);
    const std::uint64_t stop = ~(c.upper | c.lower | c.digit) & kHighBits;
    const std::uint64_t keep = stop ? bytes_before(stop) : ~std::uint64_t{0};
    const std::uint64_t let = (c.upper | c.lower) & keep;
    letters += (let != 0) + ((let & (let - 1)) != 0);
    lower_seen |= (c.lower & keep) != 0;
    if (stop) return e + static_cast<std::size_t>(__builtin_ctzll(stop)) / 8;
    e += 8;
  }
  for (; e < end && is_alnum(u[e]); ++e) {
    letters += kClasses.c[u[e]] == kLetter;
    lower_seen |= u[e] >= 'a' && u[e] <= 'z';
  }
  return e;
}

// The n bytes at u, ASCII letters lower-cased, to dst (eight bytes at a time where possible).
inline void lower_copy(const unsigned char* u, std::size_t n, char* dst) {
  std::size_t k = 0;
#if defined(__SSE2__)
  for (; k + 16 <= n; k += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(u + k));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k), lower_cased16(x, bytes_in(x, 'A', 'Z')));
  }
#endif
  for (; kByteParallel && k + 8 <= n; k += 8) {
    std::uint64_t x;
    std::memcpy(&x, u + k, 8);
    x = lower_cased(x, swar_classes(x));
    std::memcpy(dst + k, &x, 8);
  }
  for (; k < n; ++k) dst[k] = static_cast<char>(lower(u[k]));
}

class Reader {
 public:
  Reader(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text, Work& w)
      : im_(im), o_(o), s_(text), u_(reinterpret_cast<const unsigned char*>(text.data())), n_(text.size()), w_(w) {}

  // False: the text needs the general path (nothing of `out` is set then).
  bool run(SentimentScores& out) {
    // No separate check for bytes the fast path does not handle: every non-blank byte is read by
    // a token rule that accepts only its own classes, so such a byte ends the chunk early and the
    // chunk check (it must end at a blank) bails.
    auto& sents = w_.sentences;
    sents.clear();
    w_.clear();
    // Locals, not members: the compiler keeps them in registers across the calls below.
    const unsigned char* const u = u_;
    const std::size_t n = n_;
    // The whole text lower-cased into the arena first, at offset 0 (the arena was just cleared):
    // a plain word's item text is then its place in this copy, at its own byte offset, and
    // reading it stores nothing. (A text that turns out to need the tokenizer path has paid for
    // this copy; the arena keeps the room for the next text.)
    lower_copy(u, n, w_.arena.extend(n));
    auto skip_blanks = [u, n](std::size_t k) {
      // Most words are followed by one space and then a word: that case decides on two bytes.
      if (k + 1 < n && u[k] == ' ' && kClasses.c[u[k + 1]] != kBlank) return k + 1;
      while (k < n && kClasses.c[u[k]] == kBlank) ++k;
      return k;
    };
    std::size_t i = skip_blanks(0);
    while (i < n) {
      bool terminal = false;
      std::size_t b = kClasses.c[u[i]] == kLetter ? plain_chunk(i, terminal) : 0;
      if (b) {
        i = skip_blanks(b);
        // end_of_sentence() for a word with at most one mark after it.
        sentence_tokens_ += 1;  // (only whether there are any matters)
        last_terminal_ = terminal;
        if (i >= n || (terminal && b < n)) end_sentence();
        continue;
      }
      b = chunk(i);
      if (!b) return false;
      i = skip_blanks(b);
      if (end_of_sentence(b < n, i >= n)) end_sentence();
    }
    out = text_scores(sents);
    return true;
  }

 private:
  const SentimentScorer::Impl& im_;
  const SentimentOptions& o_;
  std::string_view s_;
  const unsigned char* u_;
  std::size_t n_;
  Work& w_;
  Tok toks_[kMaxChunkTokens];
  int m_ = 0;  // tokens in the current chunk
  // Sentence state, as default_items and polarity_scores keep it.
  Punctuation punct_;
  bool clause_ = false;
  std::size_t n_caps_ = 0, n_cased_ = 0;
  std::size_t sentence_tokens_ = 0;  // tokens of the current sentence before this chunk
  bool last_terminal_ = false;       // the token before this chunk was . ! ?

  bool push(std::size_t a, std::size_t e, Kind kind, bool terminal, bool clause) {
    if (m_ == kMaxChunkTokens) return false;
    Tok& t = toks_[m_++];
    t.start = static_cast<std::uint32_t>(a);
    t.item_end = static_cast<std::uint32_t>(e);
    t.kind = kind;
    t.terminal = terminal;
    t.clause = clause;
    t.caps = t.cased = false;
    t.apostrophe = true;
    return true;
  }

  // Whether the period at e after the word [k, e) belongs to the word (the tokenizer's rule): an
  // initial ("J."), or a listed abbreviation ("Dr.", "Sept."), "No." and friends only before a
  // number ("No. 5", not "said no.").
  bool keeps_period(std::size_t k, std::size_t e) const {
    if (e == k + 1 && u_[k] >= 'A' && u_[k] <= 'Z') return true;
    const std::string_view with_period = s_.substr(k, e + 1 - k);
    if (!im_.abbreviations->find(with_period)) return false;
    if (!token_rules::abbreviation_needs_number(with_period)) return true;
    std::size_t after = e + 1;
    while (after < n_ && u_[after] == ' ') ++after;
    return after < n_ && is_digit(u_[after]);
  }

  // A word of letters and digits at i (a letter first), as plain_chunk needs it.
  struct PlainWord {
    std::size_t len = 0;
    bool caps = false;             // two or more letters, none lower-case
    bool hashed = false;           // hash_state is set
    std::uint64_t hash_state = 0;  // hash_detail::step over the lower-cased word, before finish
  };

  // Reads the word at i: a word of up to fifteen bytes from one sixteen-byte load (SSE2 on
  // x86-64; elsewhere one or two eight-byte loads), which classify, lower-case and hash it at once
  // (scan_alnum and hash_padded would give the same); a word of up to seven bytes in the last
  // fifteen of the text from one eight-byte load; a longer one, or one nearer the end, with
  // scan_alnum. False: the word may run on past
  // kMaxWord bytes (chunk() bails on it).
  bool read_plain_word(std::size_t i, PlainWord& w) const {
    const unsigned char* const u = u_;
    const std::size_t n = n_;
#ifdef PRESSLENS_SSE2_WORDS
    if (i + 16 <= n) {  // a word of up to fifteen bytes from one sixteen-byte load
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(u + i));
      const __m128i up = bytes_in(x, 'A', 'Z'), lo = bytes_in(x, 'a', 'z');
      const unsigned alnum = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(up, lo), bytes_in(x, '0', '9'))));
      if (alnum != 0xFFFF) {
        const unsigned len = static_cast<unsigned>(__builtin_ctz(~alnum));
        const unsigned in_word = (1u << len) - 1;
        const unsigned upper = static_cast<unsigned>(_mm_movemask_epi8(up)) & in_word;
        const unsigned lower = static_cast<unsigned>(_mm_movemask_epi8(lo)) & in_word;
        w.len = len;
        w.caps = (upper & (upper - 1)) != 0 && lower == 0;  // two or more letters, none lower-case
        const __m128i lowered = lower_cased16(x, up);
        const auto first = static_cast<std::uint64_t>(_mm_cvtsi128_si64(lowered));
        if (len < 8) {
          w.hash_state = hash_detail::step(0, first & (~std::uint64_t{0} >> (8 * (8 - len))));
        } else {
          w.hash_state = hash_detail::step(0, first);
          if (len > 8) {
            const auto second = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_srli_si128(lowered, 8)));
            w.hash_state = hash_detail::step(w.hash_state, second & (~std::uint64_t{0} >> (8 * (16 - len))));
          }
        }
        w.hashed = true;
        return true;
      }
    }
#endif
    if (kByteParallel && i + 8 <= n) {
      std::uint64_t x;
      std::memcpy(&x, u + i, 8);
      const SwarClasses c = swar_classes(x);
      const std::uint64_t stop = ~(c.upper | c.lower | c.digit) & kHighBits;
      if (stop) {
        w.len = static_cast<std::size_t>(__builtin_ctzll(stop)) / 8;
        const std::uint64_t bytes = bytes_before(stop);
        const std::uint64_t let = (c.upper | c.lower) & bytes;
        w.caps = (let & (let - 1)) != 0 && (c.lower & bytes) == 0;
        w.hash_state = hash_detail::step(0, lower_cased(x, c) & bytes);
        w.hashed = true;
        return true;
      }
#ifndef PRESSLENS_SSE2_WORDS  // (with it, the sixteen-byte load above has read these words)
      if (i + 16 <= n) {  // eight to fifteen bytes: the same over a second load
        std::uint64_t x1;
        std::memcpy(&x1, u + i + 8, 8);
        const SwarClasses c1 = swar_classes(x1);
        const std::uint64_t stop1 = ~(c1.upper | c1.lower | c1.digit) & kHighBits;
        if (stop1) {
          const std::size_t len1 = static_cast<std::size_t>(__builtin_ctzll(stop1)) / 8;
          w.len = 8 + len1;
          const std::uint64_t bytes1 = bytes_before(stop1);
          const std::uint64_t let = c.upper | c.lower;  // (the first byte is a letter)
          w.caps = ((let & (let - 1)) != 0 || ((c1.upper | c1.lower) & bytes1) != 0) && c.lower == 0 &&
                   (c1.lower & bytes1) == 0;
          const std::uint64_t h0 = hash_detail::step(0, lower_cased(x, c));
          w.hash_state = len1 ? hash_detail::step(h0, lower_cased(x1, c1) & bytes1) : h0;
          w.hashed = true;
          return true;
        }
      }
#endif
    }
    const std::size_t end = std::min(n, i + kMaxWord);
    int letters = 0;
    bool lower_seen = false;
    const std::size_t e = scan_alnum(u, i, end, letters, lower_seen);
    if (e == end && end < n) return false;
    w.len = e - i;
    w.caps = letters > 1 && !lower_seen;
    return true;
  }

  // The chunk of most news words: ASCII letters and digits starting with a letter, then a blank
  // or the end, or one of , ; : . ! ? and then a blank or the end. Makes its item, counts the
  // mark and returns the chunk's end (`terminal`: the mark is . ! ?); 0 if the chunk has another
  // shape (chunk() reads it then). The same tokens as chunk(), only fewer decisions. The item
  // text is the word's place in the lower-cased copy of the text.
  std::size_t plain_chunk(std::size_t i, bool& terminal) {
    const unsigned char* const u = u_;
    const std::size_t n = n_;
    PlainWord word;
    if (!read_plain_word(i, word)) return 0;
    const std::size_t len = word.len, e = i + len;
    // What follows the word.
    unsigned char mark = 0;
    std::size_t item_end = e, chunk_end = e;
    if (e < n && kClasses.c[u[e]] != kBlank) {
      const unsigned char next = u[e];
      const bool simple = next == ',' || next == ';' || next == ':' || next == '.' || next == '!' || next == '?';
      if (!simple || (e + 1 < n && kClasses.c[u[e + 1]] != kBlank)) return 0;
      mark = next;
      chunk_end = e + 1;
      if (mark == '.' && keeps_period(i, e)) {
        item_end = e + 1;  // (the period is in the lower-cased copy too)
        mark = 0;
      } else if (im_.maybe_emoticon(s_.substr(i, len + 1)) && find_emoticon(im_, s_.substr(i, len + 1), w_.scratch)) {
        return 0;
      }
    }
    const std::size_t item_len = item_end - i;
    const std::uint64_t hash = word.hashed && item_end == e ? hash_detail::finish(word.hash_state, len)
                                                           : hash_padded(w_.arena.data() + i, item_len);
    add_item(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(item_end), word.caps, false, hash,
             item_len >= 2);
    terminal = mark == '.' || mark == '!' || mark == '?';
    if (mark) {
      punct_.exclamations += mark == '!';
      punct_.questions += mark == '?';
      clause_ = mark == ',' || mark == ';' || mark == ':';
    }
    return chunk_end;
  }

  // Splits the chunk (run of non-blank bytes) starting at a into tokens like the tokenizer, then
  // makes its items. Returns the chunk's end, or 0 to bail.
  std::size_t chunk(std::size_t a) {
    m_ = 0;
    std::size_t k = a;
    auto ends_here = [&](std::size_t e) { return e >= n_ || kClasses.c[u_[e]] == kBlank; };
    if (u_[k] == '-') {  // "-" is a punctuation mark, "--" a dash
      while (k < n_ && u_[k] == '-') ++k;
      if (!ends_here(k)) return 0;
      push(a, k, kPunctTok, false, k - a >= 2);
      return items(a, k) ? k : 0;
    }
    const std::size_t b = n_;  // the loops below stop at the first blank by its byte class
    while (k < b && (kClasses.c[u_[k]] == kOpen || kClasses.c[u_[k]] == kQuoteMark)) {
      const unsigned char c = u_[k];
      const std::size_t len = c == '\'' && k + 1 < n_ && u_[k + 1] == '\'' ? 2 : 1;  // '' is one quote mark
      if (c == '\'' && len == 1 && k + 1 < n_ && is_digit(u_[k + 1])) return 0;  // '90s
      if (!push(k, k + len, c == '"' || c == '\'' ? kQuoteTok : kPunctTok, false, c == '(' || c == '[')) return 0;
      k += len;
    }
    if (k < b && kClasses.c[u_[k]] == kLetter) {
      if (!word(k)) return 0;
      k = toks_[m_ - 1].item_end;
    } else if (k < b && (kClasses.c[u_[k]] == kDigit || (u_[k] == '$' && k + 1 < n_ && is_digit(u_[k + 1])))) {
      if (!number(k)) return 0;
      k = toks_[m_ - 1].item_end;
    }
    while (k < b && (kClasses.c[u_[k]] == kClose || kClasses.c[u_[k]] == kQuoteMark)) {
      const unsigned char c = u_[k];
      const unsigned char next = k + 1 < n_ ? u_[k + 1] : ' ';
      if (c == '.' && (next == '.' || is_digit(next))) return 0;                // "..", ".5"
      if ((c == '!' || c == '?') && (next == '!' || next == '?')) return 0;     // "?!"
      const std::size_t len = c == '\'' && next == '\'' ? 2 : 1;                     // ''
      const bool quote = c == '"' || c == '\'';
      const bool terminal = c == '.' || c == '!' || c == '?';
      const bool clause = c == ',' || c == ';' || c == ':' || c == ')' || c == ']';
      if (!push(k, k + len, quote ? kQuoteTok : kPunctTok, terminal, clause)) return 0;
      k += len;
    }
    if (!ends_here(k)) return 0;
    return items(a, k) ? k : 0;
  }

  // The case flags of a word token [k, e): ALL CAPS (two or more letters, none lower-case) and
  // whether it counts for the ALL-CAPS contrast (two or more bytes).
  void set_case(Tok& t, std::size_t k, std::size_t e) const {
    int letters = 0;
    bool lower_seen = false;
    for (std::size_t q = k; q < e; ++q) {
      const unsigned char c = u_[q];
      letters += kClasses.c[c] == kLetter;
      lower_seen |= c >= 'a' && c <= 'z';
    }
    t.caps = letters > 1 && !lower_seen;
    t.cased = e - k >= 2;
  }

  // A number at k (digits, or '$' and digits): the tokenizer's scan_number on ASCII. Separators
  // (1,000 2.5 1/4 10:30), '%', ordinal and plural suffixes (95th, 1990s) stay with it; other
  // letters or a hyphenated word (10am, 20-year-old) make it a word.
  bool number(std::size_t k) {
    std::size_t e = k;
    if (u_[e] == '$') ++e;
    while (e < n_ && is_digit(u_[e])) ++e;
    if (e + 1 < n_ && u_[e] == '-' && is_digit(u_[e + 1])) return false;  // ISO dates, "2-13"
    for (;;) {
      if (e + 1 >= n_) break;
      const unsigned char sep = u_[e];
      std::size_t after = e + 1;
      while (after < n_ && is_digit(u_[after])) ++after;
      const std::size_t run = after - (e + 1);
      if (run == 0) break;
      if ((sep == ',' && run == 3) || sep == '.' || sep == '/' || (sep == ':' && run == 2)) {
        e = after;
        continue;
      }
      break;
    }
    Kind kind = kNumberTok;
    auto hyphenated = [&] {  // 19th-century, 3-D
      while (e + 1 < n_ && u_[e] == '-' && is_alnum(u_[e + 1])) {
        ++e;
        while (e < n_ && is_alnum(u_[e])) ++e;
        kind = kWordTok;
      }
    };
    if (e < n_ && u_[e] == '%') {
      ++e;
    } else if (e < n_ && kClasses.c[u_[e]] == kLetter) {
      std::size_t w = e;
      while (w < n_ && is_alnum(u_[w])) ++w;
      if (!token_rules::is_number_suffix(s_.substr(e, w - e))) kind = kWordTok;
      e = w;
      hyphenated();
    } else if (e + 1 < n_ && u_[e] == '-' && kClasses.c[u_[e + 1]] == kLetter) {
      hyphenated();
    }
    if (!push(k, e, kind, false, false)) return false;
    if (kind == kWordTok) set_case(toks_[m_ - 1], k, e);
    return true;
  }

  // "U.S.", "e.g.", "Ph.D." with no letter or digit after (the tokenizer's
  // scan_dotted_abbreviation on ASCII). Returns the end or 0.
  std::size_t dotted_abbreviation(std::size_t i) const {
    const std::size_t e = token_rules::dotted_groups_end(s_, i);
    return e && !(e < n_ && is_alnum(u_[e])) ? e : 0;
  }

  // A word starting with a letter at k: the tokenizer's scan_word on ASCII (joiners, clitics,
  // listed abbreviations and initials that keep their period).
  bool word(std::size_t k) {
    if (const std::size_t d = dotted_abbreviation(k)) {
      if (!push(k, d, kWordTok, false, false)) return false;
      set_case(toks_[m_ - 1], k, d);
      return true;
    }
    // One pass: find the end and count letters (up to two: enough for ALL CAPS). The item's
    // text is its place in the lower-cased copy of the text, like every item's.
    const unsigned char* u = u_;
    const std::size_t n = n_;
    const std::size_t end = std::min(n, k + kMaxWord);
    int letters = 0;
    bool lower_seen = false;
    std::size_t e = k, last_ap = 0;
    for (;;) {
      e = scan_alnum(u, e, end, letters, lower_seen);
      if (e + 1 < end) {
        const unsigned char c = u[e], d = u[e + 1];
        if ((c == '-' && is_alnum(d)) || (c == '\'' && kClasses.c[d] == kLetter)) {
          if (c == '\'') last_ap = e;
          ++e;
          continue;
        }
        if (c == '.' && d >= 'a' && d <= 'z') return false;  // amazon.com joins in the tokenizer
      }
      break;
    }
    if (end < n && e + 1 >= end) return false;  // the word may run on past kMaxWord
    std::size_t first_end = e, item_end = e;
    bool split = false;
    if (last_ap > k && e - last_ap <= 3) {  // "'s", "n't", "'re", "'ve", "'ll", "'d", "'m" split off the word
      char suffix[2];  // every clitic suffix has one or two letters
      const std::size_t sl = e - (last_ap + 1);
      for (std::size_t q = 0; q < sl; ++q) suffix[q] = static_cast<char>(lower(u[last_ap + 1 + q]));
      const std::size_t at = token_rules::clitic_split(last_ap - k, static_cast<char>(u[last_ap - 1]),
                                                       std::string_view(suffix, sl));
      if (at) {
        first_end = k + at;
        split = true;
      }
    }
    if (!split && e < n && u[e] == '.' && keeps_period(k, e)) first_end = item_end = e + 1;
    if (!push(k, first_end, kWordTok, false, false)) return false;
    Tok& t = toks_[m_ - 1];
    t.item_end = static_cast<std::uint32_t>(item_end);
    t.apostrophe = last_ap > 0;
    if (split) {
      set_case(t, k, first_end);
    } else {
      t.caps = letters > 1 && !lower_seen;
      t.cased = first_end - k >= 2;
    }
    return true;
  }

  // default_items for the tokens of one chunk [a, b).
  bool items(std::size_t a, std::size_t b) {
    std::string& buf = w_.scratch;
    bool has_punct = false;
    for (int t = 0; t < m_; ++t) has_punct |= toks_[t].kind == kPunctTok || toks_[t].kind == kQuoteTok;
    if (m_ > 1 && has_punct && find_emoticon(im_, s_.substr(a, b - a), buf)) return false;
    for (int t = 0; t < m_; ++t) {
      const Tok& tok = toks_[t];
      if (tok.kind == kWordTok || tok.kind == kNumberTok) {
        // Its text is its place in the lower-cased copy. (A number token never counts for the
        // ALL-CAPS contrast.)
        add_item(tok.start, tok.item_end, tok.caps, tok.apostrophe,
                 hash_padded(w_.arena.data() + tok.start, tok.item_end - tok.start),
                 tok.kind == kWordTok && tok.cased);
        continue;
      }
      const unsigned char c = u_[tok.start];
      punct_.exclamations += c == '!';
      punct_.questions += c == '?';
      // An emoticon glued to a word ("great:)"): the general path decides.
      if (tok.kind == kPunctTok && t > 0 && t + 1 < m_ && find_emoticon(im_, s_.substr(tok.start, b - tok.start), buf))
        return false;
      if (tok.clause) clause_ = true;
    }
    return true;
  }

  // polarity_scores' rule, at the last token of a chunk: the text ends, or a terminal mark is
  // followed by white space, or a closing mark follows one ("...!" She said).
  bool end_of_sentence(bool space_after, bool last_chunk) {
    const Tok& last = toks_[m_ - 1];
    bool end = last_chunk || (last.terminal && space_after);
    if (!end && space_after && (last.kind == kPunctTok || last.kind == kQuoteTok)) {
      const bool not_first = m_ > 1 || sentence_tokens_ > 0;
      const bool prev_terminal = m_ > 1 ? toks_[m_ - 2].terminal : last_terminal_;
      end = not_first && prev_terminal;
    }
    sentence_tokens_ += static_cast<std::size_t>(m_);
    last_terminal_ = last.terminal;
    return end;
  }

  // Adds the item [start, end), whose lower-case text is at the same offset in the arena's copy of
  // the text (`h`: its hash_padded); `cased`: it counts for the ALL-CAPS contrast (a word of two
  // or more bytes).
  // Items whose word may be in the word table or the inflection table (one filter over both says
  // which cannot be), or may contain "n't", are looked up at the end of their sentence; every
  // other item keeps the facts of a word in neither table (Item's defaults). The look-ups run in
  // order. (No prefetch of their table lines: measured, it gained nothing on snippets or whole
  // articles, where the tables stay in cache.) Decided without branches: whether a word passes
  // the filters is as good as random, so a branch on it would be mispredicted often.
  void add_item(std::uint32_t start, std::uint32_t end, bool caps, bool apostrophe, std::uint64_t h, bool cased) {
    const std::uint32_t len = end - start;
    // Built in place: an Item written field by field and then copied stalls the copy's loads.
    Item& it = w_.items.emplace_back(start, start, end);
    it.len = len;
    it.upper = caps;
    it.clause_start = clause_;
    it.apostrophe = apostrophe;
    clause_ = false;
    n_cased_ += cased;
    n_caps_ += cased & caps;
    const bool needed = apostrophe | im_.any_word.may_contain(h);
    if (w_.pending.size() <= w_.n_pending) w_.pending.resize(2 * w_.n_pending + 16);
    w_.pending[w_.n_pending] = {static_cast<std::uint32_t>(w_.items.size() - 1), h};
    w_.n_pending += needed;
  }

  void end_sentence() {
    const bool cap_diff = n_caps_ > 0 && n_caps_ < n_cased_;
    for (std::size_t k = 0; k < w_.n_pending; ++k) {
      Item& it = w_.items[w_.pending[k].item];
      resolve_item(im_, o_, w_, it, w_.pending[k].item, it.apostrophe, w_.pending[k].hash);
    }
    link_items(o_, w_);
    w_.sentences.push_back(score_work(im_, o_, w_, cap_diff, punct_));
    w_.clear_sentence();
    punct_ = Punctuation{};
    clause_ = false;
    n_caps_ = n_cased_ = 0;
    sentence_tokens_ = 0;
    last_terminal_ = false;
  }
};

}  // namespace

bool fast_polarity(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text, Work& w,
                   SentimentScores& out) {
  return Reader(im, o, text, w).run(out);
}

}  // namespace presslens::sentiment_detail
