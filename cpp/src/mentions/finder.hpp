// Internal to the mentions stage: the Finder that finds the mentions of one document and joins
// them into entities. Its work is split by job over mention_finder.cpp (the run and its result),
// names.cpp (capitalised names and labels), noun_phrases.cpp (role and group noun phrases,
// pronouns, sources; the paragraph scan that calls them all), entities.cpp (coreference) and
// affiliations.cpp (party, role, organization, faith).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "presslens/mentions.hpp"
#include "word_lists.hpp"

namespace presslens::mention_detail {

constexpr std::int32_t kNoEntity = -1;

enum class CandType : std::uint8_t { Run, Label, Pronoun, RoleNP, GroupNP, Source };

constexpr std::uint32_t kNoTok = 0xFFFFFFFFu;

struct Cand {
  std::uint32_t tb = 0, te = 0;            // whole mention, tokens
  std::uint32_t name_tb = 0, name_te = 0;  // the name part (title excluded)
  CandType type = CandType::Run;
  EntityKind kind = EntityKind::Other;
  Gender gender = Gender::Unknown;
  bool strong = false;          // can found an entity on its own
  bool weak_initial = false;    // unknown capitalised word at sentence start: dropped unless it links
  bool plural = false;          // pronoun they/them/their
  bool definite_role = false;   // "the secretary": joins a person with that title
  bool heading_label = false;   // a headline's speaker ("Cruz: ..."): joins a known entity or is dropped
  bool drop = false;
  std::string title;
  std::string key;   // lookup key (lower case)
  std::string name;  // display name
  std::int32_t entity = -1;
  std::uint32_t sentence = 0;
  bool in_quote = false;
  std::uint32_t modifier_tb = kNoTok;  // first pre-name modifier (affiliations), if any
  // "his campaign": the cand of the possessive pronoun that owns this organization (resolve()
  // names it after the pronoun's person), or kNoTok.
  std::uint32_t owner_pronoun = kNoTok;
};

// Affiliation evidence of one mention (see mentions.hpp), merged into its entity.
struct Feat {
  const char* party = nullptr;
  RoleClass role = RoleClass::None;
  std::vector<const char*> faiths;
  std::uint32_t principal_tok = kNoTok;  // first token of the mention it speaks for
  std::uint32_t org_tok = kNoTok;        // first token of its organization's mention
  std::vector<std::pair<std::uint32_t, std::uint32_t>> evidence;  // token ranges
};

class Finder {
 public:
  Finder(std::string_view text, const Segmentation& seg, const WordLists& lex)
      : text_(text), seg_(seg), toks_(seg.tokens), lex_(lex), facts_(token_facts(text, seg, lex)), info_(facts_->info) {}

  // Mentions paragraph by paragraph, then entities, then affiliations.
  MentionResult run();

 private:
  std::string_view text_;
  const Segmentation& seg_;
  const std::vector<Token>& toks_;
  const WordLists& lex_;
  std::shared_ptr<const TokenFacts> facts_;  // handed on to the quote stage (MentionResult::token_facts)
  const std::vector<TokenInfo>& info_;
  std::vector<std::uint8_t> in_quote_;
  std::vector<Cand> cands_;
  std::vector<Entity> entities_;
  std::vector<bool> founded_in_quote_;  // per entity: its first mention is inside quotation marks
  std::string low_;

  // ---- tokens ----
  std::string_view tok_text(std::uint32_t i) const { return toks_[i].text(text_); }
  std::string_view span_text(std::uint32_t tb, std::uint32_t te) const {
    return text_.substr(toks_[tb].start, toks_[te - 1].end - toks_[tb].start);
  }
  std::string lower_joined(std::uint32_t tb, std::uint32_t te) {
    std::string out;
    for (std::uint32_t i = tb; i < te; ++i) {
      if (i > tb) out.push_back(' ');
      lower_into(tok_text(i), low_);
      out += low_;
    }
    return out;
  }
  // 'm', 'f', 'u' when token i (lower-cased) is a listed first name, else 0.
  char first_name_at(std::uint32_t i) {
    lower_into(tok_text(i), low_);
    return lex_.first_name_gender(low_);
  }
  bool is_punct(std::uint32_t i) const { return toks_[i].kind == TokenKind::Punct; }
  bool is_text(std::uint32_t i, std::string_view s) const { return tok_text(i) == s; }
  bool apostrophe_s(std::uint32_t i) const { return is_apostrophe_s(tok_text(i)); }
  bool lower_is(std::uint32_t i, std::string_view s) const { return lower_equals(tok_text(i), s); }

  // ---- the passes, by file ----
  // mention_finder.cpp: quotation marks, the candidates found, the result
  void mark_quotes();
  void push(Cand c, std::uint32_t sentence);
  void compact_entities();
  MentionResult build();
  // names.cpp: capitalised names, transcript labels, headline speakers
  bool try_label(std::uint32_t i, std::uint32_t te, std::uint32_t sentence);
  void try_heading_speaker(std::uint32_t i, std::uint32_t te, std::uint32_t sentence);
  bool ends_with_ly(std::uint32_t i) const;
  bool sentence_adverb(std::uint32_t i);
  bool name_like(std::uint32_t i) const;
  template <class RunWord>
  std::uint32_t org_name_continues(std::uint32_t i, std::uint32_t j, std::uint32_t te, RunWord&& run_word) const;
  std::uint32_t try_run(std::uint32_t i, std::uint32_t te, std::uint32_t sentence, bool sentence_initial);
  bool person_name_before_place(std::uint32_t i, std::uint32_t j, std::uint32_t te);
  void classify_run(std::uint32_t a, std::uint32_t b, std::uint32_t te, std::uint32_t sentence, bool weak_initial);
  bool is_listed_or_manner_adverb(std::uint32_t k);
  static bool names_a_document(std::string_view last_word);
  static bool names_a_day(std::string_view last_word);
  bool lower_is_honorific(std::uint32_t i);
  std::string low_last(std::uint32_t b);
  void set_person_name(Cand& c);
  // noun_phrases.cpp: role and group noun phrases, pronouns, "according to" sources; the paragraph scan
  bool np_follow_ok(std::uint32_t j, std::uint32_t te) const;
  bool try_noun_phrase(std::uint32_t h, std::uint32_t sb, std::uint32_t te, std::uint32_t sentence);
  bool is_thing(std::string_view head) const;
  std::uint32_t try_speaker_np(std::uint32_t i, std::uint32_t sb, std::uint32_t te, std::uint32_t sentence);
  static Cand one_token_cand(std::uint32_t i, CandType type);
  static bool finite_form(std::string_view v);
  bool before_finite_speech_verb(std::uint32_t h, std::uint32_t te) const;
  std::uint32_t try_possessed_org(std::uint32_t b, std::uint32_t te, std::uint32_t sentence);
  std::uint32_t try_pronoun_possessed_org(std::uint32_t i, std::uint32_t te, std::uint32_t sentence);
  std::int32_t owned_org_entity(Cand& c, std::unordered_map<std::string, std::vector<std::int32_t>>& by_key);
  bool try_pronoun(std::uint32_t i, std::uint32_t te, std::uint32_t sentence);
  std::uint32_t source_after_according(std::uint32_t i, std::uint32_t te, std::uint32_t sentence);
  void scan_paragraph(std::uint32_t p);
  // entities.cpp: mentions joined into entities (names, roles, pronouns)
  std::int32_t new_entity(const Cand& c);
  void absorb(std::int32_t ent, const Cand& c);
  static std::string acronym_of(const std::string& name);
  bool first_names_compatible(const Entity& e, const Cand& c) const;
  std::int32_t known_entity(const std::unordered_map<std::string, std::vector<std::int32_t>>& by_key, Cand& c);
  void resolve();
  void link_role_appositions();
  static std::string canonical_title(std::string t);
  std::int32_t resolve_role(std::size_t ci);
  std::int32_t appositive_person(std::size_t ci) const;
  std::int32_t previous_subject(std::size_t ci, std::size_t pk) const;
  std::int32_t resolve_pronoun(std::size_t ci);
  // affiliations.cpp: party, role, organization and faith of each entity
  bool same_office_modifiers(std::uint32_t b, std::uint32_t e);
  std::uint32_t party_code_end(std::uint32_t i, std::uint32_t te) const;
  static const char* party_of_code(char c);
  bool legislature_word(std::uint32_t k);
  bool lower_is_prev(std::uint32_t k, std::string_view s) const;
  void scan_words(std::uint32_t b, std::uint32_t e, bool title_ctx, bool group_ctx, Feat& f);
  bool apposition_end(std::uint32_t k) const;
  std::uint32_t premodifiers(std::uint32_t tb, std::uint32_t sb, const std::vector<std::int32_t>& cover, std::int32_t& org);
  void affiliations();
};

}  // namespace presslens::mention_detail
