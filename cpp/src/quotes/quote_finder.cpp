// Stage 3: quotes and their speakers (rules documented in quotes.hpp). The Finder's run, the
// look-ups every pass shares, and the quotes it emits; the passes are in the files finder.hpp names.
#include <algorithm>

#include "finder.hpp"

namespace presslens::quote_detail {

std::vector<Quote> Finder::run() {
  index();
  turns();
  for (const Quote& q : out_)
    if (q.kind == QuoteKind::Turn) turn_spans_.push_back({q.start, q.end, q.speaker_mention});
  direct();
  indirect();
  according_to();
  labelled_paragraphs();
  std::sort(out_.begin(), out_.end(), [](const Quote& a, const Quote& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  relist_mentions();
  return std::move(out_);
}

void Finder::index() {
  const std::size_t n = toks_.size();
  m_start_.assign(n, kNone);
  m_end_.assign(n, kNone);
  m_described_.assign(n, kNone);
  for (std::size_t k = 0; k < mr_.mentions.size(); ++k) {
    const Mention& m = mr_.mentions[k];
    if (m.token_end <= m.token_begin || m.token_end > n) continue;
    m_start_[m.token_begin] = static_cast<std::int32_t>(k);
    m_end_[m.token_end - 1] = static_cast<std::int32_t>(k);
    if (m.modifier_begin < m.token_begin) m_described_[m.modifier_begin] = static_cast<std::int32_t>(k);
  }
  sent_of_.assign(n, 0);
  for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s)
    for (std::uint32_t i = sent_begin(s); i < sent_end(s) && i < n; ++i) sent_of_[i] = s;
  spans_ = pair_quote_marks(text_, seg_);
  in_quote_.assign(n, 0);
  for (const auto& q : spans_) {
    const std::uint32_t end = q.closed ? q.close_tok : q.close_tok + 1;
    for (std::uint32_t i = q.open_tok; i < end && i < n; ++i) in_quote_[i] = 1;
    if (q.closed) in_quote_[q.close_tok] = 1;
  }
  cue_used_.assign(n, 0);
  open_of_close_.assign(n, kNone);
  close_of_open_.assign(n, kNone);
  for (const auto& q : spans_)
    if (q.closed && q.close_tok < n) {
      open_of_close_[q.close_tok] = static_cast<std::int32_t>(q.open_tok);
      close_of_open_[q.open_tok] = static_cast<std::int32_t>(q.close_tok);
    }
  next_open_.assign(n + 1, static_cast<std::uint32_t>(n));
  for (std::uint32_t i = static_cast<std::uint32_t>(n); i-- > 0;)
    next_open_[i] = close_of_open_[i] != kNone ? i : next_open_[i + 1];
  run_start_.assign(n + 1, 0);
  commas_.assign(n + 1, 0);
  words_.assign(n + 1, 0);
  words_out_.assign(n + 1, 0);
  last_quote_.assign(n + 1, 0);
  nonpunct_end_.assign(n + 1, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const Token& t = toks_[i];
    const bool skip = t.kind == TokenKind::Emoji || is_dash(i) || t.kind == TokenKind::Quote;
    run_start_[i + 1] = skip ? run_start_[i] : i + 1;
    commas_[i + 1] = commas_[i] + (is_comma(i) ? 1 : 0);
    words_[i + 1] = words_[i] + (info_[i].word ? 1 : 0);
    words_out_[i + 1] = words_out_[i] + (info_[i].word && !in_quote_[i] ? 1 : 0);
    last_quote_[i + 1] = t.kind == TokenKind::Quote ? i + 1 : last_quote_[i];
    nonpunct_end_[i + 1] = t.kind != TokenKind::Punct ? i + 1 : nonpunct_end_[i];
  }
  next_comma_.assign(n + 1, static_cast<std::uint32_t>(n));
  next_semi_.assign(n + 1, static_cast<std::uint32_t>(n));
  for (std::uint32_t i = static_cast<std::uint32_t>(n); i-- > 0;) {
    next_comma_[i] = is_comma(i) ? i : next_comma_[i + 1];
    next_semi_[i] = is_text(i, ";") ? i : next_semi_[i + 1];
  }
  // Where a reported clause stops: a second speech act of the same subject ("... and warned
  // ...", "..., adding ...", "..., saying ...") or a participle adjunct ("... while trying to").
  next_break_.assign(n + 1, static_cast<std::uint32_t>(n));
  for (std::uint32_t i = static_cast<std::uint32_t>(n); i-- > 0;) {
    bool brk = false;
    if (i + 1 < n && info_[i].word && info_[i + 1].word && info_[i + 1].lower) {
      const std::string_view w = tok_text(i), nx = tok_text(i + 1);
      const bool ing = ends_with_ing(i + 1);
      const bool speech = (info_[i + 1].cls & (wc::kSpeech | wc::kClause)) != 0;
      if ((w == "and" || w == "but") && speech && !ing) brk = true;
      // '... was “disgusting” and encouraged Americans to ...': a second past-tense verb of the
      // speaker, not of the reported clause.
      if ((w == "and" || w == "but") && !in_quote_[i] && past_tense(i + 1)) brk = true;
      // '... to “open up” libel laws, and suggesting ...', '... “califphate” and also address ...'
      if (w == "and" && !in_quote_[i] && i > 0 && is_comma(i - 1) && participle(i + 1)) brk = true;
      if ((w == "and" || w == "but") && !in_quote_[i] && nx == "also" && i + 2 < n && info_[i + 2].word && info_[i + 2].lower)
        brk = true;
      if ((w == "while" || w == "before" || w == "after") && ing) brk = true;
    }
    if (i + 1 < n && is_comma(i) && info_[i + 1].word && info_[i + 1].lower &&
        (info_[i + 1].cls & (wc::kSpeech | wc::kClause))) {
      if (ends_with_ing(i + 1)) brk = true;
    }
    // '... is “true,” but in the course ...', '... “expanded the party,” claiming ...': a comma
    // inside a closing mark, then "but" or a participle, ends the reported clause.
    if (i >= 2 && info_[i].word && info_[i].lower && toks_[i - 1].kind == TokenKind::Quote &&
        open_of_close_[i - 1] != kNone && is_comma(i - 2) && (is_text(i, "but") || participle(i)))
      brk = true;
    next_break_[i] = brk ? i : next_break_[i + 1];
  }
  const std::size_t ns = seg_.sentences.size();
  first_word_.assign(ns, 0);
  first_wn_.assign(ns, 0);
  first_wnq_.assign(ns, 0);
  for (std::uint32_t s = 0; s < ns; ++s) {
    const std::uint32_t sb = sent_begin(s), se = std::min<std::uint32_t>(sent_end(s), static_cast<std::uint32_t>(n));
    std::uint32_t fw = se, fwn = se, fwnq = se;
    for (std::uint32_t i = sb; i < se && (fw == se || fwn == se || fwnq == se); ++i) {
      const TokenKind k = toks_[i].kind;
      if (fw == se && k == TokenKind::Word) fw = i;
      if (fwn == se && (k == TokenKind::Word || k == TokenKind::Number)) fwn = i;
      if (fwnq == se && (k == TokenKind::Word || k == TokenKind::Number || k == TokenKind::Quote)) fwnq = i;
    }
    first_word_[s] = fw;
    first_wn_[s] = fwn;
    first_wnq_[s] = fwnq;
  }
  prev_named_.assign(ns, -2);
  prev_named_gen_.assign(ns, 0);
}

float Finder::conf_for(std::int32_t m, float base) const {
  if (m == kNone) return base - 0.3f;
  const Mention& mm = mention(m);
  if (mm.is_pronoun) return mm.entity >= 0 ? base - 0.1f : base - 0.3f;
  return base;
}

void Finder::emit(QuoteKind kind, std::uint32_t start, std::uint32_t end, const Attribution& a) {
  if (end <= start) return;
  Quote q;
  q.kind = kind;
  q.start = start;
  q.end = end;
  q.speaker_mention = a.mention;
  q.speaker = entity_of(a.mention);
  if (a.cue != kNone) {
    q.cue_start = toks_[static_cast<std::size_t>(a.cue)].start;
    q.cue_end = toks_[a.cue_end_tok - 1].end;
  }
  // The sentence holding the content start.
  auto it = std::upper_bound(toks_.begin(), toks_.end(), start, [](std::uint32_t s, const Token& t) { return s < t.start; });
  std::uint32_t ti = it == toks_.begin() ? 0 : static_cast<std::uint32_t>(it - toks_.begin() - 1);
  q.sentence = sent_of_[ti];
  q.paragraph = seg_.sentences[q.sentence].paragraph;
  q.confidence = std::max(0.05f, std::min(1.f, a.confidence));
  out_.push_back(q);
}

// Entity mention lists follow re-linked pronouns.
void Finder::relist_mentions() {
  for (auto& e : mr_.entities) e.mentions.clear();
  for (std::size_t k = 0; k < mr_.mentions.size(); ++k) {
    const std::int32_t e = mr_.mentions[k].entity;
    if (e >= 0 && static_cast<std::size_t>(e) < mr_.entities.size())
      mr_.entities[static_cast<std::size_t>(e)].mentions.push_back(static_cast<std::uint32_t>(k));
  }
  for (auto& q : out_) q.speaker = entity_of(q.speaker_mention);
}

}  // namespace presslens::quote_detail

namespace presslens {

const char* to_string(QuoteKind kind) noexcept {
  switch (kind) {
    case QuoteKind::Direct: return "direct";
    case QuoteKind::Partial: return "partial";
    case QuoteKind::Indirect: return "indirect";
    case QuoteKind::AccordingTo: return "according_to";
    case QuoteKind::Turn: return "turn";
  }
  return "direct";
}

QuoteFinder::QuoteFinder() : lex_(default_word_lists()) {}
QuoteFinder::~QuoteFinder() = default;

std::vector<Quote> QuoteFinder::find(std::string_view text, const Segmentation& seg, MentionResult& mentions) const {
  return quote_detail::Finder(text, seg, mentions, *lex_).run();
}

}  // namespace presslens
