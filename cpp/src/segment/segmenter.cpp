// Stage 1b: tokens -> sentences, paragraphs, headings. ICU proposes sentence boundaries; news
// rules accept or reject them (abbreviations, initials, "?" before a lower-case word) and add the
// ones ICU cannot see (line structure of headings and bullets).
#include "presslens/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "presslens/errors.hpp"
#include "presslens/utf8.hpp"

namespace presslens {

struct Segmenter::IcuState {
  std::unique_ptr<icu::BreakIterator> sentence_prototype;
};

namespace {

// Capitalised words that, after an abbreviation such as "U.S." or "Inc.", show a new sentence.
const std::unordered_set<std::string_view>& sentence_starters() {
  static const std::unordered_set<std::string_view> words = {
      "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
      "There", "Here", "But", "And", "Or", "So", "Yet", "In", "On", "At", "As", "If", "When", "While",
      "After", "Before", "Since", "Although", "Though", "However", "Meanwhile", "His", "Her", "Their",
      "Its", "Our", "My", "Your", "Some", "Many", "Most", "All", "Both", "Each", "Every", "No", "Not",
      "Still", "Also", "Then", "Now", "Today", "Yesterday", "Earlier", "Later", "What", "Why", "How",
      "Who", "Where", "Which", "For", "According", "Under", "With", "Without", "During", "Despite",
      "Instead", "Indeed", "Thus", "Therefore", "Moreover", "Furthermore", "Nevertheless", "Asked",
      "Last", "Next", "Such", "Other", "Another", "More", "Few", "Several", "Because", "Unlike", "Like",
      "From", "To", "By", "Of", "Over", "About", "Once", "Even", "Only", "Just", "Officials", "Police",
      "Critics", "Experts", "Analysts", "Others", "Nobody", "None", "Everyone", "Someone",
  };
  return words;
}

// Openers that show a lost boundary when glued to a preceding content word (see segment()).
const std::unordered_set<std::string_view>& glued_sentence_openers() {
  static const std::unordered_set<std::string_view> words = {
      "In", "On", "At", "The", "After", "During", "Before", "This", "It", "He", "She", "They", "We",
  };
  return words;
}

// Words after which a capitalised "In"/"The" is part of a title ("Return of The King").
const std::unordered_set<std::string>& function_words_before_titles() {
  static const std::unordered_set<std::string> words = {
      "of", "the", "and", "or", "in", "on", "at", "to", "for", "a", "an", "from", "with", "by", "&", "vs",
      "into", "is", "was", "are", "were", "be", "called", "named", "titled", "entitled", "as", "than",
  };
  return words;
}

bool is_credit_label(std::string_view w) {
  return w == "Image" || w == "Photo" || w == "Photograph" || w == "Picture" || w == "Credit" || w == "Video";
}

bool is_closer(const Token& t, std::string_view text) {
  if (t.kind == TokenKind::Quote) return t.quote_role != QuoteRole::Open;
  if (t.kind != TokenKind::Punct) return false;
  const auto s = t.text(text);
  return s == ")" || s == "]" || s == "}";
}

bool is_opener(const Token& t, std::string_view text) {
  if (t.kind == TokenKind::Quote) return t.quote_role != QuoteRole::Close;
  if (t.kind != TokenKind::Punct) return false;
  const auto s = t.text(text);
  return s == "(" || s == "[" || s == "{";
}

char32_t first_char(const Token& t, std::string_view text) {
  std::size_t i = t.start;
  return decode_utf8(text, i);
}

bool starts_lower(const Token& t, std::string_view text) {
  if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) return false;
  char32_t c = first_char(t, text);
  return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(static_cast<UChar32>(c));
}

// Counts line breaks in the white space [a, b); CRLF counts once.
int line_breaks(std::string_view text, std::size_t a, std::size_t b) {
  int n = 0;
  for (std::size_t i = a; i < b;) {
    const char32_t c = decode_utf8(text, i);
    if (c == '\r') {
      ++n;
      if (i < b && text[i] == '\n') ++i;
    } else if (c == '\n' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029) {
      ++n;
    }
  }
  return n;
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

}  // namespace

Segmenter::Segmenter() : Segmenter(std::make_shared<const Abbreviations>(Abbreviations::english())) {}

Segmenter::Segmenter(std::shared_ptr<const Abbreviations> abbreviations)
    : abbreviations_(std::move(abbreviations)), tokenizer_(abbreviations_), icu_(std::make_unique<IcuState>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->sentence_prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
  if (U_FAILURE(status) || !icu_->sentence_prototype)
    throw Error(std::string("ICU sentence iterator unavailable: ") + u_errorName(status));
}

Segmenter::~Segmenter() = default;

Segmentation Segmenter::segment(std::string_view text) const {
  Segmentation out;
  out.tokens = tokenizer_.tokenize(text);
  auto& toks = out.tokens;
  const std::size_t n = toks.size();
  if (n == 0) return out;

  // 1. ICU's proposals, moved onto token starts. ICU iterates UTF-16 much faster than a UTF-8
  // UText, so the text is converted once and boundaries are mapped back by one forward walk.
  std::vector<std::uint8_t> icu_break(n, 0);
  // ICU's proposals are only ever accepted after terminal punctuation or an abbreviation (step 2),
  // so a text with none before its last token (a headline, a one-sentence snippet) skips ICU.
  bool interior_candidate = false;
  for (std::size_t i = 0; i + 1 < n && !interior_candidate; ++i)
    interior_candidate = toks[i].has(token_flags::kTerminal) || toks[i].has(token_flags::kAbbreviation);
  if (interior_candidate) {
    UErrorCode status = U_ZERO_ERROR;
    std::u16string u16(text.size() + 1, u'\0');
    int32_t len16 = 0;
    u_strFromUTF8WithSub(u16.data(), static_cast<int32_t>(u16.size()), &len16, text.data(),
                         static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
    if (U_FAILURE(status)) throw Error(std::string("ICU: ") + u_errorName(status));
    // One iterator per thread, cloned once: every Segmenter uses the same ICU en_US sentence rules,
    // so a clone from any of them is equivalent, and cloning per text costs more than short texts.
    thread_local std::unique_ptr<icu::BreakIterator> cached;
    if (!cached) cached.reset(icu_->sentence_prototype->clone());
    icu::BreakIterator* bi = cached.get();
    std::unique_ptr<UText, UTextCloser> ut(utext_openUChars(nullptr, u16.data(), len16, &status));
    if (U_FAILURE(status)) throw Error(std::string("ICU: ") + u_errorName(status));
    // The iterator keeps a shallow clone of `ut`, which points into `u16`; point it back at a
    // static empty text on every exit so the cached iterator never holds a dangling buffer.
    struct DetachText {
      icu::BreakIterator* bi;
      ~DetachText() {
        static const UChar kEmpty[1] = {0};
        UErrorCode st = U_ZERO_ERROR;
        UText empty = UTEXT_INITIALIZER;
        utext_openUChars(&empty, kEmpty, 0, &st);
        bi->setText(&empty, st);
        utext_close(&empty);
      }
    } detach{bi};
    bi->setText(ut.get(), status);
    if (U_FAILURE(status)) throw Error(std::string("ICU: ") + u_errorName(status));
    std::size_t k = 0, byte = 0;
    int32_t unit = 0;
    for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
      while (unit < b && byte < text.size()) {  // advance one code point in both encodings
        const auto lead = static_cast<unsigned char>(text[byte]);
        const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        byte += bytes;
        unit += bytes == 4 ? 2 : 1;
      }
      while (k < n && toks[k].start < byte) ++k;
      if (k >= n) break;
      if (k > 0) icu_break[k] = 1;
    }
  }

  // 2. Decide every boundary between token i-1 and token i.
  std::vector<std::uint8_t> sentence_break(n, 0), paragraph_break(n, 0);
  const auto& starters = sentence_starters();
  auto starts_sentence = [&](std::size_t i) {
    while (i < n && is_opener(toks[i], text)) ++i;
    if (i >= n) return true;
    const Token& t = toks[i];
    if (t.kind == TokenKind::Emoji) return true;
    if (t.kind != TokenKind::Word || !t.has(token_flags::kCapitalized)) return false;
    if (i + 1 < n && toks[i + 1].text(text) == ":" && is_credit_label(t.text(text))) return true;
    return starters.count(t.text(text)) > 0;
  };
  // Scraped news often loses the line break between a caption or dateline and the next sentence
  // ("... in any constituency In the New Territories ..."; "Image: Nick Moreau."). A capitalised
  // sentence opener glued to a content word, or a photo-credit label, marks the lost boundary.
  const auto& glue_openers = glued_sentence_openers();
  const auto& function_words = function_words_before_titles();
  auto missing_boundary = [&](std::size_t i) -> bool {
    const Token& t = toks[i];
    const Token& prev = toks[i - 1];
    if (t.kind != TokenKind::Word || !t.has(token_flags::kCapitalized)) return false;
    if (!(prev.kind == TokenKind::Word || prev.kind == TokenKind::Number)) return false;
    if (prev.has(token_flags::kAbbreviation)) return false;
    const auto word = t.text(text);
    if (i + 1 < n && toks[i + 1].text(text) == ":" && is_credit_label(word)) return true;
    if (!glue_openers.count(word) || i + 1 >= n) return false;
    const Token& next = toks[i + 1];
    if (!(starts_lower(next, text) || next.text(text) == "the")) return false;
    return !function_words.count(fold_case(prev.text(text)));
  };
  std::size_t line_first = 0;  // first token of the current line
  for (std::size_t i = 1; i < n; ++i) {
    const int breaks = line_breaks(text, toks[i - 1].end, toks[i].start);
    if (breaks > 0) {
      // A line break ends the sentence unless the next line plainly continues it (hard-wrapped
      // prose: a lower-case word after a line with no final punctuation).
      const bool continues = breaks == 1 && starts_lower(toks[i], text) &&
                             !toks[i - 1].has(token_flags::kTerminal) && !is_closer(toks[i - 1], text);
      if (!continues) sentence_break[i] = paragraph_break[i] = 1;
      line_first = i;
      continue;
    }
    if (!icu_break[i]) {
      sentence_break[i] = missing_boundary(i);
      continue;
    }
    // The token that ends the candidate sentence, skipping closing quotes and brackets.
    std::size_t p = i - 1;
    while (p > line_first && is_closer(toks[p], text)) --p;
    const Token& last = toks[p];
    bool accept = true;
    if (last.has(token_flags::kAbbreviation)) {
      const AbbreviationKind* kind = abbreviations_->find(last.text(text));
      if (kind && *kind == AbbreviationKind::Prefix && !last.has(token_flags::kInitial)) accept = false;
      else accept = starts_sentence(i);
    } else if (last.has(token_flags::kTerminal)) {
      const auto s = last.text(text);
      const bool question_or_exclaim = s.find_first_of("!?") != std::string_view::npos;
      if ((question_or_exclaim || s.size() > 1 || s == "\xE2\x80\xA6") && starts_lower(toks[i], text)) accept = false;
      // A numbered list marker ("1." at the start of a line) stays with its item.
      if (s == "." && p == line_first + 1 && toks[line_first].kind == TokenKind::Number) accept = false;
    }
    // Without terminal punctuation (or an abbreviation that swallowed the period) there is no
    // sentence end on this line: ICU proposes such breaks around emoji and odd symbols.
    if (accept && !last.has(token_flags::kTerminal) && !last.has(token_flags::kAbbreviation) &&
        last.kind != TokenKind::Emoji && !(last.kind == TokenKind::Quote && p == i - 1)) {
      accept = false;
    }
    sentence_break[i] = accept;
  }

  // Reference markers ("... in Dulwich. [17] Placed ...") close the sentence they follow.
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (!sentence_break[i] || paragraph_break[i] || toks[i].text(text) != "[") continue;
    std::size_t close = i + 1;
    while (close < n && close < i + 5 && toks[close].text(text) != "]" && !sentence_break[close]) ++close;
    if (close >= n || close >= i + 5 || toks[close].text(text) != "]") continue;
    bool marker = true;
    for (std::size_t k = i + 1; k < close; ++k) {
      const Token& t = toks[k];
      marker &= t.kind == TokenKind::Number || t.text(text) == "..." || t.text(text) == "\xE2\x80\xA6" ||
                (t.kind == TokenKind::Word && starts_lower(t, text));
    }
    if (!marker) continue;
    sentence_break[i] = 0;
    if (close + 1 < n && !sentence_break[close + 1]) sentence_break[close + 1] = 1;
  }

  // 3. Materialise sentences and paragraphs.
  auto add_sentence = [&](std::size_t b, std::size_t e) {
    Sentence s;
    s.token_begin = static_cast<std::uint32_t>(b);
    s.token_end = static_cast<std::uint32_t>(e);
    s.start = toks[b].start;
    s.end = toks[e - 1].end;
    s.paragraph = static_cast<std::uint32_t>(out.paragraphs.size());
    out.sentences.push_back(s);
  };
  auto add_paragraph = [&](std::size_t first_sentence) {
    Paragraph p;
    p.sentence_begin = static_cast<std::uint32_t>(first_sentence);
    p.sentence_end = static_cast<std::uint32_t>(out.sentences.size());
    p.start = out.sentences[first_sentence].start;
    p.end = out.sentences.back().end;
    out.paragraphs.push_back(p);
  };
  std::size_t sent_begin = 0, para_first_sentence = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    if (i == n || sentence_break[i]) {
      add_sentence(sent_begin, i);
      sent_begin = i;
      if (i == n || paragraph_break[i]) {
        add_paragraph(para_first_sentence);
        para_first_sentence = out.sentences.size();
      }
    }
  }

  // 4. Headings: short one-sentence lines with letters and no closing punctuation.
  if (out.paragraphs.size() >= 2) {
    for (auto& para : out.paragraphs) {
      if (para.sentence_end - para.sentence_begin != 1) continue;
      const Sentence& s = out.sentences[para.sentence_begin];
      std::size_t last = s.token_end - 1;
      while (last > s.token_begin && is_closer(toks[last], text)) --last;
      const Token& end_tok = toks[last];
      if (end_tok.has(token_flags::kTerminal)) continue;
      const auto end_text = end_tok.text(text);
      if (end_text == "," || end_text == ";" || end_text == ":" || end_tok.kind == TokenKind::Emoji) continue;
      std::size_t first = s.token_begin;
      while (first < s.token_end && is_opener(toks[first], text)) ++first;
      if (first >= s.token_end || toks[first].kind != TokenKind::Word || starts_lower(toks[first], text)) continue;
      int words = 0;
      for (std::size_t k = s.token_begin; k < s.token_end; ++k)
        if (toks[k].kind == TokenKind::Word || toks[k].kind == TokenKind::Number) ++words;
      if (words == 0 || words > 14 || s.end - s.start > 120) continue;
      para.is_heading = true;
    }
  }
  return out;
}

}  // namespace presslens
