// Stage 3: sentences + mentions -> quotes attributed to speakers.
//
// Quote marks are paired on the token stream of the whole document (a quotation may hold several
// sentences): double marks (" “ ” „ « » ‟) make quotations, single marks nest inside them (or make
// quotations when a text has no double marks). Curly marks used against their shape (a ” that
// opens) take their role from the spacing around them. A double opening mark inside an open
// quotation whose next two marks of the family both close (by shape) is a quotation within it. A paragraph that ends inside an open
// quotation continues into the next paragraph when that one opens with a mark (the news
// convention for multi-paragraph quotes); otherwise the quotation ends with its paragraph. Nothing
// here throws on unbalanced marks, and pairing is one pass with a depth counter: linear time.
//
// Kinds:
//  * direct   — a quotation that is a whole clause or sentence, with or without a speaker;
//  * partial  — a quoted fragment inside the author's sentence, kept only when the sentence names
//               a speaker (otherwise it is a scare quote or a title and is dropped);
//  * indirect — reported speech: "X said/argued/claimed (that) ...", "..., officials said."; also
//               a question put in words: "when asked by a reporter if ..." (the reporter's; with
//               no agent, no speaker);
//  * according_to — "..., according to X." / "According to X, ...";
//  * turn     — one speaker turn of a transcript ("THE PRESIDENT: ..."), up to the next label;
//               also a paragraph opened by a person's name in mixed case and a colon ("Matthews:
//               Well, ..."), when that person is named in full or with a title.
// A quotation that is a whole heading line is not a quote (no speaker can be named), unless the
// headline names its speaker first: "Cruz: Trump Would Put Liberals On Court" and "Ted Cruz Says
// Trump Would ..." are indirect quotes ("Cruz: ‘I Fear ...’" a direct one) by that person, when
// the article names them too. The same holds for a one-sentence first line that ends with a
// period (a title in text that punctuates its title).
//
// Attribution of a direct quote: a speech verb next to a speaker after the closing mark
// ("..., Rubio told reporters." / "..., said Rubio." / "..., said Republican strategist John
// Feehery." / "..., he added."), or before the opening
// mark in the same sentence ("Rubio said: ...", "Rubio said on Friday, ..."), a colon introducer
// ("From Rubio: ..."), a dash after the quote ("... — Rubio"); the parts of a split or
// multi-paragraph quote share one attribution; a quote with no cue inherits the speaker of the
// previous quote in the same or previous paragraph, else the last person named in the previous
// sentence. A pronoun speaker right after another quote is re-linked to that quote's speaker
// when the gender agrees (and the mention's entity is updated to match). A cue whose subject is
// "I" or "we" ('I said, “…”') gives the speaker of the transcript turn the quote sits in, else
// none: such a quote inherits no name from its context.
#pragma once
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "presslens/mentions.hpp"
#include "presslens/segmenter.hpp"

namespace presslens {

enum class QuoteKind : std::uint8_t { Direct, Partial, Indirect, AccordingTo, Turn };

const char* to_string(QuoteKind kind) noexcept;

struct Quote {
  QuoteKind kind = QuoteKind::Direct;
  std::uint32_t start = 0, end = 0;          // content bytes, quote marks excluded
  std::int32_t speaker = -1;                 // entity index or -1
  std::int32_t speaker_mention = -1;         // mention index or -1
  std::uint32_t cue_start = 0, cue_end = 0;  // bytes; empty when there is no cue
  std::uint32_t sentence = 0, paragraph = 0; // of the content start
  float confidence = 0.f;                    // 0..1, a rough rank: cue + name > pronoun > inherited
};

class QuoteFinder {
 public:
  QuoteFinder();
  ~QuoteFinder();
  // Thread-safe: the finder is immutable. May re-link pronoun mentions in `mentions` (see above).
  std::vector<Quote> find(std::string_view text, const Segmentation& seg, MentionResult& mentions) const;

 private:
  std::shared_ptr<const WordLists> lex_;
};

}  // namespace presslens
