// Quotations in quote marks: direct quotes (whole sentences, with a cue before or after) and
// partial quotes (a fragment inside the author's sentence), and the speaker each takes.
#include <algorithm>

#include "finder.hpp"

namespace presslens::quote_detail {

// After the closing mark: "..., Rubio told reporters." / "..., said Rubio." / "... — Rubio".
Attribution Finder::after_pattern(const QuoteSpan& q) {
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
  std::uint32_t appositive_from = hi;  // the comma after the name that opens an appositive, if any
  // (The name, or a person's after a few describing words: "Texas delegate Bill Eastland".)
  std::int32_t first = j < hi ? m_start_[j] : kNone;
  if (j < hi && !named_person_or_group(first)) {
    for (std::uint32_t k = j + 1; k < hi && k < j + 4 && info_[k - 1].word; ++k)
      if (named_person_or_group(m_start_[k])) {
        first = m_start_[k];
        break;
      }
  }
  if (first != kNone) {
    // '“…,” Cruz, who has proposed repealing the mandate, said': a name and an appositive or a
    // relative clause before the verb.
    std::uint32_t me = mention(first).token_end;
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
    if (me < hi && is_comma(me)) {
      lim = std::min<std::uint32_t>(hi, std::max(lim, me + kAppositive + 2));
      appositive_from = me;
    }
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
    if (toks_[v].kind == TokenKind::Quote) {
      // ('“…,” Texas delegate Bill Eastland, wearing “Ted Cruz” campaign pins, said': a short
      // quotation inside the appositive is stepped over.)
      const std::int32_t close = close_of_open_[v];
      if (v > appositive_from && close != kNone && static_cast<std::uint32_t>(close) < std::min(lim, v + 8)) {
        v = static_cast<std::uint32_t>(close);
        continue;
      }
      break;
    }
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
      // A following sentence is an attribution only when it is short: "Rubio said."; or when
      // what follows the verb is a circumstance, not what was said ('“…?” Clinton asks as a
      // maintenance guy walks in front of her.', not "as much").
      const bool circumstance = v + 2 < hi && (lower_is(v + 1, "as") || lower_is(v + 1, "while")) &&
                                !lower_is(v + 2, "much") && !lower_is(v + 2, "well");
      if (hi - v > 7 && !(v + 1 < hi && (is_comma(v + 1) || is_terminal(v + 1) || circumstance) && m != kNone &&
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
Attribution Finder::before_pattern(std::uint32_t open, std::uint32_t lo, bool near, std::uint32_t mask) {
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
    // "… and called him a “moderate”", "… but described his leadership skills as a “work in
    // progress”": a pronoun object (or possessor) names no speaker; the verb's subject does.
    if (m == kNone && v + 1 < open && object_pronoun_after(v, true)) m = subject_of_verb_before(v);
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
    // "Vitter issued a statement: ...": the statement's issuer.
    if (const std::int32_t issuer = document_issuer(a.mention, lo); issuer != kNone) a.mention = issuer;
    a.confidence = conf_for(a.mention, 0.75f);
  } else if (near && open >= 2 && is_text(open - 1, ":") && sent_of_[open - 1] == sent_of_[open]) {
    // "Sen. Claire McCaskill scolded him: ...": a clause ending in a colon introduces its
    // subject's words, whatever its verb.
    // (Also across an earlier quotation of the same sentence, so `lo` does not bound it: 'Clinton
    // supports “appropriate pay raises,” opposes “…” and recalled the freeze: “I saw …”'.
    // sentence_subject looks only in this sentence.)
    const std::int32_t m = sentence_subject(open - 1);
    if (m != kNone && !in_quote_[mention(m).token_begin]) {
      a.mention = m;
      a.confidence = conf_for(m, 0.6f);
    }
  }
  return a;
}

// The quote opens its sentence (after bullets, dashes) or follows ':' / a cue.
bool Finder::starts_clause(std::uint32_t open) const {
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

bool Finder::ends_clause(const QuoteSpan& q) const {
  if (!q.closed) return true;
  const std::uint32_t last = q.close_tok - 1;
  if (last <= q.open_tok) return false;
  if (toks_[last].kind == TokenKind::Punct) return true;  // ",” he said" / ".”"
  const std::uint32_t n = q.close_tok + 1;
  if (n >= toks_.size() || sent_of_[n] != sent_of_[q.close_tok]) return true;
  return (is_terminal(n) || is_comma(n) || is_dash(n)) && q.close_tok - q.open_tok > 3;
}

// Every word capitalised (a title or a name), at most 6 words.
bool Finder::title_case(const QuoteSpan& q) const {
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
bool Finder::work_title(const QuoteSpan& q) const {
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

std::uint32_t Finder::content_words(const QuoteSpan& q) const {
  std::uint32_t n = 0;
  const std::uint32_t end = q.closed ? q.close_tok : q.close_tok + 1;
  for (std::uint32_t i = q.open_tok + 1; i < end; ++i) n += info_[i].word ? 1 : 0;
  return n;
}

void Finder::direct() {
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
    if (a.cue == kNone && work_title(q)) continue;       // "listed an NBC show as his guilty pleasure: “Saturday Night Live”"
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

}  // namespace presslens::quote_detail
