// Transcript turns ("THE PRESIDENT: ..."), headlines that name their speaker first ("Cruz: Trump
// Would Put Liberals On Court") and other paragraphs labelled with a speaker.
#include <unordered_map>

#include "finder.hpp"

namespace presslens::quote_detail {

// The speaker label opening paragraph p ("THE PRESIDENT:", "Q:"), or kNone.
std::int32_t Finder::turn_label(std::uint32_t p) const {
  const Paragraph& para = seg_.paragraphs[p];
  if (para.sentence_begin >= para.sentence_end) return kNone;
  const std::uint32_t tb = sent_begin(para.sentence_begin);
  const std::uint32_t te = sent_end(para.sentence_end - 1);
  if (tb >= te) return kNone;
  const std::int32_t m = m_start_[tb];
  if (m == kNone) return kNone;
  const Mention& mm = mention(m);
  const bool label = mm.token_end < te && is_text(mm.token_end, ":") && !mm.is_pronoun &&
                     (toks_[tb].has(token_flags::kAllCaps) || toks_[tb].end - toks_[tb].start == 1);
  return label ? m : kNone;
}

void Finder::turns() {
  // A transcript has turns of at least two speakers: one lone label ("CLARIFICATION:",
  // "UPDATE:", a headline kicker) is not one.
  std::int32_t first_label = kNone;
  bool two_speakers = false;
  for (std::uint32_t p = 0; p < seg_.paragraphs.size() && !two_speakers; ++p) {
    const std::int32_t m = turn_label(p);
    if (m == kNone) continue;
    const Mention& mm = mention(m);
    const std::string_view t = text_.substr(mm.start, mm.end - mm.start);
    if (first_label == kNone) {
      first_label = m;
    } else {
      const Mention& f = mr_.mentions[static_cast<std::size_t>(first_label)];
      two_speakers = t != text_.substr(f.start, f.end - f.start);
    }
  }
  if (!two_speakers) return;
  struct Open { bool on = false; std::uint32_t start = 0, end = 0; Attribution a; } cur;
  for (std::uint32_t p = 0; p < seg_.paragraphs.size(); ++p) {
    const Paragraph& para = seg_.paragraphs[p];
    if (para.sentence_begin >= para.sentence_end) continue;
    const std::uint32_t tb = sent_begin(para.sentence_begin);
    const std::uint32_t te = sent_end(para.sentence_end - 1);
    if (tb >= te) continue;
    const std::int32_t m = turn_label(p);
    const bool label = m != kNone;
    if (label) {
      if (cur.on) emit(QuoteKind::Turn, cur.start, cur.end, cur.a);
      const Mention& mm = mention(m);
      cur = Open{};
      cur.on = mm.token_end + 1 < te;
      if (cur.on) {
        cur.start = toks_[mm.token_end + 1].start;
        cur.end = toks_[te - 1].end;
        cur.a.mention = m;
        cur.a.confidence = 0.95f;
      }
    } else if (cur.on) {
      cur.end = toks_[te - 1].end;  // the turn goes on through unlabelled paragraphs
    }
  }
  if (cur.on) emit(QuoteKind::Turn, cur.start, cur.end, cur.a);
}

// A headline that names its speaker first: "Cruz: Trump Would Put Liberals On Court" (no cue),
// "Bernie Sanders Says He's Already Started Writing His Inaugural Address" (cue "Says"). In a
// heading the mentions stage makes that one mention, and only for someone the article names.
// The same "Name: words" at the start of any other paragraph, when the name is a person's:
// a title that ends with a period, or a turn of an interview whose labels are in mixed case
// ("Matthews: Well, speculation is bad."). A quotation right after the colon is left to the
// quote-mark pass, which attributes it already.
void Finder::labelled_paragraphs() {
  // Turns under mixed-case labels are kept only when one speaker has two or more of them (an
  // exchange: "Matthews: ...", "Lopez: ...", "Matthews: ..."); a list of one line per person
  // ("Rubio: Finish second.", "Cruz: Just hang on.") is the author's summary.
  struct Turn {
    std::uint32_t start, end;
    Attribution a;
  };
  std::vector<Turn> turns;
  std::unordered_map<std::int32_t, int> turns_of;  // entity -> labelled paragraphs
  bool exchange = false;
  for (std::uint32_t p = 0; p < seg_.paragraphs.size(); ++p) {
    const Paragraph& para = seg_.paragraphs[p];
    if (para.sentence_begin >= para.sentence_end) continue;
    // An ALL-CAPS label is a turn of a transcript (turns()) or, alone, no speaker ("UPDATE:").
    if (turn_label(p) != kNone) continue;
    const std::uint32_t tb = sent_begin(para.sentence_begin), te = sent_end(para.sentence_end - 1);
    if (tb >= te || m_start_[tb] == kNone) continue;
    const std::int32_t m = m_start_[tb];
    const Mention& mm = mention(m);
    std::uint32_t c = mm.token_end;
    if (c + 2 >= te) continue;
    Attribution a;
    a.mention = m;
    a.confidence = conf_for(m, 0.7f);
    if (is_text(c, ":")) {
      ++c;
    } else if (para.is_heading && info_[c].word && (info_[c].cls & wc::kBareClause)) {
      a.cue = static_cast<std::int32_t>(c);
      a.cue_end_tok = c + 1;
      ++c;
      if (lower_is(c, "that")) ++c;
    } else {
      continue;
    }
    if (!para.is_heading) {
      // Outside headings a capitalised word before a colon is often no one ("Email:", "Look:"):
      // the label must be a short mention of a person the text names in full or with a title.
      const std::int32_t e = entity_of(m);
      if (mm.is_pronoun || e == kNone || mm.token_end > mm.token_begin + 4 || toks_[c].kind == TokenKind::Quote)
        continue;
      const Entity& ent = mr_.entities[static_cast<std::size_t>(e)];
      if (ent.kind != EntityKind::Person || (ent.name.find(' ') == std::string::npos && ent.title.empty())) continue;
      if (p > 0 || para.sentence_end - para.sentence_begin > 1) {
        turns.push_back({toks_[c].start, toks_[te - 1].end, a});
        exchange = exchange || ++turns_of[e] >= 2;
        continue;
      }
    }
    // A headline (or a one-sentence first paragraph: a title with a period): what the
    // speaker said is the rest without the final period.
    std::uint32_t e = te;
    while (e > c && is_terminal(e - 1)) --e;
    if (e < c + 2) continue;
    if (toks_[c].kind == TokenKind::Quote && close_of_open_[c] == static_cast<std::int32_t>(e - 1)) {
      if (e >= c + 3) emit(QuoteKind::Direct, toks_[c + 1].start, toks_[e - 2].end, a);
    } else {
      emit(QuoteKind::Indirect, toks_[c].start, toks_[e - 1].end, a);
    }
  }
  if (exchange)
    for (const Turn& t : turns) emit(QuoteKind::Turn, t.start, t.end, t.a);
}

}  // namespace presslens::quote_detail
