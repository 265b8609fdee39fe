// Pairing of quotation marks over the whole document, one pass, no exceptions (see quotes.hpp).
#include <algorithm>

#include "../mentions/word_lists.hpp"

namespace presslens {

namespace {

enum class Family : std::uint8_t { None, Double, Single };

char32_t first_codepoint(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c;
  if ((c >> 5) == 0x6 && s.size() >= 2) return ((c & 0x1F) << 6) | (s[1] & 0x3F);
  if ((c >> 4) == 0xE && s.size() >= 3) return ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  if ((c >> 3) == 0x1E && s.size() >= 4)
    return ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
  return 0;
}

Family family_of(std::string_view mark) {
  if (mark == "''" || mark == "``") return Family::Double;
  switch (first_codepoint(mark)) {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0xFF02: case 0x301D: case 0x301E: case 0x301F:
      return Family::Double;
    case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A: case '`':
      return Family::Single;
    default:
      return Family::None;
  }
}

// The role a mark plays here: its shape, unless the spacing around it says the opposite
// (a ” typed where “ was meant, or »German« guillemets).
QuoteRole effective_role(const Segmentation& seg, std::size_t i) {
  const Token& t = seg.tokens[i];
  const bool space_before = i == 0 || seg.tokens[i - 1].end < t.start || t.has(token_flags::kLineStart);
  const bool space_after = i + 1 >= seg.tokens.size() || seg.tokens[i + 1].start > t.end;
  const bool word_after = !space_after && i + 1 < seg.tokens.size() &&
                          (seg.tokens[i + 1].kind == TokenKind::Word || seg.tokens[i + 1].kind == TokenKind::Number);
  const bool word_before = !space_before && i > 0 && seg.tokens[i - 1].kind != TokenKind::Quote &&
                           !(seg.tokens[i - 1].kind == TokenKind::Punct && seg.tokens[i - 1].has(token_flags::kDash));
  const bool punct_after = !space_after && i + 1 < seg.tokens.size() && seg.tokens[i + 1].kind == TokenKind::Punct;
  if (t.quote_role == QuoteRole::Open && word_before && (space_after || punct_after)) return QuoteRole::Close;
  if (t.quote_role == QuoteRole::Close && space_before && word_after) return QuoteRole::Open;
  return t.quote_role;
}

}  // namespace

std::vector<QuoteSpan> pair_quote_marks(std::string_view text, const Segmentation& seg) {
  std::vector<QuoteSpan> spans;
  const auto& toks = seg.tokens;
  // Double marks make quotations when the text has any; otherwise single marks do.
  bool any_double = false;
  for (const auto& t : toks)
    if (t.kind == TokenKind::Quote && family_of(t.text(text)) == Family::Double) { any_double = true; break; }
  const Family primary = any_double ? Family::Double : Family::Single;

  // For each token, the next mark of the primary family at or after it (one backward pass), so
  // the nesting look-ahead below is O(1).
  const auto n = static_cast<std::uint32_t>(toks.size());
  std::vector<std::uint32_t> next_mark(static_cast<std::size_t>(n) + 1, n);
  for (std::uint32_t i = n; i-- > 0;) {
    const bool mark = toks[i].kind == TokenKind::Quote && family_of(toks[i].text(text)) == primary;
    next_mark[i] = mark ? i : next_mark[i + 1];
  }

  bool carry = false;  // the previous paragraph ended inside a quotation
  for (const Paragraph& para : seg.paragraphs) {
    if (para.sentence_begin >= para.sentence_end) { carry = false; continue; }
    const std::uint32_t tb = seg.sentences[para.sentence_begin].token_begin;
    const std::uint32_t te = seg.sentences[para.sentence_end - 1].token_end;
    if (tb >= te) { carry = false; continue; }
    bool open = false;
    QuoteSpan cur;
    // Marks nested inside the open quotation, innermost last: “... ‘... “...” ...’ ...”. Bounded
    // depth, so every step is O(1); deeper marks are ignored.
    struct Level {
      Family fam;
      std::uint32_t sentence;  // where the nested mark opened
    };
    std::vector<Level> inner;
    constexpr std::size_t kMaxDepth = 16;
    // The next mark of the primary family after token i, inside the paragraph (O(1)).
    const auto after = [&](std::uint32_t i) { return i + 1 < te ? std::min(next_mark[i + 1], te) : te; };
    std::uint32_t sent = para.sentence_begin;
    for (std::uint32_t i = tb; i < te; ++i) {
      const Token& t = toks[i];
      if (t.kind != TokenKind::Quote) continue;
      while (sent + 1 < para.sentence_end && seg.sentences[sent].token_end <= i) ++sent;
      const Family fam = family_of(t.text(text));
      if (fam == Family::None) continue;
      QuoteRole role = effective_role(seg, i);
      if (fam != primary) {
        // Single marks inside a double-quoted text: nested quotations or apostrophes. They only
        // matter as a level of nesting inside an open quotation.
        if (!open) continue;
        const bool digit_after = i + 1 < te && toks[i + 1].kind == TokenKind::Number;  // ’90s
        if (role == QuoteRole::Open && !digit_after) {
          if (inner.size() < kMaxDepth) inner.push_back({fam, sent});
        } else if (role == QuoteRole::Close && !inner.empty() && inner.back().fam == fam) {
          inner.pop_back();
        }
        continue;
      }
      if (role == QuoteRole::Ambiguous || role == QuoteRole::None) role = open ? QuoteRole::Close : QuoteRole::Open;
      if (role == QuoteRole::Open) {
        if (open && !inner.empty() && inner.back().fam != primary && inner.back().sentence == sent) {
          // “He said ‘she told me “no”’”: a quotation inside a nested one (opened in the same
          // sentence), not a new quotation.
          if (inner.size() < kMaxDepth) inner.push_back({primary, sent});
          continue;
        }
        if (open) {
          // “... wearing “Settle For Hillary” shirts ...”: an opening mark (by its shape) whose
          // next two marks of the family both close (by their shape) is a quotation inside the
          // open one.
          const std::uint32_t c1 = after(i);
          const std::uint32_t c2 = c1 < te ? after(c1) : te;
          if (effective_role(seg, i) == QuoteRole::Open && c2 < te && effective_role(seg, c1) == QuoteRole::Close &&
              effective_role(seg, c2) == QuoteRole::Close) {
            if (inner.size() < kMaxDepth) inner.push_back({primary, sent});
            continue;
          }
        }
        if (open) {  // otherwise no same-family nesting: the earlier mark was never closed
          cur.close_tok = i - 1;
          cur.closed = false;
          if (cur.close_tok > cur.open_tok) spans.push_back(cur);
        }
        cur = QuoteSpan{};
        cur.open_tok = i;
        cur.continued = carry && i == tb;
        if (cur.continued && !spans.empty()) spans.back().continues = true;
        open = true;
        inner.clear();
      } else if (open) {
        // A close mark ends the innermost nested level of its family, else the quotation.
        std::size_t d = inner.size();
        while (d > 0 && inner[d - 1].fam != primary) --d;
        if (d > 0) {
          inner.resize(d - 1);
          continue;
        }
        cur.close_tok = i;
        cur.closed = true;
        spans.push_back(cur);
        open = false;
        inner.clear();
      }
      // A closing mark with nothing open is a stray: ignored.
    }
    carry = false;
    if (open) {
      cur.close_tok = te - 1;
      cur.closed = false;
      if (cur.close_tok > cur.open_tok) {
        spans.push_back(cur);
        carry = true;
      }
    }
  }
  // A continuation link only stands when the next paragraph really opened with a mark.
  for (std::size_t k = 0; k + 1 < spans.size(); ++k)
    if (spans[k].continues && !spans[k + 1].continued) spans[k].continues = false;
  return spans;
}

}  // namespace presslens
