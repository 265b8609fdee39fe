// Capitalised names ("Sen. Marco Rubio", "the Department of Health and Human Services"), classified
// as people, organizations, places or groups; transcript speaker labels and headline speakers.
#include <algorithm>
#include <initializer_list>
#include <string>

#include "finder.hpp"

namespace presslens::mention_detail {

namespace {

constexpr std::uint32_t kNoName = wc::kTitle | wc::kOrgWord | wc::kFunc | wc::kConnector | wc::kPlace | wc::kTime;

std::string title_case(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c | 0x20);
    start = c == ' ' || c == '-';
  }
  return out;
}

}  // namespace

// A transcript speaker label at the start of a paragraph: "THE PRESIDENT:", "DR. FAUCI:", "Q:".
bool Finder::try_label(std::uint32_t i, std::uint32_t te, std::uint32_t sentence) {
  std::uint32_t j = i;
  while (j < te && j - i < 6) {
    const Token& t = toks_[j];
    if (t.kind == TokenKind::Punct && is_text(j, ".") && j > i && toks_[j - 1].end == t.start &&
        toks_[j - 1].kind == TokenKind::Word) {
      ++j;  // "DR." split as DR + .
      continue;
    }
    if (t.kind != TokenKind::Word) break;
    const bool single_upper = t.end - t.start == 1 && text_[t.start] >= 'A' && text_[t.start] <= 'Z';
    if (!t.has(token_flags::kAllCaps) && !single_upper) break;
    ++j;
  }
  if (j == i || j >= te || !is_text(j, ":")) return false;
  Cand c;
  c.type = CandType::Label;
  c.tb = i;
  c.te = j;
  c.kind = EntityKind::Person;
  c.strong = true;
  std::uint32_t a = i;
  if (lower_is(a, "the") && j - i > 1) ++a;
  std::uint32_t k = a;
  while (k < j && ((info_[k].cls & wc::kTitle) || is_text(k, "."))) ++k;
  if (k > a && k < j) {
    c.title = title_case(span_text(a, k));
    c.name_tb = k;
    c.name_te = j;
    c.name = title_case(span_text(k, j));
    c.key = lower_joined(j - 1, j);  // surname
  } else {
    c.name_tb = i;
    c.name_te = j;
    c.name = title_case(span_text(i, j));
    if (k == j) c.title = title_case(span_text(a, j));
    c.key = "label:" + lower_joined(i, j);
  }
  for (std::uint32_t m = i; m < j; ++m) {
    if (info_[m].cls & wc::kMale) c.gender = Gender::Male;
    if (info_[m].cls & wc::kFemale) c.gender = Gender::Female;
  }
  push(std::move(c), sentence);
  return true;
}

// The speaker a headline names first: "Cruz: Trump Would Put Liberals On Court", "Bernie
// Sanders Says He's Already Started Writing ...": up to five capitalised words, then a colon or
// a verb that reports a clause. The name becomes a mention only if the article names that
// person or organization too (resolve() drops it otherwise), so "Poll: ..." or "Wash Post
// Fact-Check: ..." make nothing.
void Finder::try_heading_speaker(std::uint32_t i, std::uint32_t te, std::uint32_t sentence) {
  std::uint32_t j = i;
  while (j < te && j < i + 5 && info_[j].word && info_[j].cap &&
         !(info_[j].cls & (wc::kSpeech | wc::kClause | wc::kFunc | wc::kPronoun)))
    ++j;
  if (j == i || j + 2 >= te) return;  // (a colon or verb and at least two words after it)
  const bool colon = is_text(j, ":");
  const bool verb = info_[j].word && (info_[j].cls & wc::kBareClause);  // "Says" or "says"
  if (!colon && !verb) return;
  const std::size_t before = cands_.size();
  try_run(i, j, sentence, false);
  for (std::size_t k = before; k < cands_.size(); ++k) cands_[k].heading_label = true;
}

// A word that opens a sentence as an adverb or interjection: -ly ("Unfortunately"), or one of
// a few others that the word lists do not hold.
bool Finder::ends_with_ly(std::uint32_t i) const {
  const std::string_view w = tok_text(i);
  return w.size() > 4 && w.substr(w.size() - 2) == "ly";
}

bool Finder::sentence_adverb(std::uint32_t i) {
  if (ends_with_ly(i)) return true;
  lower_into(tok_text(i), low_);
  static const char* const kWords[] = {"first", "indeed", "regardless", "rather", "together", "overall", "afterward",
                                       "afterwards", "perhaps", "sure", "worse", "better", "alright", "ah",
                                       "hey", "wait", "look", "listen", "undaunted", "enraged", "touché"};
  for (const char* w : kWords)
    if (low_ == w) return true;
  return false;
}

bool Finder::name_like(std::uint32_t i) const {
  return info_[i].word && info_[i].cap && !(info_[i].cls & kNoName);
}

// An organization's name goes on past a lower-case "for" or "on" ("Centers for Disease Control")
// when the run [i, j) so far holds an organization word, and past "and" when it also holds a
// connector ("Department of Health and Human Services"; "the Senate and House" stay two), in both
// cases only if the capitalised words after it end in an organization word ("Bank of America
// and Wells Fargo" stay two names). Returns the new end, or j.
template <class RunWord>
std::uint32_t Finder::org_name_continues(std::uint32_t i, std::uint32_t j, std::uint32_t te, RunWord&& run_word) const {
  if (j + 1 >= te || !info_[j].word || info_[j].cap) return j;
  if (!(is_text(j, "and") || is_text(j, "for") || is_text(j, "on"))) return j;
  bool org = false, connector = false;
  for (std::uint32_t k = i; k < j; ++k) {
    org = org || (info_[k].cls & wc::kOrgWord);
    connector = connector || (!info_[k].cap && info_[k].word);
  }
  if (!org || (is_text(j, "and") && !connector)) return j;
  std::uint32_t e = j + 1;
  while (e < te && e < j + 5 && run_word(e)) ++e;
  if (e == j + 1 || !(info_[e - 1].cls & wc::kOrgWord)) return j;
  return e;
}

// A capitalised run from i; returns the token after it (> i), or i when there is none.
std::uint32_t Finder::try_run(std::uint32_t i, std::uint32_t te, std::uint32_t sentence, bool sentence_initial) {
  auto run_word = [&](std::uint32_t k) {
    if (info_[k].word && is_text(k, "New") && k + 1 < te && info_[k + 1].word && info_[k + 1].cap) return true;  // New York
    return info_[k].word && info_[k].cap && !(info_[k].cls & (wc::kFunc | wc::kTime) && !(info_[k].cls & wc::kTitle));
  };
  if (!run_word(i)) {
    // Title-case function words start nothing; a capitalised "The" before a name is skipped.
    return i;
  }
  std::uint32_t j = i + 1;
  while (j < te) {
    if (toks_[j].has(token_flags::kLineStart)) break;
    if (run_word(j)) { ++j; continue; }
    if (info_[j].word && (info_[j].cls & wc::kConnector) && !info_[j].cap && j + 1 < te && run_word(j + 1) &&
        !is_text(j + 1, "New") &&  // "Chuck Schumer of New York": the place is not part of the name
        !(is_text(j, "of") && person_name_before_place(i, j, te))) {
      j += 2;
      continue;
    }
    if (is_text(j, "&") && j + 1 < te && run_word(j + 1)) { j += 2; continue; }
    if ((info_[j].cls & wc::kNameSuffix) && toks_[j].kind == TokenKind::Word) { ++j; continue; }
    if (const std::uint32_t e = org_name_continues(i, j, te, run_word); e > j) { j = e; continue; }
    break;
  }
  std::uint32_t a = i, b = j;
  // Sentence-initial words that are common words are not names: "Critics", "Asked", "Under".
  bool weak_initial = false;
  if (sentence_initial) {
    const std::uint32_t cls = info_[a].cls;
    if (b - a == 1 && b < te && is_text(b, ",") && !(cls & (wc::kOrgWord | wc::kPlace)) &&
        (!(cls & wc::kTitle) || lower_is(a, "first")) && !toks_[a].has(token_flags::kAllCaps) &&
        !first_name_at(a) && sentence_adverb(a)) {
      // "Indeed, ...", "Unfortunately, ...", "First, ...": a sentence adverb or interjection
      // before a comma names no one (an -ly word unless the text names someone so: "Connolly").
      if (!ends_with_ly(a)) return j;
      weak_initial = true;
    } else if (cls & (wc::kSpeech | wc::kAdverb | wc::kPreposition | wc::kPronoun | wc::kSubordinator | wc::kClause | wc::kPartialCue)) {
      if (!(cls & (wc::kTitle | wc::kPlace))) ++a;
    } else if ((cls & (wc::kGroupNoun | wc::kRoleNoun)) && b - a == 1) {
      return i;  // handled as a group / role noun phrase
    } else if (b - a == 1 && !(cls & (wc::kTitle | wc::kOrgWord | wc::kPlace)) && !toks_[a].has(token_flags::kAllCaps) &&
               !first_name_at(a) && b < te && info_[b].lower &&
               !(info_[b].cls & (wc::kSpeech | wc::kClause | wc::kAux | wc::kAdverb | wc::kPartialCue))) {
      // "Speaking to reporters", "Local residents": a common word unless it is a known name.
      weak_initial = true;
    }
  }
  while (b > a && (info_[b - 1].cls & wc::kTime) && !(info_[b - 1].cls & wc::kTitle)) --b;
  if (a >= b) return j;
  classify_run(a, b, te, sentence, weak_initial);
  return std::max(j, cands_.empty() ? j : cands_.back().te);
}

// "Doug Collins of Georgia": a person's name (it holds a known first name) before "of" and a
// place; the place is not part of the name.
bool Finder::person_name_before_place(std::uint32_t i, std::uint32_t j, std::uint32_t te) {
  if (j + 1 >= te || !((info_[j + 1].cls & wc::kPlace) || !lex_.place_key(lower_joined(j + 1, j + 2)).empty())) return false;
  for (std::uint32_t k = i; k < j; ++k)
    if (info_[k].cap && first_name_at(k)) return true;
  return false;
}

void Finder::classify_run(std::uint32_t a, std::uint32_t b, std::uint32_t te, std::uint32_t sentence, bool weak_initial) {
  Cand c;
  c.type = CandType::Run;
  c.tb = a;
  c.te = b;
  c.weak_initial = weak_initial;
  const std::string low = lower_joined(a, b);
  // Places (whole run), also "U.S." inside a longer run is left to the title split below.
  const std::string_view place = lex_.place_key(low);
  if (!place.empty()) {
    c.kind = EntityKind::Place;
    c.strong = true;
    c.name = std::string(place);
    c.key = "place:" + c.name;
    c.name_tb = a;
    c.name_te = b;
    c.weak_initial = false;
    push(std::move(c), sentence);
    return;
  }
  // "Trump administration", "Obama campaign": an organization named after a person.
  if (b < te && info_[b].lower && (info_[b].cls & wc::kOrgTail) && b - a <= 3) {
    c.te = b + 1;
    c.kind = EntityKind::Organization;
    c.strong = true;
    c.name = std::string(span_text(a, b + 1));
    c.key = "org:" + lower_joined(a, b + 1);
    c.name_tb = a;
    c.name_te = b + 1;
    c.weak_initial = false;
    push(std::move(c), sentence);
    return;
  }
  // Name suffix: capitalised words that are not titles, organization words or places.
  std::uint32_t k = b;
  // A title word last in a run of names (before a "Jr."), after a known first name, is a surname:
  // "Stephen King", "Martin Luther King Jr." (titles come before the name: "King Charles").
  std::uint32_t last = b;
  while (last > a && (info_[last - 1].cls & wc::kNameSuffix)) --last;
  bool surname_title = last >= a + 2 && (info_[last - 1].cls & wc::kTitle) && info_[last - 1].cap;
  bool first_name = false;
  for (std::uint32_t m = a; surname_title && m + 1 < last; ++m) {
    surname_title = name_like(m);
    first_name = first_name || first_name_at(m);
  }
  surname_title = surname_title && first_name;
  while (k > a && (name_like(k - 1) || ((info_[k - 1].cls & wc::kNameSuffix) && k < b + 1 && k == b) ||
                   (surname_title && k - 1 == last - 1)))
    --k;
  if (k > a && k < b && (info_[k - 1].cls & wc::kConnector)) {
    // "Sen. Al Franken": a capitalised connector that is a first name, after a title, starts the name.
    bool title_before = false;
    for (std::uint32_t m = a; m + 1 < k; ++m) title_before = title_before || (info_[m].cls & wc::kTitle);
    if (info_[k - 1].cap && title_before && first_name_at(k - 1))
      --k;
    else
      k = b;  // "Secretary of Health"
  }
  // "Republican Pat Toomey", "Democrat Schumer": a party word (singular) opening a run of
  // names describes the person and is not part of the name.
  const std::string last_word = low_last(b);  // (once: the rules below ask for it several times)
  // (Not before a body or a document: "Republican National Convention", "Democratic Party".)
  bool party_prefix = false;
  if (k == a && b - a >= 2 && info_[a].cap && !(info_[b - 1].cls & wc::kOrgWord) && !names_a_document(last_word)) {
    lower_into(tok_text(a), low_);
    party_prefix = lex_.party_of(low_) != nullptr && low_.back() != 's';
    if (party_prefix) k = a + 1;
  }
  bool has_title = false, has_org = false, org_before_of = false, of_seen = false;
  for (std::uint32_t m = a; m < b; ++m) {
    if (info_[m].cls & wc::kTitle) has_title = true;
    if (info_[m].cls & wc::kOrgWord) has_org = true;
    of_seen = of_seen || (info_[m].word && !info_[m].cap && (info_[m].cls & wc::kConnector));
    if ((info_[m].cls & wc::kOrgWord) && !of_seen) org_before_of = true;
  }
  bool prefix_title = false;
  for (std::uint32_t m = a; m < k; ++m)
    if (info_[m].cls & wc::kTitle) prefix_title = true;
  if ((prefix_title || party_prefix) && k < b) {
    c.kind = EntityKind::Person;
    c.strong = true;
    c.weak_initial = false;
    if (prefix_title) c.title = std::string(span_text(a, k));
    c.name_tb = k;
    c.name_te = b;
    set_person_name(c);
    for (std::uint32_t m = a; m < k; ++m) {
      if (info_[m].cls & wc::kMale) c.gender = Gender::Male;
      if (info_[m].cls & wc::kFemale) c.gender = Gender::Female;
    }
    push(std::move(c), sentence);
    return;
  }
  c.name_tb = a;
  c.name_te = b;
  c.name = std::string(span_text(a, b));
  if ((info_[a].cls & wc::kTitle) && k == b && !org_before_of) {
    // A title with no name ("The Vice President", "Mr. President", "the Secretary of State":
    // the words after "of" say what the office is of): the most recent person with that
    // title, else a person known only by it.
    c.type = CandType::RoleNP;
    c.kind = EntityKind::Person;
    c.definite_role = true;
    std::uint32_t t0 = a;
    while (t0 + 1 < b && (lower_is_honorific(t0) || is_text(t0, "."))) ++t0;
    c.title = lower_joined(t0, b);
    c.key = "role:" + low;
    c.weak_initial = false;
    push(std::move(c), sentence);
    return;
  }
  if (lex_.place_tail(last_word)) {
    c.kind = EntityKind::Place;
    c.strong = true;
    c.weak_initial = false;
    c.key = "place:" + low;
    push(std::move(c), sentence);
    return;
  }
  if (b - a == 1 && (info_[a].cls & wc::kGroupNoun)) {
    c.kind = EntityKind::Group;
    c.strong = true;
    c.weak_initial = false;
    c.key = "group:" + low;
  } else if (has_org && !(b - a == 1 && has_title)) {
    c.kind = EntityKind::Organization;
    c.strong = true;
    c.weak_initial = false;
    std::uint32_t s = a;
    c.key = "org:" + lower_joined(s, b);
  } else if (b - a == 1 && toks_[a].has(token_flags::kAllCaps) && toks_[a].end - toks_[a].start >= 2) {
    c.kind = EntityKind::Organization;
    c.strong = true;
    c.weak_initial = false;
    c.key = "org:" + low;
  } else if (b - a >= 2 && names_a_document(last_word)) {
    // "National Emergencies Act", "United States Constitution": a law or text, not a person.
    c.kind = EntityKind::Other;
    c.strong = true;
    c.key = "other:" + low;
  } else if (b - a >= 2 && names_a_day(last_word) && !first_name_at(a)) {
    // "Labor Day", "Election Day", "Christmas Eve" (but "Doris Day"): a date, not a person.
    c.kind = EntityKind::Other;
    c.strong = true;
    c.key = "other:" + low;
  } else if (b - a >= 2 && b - a <= 5 && k == a) {
    c.kind = EntityKind::Person;
    c.strong = true;
    c.weak_initial = false;
    set_person_name(c);
  } else if (b - a == 1) {
    c.kind = EntityKind::Other;  // resolved against known names later
    c.key = low;
    // The subject or object of a speech verb is a speaker: "Rubio told", "said Rubio".
    std::uint32_t n = b;
    while (n < te && n < b + 2 && (info_[n].cls & wc::kAdverb) && info_[n].word) ++n;
    if ((n < te && info_[n].lower && (info_[n].cls & (wc::kSpeech | wc::kClause))) ||
        (a > 0 && info_[a - 1].lower && (info_[a - 1].cls & wc::kSpeech)))
      c.kind = EntityKind::Person;
    // "Salvadoran nationals", "American criminals": a modifier unless it is a known name.
    if (b < te && info_[b].lower &&
        !(info_[b].cls & (wc::kFunc | wc::kAux | wc::kSpeech | wc::kClause | wc::kAdverb | wc::kPreposition | wc::kPartialCue)))
      c.weak_initial = true;
  } else {
    c.kind = EntityKind::Other;
    c.strong = true;
    c.key = "other:" + low;
  }
  push(std::move(c), sentence);
}

// A listed adverb (wc::kAdverb: the ones that sit between a subject and its verb, as the quote
// rules know them) or a manner adverb recognised by its suffix ("specifically", "repeatedly").
// Only the speaker-phrase rule needs the second kind: it trims any adverb before the verb.
bool Finder::is_listed_or_manner_adverb(std::uint32_t k) {
  return (info_[k].cls & wc::kAdverb) || manner_adverb_shape(tok_text(k));
}

namespace {

bool one_of(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list)
    if (word == w) return true;
  return false;
}

}  // namespace

bool Finder::names_a_document(std::string_view last_word) {
  return one_of(last_word, {"act", "constitution", "amendment", "treaty", "accord", "accords", "agreement",
                            "convention", "declaration", "doctrine", "law", "code"});
}

// (Weekdays and months are time words, which a run never ends with: see try_run.)
bool Finder::names_a_day(std::string_view last_word) { return one_of(last_word, {"day", "eve"}); }

bool Finder::lower_is_honorific(std::uint32_t i) {
  lower_into(tok_text(i), low_);
  return low_ == "mr." || low_ == "mr" || low_ == "mrs." || low_ == "ms." || low_ == "madam" || low_ == "madame";
}

std::string Finder::low_last(std::uint32_t b) {
  lower_into(tok_text(b - 1), low_);
  return low_;
}

void Finder::set_person_name(Cand& c) {
  std::uint32_t last = c.name_te;
  while (last > c.name_tb + 1 && (info_[last - 1].cls & wc::kNameSuffix)) --last;
  c.name = std::string(span_text(c.name_tb, c.name_te));
  lower_into(tok_text(last - 1), low_);
  c.key = low_;  // surname
  if (last - c.name_tb >= 2 && c.gender == Gender::Unknown) {
    const char g = first_name_at(c.name_tb);
    if (g == 'm') c.gender = Gender::Male;
    if (g == 'f') c.gender = Gender::Female;
  }
}

}  // namespace presslens::mention_detail
