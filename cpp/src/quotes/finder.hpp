// Internal to the quote stage: the Finder that runs its passes over one document. Its work is
// split by job over quote_finder.cpp (the look-ups, the run, the results), speakers.cpp (who
// speaks), transcripts.cpp (turns, headlines, labelled paragraphs), direct_quotes.cpp (quotations
// in quote marks) and reported_speech.cpp (indirect speech, "according to"). Every search looks at
// a bounded window of tokens, so the stage is linear in the document length.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../mentions/word_lists.hpp"
#include "presslens/quotes.hpp"

namespace presslens::quote_detail {

constexpr std::int32_t kNone = -1;
constexpr std::uint32_t kNearVerb = 8;      // tokens between a cue and the quote it introduces
constexpr std::uint32_t kAfterWindow = 10;  // tokens after a closing mark searched for "X said"
constexpr std::uint32_t kAppositive = 30;   // longest appositive between a name and its verb
constexpr std::uint32_t kCharacterisationTail = 30;  // tokens a characterisation may run on after its quote

struct Attribution {
  std::int32_t mention = kNone;  // speaker mention
  std::int32_t cue = kNone;      // cue token (a verb), or kNone
  std::uint32_t cue_end_tok = 0; // exclusive end token of the cue span
  float confidence = 0.f;
  bool first_person = false;     // the cue's subject is "I" / "we": no speaker from the context
  bool found() const { return mention != kNone || cue != kNone; }
};

class Finder {
 public:
  Finder(std::string_view text, const Segmentation& seg, MentionResult& mr, const WordLists& lex)
      : text_(text),
        seg_(seg),
        toks_(seg.tokens),
        mr_(mr),
        facts_(reuse_token_facts(mr, text, seg, lex)),
        info_(facts_->info) {}
  // All passes, in order; the quotes sorted by start (longest first).
  std::vector<Quote> run();

 private:
  std::string_view text_;
  const Segmentation& seg_;
  const std::vector<Token>& toks_;
  MentionResult& mr_;
  std::shared_ptr<const TokenFacts> facts_;  // the mention stage's, when made for this text
  const std::vector<TokenInfo>& info_;
  std::vector<std::int32_t> m_start_, m_end_;  // mention starting / ending at a token
  std::vector<std::int32_t> m_described_;      // person mention whose describing words start at a token
  std::vector<std::uint32_t> sent_of_;
  std::vector<std::uint8_t> in_quote_;
  std::vector<std::uint8_t> cue_used_;  // verbs already used by a direct quote
  // Transcript turns (byte ranges, in order) and their speakers' label mentions: turns() runs
  // before the quotes inside them are attributed.
  struct TurnSpan {
    std::uint32_t start, end;
    std::int32_t mention;
  };
  std::vector<TurnSpan> turn_spans_;
  // Precomputed look-ups that keep every scan bounded (linear time on hostile input):
  std::vector<std::uint32_t> run_start_;    // first token of the run of marks/dashes/emoji ending before i
  std::vector<std::uint32_t> commas_;       // commas among tokens [0, i)
  std::vector<std::uint32_t> words_;        // word tokens among [0, i)
  std::vector<std::uint32_t> words_out_;    // word tokens outside quotation marks among [0, i)
  std::vector<std::uint32_t> next_comma_;   // first comma at or after i (n if none)
  std::vector<std::uint32_t> next_semi_;    // first ';' at or after i (n if none)
  std::vector<std::uint32_t> last_quote_;   // last quote-mark token before i, plus one (0 if none)
  std::vector<std::uint32_t> nonpunct_end_; // largest j <= i whose token j-1 is not punctuation (0 if none)
  std::vector<std::int32_t> open_of_close_; // opening mark of the quotation a closing mark ends (-1)
  std::vector<std::int32_t> close_of_open_; // closing mark of the quotation an opening mark starts (-1)
  std::vector<std::uint32_t> next_open_;    // first opening mark of a closed quotation at or after i (n if none)
  std::vector<std::uint32_t> next_break_;   // first token at or after i that ends a reported clause (n if none)
  std::vector<std::uint32_t> first_word_;   // per sentence: first Word token (sentence end if none)
  std::vector<std::uint32_t> first_wn_;     // per sentence: first Word or Number token
  std::vector<std::uint32_t> first_wnq_;    // per sentence: first Word, Number or Quote token
  std::vector<std::int32_t> prev_named_;    // per sentence: memo of named_in_previous_sentence (-2 unknown)
  std::vector<std::uint32_t> prev_named_gen_;
  std::uint32_t relink_gen_ = 0;            // bumped when a pronoun is re-linked (invalidates the memo)
  std::vector<QuoteSpan> spans_;
  std::vector<Quote> out_;
  std::string low_;

  // ---- tokens and mentions ----
  std::string_view tok_text(std::uint32_t i) const { return toks_[i].text(text_); }
  bool is_text(std::uint32_t i, std::string_view s) const { return tok_text(i) == s; }
  bool lower_is(std::uint32_t i, std::string_view s) const { return lower_equals(tok_text(i), s); }
  // ASCII case-insensitive comparison of a token with a lower-case word (no buffer).
  bool ascii_ieq(std::uint32_t i, std::string_view s) const {
    const std::string_view w = tok_text(i);
    if (w.size() != s.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k) {
      char c = w[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != s[k]) return false;
    }
    return true;
  }
  bool is_comma(std::uint32_t i) const { return is_text(i, ","); }
  bool apostrophe_s(std::uint32_t i) const { return is_apostrophe_s(tok_text(i)); }
  bool and_or(std::uint32_t i) { return lower_is(i, "and") || lower_is(i, "or"); }
  bool is_dash(std::uint32_t i) const { return toks_[i].kind == TokenKind::Punct && toks_[i].has(token_flags::kDash); }
  bool is_terminal(std::uint32_t i) const { return toks_[i].kind == TokenKind::Punct && toks_[i].has(token_flags::kTerminal); }
  std::uint32_t sent_begin(std::uint32_t s) const { return seg_.sentences[s].token_begin; }
  std::uint32_t sent_end(std::uint32_t s) const { return seg_.sentences[s].token_end; }
  std::uint32_t para_of_tok(std::uint32_t i) const { return seg_.sentences[sent_of_[i]].paragraph; }
  bool heading(std::uint32_t i) const { return seg_.paragraphs[para_of_tok(i)].is_heading; }
  std::int32_t entity_of(std::int32_t m) const { return m == kNone ? kNone : mr_.mentions[static_cast<std::size_t>(m)].entity; }
  const Mention& mention(std::int32_t m) const { return mr_.mentions[static_cast<std::size_t>(m)]; }
  // Mention m (kNone allowed) names an entity of that kind.
  bool names(std::int32_t m, EntityKind kind) const {
    const std::int32_t e = entity_of(m);
    return e != kNone && mr_.entities[static_cast<std::size_t>(e)].kind == kind;
  }
  // Mention m (not kNone) ends in a document noun: "the report", "a statement" (wc::kDocument).
  bool names_document(std::int32_t m) const { return (info_[mention(m).token_end - 1].cls & wc::kDocument) != 0; }
  // Mention m (kNone allowed) names a person or a group, and not by a pronoun.
  bool named_person_or_group(std::int32_t m) const {
    return (names(m, EntityKind::Person) || names(m, EntityKind::Group)) && !mention(m).is_pronoun;
  }
  // A conjunction that may open a sentence before a fronted clause or attribution ("But as ...,",
  // "But according to X, ...").
  bool opening_conjunction(std::uint32_t i) const {
    return ascii_ieq(i, "but") || ascii_ieq(i, "and") || ascii_ieq(i, "so") || ascii_ieq(i, "yet");
  }

  // ---- word shapes the passes share ----
  // A lower-case participle opening an adjunct (", citing ...", ", claiming ..."); not "including",
  // "according", "during", "nothing"...
  bool participle(std::uint32_t v) const {
    const std::string_view w = tok_text(v);
    if (w.size() < 6 || w.substr(w.size() - 3) != "ing") return false;
    static const char* const kNot[] = {"including", "according", "during", "nothing", "something", "anything",
                                       "everything", "morning", "evening", "following", "regarding", "concerning"};
    for (const char* x : kNot)
      if (w == x) return false;
    return true;
  }

  bool ends_with_ing(std::uint32_t v) const {
    const std::string_view w = tok_text(v);
    return w.size() > 4 && w.substr(w.size() - 3) == "ing";
  }

  // speaker_of_lead_in's `verb` when the lead-in sentence has no reporting verb.
  static constexpr std::uint32_t kNoVerb = ~std::uint32_t{0};

  // The shape of a third-person -s verb: "prides", "shows" (not "-ss", "-us", "-is": "class",
  // "status", "this").
  static bool s_form(std::string_view w) {
    return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' && w[w.size() - 2] != 'i';
  }

  // A past-tense verb: "-ed" or a common irregular form ("the talks went well").
  bool past_tense(std::uint32_t k) const {
    const std::string_view w = tok_text(k);
    if (w.size() > 4 && w.substr(w.size() - 2) == "ed" && !(info_[k].cls & (wc::kDeterminer | wc::kPreposition)))
      return true;
    static const char* const kIrregular[] = {"went", "came", "took", "got", "gave", "knew", "saw", "found", "became",
                                             "left", "felt", "kept", "began", "won", "lost", "met", "ran", "paid",
                                             "sent", "built", "spent", "brought", "stood", "fell", "grew", "held",
                                             "led", "sold", "rose", "made", "thought", "told", "wrote", "broke"};
    for (const char* x : kIrregular)
      if (w == x) return true;
    return false;
  }

  bool asked_at(std::uint32_t i) const { return info_[i].word && ascii_ieq(i, "asked"); }

  // ---- the passes, by file ----
  // quote_finder.cpp: the look-ups every pass uses, and the quotes found
  void index();
  float conf_for(std::int32_t m, float base) const;
  void emit(QuoteKind kind, std::uint32_t start, std::uint32_t end, const Attribution& a);
  void relist_mentions();

  // speakers.cpp: who speaks (the subject of a reporting verb, a name after it, a lead-in sentence)
  bool quantifier_subject(std::uint32_t p) const;
  bool cue_verb(std::uint32_t v, std::uint32_t cls_mask) const;
  bool perfect_s(std::uint32_t k) const;
  std::int32_t name_ending_at(std::uint32_t k, std::uint32_t lo) const;
  bool of_unnamed_group(std::int32_t m) const;
  std::int32_t turn_speaker_at(std::uint32_t t) const;
  bool first_person_subject(std::uint32_t v, std::uint32_t lo) const;
  Attribution first_person_attribution(std::uint32_t v) const;
  std::int32_t speaker_before(std::uint32_t v, std::uint32_t lo) const;
  std::int32_t document_issuer(std::int32_t m, std::uint32_t lo) const;
  std::int32_t speaker_coordinated(std::uint32_t v, std::uint32_t lo) const;
  std::int32_t sentence_subject(std::uint32_t v) const;
  std::uint32_t after_dateline(std::uint32_t sb, std::uint32_t limit) const;
  std::int32_t participle_subject(std::uint32_t v) const;
  std::int32_t speaker_after(std::uint32_t v, std::uint32_t hi) const;
  bool object_pronoun_after(std::uint32_t v, bool possessive) const;
  std::int32_t subject_of_verb_before(std::uint32_t v) const;
  std::int32_t person_after_description(std::uint32_t v, std::uint32_t hi) const;
  std::int32_t speaker_of_lead_in(std::uint32_t open, std::uint32_t& verb) const;
  std::int32_t named_in_previous_sentence(std::uint32_t open);
  void relink_pronoun(Attribution& a, std::int32_t prev_mention);

  // transcripts.cpp: transcript turns, headlines and labelled paragraphs
  std::int32_t turn_label(std::uint32_t p) const;
  void turns();
  void labelled_paragraphs();

  // direct_quotes.cpp: quotations in quote marks (direct and partial quotes)
  Attribution after_pattern(const QuoteSpan& q);
  Attribution before_pattern(std::uint32_t open, std::uint32_t lo, bool near, std::uint32_t mask);
  bool starts_clause(std::uint32_t open) const;
  bool ends_clause(const QuoteSpan& q) const;
  bool title_case(const QuoteSpan& q) const;
  bool work_title(const QuoteSpan& q) const;
  std::uint32_t content_words(const QuoteSpan& q) const;
  void direct();

  // reported_speech.cpp: indirect speech, questions put to someone, "according to"
  bool clause_start(std::uint32_t j, std::uint32_t hi) const;
  bool bare_clause_start(std::uint32_t j, std::uint32_t hi);
  bool closes_mid_clause(std::uint32_t open, std::uint32_t se) const;
  bool fragment_in_clause(std::uint32_t from, std::uint32_t sb, std::uint32_t se, std::uint32_t v) const;
  std::uint32_t clause_end(std::uint32_t from, std::uint32_t sb, std::uint32_t se, std::uint32_t v) const;
  bool finding_of_a_document(std::int32_t m, std::uint32_t v);
  bool embedded_subject(std::uint32_t j, std::uint32_t k) const;
  bool question(std::uint32_t v, std::uint32_t sb, std::uint32_t se);
  void emit_reported(std::uint32_t begin, std::uint32_t end, std::int32_t m, std::uint32_t v, float base);
  bool adjunct_participle(std::uint32_t k, std::uint32_t se) const;
  bool speech_noun(std::uint32_t v, std::uint32_t sb, std::uint32_t se);
  bool parenthetical(std::uint32_t v, std::uint32_t s, std::uint32_t sb, std::uint32_t se);
  bool subject_not_a_mention(std::uint32_t v, std::uint32_t sb, std::uint32_t se);
  void indirect();
  void according_to();
};

}  // namespace presslens::quote_detail
