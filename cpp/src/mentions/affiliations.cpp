// Affiliations of each entity (see mentions.hpp): party ("R-Ohio", "Republican"), role
// (spokesperson, aide, lawyer...), the organization or person spoken for, and faith.
#include <algorithm>

#include "finder.hpp"

namespace presslens::mention_detail {

namespace {

constexpr std::size_t kMaxEvidence = 8;
constexpr std::size_t kMaxGroups = 4;

bool speaks_for_role(RoleClass r) {
  return r == RoleClass::Spokesperson || r == RoleClass::Aide || r == RoleClass::Lawyer;
}

}  // namespace

// Modifiers between "the" and a title that keep the office the same: not "former", "deputy"...
bool Finder::same_office_modifiers(std::uint32_t b, std::uint32_t e) {
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
std::uint32_t Finder::party_code_end(std::uint32_t i, std::uint32_t te) const {
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

const char* Finder::party_of_code(char c) {
  return c == 'D' ? "Democratic" : c == 'R' ? "Republican" : "Independent";
}

bool Finder::legislature_word(std::uint32_t k) {
  if (!info_[k].word) return false;
  lower_into(tok_text(k), low_);
  if (low_ == "house") return info_[k].cap && !(k > 0 && lower_is_prev(k, "white"));
  return low_ == "senate" || low_ == "congress" || low_ == "congressional" || low_ == "caucus" ||
         low_ == "parliament" || low_ == "parliamentary" || low_ == "legislature" || low_ == "legislative";
}

bool Finder::lower_is_prev(std::uint32_t k, std::string_view s) const { return lower_equals(tok_text(k - 1), s); }

// Party, role class and faith words of tokens [b, e) (a title with the modifiers before it, a
// noun phrase, the head of an apposition). Role: any lawmaker word, or a leadership word with a
// legislature word ("Senate Minority Leader"), or for groups a legislature word with a party
// word ("Senate Democrats"); else the last role word (titles are head-final).
void Finder::scan_words(std::uint32_t b, std::uint32_t e, bool title_ctx, bool group_ctx, Feat& f) {
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

bool Finder::apposition_end(std::uint32_t k) const {
  const Token& t = toks_[k];
  return is_text(k, ",") || is_text(k, ";") || is_text(k, "(") || is_text(k, ")") || t.has(token_flags::kTerminal) ||
         t.has(token_flags::kDash) || t.kind == TokenKind::Quote;
}

// The modifiers before a mention: numbers, capitalised words, role/party/faith words and a few
// modifiers ("2016 Democratic House candidate", "White House spokesman", "the four-term"), at
// most 6 tokens, not across a person or a place. Returns the first token; `org` gets the
// nearest organization mention inside.
std::uint32_t Finder::premodifiers(std::uint32_t tb, std::uint32_t sb, const std::vector<std::int32_t>& cover, std::int32_t& org) {
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
void Finder::affiliations() {
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
        // to a name is the same person (when it names no one else in the text). (A role phrase
        // with an article was already joined in resolve(), Finder::appositive_person, unless a
        // list or a speech verb kept it apart.)
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

}  // namespace presslens::mention_detail
