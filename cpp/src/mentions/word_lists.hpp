// Internal: the word lists of the mentions and quotes stages, built once and shared.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "presslens/mentions.hpp"
#include "presslens/token.hpp"
#include "../common/string_table.hpp"

namespace presslens {

namespace wc {  // word classes, a bit set per lower-cased word
constexpr std::uint32_t kFunc = 1u << 0;         // closed-class / very common words: never start a name
constexpr std::uint32_t kTitle = 1u << 1;        // person titles: president, senator, dr., mr.
constexpr std::uint32_t kOrgWord = 1u << 2;      // words that make a capitalised run an organization
constexpr std::uint32_t kGroupNoun = 1u << 3;    // plural nouns for groups of speakers: officials
constexpr std::uint32_t kRoleNoun = 1u << 4;     // singular role nouns: spokesman, official
constexpr std::uint32_t kPronoun = 1u << 5;      // he she they it and cases
constexpr std::uint32_t kSpeech = 1u << 6;       // speech verbs that attribute a direct quote
constexpr std::uint32_t kClause = 1u << 7;       // verbs that introduce reported speech (a clause)
constexpr std::uint32_t kPartialCue = 1u << 8;   // called, described ... as "..."
constexpr std::uint32_t kAux = 1u << 9;          // auxiliaries and modals: is, has, will, would
constexpr std::uint32_t kTime = 1u << 10;        // months, weekdays, today
constexpr std::uint32_t kDeterminer = 1u << 11;  // the a an this some many
constexpr std::uint32_t kSubordinator = 1u << 12;  // while although because if
constexpr std::uint32_t kAdverb = 1u << 13;      // adverbs that sit between subject and verb
constexpr std::uint32_t kConnector = 1u << 14;   // of de van bin: inside names
constexpr std::uint32_t kMale = 1u << 15;        // male title or noun: mr. spokesman
constexpr std::uint32_t kFemale = 1u << 16;      // female title or noun: mrs. spokeswoman
constexpr std::uint32_t kPlace = 1u << 17;       // one-word places: france, texas
constexpr std::uint32_t kPassive = 1u << 18;     // was were is are be been being get got
constexpr std::uint32_t kOrgTail = 1u << 19;     // lower-case words that make "Trump administration" an org
constexpr std::uint32_t kObjectVerb = 1u << 20;  // told, warned, assured: take an object before the clause
constexpr std::uint32_t kSubjPronoun = 1u << 21; // he she they it we i you (clause subjects)
constexpr std::uint32_t kPreposition = 1u << 22; // on in at during for
constexpr std::uint32_t kNameSuffix = 1u << 23;  // jr. sr. ii iii
constexpr std::uint32_t kPresentVerb = 1u << 24; // says claims argues: present-tense speech
constexpr std::uint32_t kBareClause = 1u << 25;  // said believes argued: report a clause with no "that"
constexpr std::uint32_t kRelativeTime = 1u << 26;  // ago later earlier: end a time phrase ("two weeks ago")
constexpr std::uint32_t kNounModifier = 1u << 27;  // new second third fourth: function words that modify a noun
constexpr std::uint32_t kDocument = 1u << 28;    // statement report poll memo: texts that say or show things
}  // namespace wc

// A manner adverb by its suffix ("specifically", "repeatedly", "cynically"); not plain "-ly"
// (family, ally, assembly are nouns).
inline bool manner_adverb_shape(std::string_view w) {
  if (w.size() < 7) return false;
  for (std::string_view suffix : {"ally", "ently", "antly", "ously", "ately", "ively", "edly"})
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) return true;
  return false;
}

// The clitic "'s" (possessive or "is") as a token, with a straight or a curly apostrophe.
inline bool is_apostrophe_s(std::string_view token) { return token == "'s" || token == "’s"; }

struct WordLists {
  WordLists();
  std::uint32_t classes(std::string_view lower) const {
    const std::uint32_t* cls = words.find(lower);
    return cls ? *cls : 0u;
  }
  // 'm', 'f', 'u' or 0 when the first name is not listed.
  char first_name_gender(std::string_view lower) const {
    auto it = first_names.find(lower);
    return it == first_names.end() ? 0 : it->second;
  }
  // Canonical key of a (possibly multi-word, lower-cased, single-spaced) place name, or empty.
  std::string_view place_key(std::string_view lower) const {
    auto it = places.find(lower);
    return it == places.end() ? std::string_view() : std::string_view(it->second);
  }

  // Last words of place names: "Rose Garden", "Orange County", "Pennsylvania Avenue".
  bool place_tail(const std::string& lower) const { return place_tails.count(lower) != 0; }

  // Role class of a lower-cased title or role word ("sen." -> Lawmaker), None if not listed.
  RoleClass role_of(std::string_view lower) const {
    auto it = roles.find(lower);
    return it == roles.end() ? RoleClass::None : it->second;
  }
  // Canonical party of a lower-cased party word ("gop" -> "Republican"), or nullptr.
  const char* party_of(std::string_view lower) const {
    auto it = parties.find(lower);
    return it == parties.end() ? nullptr : it->second;
  }
  // Canonical faith of a lower-cased word ("jesuit" -> "Catholic"), or nullptr.
  const char* faith_of(std::string_view lower) const {
    auto it = faiths.find(lower);
    return it == faiths.end() ? nullptr : it->second;
  }

  // Word classes by lower-cased word: the look-up of every token in both stages, so the scorer's
  // open-addressing table rather than std::unordered_map.
  detail::StringTable<std::uint32_t> words;
  void add_classes(std::string_view word, std::uint32_t cls) { *words.try_put(word, 0).first |= cls; }
  std::unordered_map<std::string_view, RoleClass> roles;
  std::unordered_map<std::string_view, const char*> parties;
  std::unordered_map<std::string_view, const char*> faiths;
  std::unordered_map<std::string, bool> place_tails;
  std::unordered_map<std::string_view, char> first_names;
  std::unordered_map<std::string_view, std::string> places;
  std::size_t longest_place_words = 1;
};

// The one shared lexicon (built on first use, thread-safe).
std::shared_ptr<const WordLists> default_word_lists();

// ASCII lower-casing plus ’ -> ' ; enough for the word lists (all ASCII).
void lower_into(std::string_view s, std::string& out);
// The lower-cased byte of s at i (A-Z folded, ’ read as '), moving i past what it read: the one
// folding step of lower_into and lower_equals.
inline char fold_at(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i++]);
  if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0x80 &&
      static_cast<unsigned char>(s[i + 1]) == 0x99) {  // ’ -> '
    i += 2;
    return '\'';
  }
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
}
// lower_into(s, x); x == lower — without building x (the stages ask this of most tokens).
inline bool lower_equals(std::string_view s, std::string_view lower) {
  std::size_t i = 0, k = 0;
  while (i < s.size())
    if (k == lower.size() || fold_at(s, i) != lower[k++]) return false;
  return k == lower.size();
}

// Per-token facts both stages need, computed once per document in one pass.
struct TokenInfo {
  std::uint32_t cls = 0;  // word classes of the lower-cased token
  bool word = false;      // TokenKind::Word
  bool cap = false;       // capitalised word or all-caps
  bool lower = false;     // a word starting with a lower-case letter
};

// The TokenInfo of every token of one text, with what they were made for; computed once per
// document by the mention stage and handed to the quote stage through MentionResult::token_facts.
struct TokenFacts {
  std::vector<TokenInfo> info;
  const char* text_data = nullptr;
  std::size_t text_size = 0;
  const Segmentation* seg = nullptr;
  std::size_t tokens = 0;
  bool made_for(std::string_view text, const Segmentation& s) const {
    return text.data() == text_data && text.size() == text_size && &s == seg && s.tokens.size() == tokens;
  }
};
std::shared_ptr<const TokenFacts> token_facts(std::string_view text, const Segmentation& seg, const WordLists& lex);
// The facts `mr` carries when they were made for this text and segmentation, else new ones.
std::shared_ptr<const TokenFacts> reuse_token_facts(const MentionResult& mr, std::string_view text,
                                                    const Segmentation& seg, const WordLists& lex);

// Quote-mark pairing shared by both stages (see quotes.hpp for the rules).
struct QuoteSpan {
  std::uint32_t open_tok = 0;   // token index of the opening mark
  std::uint32_t close_tok = 0;  // token index of the closing mark, or the last token of the paragraph
  bool closed = false;          // false: ended at a paragraph end with no closing mark
  bool continues = false;       // the quotation continues into the next paragraph
  bool continued = false;       // this span continues the previous paragraph's quotation
};
std::vector<QuoteSpan> pair_quote_marks(std::string_view text, const Segmentation& seg);

}  // namespace presslens
