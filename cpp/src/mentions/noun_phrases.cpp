// Mentions without a capitalised name: role and group noun phrases ("a White House spokesman",
// "Republican senators"), pronouns, "according to" sources; and the scan of a paragraph that
// tries every kind of mention at each token.
#include <algorithm>

#include "finder.hpp"

namespace presslens::mention_detail {

bool Finder::np_follow_ok(std::uint32_t j, std::uint32_t te) const {
  if (j >= te) return true;
  const Token& t = toks_[j];
  if (t.kind != TokenKind::Word) return true;
  const std::uint32_t cls = info_[j].cls;
  if (cls & (wc::kFunc | wc::kAux | wc::kSpeech | wc::kClause | wc::kAdverb | wc::kPartialCue | wc::kPreposition)) return true;
  const std::string_view w = tok_text(j);
  if (w.size() > 4 && w.substr(w.size() - 2) == "ed") return true;  // the official resigned
  // "a source familiar with the talks", "a person close to the campaign", "another source
  // speaking to Fox News": a described source.
  return w == "familiar" || w == "close" || (w.size() > 5 && w.substr(w.size() - 3) == "ing" && info_[j].lower);
}

// A noun phrase headed by a group or role noun at h: "human rights groups", "a senior official".
bool Finder::try_noun_phrase(std::uint32_t h, std::uint32_t sb, std::uint32_t te, std::uint32_t sentence) {
  const std::uint32_t cls = info_[h].cls;
  if (!(cls & (wc::kGroupNoun | wc::kRoleNoun)) || !info_[h].word) return false;
  if (info_[h].cap && h != sb && !(h > sb && toks_[h - 1].kind == TokenKind::Quote)) return false;  // capitalised: a run
  const bool plural = (cls & wc::kGroupNoun) != 0;
  // "the letter states": a group noun that is also a speech verb, right after a mention, is the verb.
  if (plural && (cls & wc::kSpeech) && info_[h].lower && !cands_.empty() && cands_.back().te == h) return false;
  if (!plural && !np_follow_ok(h + 1, te)) return false;
  // Modifiers: lower-case content words or capitalised words right before the head.
  std::uint32_t a = h;
  std::uint32_t lower_mods = 0;
  while (a > sb && h - a < 4) {
    const std::uint32_t p = a - 1;
    if (toks_[p].kind != TokenKind::Word) break;
    const std::uint32_t pc = info_[p].cls;
    // ("new" and ordinals are function words elsewhere, but modifiers in "a new poll", "a third
    // source": wc::kNounModifier.)
    if ((pc & (wc::kFunc | wc::kDeterminer | wc::kSpeech | wc::kClause | wc::kAux | wc::kPreposition |
               wc::kSubordinator | wc::kPronoun | wc::kAdverb | wc::kPartialCue)) &&
        !(pc & wc::kNounModifier))
      break;
    if (info_[p].lower) {
      const std::string_view w = tok_text(p);
      if (lower_mods >= 2 || (w.size() > 4 && w.substr(w.size() - 3) == "ing")) break;
      lower_mods++;
    }
    a = p;
  }
  // Absorb an adjacent run already taken as a mention ("U.S. officials", "White House aides").
  while (!cands_.empty() && cands_.back().te > a && cands_.back().tb >= sb) {
    a = std::min(a, cands_.back().tb);
    cands_.pop_back();
  }
  bool det = false;
  // "that" or "this" before a plural is no determiner: "shows that voters favor" (a clause).
  const bool singular_det = a > sb && (lower_is(a - 1, "that") || lower_is(a - 1, "this"));
  if (a > sb && (info_[a - 1].cls & wc::kDeterminer) && toks_[a - 1].kind == TokenKind::Word &&
      !(info_[a - 1].cls & wc::kPronoun) && !(plural && singular_det)) {
    --a;
    det = true;
  }
  // A possessor works as a determiner ("Clinton's spokesman", "his lawyer"); the mention stays
  // the role noun (the possessor is a mention of its own).
  const bool possessed = !det && a > sb &&
                         (apostrophe_s(a - 1) ||
                          ((info_[a - 1].cls & wc::kPronoun) && (info_[a - 1].cls & wc::kDeterminer)));
  if (!plural && !det && !possessed && a == h) return false;  // "official statement", a bare role noun
  // Only as the subject of a speech verb ("Clinton's spokesman said"): elsewhere it is mostly an
  // apposition the name's mention covers ("Tom Baker, the network's chief") or an adjective
  // ("her official pledge").
  if (possessed && !plural && a == h && !before_finite_speech_verb(h, te)) return false;
  // ("Trump's attorney, Alan Garten, said", "his top aide, Tad Devine": the name that follows is
  // the mention. "Apple's chief executive, Tim Cook" keeps its role mention, as before: the
  // apposition rule of the quote stage gives Tim Cook.)
  if (possessed && (a == h || (info_[a - 1].cls & wc::kPronoun)) && h + 1 < te &&
      ((toks_[h + 1].kind == TokenKind::Word && info_[h + 1].cap) ||
       (is_text(h + 1, ",") && h + 2 < te && toks_[h + 2].kind == TokenKind::Word && info_[h + 2].cap)))
    return false;
  // "... who would be a disastrous president": a predicate after a copula names no one.
  if (det && a > sb && toks_[a - 1].kind == TokenKind::Word) {
    lower_into(tok_text(a), low_);
    const bool indefinite = low_ == "a" || low_ == "an";
    lower_into(tok_text(a - 1), low_);
    if (indefinite && (low_ == "be" || low_ == "is" || low_ == "was" || low_ == "were" || low_ == "are" ||
                       low_ == "been" || low_ == "being" || low_ == "become" || low_ == "became" || low_ == "becomes"))
      return false;
  }
  lower_into(tok_text(h), low_);
  const std::string head = low_;
  const bool thing = is_thing(head);
  // A document without a determiner speaks only right before "said", or in the plural
  // ("polls show").
  if (thing && !(h + 1 < te && lower_is(h + 1, "said")) && !det && !plural) return false;
  Cand c;
  c.tb = a;
  c.te = h + 1;
  c.strong = true;
  c.name_tb = det ? a + 1 : a;
  c.name_te = h + 1;
  c.name = std::string(span_text(c.name_tb, c.name_te));
  std::uint32_t name_start = c.name_tb;
  c.key = "np:" + lower_joined(name_start, h + 1);
  if (thing) {
    c.type = CandType::Source;
    c.kind = EntityKind::Other;
  } else if (head == "agency") {
    c.type = CandType::RoleNP;
    c.kind = EntityKind::Organization;
  } else if (plural) {
    c.type = CandType::GroupNP;
    c.kind = EntityKind::Group;
  } else {
    c.type = CandType::RoleNP;
    c.kind = EntityKind::Person;
    if (cls & wc::kMale) c.gender = Gender::Male;
    if (cls & wc::kFemale) c.gender = Gender::Female;
    lower_into(tok_text(a), low_);
    // "the secretary", "the four-term congressman": not "the former senator" (another office holder).
    c.definite_role = det && (low_ == "the") && (cls & wc::kTitle) && (h == a + 1 || same_office_modifiers(a + 1, h));
    if (c.definite_role) c.title = head;
  }
  push(std::move(c), sentence);
  return true;
}

// Documents that "say" things (wc::kDocument): a speaker of kind other, not a person.
bool Finder::is_thing(std::string_view head) const { return (lex_.classes(head) & wc::kDocument) != 0; }

// A determiner noun phrase next to a speech verb names a speaker even when its head noun is not
// in the lists: "the presumptive nominee wrote", "said one Democrat familiar with the talks".
std::uint32_t Finder::try_speaker_np(std::uint32_t i, std::uint32_t sb, std::uint32_t te, std::uint32_t sentence) {
  if (!info_[i].word || !(info_[i].cls & wc::kDeterminer) || (info_[i].cls & wc::kPronoun)) return i;
  lower_into(tok_text(i), low_);
  const bool is_the = low_ == "the";
  if (low_ == "that" || low_ == "this" || low_ == "these" || low_ == "those" || low_ == "all" || low_ == "no") return i;
  const bool after_verb = i > sb && info_[i - 1].lower && (info_[i - 1].cls & wc::kSpeech) && !(info_[i - 1].cls & wc::kObjectVerb);
  std::uint32_t j = i + 1, end = i;
  if (after_verb) {
    while (j < te && j - i <= 8 && (toks_[j].kind == TokenKind::Word || toks_[j].kind == TokenKind::Number ||
                                     apostrophe_s(j)))
      ++j;
    if (j - i > 8 || j == i + 1) return i;
    if (j < te && toks_[j].kind != TokenKind::Punct) return i;
    // Only the inverted form names a speaker ("…,” said the spokesman."; "…, says the letter."):
    // the verb follows a comma or quote mark, and the phrase holds no verb of its own
    // ("Leahy said the ruling was wrong." is a reported clause, not a mention).
    if (i < sb + 2 || !(toks_[i - 2].kind == TokenKind::Punct || toks_[i - 2].kind == TokenKind::Quote)) return i;
    for (std::uint32_t k = i + 1; k < j; ++k)
      if (info_[k].lower && (info_[k].cls & (wc::kAux | wc::kSpeech | wc::kClause))) return i;
    // Nor an infinitive ("…, as of yesterday, announced any plans to remove the troops,"): an
    // object, not a speaker ("a source close to the campaign" still is).
    for (std::uint32_t k = i + 1; k + 1 < j; ++k)
      if (lower_is(k, "to") && info_[k + 1].lower && !(info_[k + 1].cls & (wc::kDeterminer | wc::kPronoun)))
        return i;
    end = j;
  } else {
    // (A possessive inside the phrase: "the mayor's office said".)
    while (j < te && j - i <= 6 && toks_[j].kind == TokenKind::Word &&
           ((apostrophe_s(j) && j > i + 1) ||
            !(info_[j].lower && (info_[j].cls & (wc::kSpeech | wc::kAux | wc::kFunc)))))
      ++j;
    if (j >= te || j == i + 1 || j - i > 6) return i;
    if (!(info_[j].lower && (info_[j].cls & wc::kSpeech))) return i;
    if (!finite_form(tok_text(j))) return i;  // "said", "says", "wrote", "told"; not "say"
    end = j;
    // An adverb before the verb is not part of the phrase ("the proclamation specifically says").
    while (end > i + 2 && info_[end - 1].lower && is_listed_or_manner_adverb(end - 1)) --end;
  }
  const std::uint32_t h = after_verb ? i + 1 : end - 1;  // head: last word before the verb
  if (!after_verb && info_[h].cap) return i;  // "the Senate Majority Leader Mitch McConnell said"
  // A time phrase between the subject and its verb is no speaker ("the department two weeks ago
  // said", "a week later said").
  if (!after_verb && (info_[h].cls & (wc::kTime | wc::kRelativeTime))) return i;
  if (!after_verb && (info_[h].cls & (wc::kGroupNoun | wc::kRoleNoun))) return i;  // the list rule handles it
  Cand c;
  c.type = CandType::RoleNP;
  c.tb = i;
  c.te = end;
  c.name_tb = i + 1;
  c.name_te = end;
  c.name = std::string(span_text(i + 1, end));
  c.key = "np:" + lower_joined(i + 1, end);
  c.strong = true;
  bool org = false;
  for (std::uint32_t k = i + 1; k < end; ++k) org = org || (info_[k].cls & wc::kOrgWord);
  // The head noun: the last word, or (after the verb) the last word before a preposition ("a
  // spokesman for the Justice Department"). A role word there makes a person or a group, even
  // with an organization's words before or after it ("a White House spokeswoman").
  std::uint32_t head_tok = after_verb ? end - 1 : h;
  if (after_verb)
    for (std::uint32_t k = i + 2; k < end; ++k)
      if (info_[k].lower && ((info_[k].cls & wc::kPreposition) || lower_is(k, "of"))) {
        head_tok = k - 1;
        break;
      }
  const std::string_view head = tok_text(head_tok);
  lower_into(head, low_);
  if (lex_.role_of(low_) != RoleClass::None && !(info_[head_tok].cls & wc::kOrgWord)) org = false;
  const bool plural = (info_[h].cls & wc::kGroupNoun) || (head.size() > 3 && head.back() == 's' && head[head.size() - 2] != 's');
  c.kind = org ? EntityKind::Organization : plural ? EntityKind::Group : EntityKind::Person;
  // An organization keys like the same name elsewhere: "the Clinton campaign said" and "Clinton
  // campaign chairman John Podesta", "Hillary Clinton's campaign said" are one entity.
  if (org) c.key = "org:" + lower_joined(i + 1, end);
  if (is_thing(low_)) {  // "says the letter" (low_: the head, lower-cased above)
    c.kind = EntityKind::Other;
    c.type = CandType::Source;
  }
  if (info_[h].cls & wc::kMale) c.gender = Gender::Male;
  if (info_[h].cls & wc::kFemale) c.gender = Gender::Female;
  if (!after_verb && is_the && (info_[h].cls & wc::kTitle) && same_office_modifiers(i + 1, h)) {
    lower_into(tok_text(h), low_);
    c.title = low_;
    c.definite_role = true;
  }
  push(std::move(c), sentence);
  return end;
}

// A candidate of one token that is its whole name.
Cand Finder::one_token_cand(std::uint32_t i, CandType type) {
  Cand c;
  c.type = type;
  c.tb = c.name_tb = i;
  c.te = c.name_te = i + 1;
  return c;
}

// A finite verb form: -s, -ed or a common irregular past.
bool Finder::finite_form(std::string_view v) {
  return !v.empty() && (v.back() == 's' || (v.size() > 3 && v.substr(v.size() - 2) == "ed") || v == "said" ||
                        v == "told" || v == "wrote" || v == "thought" || v == "felt" || v == "knew");
}

// The word after token h (past up to two adverbs) is a speech or clause verb in a finite form:
// h is its subject ("spokesman said", "campaign also says").
bool Finder::before_finite_speech_verb(std::uint32_t h, std::uint32_t te) const {
  std::uint32_t n = h + 1;
  while (n < te && n < h + 3 && info_[n].word && (info_[n].cls & wc::kAdverb)) ++n;
  return n < te && info_[n].lower && (info_[n].cls & (wc::kSpeech | wc::kClause)) && finite_form(tok_text(n));
}

// "Hillary Clinton's campaign said", "Trump's team says": after a name and "'s", an organization
// word (campaign, administration, team...) that speaks is the organization named after the
// person, the same entity as "the Clinton campaign" (key by the last word of the name). Only
// before a finite speech verb, as for a role noun after a possessor. Returns where to go on.
std::uint32_t Finder::try_possessed_org(std::uint32_t b, std::uint32_t te, std::uint32_t sentence) {
  if (b + 2 >= te || !apostrophe_s(b)) return b;
  const std::uint32_t h = b + 1;
  if (!info_[h].word || !info_[h].lower || !(info_[h].cls & wc::kOrgTail)) return b;
  const Cand& owner = cands_.back();
  if (owner.kind == EntityKind::Place || owner.kind == EntityKind::Organization || owner.name_te <= owner.name_tb)
    return b;
  if (!before_finite_speech_verb(h, te)) return b;
  const std::uint32_t last = owner.name_te - 1;
  Cand c = one_token_cand(h, CandType::Run);
  c.kind = EntityKind::Organization;
  c.strong = true;
  c.name = std::string(tok_text(last)) + " " + std::string(tok_text(h));
  c.key = "org:" + lower_joined(last, last + 1) + " " + lower_joined(h, h + 1);
  push(std::move(c), sentence);
  return h + 1;
}

// "His campaign said", "her office confirmed": right after the possessive pronoun's own cand, an
// organization of whoever the pronoun refers to (named in resolve(), once the pronoun is
// resolved: "Trump campaign", one entity with "Trump's campaign"). Returns the token after it, or i + 1.
std::uint32_t Finder::try_pronoun_possessed_org(std::uint32_t i, std::uint32_t te, std::uint32_t sentence) {
  const std::uint32_t h = i + 1;
  if (h + 1 >= te || cands_.empty() || cands_.back().tb != i || !(lower_is(i, "his") || lower_is(i, "her")))
    return i + 1;
  if (!info_[h].word || !info_[h].lower || !(info_[h].cls & wc::kOrgTail) || !before_finite_speech_verb(h, te))
    return i + 1;
  Cand c = one_token_cand(h, CandType::Run);
  c.kind = EntityKind::Organization;
  c.owner_pronoun = static_cast<std::uint32_t>(cands_.size() - 1);
  c.name = std::string(tok_text(h));
  c.key = "org:" + lower_joined(i, h + 1);
  push(std::move(c), sentence);
  return h + 1;
}

bool Finder::try_pronoun(std::uint32_t i, std::uint32_t te, std::uint32_t sentence) {
  if (!info_[i].word || !(info_[i].cls & wc::kPronoun)) return false;
  lower_into(tok_text(i), low_);
  const std::string p = low_;
  if (p == "it" || p == "its") {
    // Only "it" as the subject of a speech verb ("it said") is a speaker mention.
    std::uint32_t j = i + 1;
    while (j < te && (info_[j].cls & wc::kAdverb) && j - i < 3) ++j;
    if (p == "its" || j >= te || !(info_[j].cls & wc::kSpeech)) return false;
  }
  Cand c = one_token_cand(i, CandType::Pronoun);
  c.name = std::string(tok_text(i));
  c.key = p;
  if (p == "he" || p == "him" || p == "his") c.gender = Gender::Male;
  if (p == "she" || p == "her" || p == "hers") c.gender = Gender::Female;
  c.plural = p == "they" || p == "them" || p == "their" || p == "theirs";
  c.kind = (p == "it") ? EntityKind::Organization : c.plural ? EntityKind::Group : EntityKind::Person;
  push(std::move(c), sentence);
  return true;
}

// "according to X": X is a mention even when no other rule finds it.
std::uint32_t Finder::source_after_according(std::uint32_t i, std::uint32_t te, std::uint32_t sentence) {
  std::uint32_t j = i;
  while (j < te && j - i < 10 && toks_[j].kind != TokenKind::Punct && toks_[j].kind != TokenKind::Quote) ++j;
  if (j == i) return i;
  Cand c;
  c.type = CandType::Source;
  c.tb = i;
  c.te = j;
  c.strong = true;
  std::uint32_t s = i;
  if (info_[s].cls & wc::kDeterminer && j - s > 1) ++s;
  c.name_tb = s;
  c.name_te = j;
  c.name = std::string(span_text(s, j));
  c.key = "src:" + lower_joined(s, j);
  bool org = false;
  for (std::uint32_t m = i; m < j; ++m) org = org || (info_[m].cls & wc::kOrgWord);
  c.kind = org ? EntityKind::Organization : EntityKind::Other;
  push(std::move(c), sentence);
  return j;
}

void Finder::scan_paragraph(std::uint32_t p) {
  const Paragraph& para = seg_.paragraphs[p];
  if (para.sentence_begin >= para.sentence_end) return;
  const std::uint32_t ptb = seg_.sentences[para.sentence_begin].token_begin;
  std::uint32_t skip_until = ptb;  // after a speaker label (which may cross a sentence break)
  if (try_label(ptb, seg_.sentences[para.sentence_end - 1].token_end, para.sentence_begin))
    skip_until = cands_.back().te + 1;
  for (std::uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
    const Sentence& sent = seg_.sentences[s];
    const std::uint32_t sb = sent.token_begin, te = sent.token_end;
    std::uint32_t i = std::max(sb, skip_until);
    if (i >= te) continue;
    if (para.is_heading) {
      // Title-case headings make no new mentions (every word is capitalised), but a headline
      // may name its speaker first.
      if (s == para.sentence_begin && i == ptb) try_heading_speaker(i, te, s);
      continue;
    }
    bool initial = true;  // first word of the sentence (after opening quotes/bullets)
    while (i < te) {
      const Token& t = toks_[i];
      if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) {
        // The first word after an opening quote mark or a bullet starts a clause.
        if ((t.kind == TokenKind::Quote && t.quote_role != QuoteRole::Close) || t.kind == TokenKind::Emoji) initial = true;
        ++i;
        continue;
      }
      // A party code after a name, "(D-N.Y.)" / ", R-Wis.,", is not a mention.
      if (i > sb && (is_text(i - 1, "(") || is_text(i - 1, ","))) {
        if (const std::uint32_t e = party_code_end(i, te); e > i) {
          i = e;
          initial = false;
          continue;
        }
      }
      // "according to X"
      if (i + 2 < te && lower_is(i, "according") && lower_is(i + 1, "to")) {
        const std::uint32_t before = static_cast<std::uint32_t>(cands_.size());
        std::uint32_t j = i + 2;
        std::uint32_t next = j;
        if (!(info_[j].cls & wc::kPronoun)) {
          next = try_run(j, te, s, false);
          if (next == j) {
            // "according to a statement", "according to officials": scan a short noun phrase
            std::uint32_t h = j;
            while (h < te && h - j < 5 && toks_[h].kind == TokenKind::Word &&
                   !(info_[h].cls & (wc::kGroupNoun | wc::kRoleNoun)))
              ++h;
            if (h < te && toks_[h].kind == TokenKind::Word && try_noun_phrase(h, j, te, s)) next = h + 1;
          }
        }
        if (cands_.size() == before || cands_.back().tb != j) {
          while (cands_.size() > before) cands_.pop_back();
          next = source_after_according(j, te, s);
        }
        i = std::max(next, j);
        initial = false;
        continue;
      }
      if (const std::uint32_t e = try_speaker_np(i, sb, te, s); e > i) { i = e; initial = false; continue; }
      if (try_pronoun(i, te, s)) {
        i = try_pronoun_possessed_org(i, te, s);
        initial = false;
        continue;
      }
      if (try_noun_phrase(i, sb, te, s)) { ++i; initial = false; continue; }
      std::uint32_t next = try_run(i, te, s, initial);
      if (next > i && !cands_.empty() && cands_.back().te == next) next = try_possessed_org(next, te, s);
      initial = false;
      i = next > i ? next : i + 1;
    }
  }
}

}  // namespace presslens::mention_detail
