// Stage 3: quotes and their speakers (rules documented in quotes.hpp). Every search looks at a
// bounded window of tokens, so the stage is linear in the document length.
#include <algorithm>
#include <unordered_map>
#include <vector>

#include "../mentions/word_lists.hpp"
#include "presslens/quotes.hpp"

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

namespace {

constexpr std::int32_t kNone = -1;
constexpr std::uint32_t kNearVerb = 8;      // tokens between a cue and the quote it introduces
constexpr std::uint32_t kAfterWindow = 10;  // tokens after a closing mark searched for "X said"
constexpr std::uint32_t kAppositive = 22;   // longest appositive between a name and its verb
constexpr std::uint32_t kCharacterisationTail = 30;  // tokens a characterisation may run on after its quote

struct Attribution {
  std::int32_t mention = kNone;  // speaker mention
  std::int32_t cue = kNone;      // cue token (a verb), or kNone
  std::uint32_t cue_end_tok = 0; // exclusive end token of the cue span
  float confidence = 0.f;
  bool first_person = false;     // the cue's subject is "I" / "we": no speaker from the context
  bool found() const { return mention != kNone || cue != kNone; }
};

class Finder {
 public:
  Finder(std::string_view text, const Segmentation& seg, MentionResult& mr, const WordLists& lex)
      : text_(text), seg_(seg), toks_(seg.tokens), mr_(mr), info_(token_infos(text, seg, lex)) {}

  std::vector<Quote> run() {
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

 private:
  std::string_view text_;
  const Segmentation& seg_;
  const std::vector<Token>& toks_;
  MentionResult& mr_;
  std::vector<TokenInfo> info_;
  std::vector<std::int32_t> m_start_, m_end_;  // mention starting / ending at a token
  std::vector<std::int32_t> m_described_;      // person mention whose describing words start at a token
  std::vector<std::uint32_t> sent_of_;
  std::vector<std::uint8_t> in_quote_;
  std::vector<std::uint8_t> cue_used_;  // verbs already used by a direct quote
  // Transcript turns (byte ranges, in order) and their speakers' label mentions: turns() runs
  // before the quotes inside them are attributed.
  struct TurnSpan {
    std::uint32_t start, end;
    std::int32_t mention;
  };
  std::vector<TurnSpan> turn_spans_;
  // Precomputed look-ups that keep every scan bounded (linear time on hostile input):
  std::vector<std::uint32_t> run_start_;    // first token of the run of marks/dashes/emoji ending before i
  std::vector<std::uint32_t> commas_;       // commas among tokens [0, i)
  std::vector<std::uint32_t> words_;        // word tokens among [0, i)
  std::vector<std::uint32_t> words_out_;    // word tokens outside quotation marks among [0, i)
  std::vector<std::uint32_t> next_comma_;   // first comma at or after i (n if none)
  std::vector<std::uint32_t> next_semi_;    // first ';' at or after i (n if none)
  std::vector<std::uint32_t> last_quote_;   // last quote-mark token before i, plus one (0 if none)
  std::vector<std::uint32_t> nonpunct_end_; // largest j <= i whose token j-1 is not punctuation (0 if none)
  std::vector<std::int32_t> open_of_close_; // opening mark of the quotation a closing mark ends (-1)
  std::vector<std::int32_t> close_of_open_; // closing mark of the quotation an opening mark starts (-1)
  std::vector<std::uint32_t> next_open_;    // first opening mark of a closed quotation at or after i (n if none)
  std::vector<std::uint32_t> next_break_;   // first token at or after i that ends a reported clause (n if none)
  std::vector<std::uint32_t> first_word_;   // per sentence: first Word token (sentence end if none)
  std::vector<std::uint32_t> first_wn_;     // per sentence: first Word or Number token
  std::vector<std::uint32_t> first_wnq_;    // per sentence: first Word, Number or Quote token
  std::vector<std::int32_t> prev_named_;    // per sentence: memo of named_in_previous_sentence (-2 unknown)
  std::vector<std::uint32_t> prev_named_gen_;
  std::uint32_t relink_gen_ = 0;            // bumped when a pronoun is re-linked (invalidates the memo)
  std::vector<QuoteSpan> spans_;
  std::vector<Quote> out_;
  std::string low_;

  std::string_view tok_text(std::uint32_t i) const { return toks_[i].text(text_); }
  bool is_text(std::uint32_t i, std::string_view s) const { return tok_text(i) == s; }
  bool lower_is(std::uint32_t i, std::string_view s) {
    lower_into(tok_text(i), low_);
    return low_ == s;
  }
  // ASCII case-insensitive comparison of a token with a lower-case word (no buffer).
  bool ascii_ieq(std::uint32_t i, std::string_view s) const {
    const std::string_view w = tok_text(i);
    if (w.size() != s.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k) {
      char c = w[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != s[k]) return false;
    }
    return true;
  }
  bool is_comma(std::uint32_t i) const { return is_text(i, ","); }
  bool apostrophe_s(std::uint32_t i) const { return is_apostrophe_s(tok_text(i)); }
  bool and_or(std::uint32_t i) { return lower_is(i, "and") || lower_is(i, "or"); }
  bool is_dash(std::uint32_t i) const { return toks_[i].kind == TokenKind::Punct && toks_[i].has(token_flags::kDash); }
  bool is_terminal(std::uint32_t i) const { return toks_[i].kind == TokenKind::Punct && toks_[i].has(token_flags::kTerminal); }
  std::uint32_t sent_begin(std::uint32_t s) const { return seg_.sentences[s].token_begin; }
  std::uint32_t sent_end(std::uint32_t s) const { return seg_.sentences[s].token_end; }
  std::uint32_t para_of_tok(std::uint32_t i) const { return seg_.sentences[sent_of_[i]].paragraph; }
  bool heading(std::uint32_t i) const { return seg_.paragraphs[para_of_tok(i)].is_heading; }
  std::int32_t entity_of(std::int32_t m) const { return m == kNone ? kNone : mr_.mentions[static_cast<std::size_t>(m)].entity; }
  const Mention& mention(std::int32_t m) const { return mr_.mentions[static_cast<std::size_t>(m)]; }
  // Mention m (kNone allowed) names an entity of that kind.
  bool names(std::int32_t m, EntityKind kind) const {
    const std::int32_t e = entity_of(m);
    return e != kNone && mr_.entities[static_cast<std::size_t>(e)].kind == kind;
  }
  // Mention m (kNone allowed) names a person or a group, and not by a pronoun.
  bool named_person_or_group(std::int32_t m) const {
    return (names(m, EntityKind::Person) || names(m, EntityKind::Group)) && !mention(m).is_pronoun;
  }
  // A conjunction that may open a sentence before a fronted clause or attribution ("But as ...,",
  // "But according to X, ...").
  bool opening_conjunction(std::uint32_t i) const {
    return ascii_ieq(i, "but") || ascii_ieq(i, "and") || ascii_ieq(i, "so") || ascii_ieq(i, "yet");
  }

  void index() {
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

  // A quantifier alone as the subject of the clause it opens: "Many say ...", "but others say ...".
  bool quantifier_subject(std::uint32_t p) const {
    if (!(ascii_ieq(p, "many") || ascii_ieq(p, "some") || ascii_ieq(p, "most") || ascii_ieq(p, "others") ||
          ascii_ieq(p, "several")))
      return false;
    if (p == 0 || p == sent_begin(sent_of_[p]) || is_comma(p - 1)) return true;
    return ascii_ieq(p - 1, "but") || ascii_ieq(p - 1, "and") || ascii_ieq(p - 1, "while");
  }

  // A speech verb that can be a cue here: not "the stated goal", not passive "was told".
  bool cue_verb(std::uint32_t v, std::uint32_t cls_mask) const {
    if (!info_[v].word || !(info_[v].cls & cls_mask) || !info_[v].lower) return false;
    if (v > 0 && toks_[v - 1].kind == TokenKind::Word) {
      const std::uint32_t pc = info_[v - 1].cls;
      if ((pc & wc::kDeterminer) && !(pc & wc::kPronoun) && !quantifier_subject(v - 1)) return false;
      const bool progressive = ends_with_ing(v);  // "is telling"
      if ((pc & wc::kPassive) && !progressive) return false;
      if ((pc & wc::kAdverb) && v > 1 && (info_[v - 2].cls & wc::kPassive) && !progressive) return false;
    }
    return true;
  }

  // The mention ending at token k, also across a short parenthetical after the name ("Harry Reid
  // (D-Nev.)", "Mary Fallin (R-OK)").
  std::int32_t name_ending_at(std::uint32_t k, std::uint32_t lo) const {
    if (m_end_[k] != kNone) return m_end_[k];
    if (!is_text(k, ")") || k <= lo + 1) return kNone;
    for (std::uint32_t j = k - 1, n = 0; j > lo && n < 8; --j, ++n) {
      if (is_text(j, "(")) return m_end_[j - 1];
      if (is_text(j, ")") || toks_[j].kind == TokenKind::Quote) break;
    }
    return kNone;
  }

  // Mention m follows "of" and a plural noun that is no mention: "some friends of the senator
  // say" (the friends speak, not the senator; who they are stays unknown).
  bool of_unnamed_group(std::int32_t m) const {
    const std::uint32_t b = mention(m).token_begin;
    if (b < 2 || !is_text(b - 1, "of") || m_end_[b - 2] != kNone || !info_[b - 2].word || !info_[b - 2].lower) return false;
    const std::string_view head = tok_text(b - 2);
    return head.size() > 3 && head.back() == 's' && !(info_[b - 2].cls & (wc::kFunc | wc::kTime));
  }

  // The speaker of the transcript turn holding token t, or kNone.
  std::int32_t turn_speaker_at(std::uint32_t t) const {
    const std::uint32_t b = toks_[t].start;
    auto it = std::upper_bound(turn_spans_.begin(), turn_spans_.end(), b,
                               [](std::uint32_t x, const TurnSpan& ts) { return x < ts.start; });
    if (it == turn_spans_.begin()) return kNone;
    --it;
    return b < it->end ? it->mention : kNone;
  }

  // "I said", "I'd say", "we always say": verb v's subject is the first person. Whoever that is
  // (a transcript turn's speaker, the author), it is no one named nearby: such a quote must not
  // take a name from the context, nor a name after the verb ("I said to Mike, ...").
  bool first_person_subject(std::uint32_t v, std::uint32_t lo) const {
    if (v == 0 || v <= lo) return false;
    std::uint32_t k = v - 1;
    for (int steps = 0; steps < 3 && k > lo && toks_[k].kind == TokenKind::Word && (info_[k].cls & (wc::kAdverb | wc::kAux));
         ++steps)
      --k;
    return is_text(k, "I") || ascii_ieq(k, "we");
  }

  // The attribution of a quote whose cue v has a first-person subject.
  Attribution first_person_attribution(std::uint32_t v) const {
    Attribution a;
    a.mention = turn_speaker_at(v);
    a.cue = static_cast<std::int32_t>(v);
    a.cue_end_tok = v + 1;
    a.confidence = conf_for(a.mention, 0.8f);
    a.first_person = true;
    return a;
  }

  // The speaker mention right before verb v: "Rubio said", "he also told", "Pelosi, the Speaker, said".
  std::int32_t speaker_before(std::uint32_t v, std::uint32_t lo) const {
    if (v == 0 || v <= lo) return kNone;
    std::uint32_t k = v - 1;
    // "Jones was quoted as saying": the subject of the passive speaks.
    if (v >= lo + 5 && is_text(v - 1, "as") && is_text(v - 2, "quoted") && (info_[v - 3].cls & wc::kPassive)) k = v - 4;
    for (int steps = 0; steps < 4 && k > lo && m_end_[k] == kNone && toks_[k].kind == TokenKind::Word &&
                        (info_[k].cls & (wc::kAdverb | wc::kAux | wc::kTime));
         ++steps)
      --k;
    // "Ford itself said", "Edwards and others said": the named subject speaks.
    if (k > lo + 1 && m_end_[k] == kNone &&
        (ascii_ieq(k, "itself") || ascii_ieq(k, "himself") || ascii_ieq(k, "herself") || ascii_ieq(k, "themselves")))
      --k;
    else if (k > lo + 2 && m_end_[k] == kNone && ascii_ieq(k, "others") && ascii_ieq(k - 1, "and") &&
             m_end_[k - 2] != kNone)
      k -= 2;
    // A time phrase between the subject and its verb: "The State Department less than two weeks
    // ago said", "Trump over the weekend denied".
    if (k > lo + 1 && m_end_[k] == kNone) {
      std::uint32_t j = v - 1;
      bool time = false;
      for (int n = 0; j > lo && n < 7 && m_end_[j] == kNone; --j, ++n) {
        const bool time_word = (info_[j].cls & (wc::kTime | wc::kRelativeTime)) != 0;
        time = time || time_word;
        if (!(time_word || toks_[j].kind == TokenKind::Number ||
              (info_[j].lower && (info_[j].cls & (wc::kPreposition | wc::kDeterminer | wc::kAdverb))) ||
              ascii_ieq(j, "than") || ascii_ieq(j, "less")))
          break;
      }
      // (Not the object of a preposition: "Democrats trying to regain control of the Senate in
      // November say".)
      if (time && m_end_[j] != kNone) {
        std::uint32_t b = mention(m_end_[j]).token_begin;
        if (b > lo && (info_[b - 1].cls & wc::kDeterminer) && !(info_[b - 1].cls & wc::kPronoun)) --b;
        if (!(b > lo && info_[b - 1].lower && (info_[b - 1].cls & wc::kPreposition))) k = j;
      }
    }
    if (const std::int32_t m = name_ending_at(k, lo); m != kNone) {
      // "A spokesman for the company said", "a lawyer for Trump said", "the doctors in Washington
      // State were saying": the person (or group) before the preposition speaks, not the one it
      // works for or the place it is in.
      const std::uint32_t b = mention(m).token_begin;
      if (b >= lo + 2 && (is_text(b - 1, "for") || is_text(b - 1, "of") || is_text(b - 1, "at") || is_text(b - 1, "from") ||
                          is_text(b - 1, "to") || is_text(b - 1, "in"))) {
        const std::int32_t owner = m_end_[b - 2];
        if (named_person_or_group(owner)) return owner;
        if (of_unnamed_group(m)) return kNone;
        // "an email to supporters stating, “…”": the object of a preposition is not who does what
        // the participle after it says (the sentence's subject is, when it has one).
        if (ends_with_ing(v) && !is_text(b - 1, "of")) return kNone;
      }
      // "A source familiar with the talks said", "another source speaking to Fox News said", "a
      // person close to the campaign said": the one described speaks, not what they are near.
      // So does one described by who acted on it ("a witness interviewed by congressional staff
      // said").
      if (b >= lo + 3) {
        const bool near_phrase = (is_text(b - 1, "with") || is_text(b - 1, "to") || is_text(b - 1, "on")) &&
                                 (ends_with_ing(b - 2) || is_text(b - 2, "familiar") || is_text(b - 2, "close") ||
                                  is_text(b - 2, "briefed"));
        const bool agent_phrase = is_text(b - 1, "by") && info_[b - 2].lower && past_tense(b - 2);
        const std::int32_t owner = near_phrase || agent_phrase ? m_end_[b - 3] : kNone;
        if (named_person_or_group(owner)) return owner;
      }
      return m;
    }
    if (is_text(k, "who") && k > lo + 1) {
      // "..., said Mr. Ekovich, who noted that ...", "the voters who said ...": the name before
      // the relative pronoun.
      const bool comma = is_comma(k - 1);
      const std::uint32_t before = comma ? k - 2 : k - 1;
      const std::int32_t m = before > lo ? name_ending_at(before, lo) : kNone;
      // (Without a comma, only a person or group: in "a staffer at the State Department who
      // told", the relative clause is the staffer's.)
      if (m != kNone && !mention(m).is_pronoun && (comma || named_person_or_group(m))) return m;
    }
    if (is_comma(k) && k > lo) {  // appositive between commas: "The Vice President, Mike Pence, said"
      for (std::uint32_t j = k - 1, n = 0; j > lo && n < kAppositive; --j, ++n) {
        if (toks_[j].kind == TokenKind::Quote && (is_text(j, "'") || is_text(j, "’"))) continue;  // Sanders' aide
        if (is_comma(j)) {
          const std::int32_t inner = m_start_[j + 1];
          if (inner != kNone && mr_.mentions[static_cast<std::size_t>(inner)].token_end == k && !mr_.mentions[static_cast<std::size_t>(inner)].is_pronoun) {
            const std::int32_t ie = entity_of(inner);
            if (ie != kNone && mr_.entities[static_cast<std::size_t>(ie)].kind == EntityKind::Person) {
              const std::int32_t outer = m_end_[j - 1];
              const std::int32_t oe = entity_of(outer);
              if (outer == kNone || oe == kNone || mr_.entities[static_cast<std::size_t>(oe)].kind != EntityKind::Person ||
                  mr_.entities[static_cast<std::size_t>(oe)].name == mr_.entities[static_cast<std::size_t>(oe)].title)
                return inner;
            }
          }
          // (A place in a phrase of the apposition, "in Aurora, Colorado, in July", "Sen. John
          // Boozman of Arkansas, both up for reelection,": look on for the name it describes. A
          // place that heads the subject still speaks: "Even China, Pyongyang's only ally, said".)
          const std::int32_t named = name_ending_at(j - 1, lo);
          if (names(named, EntityKind::Place)) {
            const std::uint32_t pb = mention(named).token_begin;
            const bool in_phrase = pb > lo && ((info_[pb - 1].lower && (info_[pb - 1].cls & wc::kPreposition)) ||
                                               (is_comma(pb - 1) && pb > lo + 1 && names(m_end_[pb - 2], EntityKind::Place)));
            if (in_phrase) continue;
          }
          return named;
        }
        // (A period glued to a party code before the comma is no sentence end: ", R-Ky., said".)
        const bool code_period = is_text(j, ".") && toks_[j].start == toks_[j - 1].end && is_comma(j + 1);
        if (toks_[j].kind == TokenKind::Quote || (is_terminal(j) && !code_period)) break;
      }
    }
    return kNone;
  }

  // "Bukele confirmed the deal and revealed that ...": the subject of the first verb.
  std::int32_t speaker_coordinated(std::uint32_t v, std::uint32_t lo) const {
    if (v == 0 || v <= lo) return kNone;
    std::uint32_t k = v - 1;
    while (k > lo && (info_[k].cls & wc::kAdverb) && toks_[k].kind == TokenKind::Word) --k;
    if (is_text(k, "but")) {
      // "Carson did not mention any of his opponents by name, but told his supporters ...": the
      // subject of the sentence.
      return k > lo ? sentence_subject(v) : kNone;
    }
    if (!is_text(k, "and")) return kNone;
    for (std::uint32_t j = k, n = 0; j-- > lo && n < 12; ++n) {
      // 'She declared “What a night!” and said that ...': step over the first verb's quotation.
      if (toks_[j].kind == TokenKind::Quote && open_of_close_[j] != kNone &&
          static_cast<std::uint32_t>(open_of_close_[j]) > lo) {
        j = static_cast<std::uint32_t>(open_of_close_[j]);
        continue;
      }
      if (toks_[j].kind == TokenKind::Punct || toks_[j].kind == TokenKind::Quote) break;
      if (info_[j].word && (info_[j].cls & (wc::kSpeech | wc::kClause | wc::kPartialCue)) && info_[j].lower)
        return speaker_before(j, lo);
    }
    // "Scott beamed and asked ...", "The campaign also called on FEMA to ... and said ...": the
    // subject of the sentence.
    return sentence_subject(v);
  }

  // A name (not a place) among the first five tokens of v's sentence, outside quotation marks.
  std::int32_t sentence_subject(std::uint32_t v) const {
    std::uint32_t sb = sent_begin(sent_of_[v]);
    // "After reporter Michael Scotto finished his report, Grimm stormed back ... and said": the
    // subject follows a fronted subordinate clause (the comma that closes it comes before v).
    std::uint32_t fw = first_word_[sent_of_[v]];
    if (fw + 1 < v && (ascii_ieq(fw, "but") || ascii_ieq(fw, "and")) && (info_[fw + 1].cls & wc::kSubordinator)) ++fw;
    // So does a fronted prepositional or participial phrase ("In an incendiary press conference,
    // Trump launched ...", "Speaking at a town hall in Salem, New Hampshire, Trump went ...").
    // And a dateline: "WASHINGTON (AFP) – Democrat Hillary Clinton has ...".
    for (std::uint32_t k = sb; k < v && k < sb + 6; ++k) {
      if (toks_[k].has(token_flags::kDash) && k > sb) {
        sb = k + 1;
        fw = sb;
        break;
      }
      if (!(is_text(k, "(") || is_text(k, ")") || is_comma(k) || (toks_[k].kind == TokenKind::Word && info_[k].cap))) break;
    }
    // (fw may be the sentence end, even the text's end, when the sentence has no word.)
    const bool fronted = fw < v && ((info_[fw].cls & (wc::kSubordinator | wc::kPreposition | wc::kAdverb | wc::kTime)) ||
                                    ends_with_ing(fw));
    if (fronted && !in_quote_[fw] && next_comma_[fw] + 1 < v && !in_quote_[next_comma_[fw]]) {
      sb = next_comma_[fw] + 1;
      // (A place after the phrase's comma belongs to it: "in Salem, New Hampshire, Trump".)
      if (names(m_start_[sb], EntityKind::Place)) {
        const std::uint32_t after = mention(m_start_[sb]).token_end;
        if (after < v && is_comma(after)) sb = after + 1;
      }
    }
    // The object of a preposition is no subject ("Here in Columbia, Sanders stepped up ..."),
    // unless no other mention opens the sentence ("A footnote in the report makes that clear:").
    std::int32_t object = kNone;
    for (std::uint32_t k = sb; k < v && k < sb + 5; ++k) {
      if (m_start_[k] != kNone && !in_quote_[k]) {
        const std::int32_t m = m_start_[k];
        const std::int32_t e = entity_of(m);
        if (e == kNone || mr_.entities[static_cast<std::size_t>(e)].kind == EntityKind::Place) continue;
        const bool after_preposition = k > sb && toks_[k - 1].kind == TokenKind::Word && info_[k - 1].lower &&
                                       (info_[k - 1].cls & wc::kPreposition);
        if (!after_preposition) {
          // "Since then, a Republican, Mark Amodei, has ...": the person named in apposition to
          // a word that names no person.
          const std::uint32_t me = mention(m).token_end;
          if (!names(m, EntityKind::Person) && me + 1 < v && is_comma(me) && names(m_start_[me + 1], EntityKind::Person)) {
            const std::uint32_t pe = mention(m_start_[me + 1]).token_end;
            if (pe < v && is_comma(pe)) return m_start_[me + 1];
          }
          return m;
        }
        if (object == kNone) object = m;
      }
    }
    return object;
  }

  // A lower-case participle opening an adjunct (", citing ...", ", claiming ..."); not "including",
  // "according", "during", "nothing"...
  bool participle(std::uint32_t v) const {
    const std::string_view w = tok_text(v);
    if (w.size() < 6 || w.substr(w.size() - 3) != "ing") return false;
    static const char* const kNot[] = {"including", "according", "during", "nothing", "something", "anything",
                                       "everything", "morning", "evening", "following", "regarding", "concerning"};
    for (const char* x : kNot)
      if (w == x) return false;
    return true;
  }

  bool ends_with_ing(std::uint32_t v) const {
    const std::string_view w = tok_text(v);
    return w.size() > 4 && w.substr(w.size() - 3) == "ing";
  }

  // ", saying, ..." / ", adding that ...": the subject of the sentence speaks.
  std::int32_t participle_subject(std::uint32_t v) const {
    const std::string_view w = tok_text(v);
    if (w.size() < 5 || w.substr(w.size() - 3) != "ing" || v == 0 || !is_comma(v - 1)) return kNone;
    const std::uint32_t sb = sent_begin(sent_of_[v]);
    const std::int32_t subj = sentence_subject(v);
    if (subj != kNone) return subj;
    // '"We need change," the businessman said, arguing that ...', '"...," Chaffetz said in a
    // statement, adding that ...': the speaker of the speech verb shortly before the comma.
    for (std::uint32_t k = v - 1, n = 0; k-- > sb + 1 && n < 8; ++n) {
      if (toks_[k].kind == TokenKind::Quote || is_terminal(k)) break;
      if (!cue_verb(k, wc::kSpeech | wc::kClause)) continue;
      const std::int32_t m = speaker_before(k, sb);
      if (m != kNone && !mention(m).in_quote) return m;
      break;
    }
    return kNone;
  }

  // The mention right after verb v ("…,” said Rubio"), also after the words that describe it
  // ("said Republican strategist John Feehery", "said White House spokesman Eric Schultz": the
  // person, not the organization inside the description).
  std::int32_t speaker_after(std::uint32_t v, std::uint32_t hi) const {
    if (v + 1 >= hi) return kNone;
    const std::int32_t described = m_described_[v + 1];
    if (described != kNone && mention(described).token_end <= hi) return described;
    if (const std::int32_t p = person_after_description(v, hi); p != kNone) return p;
    const std::int32_t m = m_start_[v + 1];
    if (m != kNone) {
      // "said Apple's chief executive, Tim Cook": the possessor does not speak, the person does.
      const std::uint32_t e = mention(m).token_end;
      if (e + 1 < hi && apostrophe_s(e) && names(m_start_[e + 1], EntityKind::Person))
        return m_start_[e + 1];
    }
    return m;
  }

  // "said retired neurosurgeon Ben Carson", "said Concord resident Whit Symms", "said Sanders
  // campaign manager Jeff Weaver": a person named after at most five describing words right after
  // verb v (words that are no function word, verb, pronoun or preposition, and names of places or
  // organizations), the name closing the clause. kNone if the words after v are not of that shape.
  std::int32_t person_after_description(std::uint32_t v, std::uint32_t hi) const {
    constexpr std::uint32_t kNotDescription = wc::kFunc | wc::kDeterminer | wc::kPreposition | wc::kPronoun | wc::kSpeech |
                                              wc::kClause | wc::kAux | wc::kSubordinator | wc::kPassive | wc::kTime;
    std::uint32_t k = v + 1;
    while (k < hi && k <= v + 6) {
      if (const std::int32_t m = m_start_[k]; m != kNone) {
        const Mention& mm = mention(m);
        if (mm.is_pronoun || mm.entity == kNone) return kNone;
        if (names(m, EntityKind::Person)) {
          if (k == v + 1) return kNone;  // no description: the usual rule
          std::uint32_t end = mm.token_end;
          // ("… Doug Collins of Georgia.": a place after the name.)
          if (end + 1 < hi && (is_text(end, "of") || is_text(end, "from")) && names(m_start_[end + 1], EntityKind::Place))
            end = mention(m_start_[end + 1]).token_end;
          return end >= hi || toks_[end].kind == TokenKind::Punct ? m : kNone;
        }
        k = mm.token_end;  // a place or organization inside the description
        continue;
      }
      if (toks_[k].kind != TokenKind::Word || (info_[k].cls & kNotDescription)) return kNone;
      ++k;
    }
    return kNone;
  }

  float conf_for(std::int32_t m, float base) const {
    if (m == kNone) return base - 0.3f;
    const Mention& mm = mention(m);
    if (mm.is_pronoun) return mm.entity >= 0 ? base - 0.1f : base - 0.3f;
    return base;
  }

  void emit(QuoteKind kind, std::uint32_t start, std::uint32_t end, const Attribution& a) {
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

  // ---- transcript turns --------------------------------------------------------------------
  // The speaker label opening paragraph p ("THE PRESIDENT:", "Q:"), or kNone.
  std::int32_t turn_label(std::uint32_t p) const {
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

  void turns() {
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

  // ---- headlines and labelled paragraphs ---------------------------------------------------
  // A headline that names its speaker first: "Cruz: Trump Would Put Liberals On Court" (no cue),
  // "Bernie Sanders Says He's Already Started Writing His Inaugural Address" (cue "Says"). In a
  // heading the mentions stage makes that one mention, and only for someone the article names.
  // The same "Name: words" at the start of any other paragraph, when the name is a person's:
  // a title that ends with a period, or a turn of an interview whose labels are in mixed case
  // ("Matthews: Well, speculation is bad."). A quotation right after the colon is left to the
  // quote-mark pass, which attributes it already.
  void labelled_paragraphs() {
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

  // ---- direct and partial quotes -----------------------------------------------------------
  // After the closing mark: "..., Rubio told reporters." / "..., said Rubio." / "... — Rubio".
  Attribution after_pattern(const QuoteSpan& q) {
    Attribution a;
    if (!q.closed) return a;
    std::uint32_t j = q.close_tok + 1;
    const std::uint32_t s = sent_of_[q.close_tok];
    std::uint32_t hi = sent_end(s);
    bool new_sentence = false;
    if (j >= hi && s + 1 < seg_.sentences.size() && seg_.sentences[s + 1].paragraph == seg_.sentences[s].paragraph) {
      // The quote ended its sentence ("... ." Rubio said.): the next sentence may be the attribution.
      hi = sent_end(s + 1);
      new_sentence = true;
    }
    if (j >= toks_.size() || j >= hi) return a;
    if (is_comma(j)) ++j;
    std::uint32_t lim = std::min<std::uint32_t>(hi, j + kAfterWindow);
    if (j < hi && m_start_[j] != kNone) {
      // '“…,” Cruz, who has proposed repealing the mandate, said': a name and an appositive or a
      // relative clause before the verb.
      std::uint32_t me = mention(m_start_[j]).token_end;
      // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": past a short parenthesis.
      if (me < hi && is_text(me, "("))
        for (std::uint32_t k = me + 1; k < hi && k < me + 6; ++k)
          if (is_text(k, ")")) {
            me = k + 1;
            break;
          }
      // "Duncan Hunter’s chief of staff, Joe Kasper, said": past the role the name possesses.
      if (me + 1 < hi && apostrophe_s(me)) {
        std::uint32_t k = me + 1;
        while (k < hi && k < me + 6 && info_[k].word && info_[k].lower) ++k;
        if (k > me + 1 && k < hi && is_comma(k)) me = k;
      }
      if (me < hi && is_comma(me)) lim = std::min<std::uint32_t>(hi, std::max(lim, me + kAppositive + 2));
    }
    if (j < lim && is_dash(j) && j + 1 < lim && m_start_[j + 1] != kNone) {
      const std::int32_t m = m_start_[j + 1];
      const std::uint32_t me = mention(m).token_end;
      if (me >= hi || toks_[me].kind == TokenKind::Punct) {
        a.mention = m;
        a.confidence = conf_for(m, 0.8f);
        return a;
      }
    }
    for (std::uint32_t v = j; v < lim; ++v) {
      if (toks_[v].kind == TokenKind::Quote) break;
      if (!cue_verb(v, wc::kSpeech)) continue;
      std::int32_t m = speaker_before(v, j > 0 ? j - 1 : 0);
      if (m != kNone && mention(m).token_begin < j) m = kNone;
      if (m == kNone && v != j && first_person_subject(v, j > 0 ? j - 1 : 0)) {
        // '“Bright-eyed and bushy-tailed,” I say.': the turn's speaker in a transcript, else no one.
        if (new_sentence && hi - v > 7) break;
        return first_person_attribution(v);
      }
      // "…,” said Rubio": the inverted order only right after the quote; further on, the name
      // after a verb is its object ("… and warned North Korea"), and so it is after a participle
      // ("… as “fantastic,” telling reporters": the sentence's subject speaks).
      if (m == kNone && v == j && ends_with_ing(v)) break;
      if (m == kNone && v == j) m = speaker_after(v, hi);
      if (m == kNone && v != j) break;  // a verb with no speaker: not an attribution
      if (new_sentence) {
        // A following sentence is an attribution only when it is short: "Rubio said."
        if (hi - v > 7 && !(v + 1 < hi && (is_comma(v + 1) || is_terminal(v + 1)) && m != kNone &&
                            mention(m).token_end <= v + 1)) break;
      }
      a.mention = m;
      a.cue = static_cast<std::int32_t>(v);
      a.cue_end_tok = v + 1;
      a.confidence = conf_for(m, 0.9f);
      return a;
    }
    return a;
  }

  // Before the opening mark, in the same sentence: "Rubio said: ...", "He also said, ...".
  // `lo` bounds the search (the previous quote's closing mark). With `near` the verb must be
  // close to the mark; otherwise any reporting verb of the sentence counts (partial quotes).
  Attribution before_pattern(std::uint32_t open, std::uint32_t lo, bool near, std::uint32_t mask) {
    Attribution a;
    if (open == 0 || open <= lo) return a;
    for (std::uint32_t v = open; v-- > lo;) {
      if (near && open - v > kNearVerb) break;
      if (toks_[v].kind == TokenKind::Quote || (is_terminal(v) && v + 1 < open)) break;
      if (!cue_verb(v, mask)) continue;
      std::int32_t m = participle_subject(v);
      if (m == kNone) m = speaker_before(v, lo);
      if (m == kNone) m = speaker_coordinated(v, lo);
      if (m == kNone && first_person_subject(v, lo)) {
        // 'I said, “Give me four walls.”': the turn's speaker in a transcript, else no one.
        return first_person_attribution(v);
      }
      // "Trump responded by calling Smith “a loser”": a participle or a characterising verb takes
      // an object, not an inverted subject; the sentence's subject speaks, when it has one.
      if (m == kNone && v + 1 < open && (ends_with_ing(v) || ((info_[v].cls & wc::kPartialCue) && !(info_[v].cls & wc::kSpeech))))
        m = sentence_subject(v);
      if (m == kNone && v + 1 < open && !(info_[v].cls & wc::kObjectVerb)) {
        const std::int32_t after = speaker_after(v, open);
        if (after != kNone) m = after;  // "said Rubio: ..."
      }
      if (m == kNone) continue;
      a.mention = m;
      a.cue = static_cast<std::int32_t>(v);
      a.cue_end_tok = v + 1;
      a.confidence = conf_for(m, near ? 0.9f : 0.7f);
      return a;
    }
    // "From Rubio: ..." / "Rubio: ..." (a colon right before the mark, a name before it), not the
    // object of a verb of speaking to or about someone ("Khamenei praised Soleimani: ...", "told
    // Smith: ..." are the subject's words, below; "doesn't surprise pollster Daron Shaw: ..." is
    // Shaw's).
    auto object_of_a_verb = [&](std::int32_t m) {
      const std::uint32_t b = mention(m).modifier_begin;
      return b > lo && toks_[b - 1].kind == TokenKind::Word && info_[b - 1].lower &&
             (info_[b - 1].cls & (wc::kPartialCue | wc::kObjectVerb | wc::kSpeech));
    };
    if (near && open >= 2 && is_text(open - 1, ":") && open - 2 >= lo && m_end_[open - 2] != kNone &&
        !mention(m_end_[open - 2]).is_pronoun && !object_of_a_verb(m_end_[open - 2])) {
      a.mention = m_end_[open - 2];
      a.confidence = conf_for(a.mention, 0.75f);
    } else if (near && open >= 2 && is_text(open - 1, ":") && sent_of_[open - 1] == sent_of_[open]) {
      // "Sen. Claire McCaskill scolded him: ...": a clause ending in a colon introduces its
      // subject's words, whatever its verb.
      const std::int32_t m = sentence_subject(open - 1);
      if (m != kNone && mention(m).token_begin >= lo && !in_quote_[mention(m).token_begin]) {
        a.mention = m;
        a.confidence = conf_for(m, 0.6f);
      }
    }
    return a;
  }

  // The quote opens its sentence (after bullets, dashes) or follows ':' / a cue.
  bool starts_clause(std::uint32_t open) const {
    const std::uint32_t sb = sent_begin(sent_of_[open]);
    // Back over the marks, dashes and emoji right before the quote (one look-up, not a walk).
    if (std::max(run_start_[open], sb) == sb) return true;
    const std::uint32_t p = open - 1;
    if (is_text(p, ":")) return true;
    std::uint32_t v = p;
    if (is_comma(v) && v > sb) --v;
    if (is_comma(p)) {
      // "says of Clinton, “…”", "said to Mike, “…”", "said about the movement, “…”": a
      // prepositional phrase of up to five words, no verb among them, between the cue and the
      // comma; likewise the addressee of "told reporters, “…”", "asked her, “…”".
      bool phrase = false;  // "to" / "for" after the object: "asks surrogates to stump for him, “…”"
      for (std::uint32_t k = v, n = 0; n < 5 && k > sb + 1 && toks_[k].kind == TokenKind::Word; ++n, --k) {
        if (info_[k].cls & (wc::kSpeech | wc::kAux)) break;
        const bool preposition = ascii_ieq(k, "of") || ascii_ieq(k, "to") || ascii_ieq(k, "about") ||
                                 ascii_ieq(k, "regarding") || ascii_ieq(k, "concerning") || ascii_ieq(k, "on");
        const std::uint32_t cls = info_[k - 1].word ? info_[k - 1].cls : 0;
        if ((preposition && k < v && (cls & wc::kSpeech)) || (!phrase && (cls & wc::kSpeech) && (cls & wc::kObjectVerb)))
          return true;
        phrase = phrase || ascii_ieq(k, "to") || ascii_ieq(k, "for");  // ("told Chris Wallace of Fox News, “…”" is one)
      }
    }
    // skip a short adverbial between cue and quote: "said on Friday"
    for (std::uint32_t n = 0; n < 4 && v > sb && !(info_[v].cls & wc::kSpeech); ++n) {
      if (!(info_[v].cls & (wc::kTime | wc::kPreposition)) && !info_[v].cap) break;
      --v;
    }
    return (info_[v].cls & wc::kSpeech) && info_[v].word;
  }

  bool ends_clause(const QuoteSpan& q) const {
    if (!q.closed) return true;
    const std::uint32_t last = q.close_tok - 1;
    if (last <= q.open_tok) return false;
    if (toks_[last].kind == TokenKind::Punct) return true;  // ",” he said" / ".”"
    const std::uint32_t n = q.close_tok + 1;
    if (n >= toks_.size() || sent_of_[n] != sent_of_[q.close_tok]) return true;
    return (is_terminal(n) || is_comma(n) || is_dash(n)) && q.close_tok - q.open_tok > 3;
  }

  // Every word capitalised (a title or a name), at most 6 words.
  bool title_case(const QuoteSpan& q) const {
    const std::uint32_t end = q.closed ? q.close_tok : q.close_tok + 1;
    std::uint32_t words = 0;
    for (std::uint32_t i = q.open_tok + 1; i < end; ++i) {
      if (!info_[i].word) continue;
      ++words;
      if (!info_[i].cap && !(info_[i].cls & (wc::kConnector | wc::kFunc))) return false;
    }
    return words > 0 && words <= 6 && info_[q.open_tok + 1].cap;
  }

  // A title of a work in quote marks: two to six words, each capitalised or a short article,
  // preposition or connector ("Tales From the Crypt", "This Kind of War"), and no sentence
  // punctuation ("Big Daddy." / "Neither do I." are speech).
  bool work_title(const QuoteSpan& q) const {
    if (!q.closed) return false;
    std::uint32_t words = 0;
    for (std::uint32_t i = q.open_tok + 1; i < q.close_tok; ++i) {
      if (is_terminal(i) || is_text(i, ":")) return false;
      if (!info_[i].word) continue;
      ++words;
      if (info_[i].cap) continue;
      const std::string_view w = tok_text(i);
      if (!(info_[i].cls & wc::kConnector) && w != "the" && w != "a" && w != "an" && w != "and" && w != "from" &&
          w != "in" && w != "on" && w != "for" && w != "to" && w != "at" && w != "with")
        return false;
    }
    return words >= 2 && words <= 6 && info_[q.open_tok + 1].cap;
  }

  std::uint32_t content_words(const QuoteSpan& q) const {
    std::uint32_t n = 0;
    const std::uint32_t end = q.closed ? q.close_tok : q.close_tok + 1;
    for (std::uint32_t i = q.open_tok + 1; i < end; ++i) n += info_[i].word ? 1 : 0;
    return n;
  }

  void direct() {
    std::vector<Attribution> attr(spans_.size());
    std::vector<std::uint8_t> whole(spans_.size(), 0), keep(spans_.size(), 0);
    std::uint32_t prev_close = 0;
    bool have_prev = false;
    for (std::size_t k = 0; k < spans_.size(); ++k) {
      const QuoteSpan& q = spans_[k];
      const std::uint32_t end_tok = q.closed ? q.close_tok : q.close_tok + 1;
      if (end_tok <= q.open_tok + 1) continue;
      if (heading(q.open_tok)) continue;  // a quoted heading names no speaker
      const std::uint32_t s_open = sent_of_[q.open_tok];
      std::uint32_t lo = sent_begin(s_open);
      if (have_prev && prev_close >= lo && prev_close < q.open_tok) lo = prev_close + 1;
      have_prev = true;
      prev_close = end_tok - 1;
      whole[k] = starts_clause(q.open_tok) && ends_clause(q) &&
                 (content_words(q) >= 3 || (end_tok > q.open_tok + 1 && toks_[end_tok - 1].kind == TokenKind::Punct));
      Attribution a = after_pattern(q);
      // A fragment takes the nearest reporting or characterising verb ('responded on Twitter,
      // calling the charge “pathetic”': calling, not responded).
      if (!a.found())
        a = before_pattern(q.open_tok, lo, true, whole[k] ? wc::kSpeech : wc::kSpeech | wc::kClause | wc::kPartialCue);
      if (!a.found() && starts_clause(q.open_tok) && q.open_tok == sent_begin(s_open) && s_open > 0 &&
          seg_.sentences[s_open - 1].paragraph + 1 >= seg_.sentences[s_open].paragraph) {
        // The previous sentence introduces the quote: "Rubio said in a statement:"
        const std::uint32_t pe = sent_end(s_open - 1);
        if (pe > 0 && is_text(pe - 1, ":")) a = before_pattern(pe - 1, sent_begin(s_open - 1), false, wc::kSpeech);
      }
      if (!a.found() && !whole[k]) {
        a = before_pattern(q.open_tok, lo, false, wc::kSpeech | wc::kClause | wc::kPartialCue);
      }
      if (!a.found() && k > 0 && keep[k - 1] && attr[k - 1].mention != kNone && spans_[k - 1].closed &&
          sent_of_[spans_[k - 1].close_tok] == s_open) {
        // '"A" and "B"' / '"A," "B"': a quote joined to the previous one shares its speaker.
        bool joined = true;
        for (std::uint32_t t = spans_[k - 1].close_tok + 1; t < q.open_tok && joined; ++t)
          joined = is_comma(t) || is_text(t, "and") || is_text(t, "or") || is_text(t, ";");
        if (joined) {
          a = attr[k - 1];
          whole[k] = whole[k - 1] || whole[k];
        }
      }
      attr[k] = a;
      keep[k] = 1;
    }
    // Multi-paragraph quotes share one attribution.
    for (std::size_t k = 0; k < spans_.size();) {
      std::size_t e = k;
      while (e + 1 < spans_.size() && spans_[e].continues) ++e;
      if (e > k) {
        std::size_t src = spans_.size();
        for (std::size_t j = k; j <= e; ++j)
          if (keep[j] && attr[j].mention != kNone) { src = j; break; }
        if (src < spans_.size())
          for (std::size_t j = k; j <= e; ++j)
            if (keep[j] && attr[j].mention == kNone) {
              attr[j] = attr[src];  // one speech act: same speaker and cue
              attr[j].confidence -= 0.1f;
              whole[j] = 1;
            }
      }
      k = e + 1;
    }
    // Quotes with no cue: the previous quote's speaker (same or previous paragraph), else the
    // last person named in the previous sentence. Pronoun speakers right after another quote
    // take that quote's speaker when the gender agrees.
    std::int32_t last_speaker_mention = kNone;
    Attribution last_attr;
    std::uint32_t last_para = 0;
    for (std::size_t k = 0; k < spans_.size(); ++k) {
      if (!keep[k]) continue;
      const QuoteSpan& q = spans_[k];
      const std::uint32_t para = para_of_tok(q.open_tok);
      Attribution& a = attr[k];
      const bool recent = last_speaker_mention != kNone && para <= last_para + 1;
      if (a.mention != kNone && recent) relink_pronoun(a, last_speaker_mention);
      if (a.mention == kNone && whole[k] && work_title(q)) {
        // ''Tales From the Crypt,'' an HBO series ...: a title with no speaker or cue of its own
        // does not continue the previous quotation.
        keep[k] = 0;
        continue;
      }
      std::uint32_t lead_verb = 0;
      const bool from_context = a.mention == kNone && whole[k] && !a.first_person;  // may take a speaker from the context
      const std::int32_t lead_in = from_context ? speaker_of_lead_in(q.open_tok, lead_verb) : kNone;
      if (lead_in != kNone) {
        // "Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are ...”": the
        // speaker and verb of the sentence before, not the previous quote's.
        a.mention = lead_in;
        if (lead_verb != kNoVerb) {
          a.cue = static_cast<std::int32_t>(lead_verb);
          a.cue_end_tok = lead_verb + 1;
        }
        a.confidence = 0.5f;
      } else if (from_context) {
        if (recent) {
          // The quotation goes on: the speaker (and cue) of the previous quote.
          a = last_attr;
          a.mention = last_speaker_mention;
          a.confidence = 0.5f;
        } else {
          const std::int32_t m = named_in_previous_sentence(q.open_tok);
          if (m != kNone) {
            a.mention = m;
            a.confidence = 0.4f;
          }
        }
      }
      if (a.mention != kNone && entity_of(a.mention) != kNone && whole[k]) {
        last_speaker_mention = a.mention;
        last_attr = a;
        last_para = para;
      }
    }
    struct Characterisation {
      std::uint32_t close;
      Attribution a;
    };
    std::vector<std::pair<std::uint32_t, Characterisation>> characterisations;
    for (std::size_t k = 0; k < spans_.size(); ++k) {
      if (!keep[k]) continue;
      const QuoteSpan& q = spans_[k];
      const std::uint32_t end_tok = q.closed ? q.close_tok : q.close_tok + 1;
      Attribution a = attr[k];
      if (!whole[k] && a.mention == kNone) continue;  // a scare quote or a title
      if (!whole[k] && title_case(q)) continue;            // "The Apprentice", “Trump Revealed”
      if (!q.closed && !q.continues && a.mention == kNone) continue;  // a stray mark
      if (a.mention == kNone) a.confidence = 0.3f;
      if (whole[k] && a.cue != kNone) cue_used_[static_cast<std::size_t>(a.cue)] = 1;
      emit(whole[k] ? QuoteKind::Direct : QuoteKind::Partial, toks_[q.open_tok + 1].start, toks_[end_tok - 1].end, a);
      // "Clinton called half of Trump's supporters “deplorables.”": the characterisation as a
      // whole is reported speech too (its object and the quoted words).
      if (!whole[k] && a.cue != kNone && q.closed) {
        const auto v = static_cast<std::uint32_t>(a.cue);
        if ((info_[v].cls & wc::kPartialCue) && sent_of_[v] == sent_of_[q.close_tok] && v < q.open_tok &&
            !in_quote_[v]) {
          if (!characterisations.empty() && characterisations.back().first == v)
            characterisations.back().second.close = q.close_tok;
          else
            characterisations.push_back({v, {q.close_tok, a}});
        }
      }
    }
    for (const auto& [v, c] : characterisations) {
      if (c.close <= v + 2) continue;
      // The characterisation runs on to the end of its clause ('called Clinton a “champion” for
      // its constituency').
      const std::uint32_t s = sent_of_[c.close];
      const std::uint32_t lim = std::min(c.close + kCharacterisationTail + 1, clause_end(c.close + 1, sent_begin(s), sent_end(s), v));
      std::uint32_t e = c.close + 1;
      // 'a “disgrace” after she ...', 'as “fantastic,” telling': the author's words.
      bool stop_word = c.close > 0 && toks_[c.close - 1].kind == TokenKind::Punct;
      for (; !stop_word && e < lim && toks_[e].kind != TokenKind::Punct; ++e) {
        if (toks_[e].kind == TokenKind::Quote) {
          // 'a “pathological liar” who is “utterly amoral,” a “bully” ...': further quoted words
          // of the same characterisation (one jump per quotation).
          if (close_of_open_[e] == kNone || static_cast<std::uint32_t>(close_of_open_[e]) >= lim) break;
          e = static_cast<std::uint32_t>(close_of_open_[e]);
          continue;
        }
        if (!info_[e].word) continue;
        // "and" goes on only into more quoted words ('“a bully” and a “narcissist”').
        const bool and_more = e + 1 < lim && (toks_[e + 1].kind == TokenKind::Quote || (info_[e + 1].cls & wc::kDeterminer));
        // A prepositional phrase goes on ('decried the GOP for “turning its back” on ...', 'a
        // “lesson I had to learn” about ...'), except a setting ('in a speech', 'at a rally').
        stop_word = (info_[e].cls & (wc::kSubordinator | wc::kTime)) || lower_is(e, "but") || (lower_is(e, "and") && !and_more) ||
                    lower_is(e, "in") || lower_is(e, "at") || lower_is(e, "during");
        if (stop_word) break;
      }
      if (stop_word || e > c.close + kCharacterisationTail) e = c.close + 1;
      emit(QuoteKind::Indirect, toks_[v + 1].start, toks_[e - 1].end, c.a);
      cue_used_[v] = 1;
    }
  }

  // A quotation that opens its sentence, right after a sentence of the same paragraph that ends
  // with a speaker and a reporting verb and quotes nothing itself ("X agreed.", "Or maybe Jeb
  // Bush, digital consultant Phil Musser says."): that speaker, else kNone.
  static constexpr std::uint32_t kNoVerb = ~std::uint32_t{0};
  std::int32_t speaker_of_lead_in(std::uint32_t open, std::uint32_t& verb) const {
    const std::uint32_t s = sent_of_[open];
    if (s == 0 || first_wnq_[s] != open) return kNone;
    const std::uint32_t ps = s - 1;
    if (seg_.sentences[ps].paragraph != seg_.sentences[s].paragraph) return kNone;
    const std::uint32_t sb = sent_begin(ps), se = sent_end(ps);
    if (se <= sb + 1) return kNone;
    // The reporting verb is the sentence's last word (a period after it).
    std::uint32_t last = se - 1;
    while (last > sb && toks_[last].kind != TokenKind::Word) --last;
    for (std::uint32_t t = sb; t < se; ++t)
      if (in_quote_[t] || toks_[t].kind == TokenKind::Quote) return kNone;
    if (!cue_verb(last, wc::kSpeech | wc::kClause)) return kNone;
    const std::int32_t m = speaker_before(last, sb);
    if (!named_person_or_group(m)) return kNone;
    // The verb is the quotation's cue only when the sentence says nothing else ("X agreed.");
    // "..., Schiff said." keeps its own reported clause and cue.
    verb = commas_[mention(m).token_begin] == commas_[sb] ? last : kNoVerb;
    return m;
  }

  std::int32_t named_in_previous_sentence(std::uint32_t open) {
    const std::uint32_t s = sent_of_[open];
    if (s == 0) return kNone;
    const std::uint32_t ps = s - 1;
    if (seg_.sentences[ps].paragraph + 1 < seg_.sentences[s].paragraph) return kNone;
    if (seg_.paragraphs[seg_.sentences[ps].paragraph].is_heading) return kNone;
    // Memoised per sentence (many quotes in one sentence must not rescan the previous one); a
    // re-linked pronoun may change an entity's kind, so a re-link invalidates the memo.
    if (prev_named_[ps] != -2 && prev_named_gen_[ps] == relink_gen_) return prev_named_[ps];
    std::int32_t best = kNone;
    for (std::uint32_t i = sent_end(ps); i-- > sent_begin(ps);) {
      const std::int32_t m = m_start_[i];
      if (m == kNone || in_quote_[i]) continue;
      const std::int32_t e = entity_of(m);
      if (e == kNone) continue;
      if (mr_.entities[static_cast<std::size_t>(e)].kind != EntityKind::Person) continue;
      best = m;  // the last person named
      break;
    }
    prev_named_[ps] = best;
    prev_named_gen_[ps] = relink_gen_;
    return best;
  }

  void relink_pronoun(Attribution& a, std::int32_t prev_mention) {
    Mention& m = mr_.mentions[static_cast<std::size_t>(a.mention)];
    if (!m.is_pronoun) return;
    const std::int32_t pe = entity_of(prev_mention);
    if (pe == kNone || pe == m.entity) return;
    const Entity& e = mr_.entities[static_cast<std::size_t>(pe)];
    lower_into(text_.substr(m.start, m.end - m.start), low_);
    const bool male = low_ == "he", female = low_ == "she", plural = low_ == "they";
    bool ok = false;
    if (male || female) {
      ok = e.kind == EntityKind::Person &&
           (e.gender == Gender::Unknown || (male && e.gender == Gender::Male) || (female && e.gender == Gender::Female));
    } else if (plural) {
      ok = e.kind == EntityKind::Group || e.kind == EntityKind::Organization;
    }
    if (ok) {
      m.entity = pe;
      ++relink_gen_;
    }
  }

  // ---- indirect speech -----------------------------------------------------------------------
  bool clause_start(std::uint32_t j, std::uint32_t hi) const {
    // A subject (pronoun, determiner + noun, or a name) followed soon by an auxiliary or modal.
    if (j >= hi || toks_[j].kind != TokenKind::Word) return false;
    const std::uint32_t cls = info_[j].cls;
    if (!((cls & (wc::kSubjPronoun | wc::kDeterminer)) || info_[j].cap || m_start_[j] != kNone ||
          (info_[j].lower && !(cls & (wc::kPreposition | wc::kSpeech | wc::kClause | wc::kFunc | wc::kTime)))))
      return false;
    for (std::uint32_t k = j + 1; k < hi && k < j + 7; ++k) {
      if (toks_[k].kind != TokenKind::Word) return false;
      // ("'s" after a capitalised word is a possessive far more often than "is": "questioned
      // the President's power".)
      const bool possessive = apostrophe_s(k) && info_[k - 1].cap;
      // (Nor is an auxiliary after "to" finite: "power to do as he proposed".)
      if ((info_[k].cls & wc::kAux) && !possessive && !is_text(k - 1, "to")) return true;
      const std::string_view w = tok_text(k);
      if (w == "and" || w == "or" || w == "but") return false;
      if ((info_[k].cls & (wc::kSpeech | wc::kClause)) && info_[k].lower) return false;
      if (info_[k].lower && past_tense(k)) return true;
    }
    return false;
  }

  // A reported clause after a verb of wc::kBareClause: a subject of any shape (a number too:
  // "said 2016 has seen ...") and, within the next fifteen tokens, a word that can only be its
  // verb (an auxiliary, a past tense, or an -s form after a noun: "the place prides itself").
  bool bare_clause_start(std::uint32_t j, std::uint32_t hi) {
    if (j >= hi) return false;
    if (toks_[j].kind == TokenKind::Word) {
      if (info_[j].lower && (info_[j].cls & (wc::kPreposition | wc::kSpeech | wc::kClause | wc::kAdverb |
                                               wc::kSubordinator | wc::kAux)))
        return false;
      static const char* const kNotSubjects[] = {"so", "nothing", "something", "anything", "yes", "no", "goodbye",
                                                 "hello", "thanks", "to", "not", "what", "how", "why", "when",
                                                 "where", "which", "little", "much", "more", "enough", "otherwise"};
      const bool much_of = j + 1 < hi && lower_is(j, "much") && lower_is(j + 1, "of");  // "much of his discussion"
      lower_into(tok_text(j), low_);
      for (const char* x : kNotSubjects)
        if (low_ == x && !much_of) return false;
      // A subject pronoun and a verb: "said he plans to", "said they feel" ("said it to him" is
      // no clause).
      if ((info_[j].cls & wc::kSubjPronoun) && j + 1 < hi && info_[j + 1].word && info_[j + 1].lower &&
          !(info_[j + 1].cls & (wc::kPreposition | wc::kConnector)) && !lower_is(j + 1, "to") &&
          !and_or(j + 1))
        return true;
    } else if (toks_[j].kind != TokenKind::Number) {
      return false;
    }
    bool subordinate = false;
    for (std::uint32_t k = j + 1; k < hi && k < j + 16; ++k) {
      if (toks_[k].kind == TokenKind::Quote || is_terminal(k) || is_text(k, ";") || is_dash(k)) return false;
      const std::uint32_t cls = info_[k].cls;
      // (Also a clitic, "they'll shift", but not "'s", as often a possessive: "Suu Kyi's election".)
      if ((cls & wc::kAux) && ((info_[k].word && info_[k].lower) ||
                               (!info_[k].cap && !apostrophe_s(k))))
        return true;
      if (!info_[k].word || !info_[k].lower) continue;
      // "added his voice after five senators urged Akin to": past a subordinator a past tense or
      // an -s form is the subordinate clause's verb (the words before it were an object); only
      // an auxiliary still shows the reported clause ("the endorsement before the primary will").
      if (cls & wc::kSubordinator) subordinate = true;
      if (subordinate) continue;
      const std::string_view w = tok_text(k);
      const std::uint32_t p = k - 1;
      const bool after_noun = info_[p].word && !(info_[p].cls & (wc::kDeterminer | wc::kPreposition | wc::kFunc)) &&
                              (info_[p].lower || info_[p].cap);
      if (cls & (wc::kSpeech | wc::kClause)) {
        // A reporting verb in a finite form right after a noun is the clause's own verb ("said
        // the union expected production to", "says an internal review shows no one"); as a base
        // form or after "and" (a function word: no noun) it is a verb of its own.
        return after_noun && (past_tense(k) || s_form(w));
      }
      if (past_tense(k)) return true;
      // (A plural noun is as often followed by a preposition or a mark: "said the worst things
      // about me" is an object.)
      const bool object_after = k + 1 < hi && info_[k + 1].word &&
                                !(info_[k + 1].cls & (wc::kPreposition | wc::kConnector | wc::kSubordinator)) &&
                                !and_or(k + 1);
      // (Common verbs are function words for the mentions stage, "helps", "makes", "wants": they
      // count; the function words ending in -s that are no verbs do not.)
      static const char* const kNotVerbs[] = {"always", "towards", "besides", "thanks", "whereas",
                                              "ours", "yours", "theirs", "hers", "perhaps", "sometimes"};
      bool not_verb = (cls & (wc::kPreposition | wc::kTime | wc::kGroupNoun)) != 0;
      for (const char* x : kNotVerbs) not_verb = not_verb || w == x;
      if (after_noun && object_after && s_form(w) && !not_verb) return true;
    }
    return false;
  }

  // The shape of a third-person -s verb: "prides", "shows" (not "-ss", "-us", "-is": "class",
  // "status", "this").
  static bool s_form(std::string_view w) {
    return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' && w[w.size() - 2] != 'i';
  }

  // A past-tense verb: "-ed" or a common irregular form ("the talks went well").
  bool past_tense(std::uint32_t k) const {
    const std::string_view w = tok_text(k);
    if (w.size() > 4 && w.substr(w.size() - 2) == "ed" && !(info_[k].cls & (wc::kDeterminer | wc::kPreposition)))
      return true;
    static const char* const kIrregular[] = {"went", "came", "took", "got", "gave", "knew", "saw", "found", "became",
                                             "left", "felt", "kept", "began", "won", "lost", "met", "ran", "paid",
                                             "sent", "built", "spent", "brought", "stood", "fell", "grew", "held",
                                             "led", "sold", "rose", "made", "thought", "told", "wrote", "broke"};
    for (const char* x : kIrregular)
      if (w == x) return true;
    return false;
  }

  // The quotation opening at token `open` closes inside the sentence and the author's words go on
  // after it (a mixed quote). One look-up.
  bool closes_mid_clause(std::uint32_t open, std::uint32_t se) const {
    if (open >= se || close_of_open_[open] == kNone) return false;
    const auto close = static_cast<std::uint32_t>(close_of_open_[open]);
    return close + 1 < se && info_[close + 1].word && !in_quote_[close + 1];
  }

  // A quotation opens in [from, end of the reported clause starting at `from`).
  bool fragment_in_clause(std::uint32_t from, std::uint32_t sb, std::uint32_t se, std::uint32_t v) const {
    return from < se && next_open_[from] < clause_end(from, sb, se, v);
  }

  // End of the reported clause: the sentence end, or the comma that closes a fronted
  // subordinate clause ("While X claims ..., Y ...").
  std::uint32_t clause_end(std::uint32_t from, std::uint32_t sb, std::uint32_t se, std::uint32_t v) const {
    std::uint32_t first = std::max(sb, std::min(first_word_[sent_of_[sb]], v));
    // "But as Trump ... pledged to ..., many in the audience ...": a conjunction before the
    // fronted subordinate clause.
    if (first + 1 < v && opening_conjunction(first) &&
        (info_[first + 1].cls & wc::kSubordinator))
      ++first;
    const bool fronted = (info_[first].cls & wc::kSubordinator) && first < v;
    const bool comma_before_v = first < v && commas_[v] > commas_[first];
    std::uint32_t e = std::min(se, next_semi_[from]);
    if (fronted && !comma_before_v) e = std::min(e, next_comma_[from]);
    e = std::min(e, next_break_[from]);
    e = std::max(from, std::min(e, nonpunct_end_[e]));  // trailing punctuation is not content
    // A closing quote mark after terminal punctuation belongs to a quote inside the clause.
    while (e > from && is_terminal(e - 1)) --e;
    return e;
  }

  // Verb v is show(s/ed) or find(s)/found and mention m is a document that can show things (a
  // poll, survey, study, report, records ...).
  bool finding_of_a_document(std::int32_t m, std::uint32_t v) {
    if (m == kNone || !info_[v].lower) return false;
    if (!(lower_is(v, "shows") || lower_is(v, "show") || lower_is(v, "showed") || lower_is(v, "found") ||
          lower_is(v, "finds") || lower_is(v, "find")))
      return false;
    const Mention& mm = mention(m);
    if (mm.is_pronoun || mm.token_end == 0) return false;
    static const char* const kDocuments[] = {"poll", "polls", "survey", "surveys", "study", "studies", "report",
                                             "reports", "records", "documents", "filings", "analysis"};
    for (const char* d : kDocuments)
      if (lower_is(mm.token_end - 1, d)) return true;
    return false;
  }

  // Tokens [j, k) can be the subject of the reporting verb k inside a reported clause: one to five
  // words, no setting (preposition, time, adverb, auxiliary, subordinator), and k a finite verb in
  // lower case ("those revelations show", "the report shows"; not "noting", not "Tuesday, adding").
  bool embedded_subject(std::uint32_t j, std::uint32_t k) const {
    if (k <= j || k > j + 5 || !info_[k].lower || ends_with_ing(k)) return false;
    // It opens with a determiner or a mention ("those", "the report", "Justin Bamberg"), not with
    // "to" or an object pronoun ("urged him to continue", "asked them to show").
    if (!(info_[j].cls & wc::kDeterminer) && m_start_[j] == kNone) return false;
    if (m_start_[j] != kNone && mention(m_start_[j]).is_pronoun) return false;
    if (is_text(k - 1, "to")) return false;  // an infinitive: "urged the campaign to emphasize"
    // Many reporting verbs are nouns too ("a national state of emergency", "the state claims"). A
    // base form needs a plural subject before it ("those revelations show"); an -s or past form
    // (also an adjective: "a large pledged delegate lead") needs what a clause verb takes after
    // it: "that", a determiner, a pronoun or a name ("the report shows that", "shows Trump").
    const std::string_view w = tok_text(k), before = tok_text(k - 1);
    if (past_tense(k) || s_form(w)) {
      if (!(k + 1 < toks_.size() && (ascii_ieq(k + 1, "that") || m_start_[k + 1] != kNone ||
                                     (info_[k + 1].cls & (wc::kDeterminer | wc::kSubjPronoun)))))
        return false;
    } else if (before.empty() || before.back() != 's') {
      return false;
    }
    for (std::uint32_t x = j; x < k; ++x) {
      if (toks_[x].kind != TokenKind::Word || in_quote_[x]) return false;
      // (A relative clause inside: "the conservative who he thought would win".)
      if (x > j && ((info_[x].cls & (wc::kPronoun | wc::kSubjPronoun)) || ascii_ieq(x, "who") || ascii_ieq(x, "which")))
        return false;
      if (info_[x].cls & (wc::kPreposition | wc::kTime | wc::kAdverb | wc::kAux | wc::kSubordinator | wc::kSpeech |
                          wc::kClause))
        return false;
    }
    return true;
  }

  bool asked_at(std::uint32_t i) const { return info_[i].word && ascii_ieq(i, "asked"); }

  // A question put to someone, in the passive or as a fronted participle: "Asked whether he
  // would run, Trump said ...", "when asked by a reporter if that remains his view", "he was
  // first asked if he would support Trump". The question is an indirect quote of whoever asked
  // it: the agent after "by" when there is one, otherwise no one (the text does not say). Its
  // words run from the question word (whether, if, what, why, how, who, which, when, where) after
  // the cue, the agent and a time phrase, to the end of the fronted or subordinate clause;
  // "asked about the charges" or "asked to comment" put no question in words. "X asked
  // whether ..." with X before the verb is the general rule's.
  bool question(std::uint32_t v, std::uint32_t sb, std::uint32_t se) {
    if (in_quote_[v] || cue_used_[v] || !asked_at(v)) return false;
    const bool first = v == std::max(sb, std::min(first_word_[sent_of_[sb]], v));
    // "when asked", "was asked", "was first asked" (not "Lawmakers also asked": active).
    auto passive_or_when = [&](std::uint32_t k) {
      return toks_[k].kind == TokenKind::Word && info_[k].lower && (info_[k].cls & (wc::kSubordinator | wc::kPassive));
    };
    const bool after_when =
        v > sb && (passive_or_when(v - 1) || (v > sb + 1 && (info_[v - 1].cls & wc::kAdverb) && passive_or_when(v - 2)));
    if (!first && !after_when) return false;
    std::uint32_t c = v + 1;
    std::int32_t m = kNone;
    if (c + 1 < se && lower_is(c, "by") && m_start_[c + 1] != kNone) {
      m = m_start_[c + 1];
      c = mention(m).token_end;
    }
    while (c < se && c < v + 6 && toks_[c].kind == TokenKind::Word &&
           ((info_[c].cls & wc::kTime) || ((info_[c].cls & wc::kPreposition) && c + 1 < se &&
                                           (info_[c + 1].cls & wc::kTime))))
      ++c;
    if (c >= se || !(lower_is(c, "whether") || lower_is(c, "if") ||
                     lower_is(c, "what") || lower_is(c, "why") || lower_is(c, "how") || lower_is(c, "who") ||
                     lower_is(c, "which") || lower_is(c, "when") || lower_is(c, "where")))
      return false;
    // A fronted participle ends at its comma; a subordinate one at its comma or the sentence end.
    std::uint32_t e = std::min({se, next_comma_[c], next_semi_[c], next_break_[c]});
    if (first && e >= se) return false;  // "Asked whether ..." needs the main clause after it
    e = std::max(c, std::min(e, nonpunct_end_[e]));
    while (e > c && is_terminal(e - 1)) --e;
    if (e < c + 3) return false;
    emit_reported(c, e, m, v, 0.6f);
    cue_used_[v] = 1;
    return true;
  }

  // An indirect quote over tokens [begin, end) spoken by mention m with the one-token cue v.
  void emit_reported(std::uint32_t begin, std::uint32_t end, std::int32_t m, std::uint32_t v, float base) {
    Attribution a;
    a.mention = m;
    a.cue = static_cast<std::int32_t>(v);
    a.cue_end_tok = v + 1;
    a.confidence = conf_for(m, base);
    emit(QuoteKind::Indirect, toks_[begin].start, toks_[end - 1].end, a);
  }

  // "Trump's claim that ...": a speech noun after a possessive speaker, then "that" and a clause.
  bool speech_noun(std::uint32_t v, std::uint32_t sb, std::uint32_t se) {
    if (v < sb + 2 || v + 3 >= se || in_quote_[v] || !info_[v].word) return false;
    const std::string_view w = tok_text(v);
    static const char* const kNouns[] = {"claim", "claims", "assertion", "argument", "warning", "insistence",
                                         "contention", "allegation", "allegations", "suggestion", "promise",
                                         "pledge", "statement", "assurance", "accusation"};
    bool noun = false;
    for (const char* x : kNouns) noun = noun || w == x;
    if (!noun || !lower_is(v + 1, "that")) return false;
    if (!apostrophe_s(v - 1)) return false;
    const std::int32_t m = m_end_[v - 2];
    if (m == kNone || mention(m).in_quote) return false;
    const std::int32_t e = entity_of(m);
    if (e == kNone || mr_.entities[static_cast<std::size_t>(e)].kind == EntityKind::Place) return false;
    const std::uint32_t c = v + 2;
    const std::uint32_t end = clause_end(c, sb, se, v);
    if (end <= c + 2) return false;
    emit_reported(c, end, m, v, 0.55f);
    return true;
  }

  // "These employees, Stumpf explained earlier in the hearing, were “well-paid,” making ...": a
  // parenthetical attribution inside the reported sentence; the content is the sentence (from its
  // first word to the end of the clause after the attribution).
  bool parenthetical(std::uint32_t v, std::uint32_t s, std::uint32_t sb, std::uint32_t se) {
    const std::int32_t m = speaker_before(v, sb);
    if (m == kNone || mention(m).in_quote) return false;
    std::uint32_t mb = mention(m).token_begin;
    // (A possessive before the speaker belongs to it: "The president, his advisers say, has ...".)
    if (mb > sb + 1 && m_start_[mb - 1] != kNone && mention(m_start_[mb - 1]).is_pronoun && is_comma(mb - 2)) --mb;
    const std::uint32_t c0 = std::max(sb, std::min(first_wnq_[s], mb));
    if (mb < c0 + 2 || !is_comma(mb - 1) || toks_[c0].kind == TokenKind::Quote || in_quote_[c0]) return false;
    if (words_out_[mb - 1] == words_out_[c0]) return false;
    const std::uint32_t k = next_comma_[v + 1 < se ? v + 1 : se];
    if (k >= se || k > v + 10 || k + 1 >= se) return false;
    for (std::uint32_t x = v + 1; x < k; ++x)
      if (toks_[x].kind == TokenKind::Quote || is_terminal(x) || (x > v + 1 && cue_verb(x, wc::kSpeech | wc::kClause))) return false;
    // Only a setting may follow the verb ('said on Monday', 'told reporters', 'added later'), and
    // the sentence goes on with its clause, not with a coordinated one ('..., and ...').
    if (k > v + 1 && !(info_[v + 1].cls & (wc::kAdverb | wc::kTime | wc::kPreposition)) && m_start_[v + 1] == kNone)
      return false;
    if (toks_[k + 1].kind == TokenKind::Quote || !info_[k + 1].word || is_text(k + 1, "and") || is_text(k + 1, "or"))
      return false;
    const std::uint32_t e = clause_end(k + 1, sb, se, v);
    if (e <= k + 2) return false;
    emit_reported(c0, e, m, v, 0.6f);
    cue_used_[v] = 1;
    return true;
  }

  // "Thirty-one percent of those surveyed say they would ...", "some friends say Mr. Clinton
  // would ...": a reporting verb right after a subject the mentions stage does not know as a
  // speaker (a share, a described group). The clause is still reported speech; its speaker stays
  // unknown rather than guessed.
  bool subject_not_a_mention(std::uint32_t v, std::uint32_t sb, std::uint32_t se) {
    if (v <= sb || v + 3 >= se || !(info_[v].cls & wc::kBareClause)) return false;
    if (ends_with_ing(v)) return false;  // "saying": a participle
    const std::uint32_t p = v - 1;
    if (in_quote_[p] || (m_end_[p] != kNone && !of_unnamed_group(m_end_[p]))) return false;
    const bool noun_before = m_end_[p] != kNone || (info_[p].word && !(info_[p].cls & (wc::kFunc | wc::kPreposition | wc::kAux | wc::kAdverb |
                                                                wc::kConnector | wc::kSubordinator)));
    const bool share_before = toks_[p].kind == TokenKind::Number || is_text(p, "%") || ascii_ieq(p, "percent");
    if (!noun_before && !share_before && !quantifier_subject(p)) return false;
    std::uint32_t c = se;
    // (A time after the verb is no part of the clause: "said Sunday that he ...".)
    std::uint32_t j = v + 1;
    while (j + 1 < se && j < v + 3 && toks_[j].kind == TokenKind::Word && (info_[j].cls & wc::kTime)) ++j;
    if (lower_is(j, "that")) {
      // ("said that first week" is a determiner, not a clause.)
      if (clause_start(j + 1, se) || bare_clause_start(j + 1, se)) c = j + 1;
    } else if (bare_clause_start(j, se) && !fragment_in_clause(j + 1, sb, se, v)) c = j;
    if (c >= se || toks_[c].kind == TokenKind::Quote) return false;
    const std::uint32_t e = clause_end(c, sb, se, v);
    if (e <= c + 2) return false;
    emit_reported(c, e, kNone, v, 0.75f);
    cue_used_[v] = 1;
    return true;
  }

  void indirect() {
    for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s) {
      const std::uint32_t sb = sent_begin(s), se = sent_end(s);
      if (sb >= se || heading(sb)) continue;
      for (std::uint32_t v = sb; v < se; ++v) {
        if (speech_noun(v, sb, se)) continue;
        if (question(v, sb, se)) continue;
        if (in_quote_[v] || cue_used_[v] || !cue_verb(v, wc::kClause | wc::kSpeech)) continue;
        // A speech verb that is not a clause verb ('remarked', 'quipped') reports a clause only
        // after "that" or around a quoted fragment.
        const bool speech_only = !(info_[v].cls & wc::kClause);
        // Pattern 1: speaker before the verb, clause after it.
        std::int32_t m = participle_subject(v);
        if (m == kNone) m = speaker_before(v, sb);
        if (m == kNone) m = speaker_coordinated(v, sb);
        if (m != kNone && mention(m).in_quote) m = kNone;
        if (m == kNone && v + 1 < se && m_start_[v + 1] != kNone && (info_[v + 1].cls & wc::kSubjPronoun) &&
            !in_quote_[v + 1] && fragment_in_clause(v + 2, sb, se, v)) {
          // '..., said she would “support the nominee”' with no speaker found before the verb: the
          // clause's pronoun subject speaks of itself (as for a partial quote after "said she").
          m = m_start_[v + 1];
        }
        if (m != kNone) {
          std::uint32_t j = v + 1;
          if ((info_[v].cls & wc::kObjectVerb) && j < se && m_start_[j] != kNone) {
            j = mr_.mentions[static_cast<std::size_t>(m_start_[j])].token_end;  // "told reporters"
          } else if ((info_[v].cls & wc::kObjectVerb) && j < se && info_[j].word && info_[j].cap) {
            // "told The Hill the plan was dead": a capitalised object the mentions stage left out
            // (an outlet, an audience) is no part of the clause.
            std::uint32_t k = j;
            while (k < se && k < j + 5 && info_[k].word && (info_[k].cap || (info_[k].cls & wc::kConnector))) ++k;
            if (k > j && k < se && info_[k].word && info_[k].lower && (clause_start(k, se) || lower_is(k, "that"))) j = k;
          }
          std::uint32_t c = se;
          float conf = 0.75f;
          // "said in a statement that", "told a town hall in Salem, New Hampshire, on Monday that",
          // "asked whether"
          bool setting_clause = false;  // "said after the reports broke that ..."
          // "which friends described as miserable": "as" right after a verb of naming gives its
          // description, not a reported clause.
          if ((info_[v].cls & wc::kPartialCue) && j < se && lower_is(j, "as")) j = se;
          // "the UK has added 208 coronavirus cases to their total": "add" with a number after it
          // counts, it does not speak.
          if (j < se && toks_[j].kind == TokenKind::Number &&
              (lower_is(v, "added") || lower_is(v, "adds") || lower_is(v, "add") || lower_is(v, "adding")))
            j = se;
          for (std::uint32_t k = j; k < se && k < j + 12; ++k) {
            if (toks_[k].kind != TokenKind::Word && toks_[k].kind != TokenKind::Number && !is_comma(k)) break;
            if (k > j && cue_verb(k, wc::kSpeech | wc::kClause)) {
              // "Democrats say those revelations show that ...": a reporting verb with a subject
              // of its own right after v opens the reported clause there (the "that" belongs to it).
              if (!setting_clause && embedded_subject(j, k)) {
                c = j;
                conf = 0.55f;
              }
              break;
            }
            // (", though," is an adverb, no subordinate clause.)
            if (info_[k].lower && (info_[k].cls & wc::kSubordinator) && !(k + 1 < se && is_comma(k + 1)))
              setting_clause = true;
            // A verb before it, outside such a setting: the clause began already ("said current
            // officials have concealed information that had been requested": a relative "that").
            if (k > j && !setting_clause && info_[k].lower && ((info_[k].cls & wc::kAux) || past_tense(k))) break;
            // "said he wants to attack provisions that address ...": a subject pronoun and its verb
            // right after the reporting verb are the clause; a later "that" is a relative.
            if (k == j && (info_[k].cls & wc::kSubjPronoun) && m_start_[k] != kNone && !lower_is(k, "that") &&
                bare_clause_start(k, se)) {
              c = k;
              break;
            }
            if (lower_is(k, "that")) {
              // "announced a compromise plan that funded the wall": after an object, a "that"
              // followed straight by a verb is a relative pronoun, no clause.
              // (Only a past form: an -s form is as often a plural subject, "said that hackers have".)
              if (k > j && k + 1 < se && info_[k + 1].lower && past_tense(k + 1) &&
                  !(info_[k + 1].cls & (wc::kDeterminer | wc::kPronoun | wc::kFunc))) {
                j = se;  // (and no other reading of the words after the verb as a clause)
                break;
              }
              c = k + 1;
              break;
            }
            if (k == j && (lower_is(k, "whether") || lower_is(k, "if"))) { c = k + 1; break; }
          }
          if (c == se) {
            std::uint32_t k = j;
            while (k < se && k < j + 4 && toks_[k].kind == TokenKind::Word &&
                   ((info_[k].cls & wc::kTime) || ((info_[k].cls & wc::kPreposition) && k + 1 < se && (info_[k + 1].cls & wc::kTime))))
              ++k;
            if (!speech_only && clause_start(k, se)) {
              c = k;
              conf = 0.6f;
            } else if (!speech_only && (info_[v].cls & wc::kBareClause) && bare_clause_start(k, se) &&
                       !fragment_in_clause(k + 1, sb, se, v)) {
              // 'Officials said 2016 has seen the worst start', 'She said the place prides itself
              // on ...': no "that", no auxiliary right after the subject.
              c = k;
              conf = 0.55f;
            } else if (k < se && toks_[k].kind == TokenKind::Word && !(info_[k].cls & (wc::kPreposition | wc::kSpeech)) &&
                       fragment_in_clause(k + 1, sb, se, v)) {
              // A clause holding a quoted fragment is reported speech too (a mixed quote):
              // 'Cruz said any candidate "owes it to the men and women" of the state.'
              c = k;
              conf = 0.55f;
            } else if (k < se && (info_[k].cls & wc::kPreposition) && info_[k].lower) {
              // 'wrote in both listings he was "honored"': a short prepositional phrase, then a
              // clause holding a quoted fragment.
              for (std::uint32_t x = k + 2; x < se && x < k + 5 && toks_[x].kind == TokenKind::Word; ++x) {
                if ((info_[x].cls & wc::kSubjPronoun) && clause_start(x, se) && fragment_in_clause(x + 1, sb, se, v)) {
                  c = x;
                  conf = 0.55f;
                  break;
                }
              }
            }
          }
          if (c == se && finding_of_a_document(m, v) && j < se && toks_[j].kind == TokenKind::Word) {
            // "The poll shows Trump leading the field with 31 percent": what a poll, study or
            // record shows is what it says, whatever the shape of the words after the verb.
            c = j;
            conf = 0.5f;
          }
          if (c == se && closes_mid_clause(j, se)) {
            // 'he said "budget reforms" and unpaid taxes would pay': a clause opening with a quote
            // that closes before the clause does (a mixed quote).
            c = j;
            conf = 0.55f;
          }
          // 'said that "a bomb" had gone off': the quotation closes before the clause does.
          if (c < se && conf >= 0.6f && closes_mid_clause(c, se)) conf = 0.55f;
          if (c < se && (toks_[c].kind != TokenKind::Quote || conf < 0.6f)) {
            const std::uint32_t e = clause_end(c, sb, se, v);
            if (e > c + 2) {
              emit_reported(c, e, m, v, conf);
              cue_used_[v] = 1;
              continue;
            }
          }
        }
        if (m == kNone && subject_not_a_mention(v, sb, se)) continue;
        if (parenthetical(v, s, sb, se)) continue;
        // Pattern 2: "..., officials said." / "..., said the spokesman." at the end of the sentence.
        std::uint32_t tail = v + 1;
        if (tail < se && m_start_[tail] != kNone) {
          // "..., said Steve Bell, senior director of ...": the speaker and an appositive follow.
          tail = mr_.mentions[static_cast<std::size_t>(m_start_[tail])].token_end;
          if (tail < se && is_comma(tail)) tail = se;
          // ("questioned Mr. Trump's veracity": a possessive before a common noun starts an
          // object; "noted NBC's Dante Chinni" still names the speaker.)
          if (tail + 1 < se && apostrophe_s(tail) && info_[tail + 1].lower) continue;
        }
        // "..., she said in a video message to the convention.": a prepositional phrase may be longer.
        const bool pp = tail < se && info_[tail].word && info_[tail].lower && (info_[tail].cls & wc::kPreposition);
        const std::uint32_t tail_lim = pp ? std::max(v + 5, tail + 12) : v + 5;
        while (tail < se && toks_[tail].kind == TokenKind::Word && tail < tail_lim &&
               (info_[tail].cls & (wc::kTime | wc::kPreposition | wc::kDeterminer) || m_start_[tail] != kNone ||
                (tail > v + 1 && toks_[tail].kind == TokenKind::Word)))
          ++tail;
        // "..., she said, and unneeded treatment is costly" / "..., Graham said, since ...": a
        // second clause joined after the attribution is not part of what was said.
        const bool setting_after_v = tail == v + 1 || m_start_[v + 1] != kNone ||
                                     (info_[v + 1].cls & (wc::kPreposition | wc::kTime));
        const bool joined_after = setting_after_v && tail + 1 < se && is_comma(tail) &&
                                  toks_[tail + 1].kind == TokenKind::Word &&
                                  info_[tail + 1].lower &&
                                  (and_or(tail + 1) || lower_is(tail + 1, "but") ||
                                   (info_[tail + 1].cls & wc::kSubordinator));
        if (tail < se && !is_terminal(tail) && !joined_after) continue;
        std::int32_t sp = speaker_before(v, sb);
        std::uint32_t comma;
        if (sp != kNone) {
          comma = mr_.mentions[static_cast<std::size_t>(sp)].token_begin;
        } else {
          sp = speaker_after(v, se);
          comma = v;
          // An object pronoun after the verb is no inverted speaker ("…, ask them how they …").
          if (sp != kNone && mention(sp).is_pronoun) {
            const std::uint32_t pt = mention(sp).token_begin;
            if (ascii_ieq(pt, "them") || ascii_ieq(pt, "him") || ascii_ieq(pt, "her") || ascii_ieq(pt, "us") ||
                ascii_ieq(pt, "me"))
              continue;
          }
        }
        if (sp == kNone || comma == 0 || comma <= sb + 2) continue;
        // The clause ends with a comma, or with a closing quote mark after a comma (a mixed
        // quote: 'Teachers are "very pro-Bernie," Kilfoyle said.').
        std::uint32_t cend = comma - 1;  // exclusive end of the content
        if (is_comma(comma - 1)) {
          cend = comma - 1;
        } else if (toks_[comma - 1].kind == TokenKind::Quote && comma >= 2 && is_comma(comma - 2)) {
          cend = comma;
        } else {
          continue;
        }
        const std::uint32_t c0 = std::max(sb, std::min(first_wnq_[s], comma));
        if (asked_at(c0) || (c0 + 1 < cend && (info_[c0].cls & wc::kSubordinator) && asked_at(c0 + 1)))
          continue;  // "Asked whether ..., Trump said ...": the question is not what he said
        {
          // "In a Wall Street Journal essay last week, Ivanka Trump acknowledged ...", "Shortly
          // after my sentence, Eric Holder announced ...": a short fronted phrase with no verb
          // alone before the speaker is no clause that was said ("After the vote, the plan is
          // dead, Smith said" and "About 270 people have been resettled, officials said" are).
          std::uint32_t f = c0;
          if (f + 1 < cend && (ascii_ieq(f, "but") || ascii_ieq(f, "and"))) ++f;
          const bool opener = toks_[f].kind == TokenKind::Word &&
                              (info_[f].cls & (wc::kPreposition | wc::kSubordinator | wc::kAdverb));
          bool verb = cend > f + 12 || commas_[cend] != commas_[f];
          for (std::uint32_t k = f + 1; k < cend && !verb; ++k)
            verb = info_[k].word && info_[k].lower && ((info_[k].cls & wc::kAux) || past_tense(k));
          if (opener && !verb) continue;
        }
        if (toks_[c0].kind == TokenKind::Quote) {
          // A direct quote carries it, unless the author's words go on after the closing mark or
          // between quotations ('"All that Glitters" was to be a "cautionary tale," said X').
          std::uint32_t last_mark = c0;
          if (cend > c0 && last_quote_[cend] > c0) last_mark = last_quote_[cend] - 1;
          const bool words_after = (last_mark + 1 < cend && words_[cend] > words_[last_mark + 1]) ||
                                   words_out_[cend] > words_out_[c0];
          if (!words_after) continue;
        }
        if (cend <= c0 + 3) continue;
        emit_reported(c0, cend, sp, v, 0.7f);
        cue_used_[v] = 1;
      }
    }
  }

  // ---- according to ------------------------------------------------------------------------
  void according_to() {
    for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s) {
      const std::uint32_t sb = sent_begin(s), se = sent_end(s);
      if (sb >= se || heading(sb)) continue;
      for (std::uint32_t i = sb; i + 2 < se; ++i) {
        if (in_quote_[i] || !lower_is(i, "according") || !lower_is(i + 1, "to")) continue;
        std::int32_t m = m_start_[i + 2];
        if (m == kNone && i + 3 < se) m = m_start_[i + 3];
        const std::uint32_t src_end = m != kNone ? mention(m).token_end : i + 3;
        std::uint32_t c = 0, e = 0;
        std::uint32_t first = std::max(sb, std::min(first_wn_[s], i));
        // "But according to X, content.": a conjunction before it opens the sentence all the same.
        if (first + 1 == i && opening_conjunction(first)) first = i;
        if (first == i) {  // "According to X, content."
          const std::uint32_t k = src_end < se ? std::min(se, next_comma_[src_end]) : src_end;
          c = k + 1;
          e = std::max(c, std::min(se, nonpunct_end_[se]));
        } else {  // "content, according to X."
          c = first;
          e = i;
          while (e > c && (toks_[e - 1].kind == TokenKind::Punct)) --e;
          // "Over the long term, according to the budget office, the rise in deficits is ...":
          // inside the sentence, between commas, after a short opening (a main clause before it
          // is the content: "X rose, according to Y, which ..."), the content is the whole
          // sentence around it (one span, as for "X, Ann Lee said, Y").
          const std::uint32_t k = src_end < se ? next_comma_[src_end] : se;
          const bool opening = words_[i] <= words_[c] + 8;
          const bool goes_on = k + 1 < se && info_[k + 1].word && !and_or(k + 1) && !lower_is(k + 1, "but") &&
                               !lower_is(k + 1, "which") && !lower_is(k + 1, "who") && !lower_is(k + 1, "whose") &&
                               !lower_is(k + 1, "where");
          if (i > sb && is_comma(i - 1) && k < se && k <= src_end + 8 && !in_quote_[k] && opening && goes_on) {
            const std::uint32_t end = std::max(k + 1, std::min(se, nonpunct_end_[se]));
            if (words_[end] >= words_[k + 1] + 3) e = end;
          }
        }
        if (e <= c || e > se) continue;
        // Too short to be something said ("That's according to ...", "Clinton asked, according
        // to a transcript"), or an introduction whose content follows (", writing for X:").
        if (words_[e] < words_[c] + 3 || (e < se && is_text(e, ":"))) continue;
        Attribution a;
        a.mention = m;
        a.cue = static_cast<std::int32_t>(i);
        a.cue_end_tok = i + 2;
        a.confidence = conf_for(m, 0.85f);
        emit(QuoteKind::AccordingTo, toks_[c].start, toks_[e - 1].end, a);
      }
    }
  }

  // Entity mention lists follow re-linked pronouns.
  void relist_mentions() {
    for (auto& e : mr_.entities) e.mentions.clear();
    for (std::size_t k = 0; k < mr_.mentions.size(); ++k) {
      const std::int32_t e = mr_.mentions[k].entity;
      if (e >= 0 && static_cast<std::size_t>(e) < mr_.entities.size())
        mr_.entities[static_cast<std::size_t>(e)].mentions.push_back(static_cast<std::uint32_t>(k));
    }
    for (auto& q : out_) q.speaker = entity_of(q.speaker_mention);
  }
};

}  // namespace

QuoteFinder::QuoteFinder() : lex_(default_word_lists()) {}
QuoteFinder::~QuoteFinder() = default;

std::vector<Quote> QuoteFinder::find(std::string_view text, const Segmentation& seg, MentionResult& mentions) const {
  return Finder(text, seg, mentions, *lex_).run();
}

}  // namespace presslens
