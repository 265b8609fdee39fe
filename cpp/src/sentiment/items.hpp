// Internal: the steps shared by the three ways of turning text into items (compat_items.cpp:
// VADER's white-space split; token_items.cpp: presslens tokens; fast_path.cpp: plain ASCII read
// straight from the bytes) and the rules that score them (rules.cpp).
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/sentiment.hpp"
#include "presslens/token.hpp"
#include "rules.hpp"

namespace presslens::sentiment_detail {

struct Punctuation {
  int exclamations = 0, questions = 0;
};

// ---- case folding into item texts (token_items.cpp) ----

// The non-ASCII case of fold_into: the n bytes just reserved at the end of `out` are replaced by
// the look-up form of `s` (append_folded_word in utf8.hpp).
void fold_into_slow(std::string_view s, Arena& out, std::string& tmp);
// append_folded_word into the sentence arena (a word and its clitic are folded one after the other into
// one item text).
inline void fold_into(std::string_view s, Arena& out, std::string& tmp) {
  const std::size_t n = s.size();
  char* d = out.extend(n);
  for (std::size_t k = 0; k < n; ++k) {
    const char c = s[k];
    if (static_cast<unsigned char>(c) >= 0x80) {  // not ASCII: fold the whole piece with ICU
      fold_into_slow(s, out, tmp);
      return;
    }
    d[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

inline bool contains_nt(std::string_view s) {
  // Most words have no apostrophe: one memchr answers for them.
  return s.size() >= 3 && std::memchr(s.data(), '\'', s.size()) && s.find("n't") != std::string_view::npos;
}

constexpr std::uint64_t word_bit(Word x) { return std::uint64_t{1} << x; }
// The words of the word-pair exceptions ("not only", "no doubt", "a few") and the contrast words:
// sets of Word, one bit each.
constexpr std::uint64_t kPairWords = word_bit(kNot) | word_bit(kNo) | word_bit(kFew);
constexpr std::uint64_t kContrastWords = word_bit(kBut) | word_bit(kHowever) | word_bit(kNevertheless) |
                                         word_bit(kNonetheless) | word_bit(kAlthough) | word_bit(kThough);

// Fills the lexical facts of an item whose lower-case text is in the arena: its word facts, its
// lexicon valence (or that of its stem, for an inflected form) and the phrases it starts.
// `index`: the item's place in w.items (it may be pushed there just after). `apostrophe` false:
// the caller knows the text has none, so it cannot contain "n't". `hash` must be hash_padded of
// the item's text.
inline void resolve_item(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w, Item& it,
                         std::size_t index, bool apostrophe, std::uint64_t hash) {
  const std::string_view t = w.text(it);
  // A word in no table reads the empty entry: the same steps, no branch on whether it was found.
  static const Entry kNoEntry;
  const Entry* found = im.lookup.find_padded(t, hash);  // the arena has slack past every text
  const Entry& e = found ? *found : kNoEntry;
  it.info = e.info;  // (set_info without its branch)
  it.booster = e.booster;
  it.word = e.word;
  w.pair_words |= (kPairWords >> e.word) & 1u;
  w.contrast_words |= (kContrastWords >> e.word) & 1u;
  bool has = e.has_valence;
  double v = e.valence;
  if (e.event) v *= o.event_weight;
  if (!o.vader_compat) {
    it.phrases = e.phrases;
    if (e.phrases) w.phrase_at.push_back(static_cast<std::uint32_t>(index));
  }
  it.negation = e.negation || (apostrophe && contains_nt(t));
  if (!has && !e.info && !o.vader_compat && o.morphology && t.size() > 4) {
    const char last = t.back();  // every suffix ends in s, d, g or y
    if (last == 's' || last == 'd' || last == 'g' || last == 'y') {
      if (const double* inflected = im.inflections.find_padded(t, hash)) {
        has = true;
        v = *inflected;
      }
    }
  }
  it.in_lex = has;
  it.lex = has ? v : 0.0;
}

// The same for an item about to be pushed at the end of w.items, hashing its text.
inline void resolve_next_item(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w, Item& it) {
  const std::string_view t = w.text(it);
  resolve_item(im, o, w, it, w.items.size(), true, hash_padded(t.data(), t.size()));
}

// The lexicon value of an emoticon, the exact spelling first (":D"), then folded; null if none.
const double* find_emoticon(const SentimentScorer::Impl& im, std::string_view t, std::string& buf);

// ---- items of one text or sentence ----

// Compat mode: VADER's own word splitting of the raw text.
void compat_items(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text, Work& w,
                  bool& cap_diff, Punctuation& punct);
// Default mode: items of the tokens [tb, te) of one sentence.
void default_items(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text,
                   const Token* toks, std::uint32_t tb, std::uint32_t te, Work& w, bool& cap_diff,
                   Punctuation& punct);
// Default mode, polarity_scores of plain ASCII text without tokens. False (nothing set): the text
// needs the token path.
bool fast_polarity(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text, Work& w,
                   SentimentScores& out);

// The scores of a raw text from those of its sentences (both paths of polarity_scores, and
// explain): one sentence stands as it is, more are aggregated (SentimentScorer::aggregate).
inline SentimentScores text_scores(const std::vector<SentimentScores>& sentences) {
  return sentences.size() == 1 ? sentences[0] : SentimentScorer::aggregate(sentences);
}

// SentimentScorer::polarity_scores of one text, with the work buffers `w` (scorer.cpp).
SentimentScores polarity_scores(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text,
                                Work& w);

// ---- the rules (rules.cpp, link_items in token_items.cpp) ----

// Word pairs that cancel a negation and multi-word phrases, over a sentence's items.
void link_items(const SentimentOptions& o, Work& w);
// The VADER-class rules over w.items: w.vals gets the valence of each lexicon item, at the
// positions w.lex_at (every other item has valence 0); then the sentence scores.
SentimentScores score_work(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w, bool cap_diff,
                           const Punctuation& p);
// Scores of a sentence from the valences `s` of its `n_lex` lexicon items and its number of items
// (`dilution`: by sentence length; null in compat mode).
SentimentScores finish(const double* s, std::size_t n_lex, std::size_t words, const Punctuation& p,
                       const SentimentOptions& o, const std::vector<double>* dilution);
double dilution_factor(const SentimentOptions& o, std::size_t words);
double normalize_score(double score);
// The compound of `sum` (a valence sum after the intensity rules), kept out of the neutral band
// (|compound| < 0.05) when the compound of `undiluted` (the same sum before them) is outside it.
double compound_keeping_label(double sum, double undiluted);

}  // namespace presslens::sentiment_detail
