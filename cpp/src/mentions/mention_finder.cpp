// Stage 2: mentions and entities (rules documented in mentions.hpp).
#include <algorithm>
#include <string>
#include <unordered_map>

#include "word_lists.hpp"
#include "presslens/mentions.hpp"

namespace presslens {

namespace {

constexpr std::uint32_t kNoName = wc::kTitle | wc::kOrgWord | wc::kFunc | wc::kConnector | wc::kPlace | wc::kTime;
constexpr std::uint32_t kPronounLookbackSentences = 6;
constexpr std::size_t kLookbackMentions = 150;
// People sharing a surname key searched for a first name that agrees (most recent first); a bound
// keeps a text naming thousands of different Smiths linear.
constexpr std::size_t kSameKeyLookback = 64;
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
};

constexpr std::size_t kMaxEvidence = 8;
constexpr std::size_t kMaxGroups = 4;

// Affiliation evidence of one mention (see mentions.hpp), merged into its entity.
struct Feat {
  const char* party = nullptr;
  RoleClass role = RoleClass::None;
  std::vector<const char*> faiths;
  std::uint32_t principal_tok = kNoTok;  // first token of the mention it speaks for
  std::uint32_t org_tok = kNoTok;        // first token of its organization's mention
  std::vector<std::pair<std::uint32_t, std::uint32_t>> evidence;  // token ranges
};

bool speaks_for_role(RoleClass r) {
  return r == RoleClass::Spokesperson || r == RoleClass::Aide || r == RoleClass::Lawyer;
}

std::string title_case(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c | 0x20);
    start = c == ' ' || c == '-';
  }
  return out;
}

class Finder {
 public:
  Finder(std::string_view text, const Segmentation& seg, const WordLists& lex)
      : text_(text), seg_(seg), toks_(seg.tokens), lex_(lex), info_(token_infos(text, seg, lex)) {}

  MentionResult run() {
    mark_quotes();
    for (std::uint32_t p = 0; p < seg_.paragraphs.size(); ++p) scan_paragraph(p);
    resolve();
    link_role_appositions();
    affiliations();
    return build();
  }

 private:
  std::string_view text_;
  const Segmentation& seg_;
  const std::vector<Token>& toks_;
  const WordLists& lex_;
  std::vector<TokenInfo> info_;
  std::vector<std::uint8_t> in_quote_;
  std::vector<Cand> cands_;
  std::vector<Entity> entities_;
  std::vector<bool> founded_in_quote_;  // per entity: its first mention is inside quotation marks
  std::string low_;

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
  bool lower_is(std::uint32_t i, std::string_view s) {
    lower_into(tok_text(i), low_);
    return low_ == s;
  }

  void mark_quotes() {
    in_quote_.assign(toks_.size(), 0);
    for (const auto& q : pair_quote_marks(text_, seg_)) {
      const std::uint32_t end = q.closed ? q.close_tok : q.close_tok + 1;
      for (std::uint32_t i = q.open_tok + 1; i < end; ++i) in_quote_[i] = 1;
    }
  }

  void push(Cand c, std::uint32_t sentence) {
    c.sentence = sentence;
    c.in_quote = in_quote_[c.tb] != 0;
    cands_.push_back(std::move(c));
  }

  // A transcript speaker label at the start of a paragraph: "THE PRESIDENT:", "DR. FAUCI:", "Q:".
  bool try_label(std::uint32_t i, std::uint32_t te, std::uint32_t sentence) {
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
  void try_heading_speaker(std::uint32_t i, std::uint32_t te, std::uint32_t sentence) {
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
  bool ends_with_ly(std::uint32_t i) const {
    const std::string_view w = tok_text(i);
    return w.size() > 4 && w.substr(w.size() - 2) == "ly";
  }
  bool sentence_adverb(std::uint32_t i) {
    if (ends_with_ly(i)) return true;
    lower_into(tok_text(i), low_);
    static const char* const kWords[] = {"first", "indeed", "regardless", "rather", "together", "overall", "afterward",
                                         "afterwards", "perhaps", "sure", "worse", "better", "alright", "ah",
                                         "hey", "wait", "look", "listen", "undaunted", "enraged", "touché"};
    for (const char* w : kWords)
      if (low_ == w) return true;
    return false;
  }

  bool name_like(std::uint32_t i) const {
    return info_[i].word && info_[i].cap && !(info_[i].cls & kNoName);
  }

  // A capitalised run from i; returns the token after it (> i), or i when there is none.
  std::uint32_t try_run(std::uint32_t i, std::uint32_t te, std::uint32_t sentence, bool sentence_initial) {
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
  bool person_name_before_place(std::uint32_t i, std::uint32_t j, std::uint32_t te) {
    if (j + 1 >= te || !((info_[j + 1].cls & wc::kPlace) || !lex_.place_key(lower_joined(j + 1, j + 2)).empty())) return false;
    for (std::uint32_t k = i; k < j; ++k)
      if (info_[k].cap && first_name_at(k)) return true;
    return false;
  }

  // An organization's name goes on past a lower-case "for" or "on" ("Centers for Disease Control")
  // when the run [i, j) so far holds an organization word, and past "and" when it also holds a
  // connector ("Department of Health and Human Services"; "the Senate and House" stay two), in both
  // cases only if the capitalised words after it end in an organization word ("Bank of America
  // and Wells Fargo" stay two names). Returns the new end, or j.
  template <class RunWord>
  std::uint32_t org_name_continues(std::uint32_t i, std::uint32_t j, std::uint32_t te, RunWord&& run_word) const {
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

  void classify_run(std::uint32_t a, std::uint32_t b, std::uint32_t te, std::uint32_t sentence, bool weak_initial) {
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
    bool party_prefix = false;
    if (k == a && b - a >= 2 && info_[a].cap) {
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
    if (lex_.place_tail(low_last(b))) {
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
    } else if (b - a >= 2 && names_a_document(low_last(b))) {
      // "National Emergencies Act", "United States Constitution": a law or text, not a person.
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
  bool is_listed_or_manner_adverb(std::uint32_t k) {
    if (info_[k].cls & wc::kAdverb) return true;
    // Manner adverbs by their suffix; not plain "-ly" (family, ally, assembly are nouns).
    const std::string_view w = tok_text(k);
    if (w.size() < 7) return false;
    for (std::string_view suffix : {"ally", "ently", "antly", "ously", "ately", "ively", "edly"})
      if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) return true;
    return false;
  }

  static bool names_a_document(std::string_view last_word) {
    static const char* const kDocuments[] = {"act", "constitution", "amendment", "treaty", "accord", "accords",
                                             "agreement", "convention", "declaration", "doctrine", "law", "code"};
    for (const char* d : kDocuments)
      if (last_word == d) return true;
    return false;
  }

  bool lower_is_honorific(std::uint32_t i) {
    lower_into(tok_text(i), low_);
    return low_ == "mr." || low_ == "mr" || low_ == "mrs." || low_ == "ms." || low_ == "madam" || low_ == "madame";
  }

  std::string low_last(std::uint32_t b) {
    lower_into(tok_text(b - 1), low_);
    return low_;
  }

  void set_person_name(Cand& c) {
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

  bool np_follow_ok(std::uint32_t j, std::uint32_t te) const {
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
  bool try_noun_phrase(std::uint32_t h, std::uint32_t sb, std::uint32_t te, std::uint32_t sentence) {
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

  // Documents that "say" things: a speaker of kind other, not a person.
  static bool is_thing(std::string_view head) {
    static const char* const kThings[] = {"statement", "report", "study", "survey", "poll", "document", "memo",
                                          "letter", "filing", "complaint", "lawsuit", "ruling", "proclamation",
                                          "motion", "order", "resolution", "bill", "indictment", "transcript",
                                          "website", "email", "tweet", "post", "release", "memorandum", "opinion",
                                          "polls", "surveys", "studies", "reports", "documents", "records"};
    for (const char* t : kThings)
      if (head == t) return true;
    return false;
  }

  // A determiner noun phrase next to a speech verb names a speaker even when its head noun is not
  // in the lists: "the presumptive nominee wrote", "said one Democrat familiar with the talks".
  std::uint32_t try_speaker_np(std::uint32_t i, std::uint32_t sb, std::uint32_t te, std::uint32_t sentence) {
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
  static Cand one_token_cand(std::uint32_t i, CandType type) {
    Cand c;
    c.type = type;
    c.tb = c.name_tb = i;
    c.te = c.name_te = i + 1;
    return c;
  }

  // A finite verb form: -s, -ed or a common irregular past.
  static bool finite_form(std::string_view v) {
    return !v.empty() && (v.back() == 's' || (v.size() > 3 && v.substr(v.size() - 2) == "ed") || v == "said" ||
                          v == "told" || v == "wrote" || v == "thought" || v == "felt" || v == "knew");
  }

  // The word after token h (past up to two adverbs) is a speech or clause verb in a finite form:
  // h is its subject ("spokesman said", "campaign also says").
  bool before_finite_speech_verb(std::uint32_t h, std::uint32_t te) const {
    std::uint32_t n = h + 1;
    while (n < te && n < h + 3 && info_[n].word && (info_[n].cls & wc::kAdverb)) ++n;
    return n < te && info_[n].lower && (info_[n].cls & (wc::kSpeech | wc::kClause)) && finite_form(tok_text(n));
  }

  // "Hillary Clinton's campaign said", "Trump's team says": after a name and "'s", an organization
  // word (campaign, administration, team...) that speaks is the organization named after the
  // person, the same entity as "the Clinton campaign" (key by the last word of the name). Only
  // before a finite speech verb, as for a role noun after a possessor. Returns where to go on.
  std::uint32_t try_possessed_org(std::uint32_t b, std::uint32_t te, std::uint32_t sentence) {
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

  bool try_pronoun(std::uint32_t i, std::uint32_t te, std::uint32_t sentence) {
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
  std::uint32_t source_after_according(std::uint32_t i, std::uint32_t te, std::uint32_t sentence) {
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

  void scan_paragraph(std::uint32_t p) {
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
        if (try_pronoun(i, te, s)) { ++i; initial = false; continue; }
        if (try_noun_phrase(i, sb, te, s)) { ++i; initial = false; continue; }
        std::uint32_t next = try_run(i, te, s, initial);
        if (next > i && !cands_.empty() && cands_.back().te == next) next = try_possessed_org(next, te, s);
        initial = false;
        i = next > i ? next : i + 1;
      }
    }
  }

  // ---- entities ------------------------------------------------------------------------------
  std::int32_t new_entity(const Cand& c) {
    Entity e;
    e.name = c.name;
    e.kind = c.kind;
    e.title = c.title;
    e.gender = c.gender;
    entities_.push_back(std::move(e));
    founded_in_quote_.push_back(c.in_quote);
    return static_cast<std::int32_t>(entities_.size() - 1);
  }

  void absorb(std::int32_t ent, const Cand& c) {
    Entity& e = entities_[static_cast<std::size_t>(ent)];
    const std::size_t words_new = static_cast<std::size_t>(std::count(c.name.begin(), c.name.end(), ' '));
    const std::size_t words_old = static_cast<std::size_t>(std::count(e.name.begin(), e.name.end(), ' '));
    if (c.type == CandType::Run && (words_new > words_old || e.kind == EntityKind::Other)) e.name = c.name;
    if (e.title.empty() && !c.title.empty()) e.title = c.title;
    if (e.gender == Gender::Unknown) e.gender = c.gender;
    if (e.kind == EntityKind::Other && c.kind != EntityKind::Other) e.kind = c.kind;
  }

  static std::string acronym_of(const std::string& name) {
    std::string a;
    bool start = true;
    std::string word;
    for (std::size_t i = 0; i <= name.size(); ++i) {
      const char ch = i < name.size() ? name[i] : ' ';
      if (ch == ' ') {
        if (!word.empty() && word != "of" && word != "the" && word != "and" && word != "for" && word != "&")
          a.push_back(word[0]);
        word.clear();
        start = true;
        continue;
      }
      word.push_back(static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch));
      start = false;
    }
    (void)start;
    return a;
  }

  bool first_names_compatible(const Entity& e, const Cand& c) const {
    // "Marco Rubio" vs "Jane Rubio": different first names, different people.
    auto first = [](std::string_view s) { return s.substr(0, s.find(' ')); };
    if (e.name.find(' ') == std::string::npos || c.name.find(' ') == std::string::npos) return true;
    return first(e.name) == first(c.name);
  }

  // The entity a headline's speaker names, found among the article's strong mentions by the
  // same keys (a surname agreeing on the first name, an organization's name); the first one
  // named outside quotation marks; kNoEntity if none.
  std::int32_t known_entity(const std::unordered_map<std::string, std::vector<std::int32_t>>& by_key, Cand& c) {
    for (const std::string& key : {c.key, "org:" + c.key, "group:" + c.key}) {
      auto it = by_key.find(key);
      if (it == by_key.end()) continue;
      for (const std::int32_t e : it->second) {
        const Entity& ent = entities_[static_cast<std::size_t>(e)];
        if (founded_in_quote_[static_cast<std::size_t>(e)] || ent.kind == EntityKind::Place) continue;
        if (c.kind == EntityKind::Person && !first_names_compatible(ent, c)) continue;
        c.kind = ent.kind;
        return e;
      }
    }
    return kNoEntity;
  }

  void resolve() {
    std::unordered_map<std::string, std::vector<std::int32_t>> by_key;  // person surnames, org/place/group keys
    std::unordered_map<std::string, std::int32_t> acronyms;  // org acronyms
    // Phase A: strong mentions found entities.
    for (auto& c : cands_) {
      if (!c.strong || c.type == CandType::Pronoun || c.definite_role || c.heading_label) continue;
      std::int32_t found = kNoEntity;
      auto it = by_key.find(c.key);
      if (it != by_key.end()) {
        // Several people may share a surname: the most recent one whose first name agrees.
        std::size_t n = 0;
        for (auto k = it->second.rbegin(); k != it->second.rend() && n < kSameKeyLookback; ++k, ++n) {
          if (c.kind != EntityKind::Person || first_names_compatible(entities_[static_cast<std::size_t>(*k)], c)) {
            found = *k;
            break;
          }
        }
      }
      if (found != kNoEntity) {
        c.entity = found;
        absorb(c.entity, c);
      } else {
        c.entity = new_entity(c);
        by_key[c.key].push_back(c.entity);
        if (c.kind == EntityKind::Organization && c.name.find(' ') != std::string::npos) {
          const std::string a = acronym_of(c.name);
          if (a.size() >= 2) acronyms.emplace(a, c.entity);
        }
      }
    }
    // Phase B: single names, roles and pronouns, in text order.
    for (std::size_t ci = 0; ci < cands_.size(); ++ci) {
      Cand& c = cands_[ci];
      if (c.entity >= 0) continue;
      if (c.type == CandType::Pronoun) {
        c.entity = resolve_pronoun(ci);
        continue;
      }
      if (c.heading_label) {
        c.entity = known_entity(by_key, c);
        c.drop = c.entity == kNoEntity;
        continue;
      }
      if (c.definite_role) {
        c.entity = resolve_role(ci);
        if (c.entity < 0) {
          auto known = by_key.find(c.key);
          if (known != by_key.end()) {
            c.entity = known->second.back();
            continue;
          }
          if (c.type == CandType::RoleNP && c.key.rfind("role:", 0) == 0) c.title = c.name;
          c.entity = new_entity(c);
          by_key[c.key].push_back(c.entity);
        }
        continue;
      }
      // A single capitalised word: a known surname, first name, organization or acronym.
      auto it = by_key.find(c.key);
      if (it == by_key.end()) it = by_key.find("org:" + c.key);
      if (it == by_key.end()) it = by_key.find("group:" + c.key);
      if (it != by_key.end()) {
        // The most recent entity of that name, preferring one named outside quotation marks: after
        // 'Defense Secretary Jim Mattis ... nicknamed “Mad Dog Mattis”', "Mattis" is Jim Mattis.
        c.entity = it->second.back();
        std::size_t looked = 0;
        for (auto k = it->second.rbegin(); k != it->second.rend() && looked < kSameKeyLookback; ++k, ++looked)
          if (!founded_in_quote_[static_cast<std::size_t>(*k)]) {
            c.entity = *k;
            break;
          }
        Entity& e = entities_[static_cast<std::size_t>(c.entity)];
        if (e.kind == EntityKind::Other && c.kind != EntityKind::Other) e.kind = c.kind;
        c.kind = e.kind;
        continue;
      }
      auto ac = acronyms.find(c.key);
      if (ac != acronyms.end()) {
        c.entity = ac->second;
        c.kind = EntityKind::Organization;
        continue;
      }
      if (c.weak_initial) {
        c.drop = true;
        continue;
      }
      c.entity = new_entity(c);
      by_key[c.key].push_back(c.entity);
    }
  }

  // "Apple's chief executive, Tim Cook, said" / "said the governor of New York, Andrew Cuomo.": a
  // role phrase with a person's name in apposition right after it is that person (when the role
  // phrase names no one else in the text, and the name closes the apposition).
  void link_role_appositions() {
    std::vector<std::uint32_t> mentions_of(entities_.size(), 0);
    for (const Cand& c : cands_)
      if (!c.drop && c.entity >= 0) ++mentions_of[static_cast<std::size_t>(c.entity)];
    for (std::size_t ci = 0; ci + 1 < cands_.size(); ++ci) {
      Cand& role = cands_[ci];
      if (role.drop || role.type != CandType::RoleNP || role.kind != EntityKind::Person || role.entity < 0 ||
          mentions_of[static_cast<std::size_t>(role.entity)] != 1)
        continue;
      std::size_t ni = ci + 1;
      while (ni < cands_.size() && cands_[ni].drop) ++ni;
      if (ni == cands_.size()) continue;
      const Cand& name = cands_[ni];
      if (name.type != CandType::Run || name.kind != EntityKind::Person || name.entity < 0 || name.entity == role.entity ||
          name.tb != role.te + 1 || !is_text(role.te, ",") || name.sentence != role.sentence)
        continue;
      const std::uint32_t se = seg_.sentences[name.sentence].token_end;
      if (name.te < se && !is_text(name.te, ",") && !is_text(name.te, ")") && !toks_[name.te].has(token_flags::kTerminal) &&
          !toks_[name.te].has(token_flags::kDash))
        continue;
      mentions_of[static_cast<std::size_t>(role.entity)] = 0;
      role.entity = name.entity;
      ++mentions_of[static_cast<std::size_t>(name.entity)];
    }
  }

  // Title words that name the same office: "congressman" / "Rep." / "representative".
  static std::string canonical_title(std::string t) {
    auto repl = [&t](const char* from, const char* to) {
      std::string f(from);
      for (std::size_t at = 0; (at = t.find(f, at)) != std::string::npos;) {
        const bool left = at == 0 || t[at - 1] == ' ';
        const std::size_t e = at + f.size();
        const bool right = e == t.size() || t[e] == ' ';
        if (left && right) {
          t.replace(at, f.size(), to);
          at += std::string(to).size();
        } else {
          at = e;
        }
      }
    };
    repl("rep.", "representative");
    repl("congressman", "representative");
    repl("congresswoman", "representative");
    repl("sen.", "senator");
    repl("gov.", "governor");
    repl("gen.", "general");
    repl("lt.", "lieutenant");
    return t;
  }

  std::int32_t resolve_role(std::size_t ci) {
    const Cand& c = cands_[ci];
    const std::string role = canonical_title(c.title);
    for (std::size_t k = ci, n = 0; k-- > 0 && n < kLookbackMentions; ++n) {
      const Cand& p = cands_[k];
      if (p.entity < 0 || p.drop) continue;
      const Entity& e = entities_[static_cast<std::size_t>(p.entity)];
      if (e.kind != EntityKind::Person || e.title.empty()) continue;
      std::string t;
      lower_into(e.title, t);
      t = canonical_title(t);
      // The role must be whole words of the person's title, ending it or followed by "of ..."
      // ("secretary" in "secretary of state"), and not after "vice", "deputy"...
      const std::size_t at = t.rfind(role);
      if (at == std::string::npos) continue;
      const std::size_t after = at + role.size();
      if (at > 0 && t[at - 1] != ' ') continue;
      if (after != t.size() && t.compare(after, 4, " of ") != 0) continue;
      const std::string before = at > 1 ? t.substr(0, at - 1) : std::string();
      const std::string prev = before.substr(before.rfind(' ') == std::string::npos ? 0 : before.rfind(' ') + 1);
      if (prev == "vice" || prev == "deputy" || prev == "assistant" || prev == "under" || prev == "former" ||
          prev == "lieutenant" || prev == "acting")
        continue;
      return p.entity;
    }
    // No one holds that title: a role noun phrase that heads the sentence as a speaker ("the
    // four-term congressman said") most likely names the person named just before.
    if (c.type == CandType::RoleNP && c.key.rfind("np:", 0) == 0) {
      for (std::size_t k = ci, n = 0; k-- > 0 && n < 30; ++n) {
        const Cand& p = cands_[k];
        if (c.sentence - p.sentence > 2) break;
        if (p.entity < 0 || p.drop || p.type == CandType::Pronoun || p.in_quote) continue;
        Entity& e = entities_[static_cast<std::size_t>(p.entity)];
        // A single capitalised word of unknown kind ("... complaining to Farenthold.") is a person
        // when a role phrase refers back to it.
        const bool name_other = e.kind == EntityKind::Other && p.type == CandType::Run && p.te - p.tb == 1 && !p.weak_initial;
        if ((e.kind != EntityKind::Person && !name_other) || e.name == e.title) continue;
        if (c.gender != Gender::Unknown && e.gender != Gender::Unknown && c.gender != e.gender) continue;
        if (name_other) e.kind = EntityKind::Person;
        if (e.gender == Gender::Unknown) e.gender = c.gender;
        return p.entity;
      }
    }
    return -1;
  }

  std::int32_t resolve_pronoun(std::size_t ci) {
    const Cand& c = cands_[ci];
    for (std::size_t k = ci, n = 0; k-- > 0 && n < kLookbackMentions; ++n) {
      const Cand& p = cands_[k];
      if (c.sentence - p.sentence > kPronounLookbackSentences) break;
      if (p.entity < 0 || p.drop) continue;
      if (p.in_quote && !c.in_quote) continue;
      if (p.tb < c.tb && p.te > c.tb) continue;
      const Entity& e = entities_[static_cast<std::size_t>(p.entity)];
      if (c.plural || c.kind == EntityKind::Organization) {
        if (e.kind == EntityKind::Organization || e.kind == EntityKind::Group) return p.entity;
        continue;
      }
      if (e.kind != EntityKind::Person) continue;
      if (p.type == CandType::Label && e.title == "Q") continue;
      if (c.gender != Gender::Unknown && e.gender != Gender::Unknown && e.gender != c.gender) continue;
      // "... Bloomberg criticized Democrats, but argued that Trump was a “demagogue.” “...,” he
      // said": the subject of a that-clause in an earlier sentence yields to a person of the
      // same sentence before it (the main clause's subject).
      if (p.sentence < c.sentence && p.tb > 0 && is_text(p.tb - 1, "that")) {
        for (std::size_t j = k, m = 0; j-- > 0 && m < 8; ++m) {
          const Cand& q = cands_[j];
          if (q.sentence != p.sentence) break;
          if (q.entity < 0 || q.drop || q.in_quote != p.in_quote || q.type == CandType::Pronoun) continue;
          const Entity& qe = entities_[static_cast<std::size_t>(q.entity)];
          if (qe.kind != EntityKind::Person || q.entity == p.entity) continue;
          // ... and it must be the subject of a verb: a speech or clause verb or a past tense.
          if (q.te >= toks_.size() || !info_[q.te].word || !info_[q.te].lower) continue;
          const std::string_view vw = tok_text(q.te);
          if (!(info_[q.te].cls & (wc::kSpeech | wc::kClause)) && !(vw.size() > 4 && vw.substr(vw.size() - 2) == "ed"))
            continue;
          if (c.gender == Gender::Unknown || qe.gender != c.gender) continue;  // a known, agreeing gender
          return q.entity;
        }
      }
      return p.entity;
    }
    return -1;
  }

  // Modifiers between "the" and a title that keep the office the same: not "former", "deputy"...
  bool same_office_modifiers(std::uint32_t b, std::uint32_t e) {
    for (std::uint32_t k = b; k < e; ++k) {
      lower_into(tok_text(k), low_);
      if (low_ == "former" || low_ == "ex" || low_ == "late" || low_ == "then" || low_ == "new" || low_ == "next" ||
          low_ == "incoming" || low_ == "outgoing" || low_ == "future" || low_ == "another" || low_ == "other" ||
          low_ == "acting" || low_ == "deputy" || low_ == "vice" || low_ == "assistant" || low_ == "first" ||
          low_.rfind("ex-", 0) == 0)
        return false;
    }
    return true;
  }

  // A party code at token i: "D-N.Y." (D-N . Y.), "R-Texas", "I-Vt.", or "R" / "D" / "I" alone in
  // parentheses. Returns the token after it, or i.
  std::uint32_t party_code_end(std::uint32_t i, std::uint32_t te) const {
    if (i >= te || toks_[i].kind != TokenKind::Word) return i;
    const std::string_view w = tok_text(i);
    if (w.empty() || (w[0] != 'D' && w[0] != 'R' && w[0] != 'I')) return i;
    if (w.size() == 1)
      return (i > 0 && is_text(i - 1, "(") && i + 1 < te && is_text(i + 1, ")")) ? i + 1 : i;
    if (w.size() < 3 || w[1] != '-' || w[2] < 'A' || w[2] > 'Z') return i;
    for (std::size_t k = 3; k < w.size(); ++k) {
      const char ch = w[k];
      if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '.')) return i;
    }
    std::uint32_t j = i + 1;
    while (j < te && j - i <= 4 && toks_[j].start == toks_[j - 1].end &&
           (is_text(j, ".") || (toks_[j].kind == TokenKind::Word && toks_[j].end - toks_[j].start <= 3 &&
                                text_[toks_[j].end - 1] == '.')))
      ++j;
    if (j < te && !is_text(j, ")") && !is_text(j, ",") && !toks_[j].has(token_flags::kTerminal)) return i;
    return j;
  }

  static const char* party_of_code(char c) {
    return c == 'D' ? "Democratic" : c == 'R' ? "Republican" : "Independent";
  }

  bool legislature_word(std::uint32_t k) {
    if (!info_[k].word) return false;
    lower_into(tok_text(k), low_);
    if (low_ == "house") return info_[k].cap && !(k > 0 && lower_is_prev(k, "white"));
    return low_ == "senate" || low_ == "congress" || low_ == "congressional" || low_ == "caucus" ||
           low_ == "parliament" || low_ == "parliamentary" || low_ == "legislature" || low_ == "legislative";
  }
  bool lower_is_prev(std::uint32_t k, std::string_view s) {
    std::string t;
    lower_into(tok_text(k - 1), t);
    return t == s;
  }

  // Party, role class and faith words of tokens [b, e) (a title with the modifiers before it, a
  // noun phrase, the head of an apposition). Role: any lawmaker word, or a leadership word with a
  // legislature word ("Senate Minority Leader"), or for groups a legislature word with a party
  // word ("Senate Democrats"); else the last role word (titles are head-final).
  void scan_words(std::uint32_t b, std::uint32_t e, bool title_ctx, bool group_ctx, Feat& f) {
    bool lawmaker = false, legis = false, lead = false, press = false, party_here = false;
    RoleClass head = RoleClass::None;
    std::string prev;
    for (std::uint32_t k = b; k < e; ++k) {
      if (!info_[k].word) {
        prev.clear();
        continue;
      }
      if (legislature_word(k)) legis = true;
      lower_into(tok_text(k), low_);
      std::string w = low_;
      if (w.size() > 6 && w.compare(w.size() - 6, 6, "-elect") == 0) w.resize(w.size() - 6);
      const bool cap = info_[k].cap;
      if (w == "leader" || w == "leaders" || w == "whip" || w == "chairman" || w == "chairwoman" || w == "chair" ||
          w == "majority" || w == "minority" || w == "ranking" || w == "member" || w == "members")
        lead = true;
      if (w == "press") press = true;
      if (cap && !(prev == "former" || prev == "ex")) {
        if (const char* p = lex_.party_of(w)) {
          party_here = true;
          if (!f.party) f.party = p;
        }
        if (const char* fa = lex_.faith_of(w)) {
          if (std::find(f.faiths.begin(), f.faiths.end(), fa) == f.faiths.end()) f.faiths.push_back(fa);
        }
      }
      RoleClass r = lex_.role_of(w);
      if (r != RoleClass::None) {
        bool ok = true;
        if (w == "speaker") ok = cap || prev == "house";
        if (w == "father" || w == "sister" || w == "brother") ok = cap && title_ctx;
        if (w == "secretary" && press) r = RoleClass::Spokesperson;
        if ((w == "general" || w == "gen.") &&
            (prev == "attorney" || prev == "surgeon" || prev == "inspector" || prev == "solicitor" || prev == "postmaster"))
          r = RoleClass::Official;
        if (ok) {
          if (r == RoleClass::Lawmaker) lawmaker = true;
          head = r;
        }
      }
      prev = w;
    }
    RoleClass role = head;
    if (lawmaker || (legis && lead) || (group_ctx && legis && party_here)) role = RoleClass::Lawmaker;
    if (f.role == RoleClass::None) f.role = role;
  }

  bool apposition_end(std::uint32_t k) const {
    const Token& t = toks_[k];
    return is_text(k, ",") || is_text(k, ";") || is_text(k, "(") || is_text(k, ")") || t.has(token_flags::kTerminal) ||
           t.has(token_flags::kDash) || t.kind == TokenKind::Quote;
  }

  // The modifiers before a mention: numbers, capitalised words, role/party/faith words and a few
  // modifiers ("2016 Democratic House candidate", "White House spokesman", "the four-term"), at
  // most 6 tokens, not across a person or a place. Returns the first token; `org` gets the
  // nearest organization mention inside.
  std::uint32_t premodifiers(std::uint32_t tb, std::uint32_t sb, const std::vector<std::int32_t>& cover, std::int32_t& org) {
    org = -1;
    std::uint32_t k = tb;
    while (k > sb && tb - k < 6) {
      const std::uint32_t p = k - 1;
      const Token& t = toks_[p];
      if (cover[p] >= 0) {
        const Cand& o = cands_[static_cast<std::size_t>(cover[p])];
        if (o.kind != EntityKind::Organization && o.kind != EntityKind::Group && o.kind != EntityKind::Other) break;
        if (o.kind == EntityKind::Organization && org < 0) org = cover[p];
      }
      if (t.kind == TokenKind::Number) { k = p; continue; }
      if (t.kind != TokenKind::Word) break;
      const std::uint32_t cls = info_[p].cls;
      if (cls & (wc::kDeterminer | wc::kSpeech | wc::kClause | wc::kAux | wc::kPreposition | wc::kSubordinator | wc::kPronoun))
        break;
      lower_into(tok_text(p), low_);
      bool ok = info_[p].cap && !(cls & wc::kFunc);
      if (!ok) {
        ok = lex_.role_of(low_) != RoleClass::None || low_.find('-') != std::string::npos;
        static const char* const kMods[] = {"former", "presumptive", "top", "senior", "longtime", "veteran", "freshman",
                                            "incoming", "outgoing", "then", "current", "presidential", "congressional",
                                            "gubernatorial", "state", "ranking", "retiring", "junior", "majority",
                                            "minority", "deputy", "acting", "assistant", "chief", "press", "communications",
                                            "campaign", "party", "house", "senate", "federal", "catholic", "jesuit"};
        for (const char* m : kMods) ok = ok || low_ == m;
      }
      if (!ok) break;
      k = p;
    }
    return k;
  }

  // Affiliations (rules in mentions.hpp): per mention, then merged into its entity, first wins.
  void affiliations() {
    const std::size_t nt = toks_.size();
    std::vector<std::int32_t> cover(nt, -1), start_at(nt, -1);
    for (std::size_t k = 0; k < cands_.size(); ++k) {
      const Cand& c = cands_[k];
      if (c.drop || c.entity < 0) continue;
      if (start_at[c.tb] < 0) start_at[c.tb] = static_cast<std::int32_t>(k);
      for (std::uint32_t t = c.tb; t < c.te; ++t) cover[t] = static_cast<std::int32_t>(k);
    }
    auto cand_from = [&](std::uint32_t t, std::uint32_t te) -> std::int32_t {  // a mention at t (after "the")
      if (t >= te) return -1;
      if (start_at[t] >= 0) return start_at[t];
      if (t + 1 < te && lower_is(t, "the") && start_at[t + 1] >= 0) return start_at[t + 1];
      return -1;
    };
    std::vector<std::pair<std::int32_t, std::int32_t>> principal_links, org_links;  // (entity, cand)
    std::vector<std::uint32_t> cands_of(entities_.size(), 0), names_of(entities_.size(), 0);
    for (const Cand& c : cands_)
      if (!c.drop && c.entity >= 0) {
        cands_of[static_cast<std::size_t>(c.entity)]++;
        if (c.type != CandType::Pronoun) names_of[static_cast<std::size_t>(c.entity)]++;
      }
    // A role phrase joined to the name beside it takes its pronouns along (remapped after the loop).
    std::vector<std::int32_t> joined_to(entities_.size(), -1);
    for (std::size_t ci = 0; ci < cands_.size(); ++ci) {
      const Cand& c = cands_[ci];
      if (c.drop || c.entity < 0 || c.type == CandType::Pronoun || c.type == CandType::Label) continue;
      const EntityKind kind = entities_[static_cast<std::size_t>(c.entity)].kind;
      const std::uint32_t sb = seg_.sentences[c.sentence].token_begin, te = seg_.sentences[c.sentence].token_end;
      Feat f;
      if (kind == EntityKind::Group || kind == EntityKind::Organization) {
        scan_words(c.tb, c.te, false, true, f);
        if (f.party || f.role != RoleClass::None || !f.faiths.empty()) f.evidence.emplace_back(c.tb, c.te);
      } else if (kind == EntityKind::Person) {
        // Title and modifiers before the name.
        std::int32_t org = -1;
        const std::uint32_t pre = premodifiers(c.tb, sb, cover, org);
        if (pre < c.tb) cands_[ci].modifier_tb = pre;
        const std::uint32_t title_end = (c.type == CandType::Run && c.name_tb > c.tb) ? c.name_tb : (c.type == CandType::Run ? c.tb : c.te);
        if (title_end > pre) {
          scan_words(pre, title_end, true, false, f);
          if (f.party || f.role != RoleClass::None || !f.faiths.empty()) f.evidence.emplace_back(pre, title_end);
          if (speaks_for_role(f.role) && org >= 0) f.principal_tok = cands_[static_cast<std::size_t>(org)].tb;
        }
        std::uint32_t j = c.te;
        // "a spokesman for the State Department said": the principal right after a role phrase.
        if (c.type != CandType::Run && speaks_for_role(f.role) && j + 1 < te && (lower_is(j, "for") || lower_is(j, "to")) &&
            f.principal_tok == kNoTok) {
          const std::int32_t pc = cand_from(j + 1, te);
          if (pc >= 0) f.principal_tok = cands_[static_cast<std::size_t>(pc)].tb;
        }
        // "of New York" / "from Ohio" after the name.
        if (j + 1 < te && (lower_is(j, "of") || lower_is(j, "from")) && start_at[j + 1] >= 0 &&
            cands_[static_cast<std::size_t>(start_at[j + 1])].kind == EntityKind::Place)
          j = cands_[static_cast<std::size_t>(start_at[j + 1])].te;
        // A party code: "(D-Vt.)", ", D-N.Y.,".
        if (j + 1 < te && is_text(j, "(")) {
          const std::uint32_t e = party_code_end(j + 1, te);
          if (e > j + 1 && e < te && is_text(e, ")")) {
            if (!f.party) f.party = party_of_code(tok_text(j + 1)[0]);
            f.evidence.emplace_back(j, e + 1);
            j = e + 1;
          }
        } else if (j + 1 < te && is_text(j, ",")) {
          const std::uint32_t e = party_code_end(j + 1, te);
          if (e > j + 1) {
            if (!f.party) f.party = party_of_code(tok_text(j + 1)[0]);
            f.evidence.emplace_back(j + 1, e);
            j = e;
          }
        }
        // An apposition: ", a spokesman for ...,", ", the Democratic leader,", ", Democrat of New Jersey,".
        if (j + 1 < te && is_text(j, ",") &&
            (start_at[j + 1] < 0 || cands_[static_cast<std::size_t>(start_at[j + 1])].kind != EntityKind::Person ||
             cands_[static_cast<std::size_t>(start_at[j + 1])].type == CandType::RoleNP)) {
          const std::uint32_t a = j + 1;
          // "Zephyr Teachout, a constitutional law professor at ...": a role phrase in apposition
          // to a name is the same person (when it names no one else in the text).
          // (Also a title run after "the": "Ali Khamenei, the Supreme Leader of Iran,".)
          if (const std::int32_t api = cand_from(a, te); api >= 0) {
            Cand& ap = cands_[static_cast<std::size_t>(api)];
            // (Pronouns that went to the role phrase do not count: "…, the Supreme Leader of Iran,
            // ordered mourning. In his message, he …".)
            if (ap.type == CandType::RoleNP && ap.kind == EntityKind::Person && ap.entity != c.entity && ap.entity >= 0 &&
                names_of[static_cast<std::size_t>(ap.entity)] == 1 && (ap.te >= te || apposition_end(ap.te) || !info_[ap.te].word ||
                                                                        (info_[ap.te].cls & wc::kPreposition) || lower_is(ap.te, "of"))) {
              const auto old = static_cast<std::size_t>(ap.entity);
              cands_of[static_cast<std::size_t>(c.entity)] += cands_of[old];
              cands_of[old] = 0;
              names_of[old] = 0;
              joined_to[old] = c.entity;
              ap.entity = c.entity;
            }
          }
          std::uint32_t e = a;
          while (e < te && e - a < 16 && !apposition_end(e)) ++e;
          std::uint32_t h = a;  // the head part ends at a preposition, "and", or a relative pronoun
          bool clause = false;
          while (h < e) {
            if (info_[h].word) {
              const std::uint32_t cls = info_[h].cls;
              lower_into(tok_text(h), low_);
              if ((cls & wc::kPreposition) || low_ == "of" || low_ == "to" || low_ == "and" || low_ == "or" ||
                  low_ == "who" || low_ == "which" || low_ == "whose" || low_ == "whom")
                break;
              if (info_[h].lower && (cls & (wc::kSpeech | wc::kClause | wc::kAux | wc::kPronoun))) clause = true;
            }
            ++h;
          }
          if (e > a && e - a < 16 && !clause && (e == te || apposition_end(e))) {
            Feat g;
            scan_words(a, h, false, false, g);
            // "a representative of the company": speaks for it.
            if (g.role == RoleClass::Lawmaker && h < e && h > a && (lower_is(h, "of") || lower_is(h, "for"))) {
              lower_into(tok_text(h - 1), low_);
              if (low_ == "representative") g.role = RoleClass::Spokesperson;
            }
            for (std::uint32_t k = h; k < e; ++k) {  // faith words anywhere: "of the Catholic bishops' conference"
              lower_into(tok_text(k), low_);
              if (info_[k].cap)
                if (const char* fa = lex_.faith_of(low_))
                  if (std::find(g.faiths.begin(), g.faiths.end(), fa) == g.faiths.end()) g.faiths.push_back(fa);
            }
            if (g.party || g.role != RoleClass::None || !g.faiths.empty()) {
              if (!f.party) f.party = g.party;
              if (f.role == RoleClass::None) f.role = g.role;
              for (const char* fa : g.faiths)
                if (std::find(f.faiths.begin(), f.faiths.end(), fa) == f.faiths.end()) f.faiths.push_back(fa);
              f.evidence.emplace_back(a, e);
              if (h < e) {
                lower_into(tok_text(h), low_);
                const std::int32_t pc = cand_from(h + 1, e);
                if (pc >= 0) {
                  const Cand& p = cands_[static_cast<std::size_t>(pc)];
                  if (speaks_for_role(g.role) && (low_ == "for" || low_ == "to") && f.principal_tok == kNoTok)
                    f.principal_tok = p.tb;
                  else if (p.kind == EntityKind::Organization && (low_ == "at" || low_ == "of" || low_ == "with" || low_ == "for"))
                    f.org_tok = p.tb;
                }
              }
            }
          }
        }
      } else {
        continue;
      }
      // Merge into the entity: the first evidence wins.
      Affiliation& A = entities_[static_cast<std::size_t>(c.entity)].affiliation;
      if (A.party.empty() && f.party) A.party = f.party;
      if (A.role == RoleClass::None) A.role = f.role;
      for (const char* fa : f.faiths)
        if (A.groups.size() < kMaxGroups && std::find(A.groups.begin(), A.groups.end(), fa) == A.groups.end())
          A.groups.emplace_back(fa);
      for (const auto& ev : f.evidence)
        if (A.evidence.size() < kMaxEvidence && ev.second > ev.first)
          A.evidence.emplace_back(toks_[ev.first].start, toks_[ev.second - 1].end);
      if (f.principal_tok != kNoTok && start_at[f.principal_tok] >= 0) principal_links.emplace_back(c.entity, start_at[f.principal_tok]);
      if (f.org_tok != kNoTok && start_at[f.org_tok] >= 0) org_links.emplace_back(c.entity, start_at[f.org_tok]);
    }
    for (Cand& c : cands_)
      if (c.type == CandType::Pronoun && c.entity >= 0 && joined_to[static_cast<std::size_t>(c.entity)] >= 0)
        c.entity = joined_to[static_cast<std::size_t>(c.entity)];
    for (const auto& [ent, pc] : principal_links) {
      Affiliation& A = entities_[static_cast<std::size_t>(ent)].affiliation;
      const std::int32_t pe = cands_[static_cast<std::size_t>(pc)].entity;
      if (A.speaks_for < 0 && pe >= 0 && pe != ent) A.speaks_for = pe;
    }
    for (const auto& [ent, oc] : org_links) {
      Affiliation& A = entities_[static_cast<std::size_t>(ent)].affiliation;
      const std::int32_t oe = cands_[static_cast<std::size_t>(oc)].entity;
      if (A.organization < 0 && oe >= 0 && oe != ent) A.organization = oe;
    }
  }

  // Drops entities left without mentions (a role phrase merged into the name it stands beside)
  // and renumbers the rest, keeping their order.
  void compact_entities() {
    std::vector<std::int32_t> remap(entities_.size(), -1);
    for (const Cand& c : cands_)
      if (!c.drop && c.entity >= 0) remap[static_cast<std::size_t>(c.entity)] = 0;
    std::int32_t next = 0;
    bool gaps = false;
    for (auto& r : remap) {
      if (r < 0) {
        gaps = true;
        continue;
      }
      r = next++;
    }
    if (!gaps) return;
    std::vector<Entity> kept;
    kept.reserve(static_cast<std::size_t>(next));
    for (std::size_t k = 0; k < entities_.size(); ++k)
      if (remap[k] >= 0) kept.push_back(std::move(entities_[k]));
    auto map = [&remap](std::int32_t e) { return e < 0 ? -1 : remap[static_cast<std::size_t>(e)]; };
    for (Cand& c : cands_) c.entity = c.drop ? c.entity : map(c.entity);
    for (Entity& e : kept) {
      e.affiliation.speaks_for = map(e.affiliation.speaks_for);
      e.affiliation.organization = map(e.affiliation.organization);
    }
    entities_ = std::move(kept);
  }

  MentionResult build() {
    compact_entities();
    MentionResult r;
    r.entities = std::move(entities_);
    for (const auto& c : cands_) {
      if (c.drop) continue;
      Mention m;
      m.start = toks_[c.tb].start;
      m.end = toks_[c.te - 1].end;
      m.token_begin = c.tb;
      m.token_end = c.te;
      m.modifier_begin = c.modifier_tb < c.tb ? c.modifier_tb : c.tb;
      m.entity = c.entity;
      m.sentence = c.sentence;
      m.is_pronoun = c.type == CandType::Pronoun;
      m.in_quote = c.in_quote;
      if (c.entity >= 0) r.entities[static_cast<std::size_t>(c.entity)].mentions.push_back(static_cast<std::uint32_t>(r.mentions.size()));
      r.mentions.push_back(m);
    }
    return r;
  }
};

}  // namespace

MentionFinder::MentionFinder() : lex_(default_word_lists()) {}
MentionFinder::~MentionFinder() = default;

MentionResult MentionFinder::find(std::string_view text, const Segmentation& seg) const {
  return Finder(text, seg, *lex_).run();
}

}  // namespace presslens
