// Stage 2: mentions and entities (rules documented in mentions.hpp). The Finder's run, the
// quotation marks it needs, and the mentions and entities it returns; the passes are in the files
// finder.hpp names.
#include <algorithm>

#include "finder.hpp"

namespace presslens::mention_detail {

MentionResult Finder::run() {
  mark_quotes();
  for (std::uint32_t p = 0; p < seg_.paragraphs.size(); ++p) scan_paragraph(p);
  resolve();
  link_role_appositions();
  affiliations();
  return build();
}

void Finder::mark_quotes() {
  in_quote_.assign(toks_.size(), 0);
  for (const auto& q : pair_quote_marks(text_, seg_)) {
    const std::uint32_t end = q.closed ? q.close_tok : q.close_tok + 1;
    for (std::uint32_t i = q.open_tok + 1; i < end; ++i) in_quote_[i] = 1;
  }
}

void Finder::push(Cand c, std::uint32_t sentence) {
  c.sentence = sentence;
  c.in_quote = in_quote_[c.tb] != 0;
  cands_.push_back(std::move(c));
}

// Drops entities left without mentions (a role phrase merged into the name it stands beside)
// and renumbers the rest, keeping their order.
void Finder::compact_entities() {
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

MentionResult Finder::build() {
  compact_entities();
  MentionResult r;
  r.token_facts = facts_;
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

}  // namespace presslens::mention_detail

namespace presslens {

MentionFinder::MentionFinder() : lex_(default_word_lists()) {}
MentionFinder::~MentionFinder() = default;

MentionResult MentionFinder::find(std::string_view text, const Segmentation& seg) const {
  return mention_detail::Finder(text, seg, *lex_).run();
}

}  // namespace presslens
