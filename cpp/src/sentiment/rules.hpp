// Internal: the data the sentiment scorer works on, shared by both modes: the word facts and the
// indexed lexicon (SentimentScorer::Impl), a sentence's items and the per-thread work buffers.
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "presslens/sentiment.hpp"
#include "presslens/tokenizer.hpp"
#include "../common/string_table.hpp"

namespace presslens {

namespace sentiment_detail {

using namespace ::presslens::detail;  // StringTable, HashFilter and the byte hash

constexpr double kBoosterIncrement = 0.293;
constexpr double kCapsIncrement = 0.733;
constexpr double kNegationScalar = -0.74;
constexpr double kNormAlpha = 15.0;

// Words the rules look at, resolved once per item instead of comparing strings in every rule.
enum Word : std::uint8_t {
  kOther, kNo, kBut, kLeast, kAt, kVery, kNever, kSo, kThis, kWithout, kDoubt, kKind, kOf, kOr, kNor, kThe,
  kHowever, kAlthough, kThough, kNevertheless, kNonetheless, kEven,
  // Only for the word-pair exceptions of the default mode ("not only", "no wonder", "a few"...).
  kNot, kOnly, kJust, kWonder, kFew, kA, kLast, kPast, kNext, kFirst, kEvery, kThese, kThose,
  kWordCount  // (sets of words are 64-bit masks)
};
static_assert(kWordCount <= 64, "Word sets are 64-bit masks");

// VADER's two-word dampeners (checked as n-grams before a sentiment word).
inline constexpr const char* kDampenerBigrams[][2] = {{"kind", "of"}, {"sort", "of"}, {"just", "enough"}};

struct SpecialCase {
  const char* words[3];
  double valence;
  int head;  // the word that carries the valence in default mode
};
// VADER's special cases (phrases containing lexicon words).
inline constexpr SpecialCase kSpecialCases[] = {
    {{"the", "shit", nullptr}, 3, 1},      {{"the", "bomb", nullptr}, 3, 1},
    {{"bad", "ass", nullptr}, 1.5, 0},     {{"bus", "stop", nullptr}, 0.0, 1},
    {{"yeah", "right", nullptr}, -2, 0},   {{"kiss", "of", "death"}, -1.5, 2},
    {{"to", "die", "for"}, 3, 1},          {{"beating", "heart", nullptr}, 3.5, 1},
};

struct WordInfo {
  double booster = 0.0;      // booster / dampener value of a single word
  bool is_booster = false;
  bool negation = false;     // in VADER's NEGATE list
  bool superlative = false;  // best, worst, greatest...
  bool event = false;        // reported event rather than attitude (arrested, killed...)
  bool shifter = false;      // reverses what follows (reduce, prevent, curb...)
  bool special_start = false;   // first word of a VADER special case ("the shit")
  bool dampener_start = false;  // first word of "kind of", "sort of", "just enough"
  Word word = kOther;
};

struct Phrase;

// One word-like unit of a sentence.
struct Item {
  std::uint32_t off = 0, len = 0;  // lower-cased text in Work::arena
  std::uint32_t start = 0, end = 0;  // bytes in the scored text (default mode)
  double lex = 0.0;                  // lexicon valence (when in_lex)
  bool in_lex = false;
  bool upper = false;        // ALL CAPS
  bool negation = false;     // NEGATE list or contains n't
  bool clause_start = false; // punctuation (, ; : dash bracket) right before it
  bool booster = false;      // info->is_booster, kept here so the rules need not follow `info`
  bool apostrophe = true;    // the text may have an apostrophe (so may contain "n't")
  bool emoticon = false;     // an emoticon (":(", "d:"): no word rule applies to it (default mode)
  Word word = kOther;        // info->word, likewise (both reset with `info`: see set_info)
  // Clause starts among the sentence's items up to this one, modulo 2^16 (score_work): no clause
  // punctuation between two items d <= 3 apart iff their counts are equal.
  std::uint16_t clause_no = 0;
  const WordInfo* info = nullptr;
  const std::vector<Phrase>* phrases = nullptr;  // phrases starting with this word (default mode)

  Item() = default;
  void set_info(const WordInfo* i) noexcept {
    info = i;
    booster = i && i->is_booster;
    word = i ? i->word : kOther;
  }
  Item(std::uint32_t off_, std::uint32_t start_, std::uint32_t end_) noexcept : off(off_), start(start_), end(end_) {}
};

// A growable byte buffer for the lower-cased item texts of a sentence (the fast path keeps a
// lower-cased copy of the whole text in it, for all its sentences). Unlike std::string,
// extend() hands out room without initialising it (the caller writes every byte), so appending a
// word costs a bounds check. At least kSlack bytes past size() are always allocated (and
// initialised), so hash_padded may read a whole 8-byte chunk at the end of a text.
class Arena {
 public:
  std::size_t size() const noexcept { return size_; }
  const char* data() const noexcept { return buf_.get(); }
  void clear() noexcept { size_ = 0; }
  static constexpr std::size_t kSlack = 8;
  char* extend(std::size_t n) {
    if (size_ + n + kSlack > cap_) grow(size_ + n + kSlack);
    char* p = buf_.get() + size_;
    size_ += n;
    return p;
  }
  void shrink_to(std::size_t n) noexcept { size_ = n; }  // n <= size()
  void append(const char* p, std::size_t n) {
    if (n) std::memcpy(extend(n), p, n);
  }
  void push_back(char c) { *extend(1) = c; }

 private:
  void grow(std::size_t need) {
    std::size_t cap = cap_ ? cap_ * 2 : 1024;
    while (cap < need) cap *= 2;
    auto b = std::make_unique<char[]>(cap);
    if (size_) std::memcpy(b.get(), buf_.get(), size_);
    buf_ = std::move(b);
    cap_ = cap;
  }
  std::unique_ptr<char[]> buf_;
  std::size_t size_ = 0, cap_ = 0;
};

struct Work {
  Arena arena;
  std::string lower_tmp;  // compat: str.lower() of a non-ASCII word
  std::string scratch;
  std::vector<Item> items;
  // score_work: the valences of the n_lex lexicon items and their positions in `items` (the
  // buffers only grow; entries past n_lex are stale).
  std::vector<double> vals;
  std::vector<std::uint32_t> lex_at;
  std::size_t n_lex = 0;
  std::vector<Token> tokens;
  std::vector<SentimentScores> sentences;
  // Fast path: the items to look up at the end of the sentence (`item`) with the hash of each:
  // the first n_pending entries (the buffer only grows).
  struct Pending {
    std::uint32_t item;
    std::uint64_t hash;
  };
  std::vector<Pending> pending;
  std::size_t n_pending = 0;
  std::u16string u16a, u16b;
  // Whether any item of the sentence is "not", "no" or "few" (the word-pair exceptions) or a
  // contrast word (but, however, although...): the passes that look for those skip sentences
  // without any. And the items that start a phrase, in order: the phrase pass visits only them.
  bool pair_words = false, contrast_words = false;
  std::vector<std::uint32_t> phrase_at;
  void clear() {
    arena.clear();
    clear_sentence();
  }
  // Everything of one sentence but the arena (the fast path keeps the text's lower-cased copy in
  // it for all sentences of the text).
  void clear_sentence() {
    items.clear();
    n_lex = 0;
    n_pending = 0;
    pair_words = contrast_words = false;
    phrase_at.clear();
  }
  std::string_view text(const Item& it) const { return std::string_view(arena.data() + it.off, it.len); }
};

// A multi-word phrase (lexicon entry with spaces, idiom, VADER special case).
struct Phrase {
  std::vector<std::string> rest;  // words after the first
  double valence;
  int head;                       // index of the word that carries the valence (0 = first)
};

// Everything known about one lower-cased word, so that a word costs one hash lookup: its word
// facts, its valence and the phrases it starts.
struct Entry {
  const WordInfo* info = nullptr;
  const std::vector<Phrase>* phrases = nullptr;
  // The scorer's mode decides the key: compat mode takes the lexicon's keys as they are (VADER
  // looks item.lower() up, so capitalised keys are dead), the default mode case-folded keys.
  double valence = 0.0;
  bool has_valence = false;
  // Copied from `info` (false / kOther without one), so that resolving an item reads this entry only.
  bool booster = false, negation = false, event = false;
  Word word = kOther;
};

}  // namespace sentiment_detail

struct SentimentScorer::Impl {
  std::shared_ptr<const Lexicon> lexicon;
  // Compat: keys exactly as in the lexicon (VADER looks item.lower() up, so capitalised keys are dead).
  sentiment_detail::StringTable<double> exact;
  // Default: case-folded keys (a lower-case key wins over a folded capitalised one).
  sentiment_detail::StringTable<double> folded;
  sentiment_detail::StringTable<sentiment_detail::WordInfo> words;
  sentiment_detail::StringTable<std::vector<sentiment_detail::Phrase>> phrases;  // by first word
  // Emoji: single code point -> description (compat), full sequence -> description (default).
  std::unordered_map<char32_t, std::string> emoji_cp;
  sentiment_detail::StringTable<std::string> emoji_seq;
  std::unique_ptr<Tokenizer> tokenizer;  // default-mode polarity_scores on raw text
  std::shared_ptr<const Abbreviations> abbreviations;  // the tokenizer's, for the ASCII fast path
  // One lookup per word over all of the tables above (built last; points into them).
  sentiment_detail::StringTable<sentiment_detail::Entry> lookup;
  // Default mode: inflected forms missing from the lexicon ("condemning") -> their stem's valence
  // (see add_inflections in scorer_tables.cpp). A table of its own, so that `lookup` stays small enough
  // to stay in cache; only words that could be inflected reach it.
  sentiment_detail::StringTable<double> inflections;
  // Every key of `lookup` and `inflections` (default mode only: the fast path's): one filter read
  // tells the ASCII fast path that a word needs no look-up at all (most words).
  sentiment_detail::HashFilter any_word;
  // Emoticon pre-filter: (ASCII-lower first byte, ASCII-lower last byte) pairs of the 2..8-byte
  // lexicon keys, so that "word," chunks skip the emoticon lookups.
  std::vector<std::uint64_t> emoticon_pairs = std::vector<std::uint64_t>(256 * 256 / 64, 0);
  // The length dilution factor min(1, (k / words)^p) for sentences of up to 255 words.
  std::vector<double> dilution;
  bool maybe_emoticon(std::string_view t) const noexcept {
    if (t.size() < 2 || t.size() > 8) return false;
    const auto a = static_cast<unsigned char>(t.front()), b = static_cast<unsigned char>(t.back());
    if (a >= 0x80 || b >= 0x80) return true;
    const unsigned k = (lower(a) << 8) | lower(b);
    return (emoticon_pairs[k >> 6] >> (k & 63)) & 1u;
  }
  void add_emoticon_key(std::string_view t) {
    if (t.size() < 2 || t.size() > 8) return;
    const unsigned k = (lower(static_cast<unsigned char>(t.front())) << 8) | lower(static_cast<unsigned char>(t.back()));
    emoticon_pairs[k >> 6] |= std::uint64_t{1} << (k & 63);
  }
  static unsigned lower(unsigned char c) noexcept { return (c >= 'A' && c <= 'Z') ? c + 32u : c; }
};

}  // namespace presslens
