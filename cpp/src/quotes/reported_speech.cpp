// Speech without quote marks: indirect quotes ("X said that ...", "..., X said."), questions put
// to someone ("Asked whether he would run, ..."), speech nouns ("Trump's claim that ...") and
// "according to X".
#include <algorithm>

#include "finder.hpp"

namespace presslens::quote_detail {

bool Finder::clause_start(std::uint32_t j, std::uint32_t hi) const {
  // A subject (pronoun, determiner + noun, or a name) followed soon by an auxiliary or modal.
  if (j >= hi || toks_[j].kind != TokenKind::Word) return false;
  const std::uint32_t cls = info_[j].cls;
  if (!((cls & (wc::kSubjPronoun | wc::kDeterminer)) || info_[j].cap || m_start_[j] != kNone ||
        (info_[j].lower && !(cls & (wc::kPreposition | wc::kSpeech | wc::kClause | wc::kFunc | wc::kTime)))))
    return false;
  for (std::uint32_t k = j + 1; k < hi && k < j + 7; ++k) {
    if (toks_[k].kind != TokenKind::Word) return false;
    // ("'s" after a capitalised word is a possessive far more often than "is": "questioned
    // the President's power".)
    const bool possessive = apostrophe_s(k) && info_[k - 1].cap;
    // (Nor is an auxiliary after "to" finite: "power to do as he proposed".)
    if ((info_[k].cls & wc::kAux) && !possessive && !is_text(k - 1, "to")) return true;
    const std::string_view w = tok_text(k);
    if (w == "and" || w == "or" || w == "but") return false;
    if ((info_[k].cls & (wc::kSpeech | wc::kClause)) && info_[k].lower) return false;
    if (info_[k].lower && past_tense(k)) return true;
  }
  return false;
}

// A reported clause after a verb of wc::kBareClause: a subject of any shape (a number too:
// "said 2016 has seen ...") and, within the next fifteen tokens, a word that can only be its
// verb (an auxiliary, a past tense, or an -s form after a noun: "the place prides itself").
bool Finder::bare_clause_start(std::uint32_t j, std::uint32_t hi) {
  if (j >= hi) return false;
  if (toks_[j].kind == TokenKind::Word) {
    if (info_[j].lower && (info_[j].cls & (wc::kPreposition | wc::kSpeech | wc::kClause | wc::kAdverb |
                                             wc::kSubordinator | wc::kAux)))
      return false;
    static const char* const kNotSubjects[] = {"so", "nothing", "something", "anything", "yes", "no", "goodbye",
                                               "hello", "thanks", "to", "not", "what", "how", "why", "when",
                                               "where", "which", "little", "much", "more", "enough", "otherwise"};
    const bool much_of = j + 1 < hi && lower_is(j, "much") && lower_is(j + 1, "of");  // "much of his discussion"
    lower_into(tok_text(j), low_);
    for (const char* x : kNotSubjects)
      if (low_ == x && !much_of) return false;
    // A subject pronoun and a verb: "said he plans to", "said they feel" ("said it to him" is
    // no clause).
    if ((info_[j].cls & wc::kSubjPronoun) && j + 1 < hi && info_[j + 1].word && info_[j + 1].lower &&
        !(info_[j + 1].cls & (wc::kPreposition | wc::kConnector)) && !lower_is(j + 1, "to") &&
        !and_or(j + 1))
      return true;
  } else if (toks_[j].kind != TokenKind::Number) {
    return false;
  }
  bool subordinate = false;
  for (std::uint32_t k = j + 1; k < hi && k < j + 16; ++k) {
    if (toks_[k].kind == TokenKind::Quote || is_terminal(k) || is_text(k, ";") || is_dash(k)) return false;
    const std::uint32_t cls = info_[k].cls;
    // (Also a clitic, "they'll shift", but not "'s", as often a possessive: "Suu Kyi's election".)
    if ((cls & wc::kAux) && ((info_[k].word && info_[k].lower) ||
                             (!info_[k].cap && !apostrophe_s(k))))
      return true;
    if (!info_[k].word || !info_[k].lower) continue;
    // "added his voice after five senators urged Akin to": past a subordinator a past tense or
    // an -s form is the subordinate clause's verb (the words before it were an object); only
    // an auxiliary still shows the reported clause ("the endorsement before the primary will").
    if (cls & wc::kSubordinator) subordinate = true;
    if (subordinate) continue;
    const std::string_view w = tok_text(k);
    const std::uint32_t p = k - 1;
    const bool after_noun = info_[p].word && !(info_[p].cls & (wc::kDeterminer | wc::kPreposition | wc::kFunc)) &&
                            (info_[p].lower || info_[p].cap);
    if (cls & (wc::kSpeech | wc::kClause)) {
      // Right after a determiner and before a verb it is a noun, the clause's subject ("said the
      // report was false", "said the state allocated"); not before other words ("stressed those
      // worries on Sunday": an object).
      // (Also with one describing word between: "said the new report was false".)
      const bool after_determiner =
          (info_[p].word && (info_[p].cls & wc::kDeterminer)) ||
          (p > j && info_[p - 1].word && (info_[p - 1].cls & wc::kDeterminer) && info_[p].word && info_[p].lower &&
           !(info_[p].cls & (wc::kAux | wc::kSpeech | wc::kClause | wc::kPreposition | wc::kDeterminer)));
      if (after_determiner && k + 1 < hi && info_[k + 1].word && info_[k + 1].lower &&
          ((info_[k + 1].cls & wc::kAux) || past_tense(k + 1) || s_form(tok_text(k + 1))))
        continue;
      // A reporting verb in a finite form right after a noun is the clause's own verb ("said
      // the union expected production to", "says an internal review shows no one"); as a base
      // form or after "and" (a function word: no noun) it is a verb of its own.
      return after_noun && (past_tense(k) || s_form(w));
    }
    if (past_tense(k)) return true;
    // (A plural noun is as often followed by a preposition or a mark: "said the worst things
    // about me" is an object.)
    const bool object_after = k + 1 < hi && info_[k + 1].word &&
                              !(info_[k + 1].cls & (wc::kPreposition | wc::kConnector | wc::kSubordinator)) &&
                              !and_or(k + 1);
    // (Common verbs are function words for the mentions stage, "helps", "makes", "wants": they
    // count; the function words ending in -s that are no verbs do not.)
    static const char* const kNotVerbs[] = {"always", "towards", "besides", "thanks", "whereas",
                                            "ours", "yours", "theirs", "hers", "perhaps", "sometimes"};
    bool not_verb = (cls & (wc::kPreposition | wc::kTime | wc::kGroupNoun)) != 0;
    for (const char* x : kNotVerbs) not_verb = not_verb || w == x;
    if (after_noun && object_after && s_form(w) && !not_verb) return true;
  }
  return false;
}

// The quotation opening at token `open` closes inside the sentence and the author's words go on
// after it (a mixed quote). One look-up.
bool Finder::closes_mid_clause(std::uint32_t open, std::uint32_t se) const {
  if (open >= se || close_of_open_[open] == kNone) return false;
  const auto close = static_cast<std::uint32_t>(close_of_open_[open]);
  return close + 1 < se && info_[close + 1].word && !in_quote_[close + 1];
}

// A quotation opens in [from, end of the reported clause starting at `from`).
bool Finder::fragment_in_clause(std::uint32_t from, std::uint32_t sb, std::uint32_t se, std::uint32_t v) const {
  return from < se && next_open_[from] < clause_end(from, sb, se, v);
}

// End of the reported clause: the sentence end, or the comma that closes a fronted
// subordinate clause ("While X claims ..., Y ...").
std::uint32_t Finder::clause_end(std::uint32_t from, std::uint32_t sb, std::uint32_t se, std::uint32_t v) const {
  std::uint32_t first = std::max(sb, std::min(first_word_[sent_of_[sb]], v));
  // "But as Trump ... pledged to ..., many in the audience ...": a conjunction before the
  // fronted subordinate clause.
  if (first + 1 < v && opening_conjunction(first) &&
      (info_[first + 1].cls & wc::kSubordinator))
    ++first;
  const bool fronted = (info_[first].cls & wc::kSubordinator) && first < v;
  const bool comma_before_v = first < v && commas_[v] > commas_[first];
  std::uint32_t e = std::min(se, next_semi_[from]);
  if (fronted && !comma_before_v) e = std::min(e, next_comma_[from]);
  e = std::min(e, next_break_[from]);
  e = std::max(from, std::min(e, nonpunct_end_[e]));  // trailing punctuation is not content
  // A closing quote mark after terminal punctuation belongs to a quote inside the clause.
  while (e > from && is_terminal(e - 1)) --e;
  return e;
}

// Verb v is show(s/ed) or find(s)/found and mention m is a document that can show things (a
// poll, survey, study, report, records: wc::kDocument).
bool Finder::finding_of_a_document(std::int32_t m, std::uint32_t v) {
  if (m == kNone || !info_[v].lower) return false;
  if (!(lower_is(v, "shows") || lower_is(v, "show") || lower_is(v, "showed") || lower_is(v, "found") ||
        lower_is(v, "finds") || lower_is(v, "find")))
    return false;
  const Mention& mm = mention(m);
  if (mm.is_pronoun || mm.token_end == 0) return false;
  return names_document(m);
}

// Tokens [j, k) can be the subject of the reporting verb k inside a reported clause: one to five
// words, no setting (preposition, time, adverb, auxiliary, subordinator), and k a finite verb in
// lower case ("those revelations show", "the report shows"; not "noting", not "Tuesday, adding").
bool Finder::embedded_subject(std::uint32_t j, std::uint32_t k) const {
  if (k <= j || k > j + 5 || !info_[k].lower || ends_with_ing(k)) return false;
  // It opens with a determiner or a mention ("those", "the report", "Justin Bamberg"), not with
  // "to" or an object pronoun ("urged him to continue", "asked them to show").
  if (!(info_[j].cls & wc::kDeterminer) && m_start_[j] == kNone) return false;
  if (m_start_[j] != kNone && mention(m_start_[j]).is_pronoun) return false;
  if (is_text(k - 1, "to")) return false;  // an infinitive: "urged the campaign to emphasize"
  // Many reporting verbs are nouns too ("a national state of emergency", "the state claims"). A
  // base form needs a plural subject before it ("those revelations show"); an -s or past form
  // (also an adjective: "a large pledged delegate lead") needs what a clause verb takes after
  // it: "that", a determiner, a pronoun or a name ("the report shows that", "shows Trump").
  const std::string_view w = tok_text(k), before = tok_text(k - 1);
  if (past_tense(k) || s_form(w)) {
    if (!(k + 1 < toks_.size() && (ascii_ieq(k + 1, "that") || m_start_[k + 1] != kNone ||
                                   (info_[k + 1].cls & (wc::kDeterminer | wc::kSubjPronoun)))))
      return false;
  } else if (before.empty() || before.back() != 's') {
    return false;
  }
  for (std::uint32_t x = j; x < k; ++x) {
    if (toks_[x].kind != TokenKind::Word || in_quote_[x]) return false;
    // (A relative clause inside: "the conservative who he thought would win".)
    if (x > j && ((info_[x].cls & (wc::kPronoun | wc::kSubjPronoun)) || ascii_ieq(x, "who") || ascii_ieq(x, "which")))
      return false;
    if (info_[x].cls & (wc::kPreposition | wc::kTime | wc::kAdverb | wc::kAux | wc::kSubordinator | wc::kSpeech |
                        wc::kClause))
      return false;
  }
  return true;
}

// A question put to someone, in the passive or as a fronted participle: "Asked whether he
// would run, Trump said ...", "when asked by a reporter if that remains his view", "he was
// first asked if he would support Trump". The question is an indirect quote of whoever asked
// it: the agent after "by" when there is one, otherwise no one (the text does not say). Its
// words run from the question word (whether, if, what, why, how, who, which, when, where) after
// the cue, the agent and a time phrase, to the end of the fronted or subordinate clause;
// "asked about the charges" or "asked to comment" put no question in words. "X asked
// whether ..." with X before the verb is the general rule's.
bool Finder::question(std::uint32_t v, std::uint32_t sb, std::uint32_t se) {
  if (in_quote_[v] || cue_used_[v] || !asked_at(v)) return false;
  const bool first = v == std::max(sb, std::min(first_word_[sent_of_[sb]], v));
  // "when asked", "was asked", "was first asked" (not "Lawmakers also asked": active).
  auto passive_or_when = [&](std::uint32_t k) {
    return toks_[k].kind == TokenKind::Word && info_[k].lower && (info_[k].cls & (wc::kSubordinator | wc::kPassive));
  };
  const bool after_when =
      v > sb && (passive_or_when(v - 1) || (v > sb + 1 && (info_[v - 1].cls & wc::kAdverb) && passive_or_when(v - 2)));
  if (!first && !after_when) return false;
  std::uint32_t c = v + 1;
  std::int32_t m = kNone;
  if (c + 1 < se && lower_is(c, "by") && m_start_[c + 1] != kNone) {
    m = m_start_[c + 1];
    c = mention(m).token_end;
  }
  while (c < se && c < v + 6 && toks_[c].kind == TokenKind::Word &&
         ((info_[c].cls & wc::kTime) || ((info_[c].cls & wc::kPreposition) && c + 1 < se &&
                                         (info_[c + 1].cls & wc::kTime))))
    ++c;
  if (c >= se || !(lower_is(c, "whether") || lower_is(c, "if") ||
                   lower_is(c, "what") || lower_is(c, "why") || lower_is(c, "how") || lower_is(c, "who") ||
                   lower_is(c, "which") || lower_is(c, "when") || lower_is(c, "where")))
    return false;
  // A fronted participle ends at its comma; a subordinate one at its comma or the sentence end.
  std::uint32_t e = std::min({se, next_comma_[c], next_semi_[c], next_break_[c]});
  if (first && e >= se) return false;  // "Asked whether ..." needs the main clause after it
  e = std::max(c, std::min(e, nonpunct_end_[e]));
  while (e > c && is_terminal(e - 1)) --e;
  if (e < c + 3) return false;
  emit_reported(c, e, m, v, 0.6f);
  cue_used_[v] = 1;
  return true;
}

// An indirect quote over tokens [begin, end) spoken by mention m with the one-token cue v.
void Finder::emit_reported(std::uint32_t begin, std::uint32_t end, std::int32_t m, std::uint32_t v, float base) {
  Attribution a;
  a.mention = m;
  a.cue = static_cast<std::int32_t>(v);
  a.cue_end_tok = v + 1;
  a.confidence = conf_for(m, base);
  // ('maintained that, one way or another, “…”': the reported words start after the comma.)
  while (begin + 1 < end && (is_comma(begin) || is_dash(begin))) ++begin;
  const std::uint32_t start = toks_[begin].start, stop = toks_[end - 1].end;
  // (A clause reported twice, "He repeated his claim that ...": the first attribution stands.)
  for (std::size_t k = out_.size(), n = 0; k-- > 0 && n < 4; ++n)
    if (out_[k].kind == QuoteKind::Indirect && out_[k].start == start && out_[k].end == stop) return;
  emit(QuoteKind::Indirect, start, stop, a);
}

// A participle opening an adjunct (", adding that ...", ", wiping sweat off his face"), not a
// gerund subject (", replacing Clinton would be hard": an auxiliary follows within three words).
bool Finder::adjunct_participle(std::uint32_t k, std::uint32_t se) const {
  if (!participle(k)) return false;
  if (info_[k].cls & (wc::kSpeech | wc::kClause)) return true;  // ", adding that he would ..."
  for (std::uint32_t x = k + 1; x < se && x < k + 4; ++x)
    if (info_[x].word && (info_[x].cls & wc::kAux) && !apostrophe_s(x)) return false;
  return true;
}

// "Trump's claim that ...", "his claim that ...": a speech noun after a possessive speaker, then
// "that" and a clause.
bool Finder::speech_noun(std::uint32_t v, std::uint32_t sb, std::uint32_t se) {
  if (v < sb + 2 || v + 3 >= se || in_quote_[v] || !info_[v].word) return false;
  const std::string_view w = tok_text(v);
  static const char* const kNouns[] = {"claim", "claims", "assertion", "argument", "warning", "insistence",
                                       "contention", "allegation", "allegations", "suggestion", "promise",
                                       "pledge", "statement", "assurance", "accusation"};
  bool noun = false;
  for (const char* x : kNouns) noun = noun || w == x;
  if (!noun || !lower_is(v + 1, "that")) return false;
  // The speaker: a possessor ("Trump's claim that"), or a possessive pronoun ("his claim that").
  std::int32_t m = kNone;
  if (apostrophe_s(v - 1))
    m = m_end_[v - 2];
  else if (ascii_ieq(v - 1, "his") || ascii_ieq(v - 1, "her") || ascii_ieq(v - 1, "their"))
    m = m_start_[v - 1];
  if (m == kNone || mention(m).in_quote) return false;
  const std::int32_t e = entity_of(m);
  if (e == kNone || mr_.entities[static_cast<std::size_t>(e)].kind == EntityKind::Place) return false;
  const std::uint32_t c = v + 2;
  const std::uint32_t end = clause_end(c, sb, se, v);
  if (end <= c + 2) return false;
  emit_reported(c, end, m, v, 0.55f);
  return true;
}

// "These employees, Stumpf explained earlier in the hearing, were “well-paid,” making ...": a
// parenthetical attribution inside the reported sentence; the content is the sentence (from its
// first word to the end of the clause after the attribution).
bool Finder::parenthetical(std::uint32_t v, std::uint32_t s, std::uint32_t sb, std::uint32_t se) {
  const std::int32_t m = speaker_before(v, sb);
  if (m == kNone || mention(m).in_quote) return false;
  std::uint32_t mb = mention(m).token_begin;
  // (A possessive before the speaker belongs to it: "The president, his advisers say, has ...".)
  if (mb > sb + 1 && m_start_[mb - 1] != kNone && mention(m_start_[mb - 1]).is_pronoun && is_comma(mb - 2)) --mb;
  const std::uint32_t c0 = std::max(sb, std::min(first_wnq_[s], mb));
  if (mb < c0 + 2 || !is_comma(mb - 1) || toks_[c0].kind == TokenKind::Quote || in_quote_[c0]) return false;
  if (words_out_[mb - 1] == words_out_[c0]) return false;
  const std::uint32_t k = next_comma_[v + 1 < se ? v + 1 : se];
  if (k >= se || k > v + 10 || k + 1 >= se) return false;
  for (std::uint32_t x = v + 1; x < k; ++x)
    if (toks_[x].kind == TokenKind::Quote || is_terminal(x) || (x > v + 1 && cue_verb(x, wc::kSpeech | wc::kClause))) return false;
  // Only a setting may follow the verb ('said on Monday', 'told reporters', 'added later'), and
  // the sentence goes on with its clause, not with a coordinated one ('..., and ...').
  if (k > v + 1 && !(info_[v + 1].cls & (wc::kAdverb | wc::kTime | wc::kPreposition)) && m_start_[v + 1] == kNone)
    return false;
  // (Nor with a participle: "..., Nefzi said, adding that ..." ends the clause said.)
  if (toks_[k + 1].kind == TokenKind::Quote || !info_[k + 1].word || is_text(k + 1, "and") || is_text(k + 1, "or") ||
      (info_[k + 1].lower && adjunct_participle(k + 1, se)))
    return false;
  const std::uint32_t e = clause_end(k + 1, sb, se, v);
  if (e <= k + 2) return false;
  emit_reported(c0, e, m, v, 0.6f);
  cue_used_[v] = 1;
  return true;
}

// "Thirty-one percent of those surveyed say they would ...", "some friends say Mr. Clinton
// would ...": a reporting verb right after a subject the mentions stage does not know as a
// speaker (a share, a described group). The clause is still reported speech; its speaker stays
// unknown rather than guessed.
bool Finder::subject_not_a_mention(std::uint32_t v, std::uint32_t sb, std::uint32_t se) {
  if (v <= sb || v + 3 >= se || !(info_[v].cls & wc::kBareClause)) return false;
  if (ends_with_ing(v)) return false;  // "saying": a participle
  const std::uint32_t p = v - 1;
  if (in_quote_[p] || (m_end_[p] != kNone && !of_unnamed_group(m_end_[p]))) return false;
  const bool noun_before = m_end_[p] != kNone || (info_[p].word && !(info_[p].cls & (wc::kFunc | wc::kPreposition | wc::kAux | wc::kAdverb |
                                                              wc::kConnector | wc::kSubordinator)));
  const bool share_before = toks_[p].kind == TokenKind::Number || is_text(p, "%") || ascii_ieq(p, "percent");
  if (!noun_before && !share_before && !quantifier_subject(p)) return false;
  std::uint32_t c = se;
  // (A time after the verb is no part of the clause: "said Sunday that he ...".)
  std::uint32_t j = v + 1;
  while (j + 1 < se && j < v + 3 && toks_[j].kind == TokenKind::Word && (info_[j].cls & wc::kTime)) ++j;
  if (lower_is(j, "that")) {
    // ("said that first week" is a determiner, not a clause.)
    if (clause_start(j + 1, se) || bare_clause_start(j + 1, se)) c = j + 1;
  } else if (bare_clause_start(j, se) && !fragment_in_clause(j + 1, sb, se, v)) c = j;
  if (c >= se || toks_[c].kind == TokenKind::Quote) return false;
  const std::uint32_t e = clause_end(c, sb, se, v);
  if (e <= c + 2) return false;
  emit_reported(c, e, kNone, v, 0.75f);
  cue_used_[v] = 1;
  return true;
}

void Finder::indirect() {
  for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s) {
    const std::uint32_t sb = sent_begin(s), se = sent_end(s);
    if (sb >= se || heading(sb)) continue;
    for (std::uint32_t v = sb; v < se; ++v) {
      if (speech_noun(v, sb, se)) continue;
      if (question(v, sb, se)) continue;
      if (in_quote_[v] || cue_used_[v] || !cue_verb(v, wc::kClause | wc::kSpeech)) continue;
      // A speech verb that is not a clause verb ('remarked', 'quipped') reports a clause only
      // after "that" or around a quoted fragment.
      const bool speech_only = !(info_[v].cls & wc::kClause);
      // Pattern 1: speaker before the verb, clause after it.
      std::int32_t m = participle_subject(v);
      if (m == kNone) m = speaker_before(v, sb);
      if (m == kNone) m = speaker_coordinated(v, sb);
      if (m != kNone && mention(m).in_quote) m = kNone;
      if (m == kNone && v + 1 < se && m_start_[v + 1] != kNone && (info_[v + 1].cls & wc::kSubjPronoun) &&
          !in_quote_[v + 1] && fragment_in_clause(v + 2, sb, se, v)) {
        // '..., said she would “support the nominee”' with no speaker found before the verb: the
        // clause's pronoun subject speaks of itself (as for a partial quote after "said she").
        m = m_start_[v + 1];
      }
      if (m != kNone) {
        std::uint32_t j = v + 1;
        if ((info_[v].cls & wc::kObjectVerb) && j < se && m_start_[j] != kNone) {
          j = mr_.mentions[static_cast<std::size_t>(m_start_[j])].token_end;  // "told reporters"
        } else if ((info_[v].cls & wc::kObjectVerb) && j < se && info_[j].word && info_[j].cap) {
          // "told The Hill the plan was dead": a capitalised object the mentions stage left out
          // (an outlet, an audience) is no part of the clause.
          std::uint32_t k = j;
          while (k < se && k < j + 5 && info_[k].word && (info_[k].cap || (info_[k].cls & wc::kConnector))) ++k;
          if (k > j && k < se && info_[k].word && info_[k].lower && (clause_start(k, se) || lower_is(k, "that"))) j = k;
        }
        std::uint32_t c = se;
        float conf = 0.75f;
        // "said in a statement that", "told a town hall in Salem, New Hampshire, on Monday that",
        // "asked whether"
        bool setting_clause = false;  // "said after the reports broke that ..."
        // "which friends described as miserable": "as" right after a verb of naming gives its
        // description, not a reported clause.
        if ((info_[v].cls & wc::kPartialCue) && j < se && lower_is(j, "as")) j = se;
        // "the UK has added 208 coronavirus cases to their total": "add" with a number after it
        // counts, it does not speak.
        if (j < se && toks_[j].kind == TokenKind::Number &&
            (lower_is(v, "added") || lower_is(v, "adds") || lower_is(v, "add") || lower_is(v, "adding")))
          j = se;
        for (std::uint32_t k = j; k < se && k < j + 12; ++k) {
          if (toks_[k].kind != TokenKind::Word && toks_[k].kind != TokenKind::Number && !is_comma(k)) break;
          if (k > j && cue_verb(k, wc::kSpeech | wc::kClause)) {
            // "Democrats say those revelations show that ...": a reporting verb with a subject
            // of its own right after v opens the reported clause there (the "that" belongs to it).
            if (!setting_clause && embedded_subject(j, k)) {
              c = j;
              conf = 0.55f;
            }
            break;
          }
          // (", though," is an adverb, no subordinate clause.)
          if (info_[k].lower && (info_[k].cls & wc::kSubordinator) && !(k + 1 < se && is_comma(k + 1)))
            setting_clause = true;
          // A verb before it, outside such a setting: the clause began already ("said current
          // officials have concealed information that had been requested": a relative "that").
          if (k > j && !setting_clause && info_[k].lower && ((info_[k].cls & wc::kAux) || past_tense(k))) break;
          // "said he wants to attack provisions that address ...": a subject pronoun and its verb
          // right after the reporting verb are the clause; a later "that" is a relative.
          if (k == j && (info_[k].cls & wc::kSubjPronoun) && m_start_[k] != kNone && !lower_is(k, "that") &&
              bare_clause_start(k, se)) {
            c = k;
            break;
          }
          if (lower_is(k, "that")) {
            // "announced a compromise plan that funded the wall": after an object, a "that"
            // followed straight by a verb is a relative pronoun, no clause.
            // (Only a past form: an -s form is as often a plural subject, "said that hackers have".)
            if (k > j && k + 1 < se && info_[k + 1].lower && past_tense(k + 1) &&
                !(info_[k + 1].cls & (wc::kDeterminer | wc::kPronoun | wc::kFunc))) {
              j = se;  // (and no other reading of the words after the verb as a clause)
              break;
            }
            c = k + 1;
            break;
          }
          if (k == j && (lower_is(k, "whether") || lower_is(k, "if"))) { c = k + 1; break; }
        }
        if (c == se) {
          std::uint32_t k = j;
          while (k < se && k < j + 4 && toks_[k].kind == TokenKind::Word &&
                 ((info_[k].cls & wc::kTime) || ((info_[k].cls & wc::kPreposition) && k + 1 < se && (info_[k + 1].cls & wc::kTime))))
            ++k;
          if (!speech_only && clause_start(k, se)) {
            c = k;
            conf = 0.6f;
          } else if (!speech_only && (info_[v].cls & wc::kBareClause) && bare_clause_start(k, se) &&
                     !fragment_in_clause(k + 1, sb, se, v)) {
            // 'Officials said 2016 has seen the worst start', 'She said the place prides itself
            // on ...': no "that", no auxiliary right after the subject.
            c = k;
            conf = 0.55f;
          } else if (k < se && toks_[k].kind == TokenKind::Word && !(info_[k].cls & (wc::kPreposition | wc::kSpeech)) &&
                     fragment_in_clause(k + 1, sb, se, v)) {
            // A clause holding a quoted fragment is reported speech too (a mixed quote):
            // 'Cruz said any candidate "owes it to the men and women" of the state.'
            c = k;
            conf = 0.55f;
          } else if (k < se && (info_[k].cls & wc::kPreposition) && info_[k].lower) {
            // 'wrote in both listings he was "honored"': a short prepositional phrase, then a
            // clause holding a quoted fragment.
            for (std::uint32_t x = k + 2; x < se && x < k + 5 && toks_[x].kind == TokenKind::Word; ++x) {
              if ((info_[x].cls & wc::kSubjPronoun) && clause_start(x, se) && fragment_in_clause(x + 1, sb, se, v)) {
                c = x;
                conf = 0.55f;
                break;
              }
            }
          }
        }
        if (c == se && finding_of_a_document(m, v) && j < se && toks_[j].kind == TokenKind::Word) {
          // "The poll shows Trump leading the field with 31 percent": what a poll, study or
          // record shows is what it says, whatever the shape of the words after the verb.
          c = j;
          conf = 0.5f;
        }
        if (c == se && closes_mid_clause(j, se)) {
          // 'he said "budget reforms" and unpaid taxes would pay': a clause opening with a quote
          // that closes before the clause does (a mixed quote).
          c = j;
          conf = 0.55f;
        }
        // 'said that "a bomb" had gone off': the quotation closes before the clause does.
        if (c < se && conf >= 0.6f && closes_mid_clause(c, se)) conf = 0.55f;
        if (c < se && (toks_[c].kind != TokenKind::Quote || conf < 0.6f)) {
          const std::uint32_t e = clause_end(c, sb, se, v);
          if (e > c + 2) {
            emit_reported(c, e, m, v, conf);
            cue_used_[v] = 1;
            continue;
          }
        }
      }
      if (m == kNone && subject_not_a_mention(v, sb, se)) continue;
      if (parenthetical(v, s, sb, se)) continue;
      // Pattern 2: "..., officials said." / "..., said the spokesman." at the end of the sentence.
      // (Not before "that" and a clause too short to report: "Based on the data, officials say
      // that crime fell." says nothing of the phrase before the comma; "said that week" and "said
      // that day" may end the sentence.)
      if (v + 2 < se && ascii_ieq(v + 1, "that") && !(info_[v + 2].cls & wc::kTime) && !ascii_ieq(v + 2, "day") &&
          !ascii_ieq(v + 2, "time"))
        continue;
      std::uint32_t tail = v + 1;
      if (tail < se && m_start_[tail] != kNone) {
        // "..., said Steve Bell, senior director of ...": the speaker and an appositive follow.
        tail = mr_.mentions[static_cast<std::size_t>(m_start_[tail])].token_end;
        if (tail < se && is_comma(tail)) tail = se;
        // ("questioned Mr. Trump's veracity": a possessive before a common noun starts an
        // object; "noted NBC's Dante Chinni" still names the speaker.)
        if (tail + 1 < se && apostrophe_s(tail) && info_[tail + 1].lower) continue;
      }
      // "..., she said in a video message to the convention.": a prepositional phrase may be longer.
      const bool pp = tail < se && info_[tail].word && info_[tail].lower && (info_[tail].cls & wc::kPreposition);
      const std::uint32_t tail_lim = pp ? std::max(v + 5, tail + 12) : v + 5;
      while (tail < se && toks_[tail].kind == TokenKind::Word && tail < tail_lim &&
             (info_[tail].cls & (wc::kTime | wc::kPreposition | wc::kDeterminer) || m_start_[tail] != kNone ||
              (tail > v + 1 && toks_[tail].kind == TokenKind::Word)))
        ++tail;
      // "..., she said, and unneeded treatment is costly" / "..., Graham said, since ..." / "...,
      // Nefzi said, adding ...": a second clause or a participle joined after the attribution is
      // not part of what was said.
      const bool setting_after_v = tail == v + 1 || m_start_[v + 1] != kNone ||
                                   (info_[v + 1].cls & (wc::kPreposition | wc::kTime));
      const bool joined_after = setting_after_v && tail + 1 < se && is_comma(tail) &&
                                toks_[tail + 1].kind == TokenKind::Word &&
                                info_[tail + 1].lower &&
                                (and_or(tail + 1) || lower_is(tail + 1, "but") ||
                                 (info_[tail + 1].cls & wc::kSubordinator) || adjunct_participle(tail + 1, se));
      if (tail < se && !is_terminal(tail) && !joined_after) continue;
      std::int32_t sp = speaker_before(v, sb);
      std::uint32_t comma;
      if (sp != kNone) {
        comma = mr_.mentions[static_cast<std::size_t>(sp)].token_begin;
      } else {
        sp = speaker_after(v, se);
        comma = v;
        // An object pronoun after the verb is no inverted speaker ("…, ask them how they …").
        if (sp != kNone && mention(sp).is_pronoun) {
          const std::uint32_t pt = mention(sp).token_begin;
          if (ascii_ieq(pt, "them") || ascii_ieq(pt, "him") || ascii_ieq(pt, "her") || ascii_ieq(pt, "us") ||
              ascii_ieq(pt, "me"))
            continue;
        }
      }
      if (sp == kNone || comma == 0 || comma <= sb + 2) continue;
      // The clause ends with a comma, or with a closing quote mark after a comma (a mixed
      // quote: 'Teachers are "very pro-Bernie," Kilfoyle said.').
      std::uint32_t cend = comma - 1;  // exclusive end of the content
      if (is_comma(comma - 1)) {
        cend = comma - 1;
      } else if (toks_[comma - 1].kind == TokenKind::Quote && comma >= 2 && is_comma(comma - 2)) {
        cend = comma;
      } else {
        continue;
      }
      // (The words said start after a dateline: "WASHINGTON (Reuters) - The Chinese government
      // likely hacked ..., officials said.")
      const std::uint32_t c0 = after_dateline(std::max(sb, std::min(first_wnq_[s], comma)), comma);
      if (asked_at(c0) || (c0 + 1 < cend && (info_[c0].cls & wc::kSubordinator) && asked_at(c0 + 1)))
        continue;  // "Asked whether ..., Trump said ...": the question is not what he said
      {
        // "In a Wall Street Journal essay last week, Ivanka Trump acknowledged ...", "Shortly
        // after my sentence, Eric Holder announced ...": a short fronted phrase with no verb
        // alone before the speaker is no clause that was said ("After the vote, the plan is
        // dead, Smith said" and "About 270 people have been resettled, officials said" are).
        std::uint32_t f = c0;
        if (f + 1 < cend && (ascii_ieq(f, "but") || ascii_ieq(f, "and"))) ++f;
        const bool opener = toks_[f].kind == TokenKind::Word &&
                            (info_[f].cls & (wc::kPreposition | wc::kSubordinator | wc::kAdverb));
        bool verb = cend > f + 12 || commas_[cend] != commas_[f];
        for (std::uint32_t k = f + 1; k < cend && !verb; ++k)
          verb = info_[k].word && info_[k].lower && ((info_[k].cls & wc::kAux) || past_tense(k));
        if (opener && !verb) continue;
      }
      if (toks_[c0].kind == TokenKind::Quote) {
        // A direct quote carries it, unless the author's words go on after the closing mark or
        // between quotations ('"All that Glitters" was to be a "cautionary tale," said X').
        std::uint32_t last_mark = c0;
        if (cend > c0 && last_quote_[cend] > c0) last_mark = last_quote_[cend] - 1;
        const bool words_after = (last_mark + 1 < cend && words_[cend] > words_[last_mark + 1]) ||
                                 words_out_[cend] > words_out_[c0];
        if (!words_after) continue;
      }
      if (cend <= c0 + 3) continue;
      emit_reported(c0, cend, sp, v, 0.7f);
      cue_used_[v] = 1;
    }
  }
}

void Finder::according_to() {
  for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s) {
    const std::uint32_t sb = sent_begin(s), se = sent_end(s);
    if (sb >= se || heading(sb)) continue;
    for (std::uint32_t i = sb; i + 2 < se; ++i) {
      if (in_quote_[i] || !lower_is(i, "according") || !lower_is(i + 1, "to")) continue;
      std::int32_t m = m_start_[i + 2];
      if (m == kNone && i + 3 < se) m = m_start_[i + 3];
      const std::uint32_t src_end = m != kNone ? mention(m).token_end : i + 3;
      std::uint32_t c = 0, e = 0;
      std::uint32_t first = std::max(sb, std::min(first_wn_[s], i));
      // "But according to X, content.": a conjunction before it opens the sentence all the same.
      if (first + 1 == i && opening_conjunction(first)) first = i;
      if (first == i) {  // "According to X, content."
        const std::uint32_t k = src_end < se ? std::min(se, next_comma_[src_end]) : src_end;
        c = k + 1;
        e = std::max(c, std::min(se, nonpunct_end_[se]));
      } else {  // "content, according to X."
        c = first;
        e = i;
        while (e > c && (toks_[e - 1].kind == TokenKind::Punct)) --e;
        // "Over the long term, according to the budget office, the rise in deficits is ...":
        // inside the sentence, between commas, after a short opening (a main clause before it
        // is the content: "X rose, according to Y, which ..."), the content is the whole
        // sentence around it (one span, as for "X, Ann Lee said, Y").
        const std::uint32_t k = src_end < se ? next_comma_[src_end] : se;
        const bool opening = words_[i] <= words_[c] + 8;
        const bool goes_on = k + 1 < se && info_[k + 1].word && !and_or(k + 1) && !lower_is(k + 1, "but") &&
                             !lower_is(k + 1, "which") && !lower_is(k + 1, "who") && !lower_is(k + 1, "whose") &&
                             !lower_is(k + 1, "where");
        if (i > sb && is_comma(i - 1) && k < se && k <= src_end + 8 && !in_quote_[k] && opening && goes_on) {
          const std::uint32_t end = std::max(k + 1, std::min(se, nonpunct_end_[se]));
          if (words_[end] >= words_[k + 1] + 3) e = end;
        }
      }
      if (e <= c || e > se) continue;
      // Too short to be something said ("That's according to ...", "Clinton asked, according
      // to a transcript"), or an introduction whose content follows (", writing for X:").
      if (words_[e] < words_[c] + 3 || (e < se && is_text(e, ":"))) continue;
      Attribution a;
      a.mention = m;
      a.cue = static_cast<std::int32_t>(i);
      a.cue_end_tok = i + 2;
      a.confidence = conf_for(m, 0.85f);
      emit(QuoteKind::AccordingTo, toks_[c].start, toks_[e - 1].end, a);
    }
  }
}

}  // namespace presslens::quote_detail
