// Coreference: mentions joined into entities (a surname to the full name, an acronym to its
// organization, "the senator" to the senator named before, a pronoun to the nearest agreeing name).
#include <algorithm>
#include <string>

#include "finder.hpp"

namespace presslens::mention_detail {

namespace {

constexpr std::uint32_t kPronounLookbackSentences = 6;
constexpr std::size_t kLookbackMentions = 150;
// People sharing a surname key searched for a first name that agrees (most recent first); a bound
// keeps a text naming thousands of different Smiths linear.
constexpr std::size_t kSameKeyLookback = 64;

}  // namespace

std::int32_t Finder::new_entity(const Cand& c) {
  Entity e;
  e.name = c.name;
  e.kind = c.kind;
  e.title = c.title;
  e.gender = c.gender;
  entities_.push_back(std::move(e));
  founded_in_quote_.push_back(c.in_quote);
  return static_cast<std::int32_t>(entities_.size() - 1);
}

// The entity of "his campaign" (c, owned by a possessive pronoun): "<surname> campaign" of the
// person the pronoun refers to, the same entity as "Trump's campaign" or "the Trump campaign";
// an organization of its own, named as written, when the pronoun refers to no person.
std::int32_t Finder::owned_org_entity(Cand& c, std::unordered_map<std::string, std::vector<std::int32_t>>& by_key) {
  const Cand& owner = cands_[c.owner_pronoun];
  const Entity* person_owner = owner.entity >= 0 ? &entities_[static_cast<std::size_t>(owner.entity)] : nullptr;
  // (A named person: not one known only by a role, "a representative for his office".)
  if (person_owner && person_owner->kind == EntityKind::Person && !person_owner->name.empty() &&
      person_owner->name[0] >= 'A' && person_owner->name[0] <= 'Z') {
    const std::string& person = person_owner->name;
    const std::string surname = person.substr(person.rfind(' ') + 1);  // (npos + 1 = 0: a one-word name)
    std::string low;
    lower_into(surname, low);
    c.name = surname + " " + c.name;
    c.key = "org:" + low + " " + lower_joined(c.tb, c.te);  // ("org:trump campaign", as for "Trump's campaign")
    if (auto known = by_key.find(c.key); known != by_key.end()) return known->second.back();
  } else {
    c.name = std::string(tok_text(owner.tb)) + " " + c.name;
    c.key += "@" + std::to_string(c.tb);  // "his campaign" of no one known: joins no other mention
  }
  const std::int32_t e = new_entity(c);
  by_key[c.key].push_back(e);
  return e;
}

void Finder::absorb(std::int32_t ent, const Cand& c) {
  Entity& e = entities_[static_cast<std::size_t>(ent)];
  const std::size_t words_new = static_cast<std::size_t>(std::count(c.name.begin(), c.name.end(), ' '));
  const std::size_t words_old = static_cast<std::size_t>(std::count(e.name.begin(), e.name.end(), ' '));
  if (c.type == CandType::Run && (words_new > words_old || e.kind == EntityKind::Other)) e.name = c.name;
  if (e.title.empty() && !c.title.empty()) e.title = c.title;
  if (e.gender == Gender::Unknown) e.gender = c.gender;
  if (e.kind == EntityKind::Other && c.kind != EntityKind::Other) e.kind = c.kind;
}

std::string Finder::acronym_of(const std::string& name) {
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

bool Finder::first_names_compatible(const Entity& e, const Cand& c) const {
  // "Marco Rubio" vs "Jane Rubio": different first names, different people.
  auto first = [](std::string_view s) { return s.substr(0, s.find(' ')); };
  if (e.name.find(' ') == std::string::npos || c.name.find(' ') == std::string::npos) return true;
  return first(e.name) == first(c.name);
}

// The entity a headline's speaker names, found among the article's strong mentions by the
// same keys (a surname agreeing on the first name, an organization's name); the first one
// named outside quotation marks; kNoEntity if none.
std::int32_t Finder::known_entity(const std::unordered_map<std::string, std::vector<std::int32_t>>& by_key, Cand& c) {
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

void Finder::resolve() {
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
    if (c.owner_pronoun != kNoTok) {  // (its pronoun comes first, so it is resolved by now)
      c.entity = owned_org_entity(c, by_key);
      continue;
    }
    if (c.heading_label) {
      c.entity = known_entity(by_key, c);
      c.drop = c.entity == kNoEntity;
      continue;
    }
    if (c.type == CandType::RoleNP) {
      if (const std::int32_t named = appositive_person(ci); named >= 0) {
        c.entity = named;
        continue;
      }
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
void Finder::link_role_appositions() {
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
std::string Finder::canonical_title(std::string t) {
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

// "Cruz, the senator from Texas, ...", "Ebeling, a retired teacher, ...": a role phrase right
// after a person's name and its comma is an apposition that describes that person, whoever else
// holds the title. Not when a verb follows the role ("Smith, the mayor said, ..." is another
// person speaking), nor after a list ("Rubio, Cruz, the senator ..."). Decided here, before the
// pronouns after it are resolved; the apposition join in affiliations.cpp (a role phrase known
// only by itself, with or without an article) runs later and still covers the other shapes.
std::int32_t Finder::appositive_person(std::size_t ci) const {
  const Cand& c = cands_[ci];
  if (c.kind != EntityKind::Person || c.in_quote || c.tb < 2 || !is_text(c.tb - 1, ",")) return -1;
  std::size_t k = ci;
  for (int skipped = 0; k > 0 && cands_[k - 1].drop && skipped < 8; ++skipped) --k;  // (bounded: no quadratic walk)
  if (k == 0) return -1;
  const Cand& p = cands_[k - 1];
  if (p.drop || p.te + 1 != c.tb || p.sentence != c.sentence || p.in_quote || p.entity < 0 || p.type == CandType::Pronoun)
    return -1;
  const Entity& e = entities_[static_cast<std::size_t>(p.entity)];
  if (e.kind != EntityKind::Person) return -1;
  if (c.gender != Gender::Unknown && e.gender != Gender::Unknown && c.gender != e.gender) return -1;
  if (p.tb > 0 && (is_text(p.tb - 1, ",") || is_text(p.tb - 1, "and") || is_text(p.tb - 1, "or"))) return -1;
  // A description opens with an article ("the senator", "a retired teacher"): not a title
  // before another name ("Chief of Staff Cheryl Mills, Deputy Chief of Staff Jake Sullivan"),
  // nor a possessor ("Pompeo, the president's second secretary of state").
  if (!(lower_is(c.tb, "the") || lower_is(c.tb, "a") || lower_is(c.tb, "an"))) return -1;
  if (c.te < toks_.size() && apostrophe_s(c.te)) return -1;
  if (c.te < toks_.size() && info_[c.te].word && info_[c.te].lower && (info_[c.te].cls & (wc::kSpeech | wc::kClause)))
    return -1;
  return p.entity;
}

std::int32_t Finder::resolve_role(std::size_t ci) {
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

std::int32_t Finder::resolve_pronoun(std::size_t ci) {
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
    if (const std::int32_t subject = previous_subject(ci, k); subject >= 0) return subject;
    return p.entity;
  }
  return -1;
}

// "Trump accused Cruz of lying. Then he cut into Bush": a "he" / "she" that opens its sentence
// continues the previous sentence's subject rather than the person named last in it (`pk`, the
// nearest agreeing person, in that sentence but not its subject). The subject is the sentence's
// first person mention outside quotation marks that is no object of a preposition ("According
// to Jones, Smith ...", "On the last day of the convention, Ivanka Trump ..."); -1 when there is
// none, it does not agree, or it is pk's own entity.
std::int32_t Finder::previous_subject(std::size_t ci, std::size_t pk) const {
  const Cand& c = cands_[ci];
  const Cand& p = cands_[pk];
  if (c.plural || c.gender == Gender::Unknown || c.in_quote || p.sentence + 1 != c.sentence) return -1;
  // c opens its sentence: no earlier mention in it (a fronted "Then" or "Later," is fine).
  if (ci > 0 && cands_[ci - 1].sentence == c.sentence && !cands_[ci - 1].drop) return -1;
  const std::uint32_t first = seg_.sentences[c.sentence].token_begin;
  if (c.tb > first + 2) return -1;
  std::size_t q = pk;
  while (q > 0 && cands_[q - 1].sentence == p.sentence) --q;
  for (; q < pk; ++q) {
    const Cand& s = cands_[q];
    if (s.drop || s.entity < 0 || s.in_quote) continue;
    std::uint32_t before = s.tb;  // ("of the Republican National Convention": past the article)
    if (before > 0 && (info_[before - 1].cls & wc::kDeterminer) && !(info_[before - 1].cls & wc::kPronoun)) --before;
    if (before > 0 && info_[before - 1].word && info_[before - 1].lower &&
        ((info_[before - 1].cls & wc::kPreposition) || lower_is(before - 1, "of")))
      continue;
    const Entity& e = entities_[static_cast<std::size_t>(s.entity)];
    // The subject is no named person (or pronoun of one): keep the nearest one.
    if (e.kind != EntityKind::Person || !(s.type == CandType::Run || s.type == CandType::Label || s.type == CandType::Pronoun))
      return -1;
    if (e.gender != Gender::Unknown && e.gender != c.gender) return -1;
    return s.entity == p.entity ? -1 : s.entity;
  }
  return -1;
}

}  // namespace presslens::mention_detail
