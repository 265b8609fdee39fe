// Who speaks: the subject of a reporting verb ("Rubio said", "a spokesman for X said", "Pelosi,
// the Speaker, said"), the name after it ("said retired neurosurgeon Ben Carson"), the speaker of
// a lead-in sentence or of a transcript turn, and pronouns re-linked to the name they stand for.
#include <algorithm>

#include "finder.hpp"

namespace presslens::quote_detail {

// A quantifier alone as the subject of the clause it opens: "Many say ...", "but others say ...".
bool Finder::quantifier_subject(std::uint32_t p) const {
  if (!(ascii_ieq(p, "many") || ascii_ieq(p, "some") || ascii_ieq(p, "most") || ascii_ieq(p, "others") ||
        ascii_ieq(p, "several")))
    return false;
  if (p == 0 || p == sent_begin(sent_of_[p]) || is_comma(p - 1)) return true;
  return ascii_ieq(p - 1, "but") || ascii_ieq(p - 1, "and") || ascii_ieq(p - 1, "while");
}

// A speech verb that can be a cue here: not "the stated goal", not passive "was told".
bool Finder::cue_verb(std::uint32_t v, std::uint32_t cls_mask) const {
  if (!info_[v].word || !(info_[v].cls & cls_mask) || !info_[v].lower) return false;
  if (v > 0 && toks_[v - 1].kind == TokenKind::Word) {
    const std::uint32_t pc = info_[v - 1].cls;
    if ((pc & wc::kDeterminer) && !(pc & wc::kPronoun) && !quantifier_subject(v - 1)) return false;
    const bool progressive = ends_with_ing(v);  // "is telling"
    if ((pc & wc::kPassive) && !progressive && !perfect_s(v - 1)) return false;
    if ((pc & wc::kAdverb) && v > 1 && (info_[v - 2].cls & wc::kPassive) && !progressive && !perfect_s(v - 2))
      return false;
  }
  return true;
}

// "he's said", "she’s long argued", "who's called": "'s" after he / she / who is "has", not the
// "is" of a passive ("it's said that ...", "Trump's told" stays a possessive or a passive).
bool Finder::perfect_s(std::uint32_t k) const {
  return k > 0 && apostrophe_s(k) && (ascii_ieq(k - 1, "he") || ascii_ieq(k - 1, "she") || ascii_ieq(k - 1, "who"));
}

// The mention ending at token k, also across a short parenthetical after the name ("Harry Reid
// (D-Nev.)", "Mary Fallin (R-OK)").
std::int32_t Finder::name_ending_at(std::uint32_t k, std::uint32_t lo) const {
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
bool Finder::of_unnamed_group(std::int32_t m) const {
  const std::uint32_t b = mention(m).token_begin;
  if (b < 2 || !is_text(b - 1, "of") || m_end_[b - 2] != kNone || !info_[b - 2].word || !info_[b - 2].lower) return false;
  const std::string_view head = tok_text(b - 2);
  return head.size() > 3 && head.back() == 's' && !(info_[b - 2].cls & (wc::kFunc | wc::kTime));
}

// The speaker of the transcript turn holding token t, or kNone.
std::int32_t Finder::turn_speaker_at(std::uint32_t t) const {
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
bool Finder::first_person_subject(std::uint32_t v, std::uint32_t lo) const {
  if (v == 0 || v <= lo) return false;
  std::uint32_t k = v - 1;
  for (int steps = 0; steps < 3 && k > lo && toks_[k].kind == TokenKind::Word && (info_[k].cls & (wc::kAdverb | wc::kAux));
       ++steps)
    --k;
  return is_text(k, "I") || ascii_ieq(k, "we");
}

// The attribution of a quote whose cue v has a first-person subject.
Attribution Finder::first_person_attribution(std::uint32_t v) const {
  Attribution a;
  a.mention = turn_speaker_at(v);
  a.cue = static_cast<std::int32_t>(v);
  a.cue_end_tok = v + 1;
  a.confidence = conf_for(a.mention, 0.8f);
  a.first_person = true;
  return a;
}

// "the Security Council issued a statement ...", "His office put out a statement ...",
// "Vitter issued a statement: ...": whoever issued the document `m` speaks through it. kNone when
// no issuing verb comes right before it or nobody before the verb (from `lo` on) issues it.
std::int32_t Finder::document_issuer(std::int32_t m, std::uint32_t lo) const {
  if (!names_document(m)) return kNone;
  const std::uint32_t b = mention(m).token_begin;
  const bool put_out = b > lo + 2 && is_text(b - 1, "out") && (is_text(b - 2, "put") || is_text(b - 2, "sent"));
  const bool issued = b > lo + 1 && (is_text(b - 1, "issued") || is_text(b - 1, "released") ||
                                     is_text(b - 1, "published") || is_text(b - 1, "posted") ||
                                     is_text(b - 1, "sent") || is_text(b - 1, "circulated"));
  if (!put_out && !issued) return kNone;
  const std::uint32_t verb = put_out ? b - 2 : b - 1;
  if (verb <= lo) return kNone;
  const std::int32_t issuer = speaker_before(verb, lo);
  return issuer != kNone && !names(issuer, EntityKind::Place) && !names_document(issuer) ? issuer : kNone;
}

// The speaker mention right before verb v: "Rubio said", "he also told", "Pelosi, the Speaker, said".
std::int32_t Finder::speaker_before(std::uint32_t v, std::uint32_t lo) const {
  if (v == 0 || v <= lo) return kNone;
  std::uint32_t k = v - 1;
  // "Jones was quoted as saying": the subject of the passive speaks.
  if (v >= lo + 5 && is_text(v - 1, "as") && is_text(v - 2, "quoted") && (info_[v - 3].cls & wc::kPassive)) k = v - 4;
  for (int steps = 0; steps < 4 && k > lo && m_end_[k] == kNone && toks_[k].kind == TokenKind::Word &&
                      ((info_[k].cls & (wc::kAdverb | wc::kAux | wc::kTime)) ||
                       (info_[k].lower && manner_adverb_shape(tok_text(k))));  // "Gingrich cynically dismissed"
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
    if (ends_with_ing(v) && names_document(m)) {
      // "In a statement announcing the pick, the union called ...": nor is a document in a
      // fronted phrase.
      if (b == lo + 1 && (ascii_ieq(lo, "in") || ascii_ieq(lo, "with"))) return kNone;
      // "the Security Council issued a statement calling ...": whoever issued it speaks.
      if (const std::int32_t issuer = document_issuer(m, lo); issuer != kNone) return issuer;
    }
    // "A source familiar with the talks said", "another source speaking to Fox News said", "a
    // person close to the campaign said": the one described speaks, not what they are near.
    // So does one described by who acted on it ("a witness interviewed by congressional staff
    // said").
    if (b >= lo + 3) {
      // (Also any participle and its prepositional phrase: "Protesters marching through the
      // streets chanted".)
      const bool near_phrase = ((is_text(b - 1, "with") || is_text(b - 1, "to") || is_text(b - 1, "on")) &&
                                (ends_with_ing(b - 2) || is_text(b - 2, "familiar") || is_text(b - 2, "close") ||
                                 is_text(b - 2, "briefed"))) ||
                               (info_[b - 1].lower && (info_[b - 1].cls & wc::kPreposition) && info_[b - 2].lower &&
                                ends_with_ing(b - 2));
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
    std::int32_t m = before > lo ? name_ending_at(before, lo) : kNone;
    // ("Sheriff Joe Arpaio of Maricopa County, Ariz., who calls himself": past the places that
    // say where the person is.)
    for (int steps = 0; steps < 3 && comma && names(m, EntityKind::Place); ++steps) {
      const std::uint32_t pb = mention(m).token_begin;
      if (pb < lo + 2 || !(is_comma(pb - 1) || is_text(pb - 1, "of") || is_text(pb - 1, "in") || is_text(pb - 1, "from")))
        break;
      const std::int32_t earlier = name_ending_at(pb - 2, lo);
      if (earlier == kNone) break;
      m = earlier;
    }
    // (Without a comma, only a person or group: in "a staffer at the State Department who
    // told", the relative clause is the staffer's.)
    if (m != kNone && !mention(m).is_pronoun && (comma || named_person_or_group(m))) return m;
  }
  // "Gov. John Kasich (R-OH), said": a comma after the party code of the name.
  if (is_comma(k) && k > lo + 1 && is_text(k - 1, ")")) {
    const std::int32_t coded = name_ending_at(k - 1, lo);
    if (named_person_or_group(coded)) return coded;
  }
  if (is_comma(k) && k > lo) {  // appositive between commas: "The Vice President, Mike Pence, said"
    std::int32_t city = kNone;  // a name before ", STATE" met on the way: a place too ("Ava, Mo.")
    for (std::uint32_t j = k - 1, n = 0; j > lo && n < kAppositive; --j, ++n) {
      if (toks_[j].kind == TokenKind::Quote && (is_text(j, "'") || is_text(j, "’"))) continue;  // Sanders' aide
      // (A short quotation inside the appositive: "Bill Eastland, wearing “Ted Cruz” pins, said".)
      if (toks_[j].kind == TokenKind::Quote && open_of_close_[j] != kNone &&
          static_cast<std::uint32_t>(open_of_close_[j]) > lo && j - static_cast<std::uint32_t>(open_of_close_[j]) < 8) {
        j = static_cast<std::uint32_t>(open_of_close_[j]);
        continue;
      }
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
        // Boozman of Arkansas, both up for reelection,", or any name after "of", "in" or "at" there,
        // "Cory James, 22, of Flint, Mich.,": look on for the name it describes. A place that
        // heads the subject still speaks: "Even China, Pyongyang's only ally, said". So does an
        // age between commas: "Cory James, 22, said".)
        const std::int32_t named = name_ending_at(j - 1, lo);
        if (named == kNone && j > lo + 2 && toks_[j - 1].kind == TokenKind::Number && is_comma(j - 2)) continue;
        if (named != kNone) {
          const std::uint32_t pb = mention(named).token_begin;
          const bool place = names(named, EntityKind::Place) || named == city;
          // In a phrase of the appositive: a place after any preposition (a city after a
          // determiner too: "a Hollywood, Fla., rabbi"); another name only after of / in / at, not
          // after "after Warren E. Buffett, the billionaire investor, complained" (a subordinator
          // there), and not a pronoun ("one of them, a sophisticated person, said": the group).
          bool after_preposition = false;
          if (pb > lo && info_[pb - 1].lower) {
            const bool of_in_at = is_text(pb - 1, "of") || is_text(pb - 1, "in") || is_text(pb - 1, "at");
            const std::uint32_t before = info_[pb - 1].cls;
            if (place)
              after_preposition = of_in_at || (before & wc::kPreposition) || (named == city && (before & wc::kDeterminer));
            else
              after_preposition = of_in_at && !mention(named).is_pronoun;
          }
          // (A place after a comma and another name is where that one is: "Ava, Mo.", "Raleigh, N.C.".)
          const bool place_after_place = place && pb > lo + 1 && is_comma(pb - 1) && m_end_[pb - 2] != kNone;
          if (place_after_place) city = m_end_[pb - 2];
          if (after_preposition || place_after_place) continue;
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
std::int32_t Finder::speaker_coordinated(std::uint32_t v, std::uint32_t lo) const {
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
std::int32_t Finder::sentence_subject(std::uint32_t v) const {
  std::uint32_t sb = sent_begin(sent_of_[v]);
  // "After reporter Michael Scotto finished his report, Grimm stormed back ... and said": the
  // subject follows a fronted subordinate clause (the comma that closes it comes before v).
  std::uint32_t fw = first_word_[sent_of_[v]];
  if (fw + 1 < v && (ascii_ieq(fw, "but") || ascii_ieq(fw, "and")) && (info_[fw + 1].cls & wc::kSubordinator)) ++fw;
  // So does a fronted prepositional or participial phrase ("In an incendiary press conference,
  // Trump launched ...", "Speaking at a town hall in Salem, New Hampshire, Trump went ...").
  // And a dateline: "WASHINGTON (AFP) – Democrat Hillary Clinton has ...".
  if (const std::uint32_t after = after_dateline(sb, v); after != sb) sb = fw = after;
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

// ", saying, ..." / ", adding that ...": the subject of the sentence speaks.
std::int32_t Finder::participle_subject(std::uint32_t v) const {
  const std::string_view w = tok_text(v);
  if (w.size() < 5 || w.substr(w.size() - 3) != "ing" || v == 0) return kNone;
  const std::uint32_t sb = sent_begin(sent_of_[v]);
  if (!is_comma(v - 1)) {
    // "..., calling him a “stiff” and accusing him of ...": a participle joined by "and" to an
    // earlier one after a comma has the same subject (not the object just before it).
    if (!lower_is(v - 1, "and")) return kNone;
    for (std::uint32_t k = v - 1; k > sb + 1 && v - k < 30; --k) {
      if (is_terminal(k)) break;
      if (is_comma(k - 1) && k + 1 < v && ends_with_ing(k) && info_[k].lower && !in_quote_[k])
        return participle_subject(k);
    }
    return kNone;
  }
  // "..., Nefzi said, adding, “…”": the speaker of the verb right before the comma, before the
  // sentence's subject (here "Mateen didn't mingle but left as soon as ...").
  if (v >= sb + 3 && cue_verb(v - 2, wc::kSpeech | wc::kClause)) {
    const std::int32_t m = speaker_before(v - 2, sb);
    if (m != kNone && !mention(m).in_quote) return m;
  }
  const std::int32_t subj = sentence_subject(v);
  if (subj != kNone) return subj;
  // '"We need change," the businessman said, arguing that ...', '"...," Chaffetz said in a
  // statement, adding that ...': the speaker of the speech verb shortly before the comma; or its
  // inverted speaker ('“…,” said Rep. Bobby Scott (D-Va.) at the time, adding that …').
  for (std::uint32_t k = v - 1, n = 0; k-- > sb + 1 && n < 8; ++n) {
    if (toks_[k].kind == TokenKind::Quote || is_terminal(k)) break;
    if (!cue_verb(k, wc::kSpeech | wc::kClause)) continue;
    std::int32_t m = speaker_before(k, sb);
    if (m == kNone && toks_[k - 1].kind == TokenKind::Quote) m = speaker_after(k, v);
    if (m != kNone && !mention(m).in_quote) return m;
    break;
  }
  return kNone;
}

// The mention right after verb v ("…,” said Rubio"), also after the words that describe it
// ("said Republican strategist John Feehery", "said White House spokesman Eric Schultz": the
// person, not the organization inside the description).
std::int32_t Finder::speaker_after(std::uint32_t v, std::uint32_t hi) const {
  if (v + 1 >= hi) return kNone;
  const std::int32_t described = m_described_[v + 1];
  if (described != kNone && mention(described).token_end <= hi) return described;
  if (const std::int32_t p = person_after_description(v, hi); p != kNone) return p;
  const std::int32_t m = m_start_[v + 1];
  if (object_pronoun_after(v, false)) return kNone;
  if (m != kNone) {
    // "said Apple's chief executive, Tim Cook": the possessor does not speak, the person does.
    const std::uint32_t e = mention(m).token_end;
    if (e + 1 < hi && apostrophe_s(e) && names(m_start_[e + 1], EntityKind::Person))
      return m_start_[e + 1];
  }
  return m;
}

// "called him a “moderate”", "asking her, “…”": a pronoun right after verb v in the object case,
// which is no inverted speaker ("said he" is). With `possessive`, also "his", "their"...
// ("described his leadership as …"), which often is the subject's own ("noted his family's
// history"), so it is only a last resort.
bool Finder::object_pronoun_after(std::uint32_t v, bool possessive) const {
  const std::uint32_t p = v + 1;
  if (p >= toks_.size() || m_start_[p] == kNone || !mention(m_start_[p]).is_pronoun) return false;
  for (std::string_view object : {"him", "them", "me", "us"})
    if (lower_is(p, object)) return true;
  const bool word_after = p + 1 < toks_.size() && toks_[p + 1].kind == TokenKind::Word;
  if (lower_is(p, "her")) return possessive || !word_after;  // "asking her, “…”" / "her leadership"
  if (!possessive) return false;
  for (std::string_view owner : {"his", "its", "their", "my", "our", "your"})
    if (lower_is(p, owner)) return true;
  return false;
}

// The subject of verb v's clause when it is not right before v: the nearest person or group named
// before v in its sentence, outside quotation marks, and followed by a past-tense or reporting verb
// ("when Cruz knocked Rubio on trade and called him …": Cruz; "Bush referred to Rubio as “…” but
// described his …": Bush). kNone if there is none within 30 tokens.
std::int32_t Finder::subject_of_verb_before(std::uint32_t v) const {
  const std::uint32_t sb = sent_begin(sent_of_[v]);
  for (std::uint32_t k = v; k-- > sb && v - k <= 30;) {
    if (in_quote_[k] || toks_[k].kind == TokenKind::Quote) continue;
    const std::int32_t m = m_end_[k];
    if (m == kNone || k + 1 >= v || mention(m).in_quote) continue;
    const std::uint32_t n = k + 1;
    if (info_[n].word && info_[n].lower && (past_tense(n) || (info_[n].cls & (wc::kSpeech | wc::kClause))) &&
        named_person_or_group(m))
      return m;
  }
  return kNone;
}

// "said retired neurosurgeon Ben Carson", "said Concord resident Whit Symms", "said Sanders
// campaign manager Jeff Weaver": a person named after at most five describing words right after
// verb v (words that are no function word, verb, pronoun or preposition, and names of places or
// organizations), the name closing the clause. kNone if the words after v are not of that shape.
std::int32_t Finder::person_after_description(std::uint32_t v, std::uint32_t hi) const {
  constexpr std::uint32_t kNotDescription = wc::kFunc | wc::kDeterminer | wc::kPreposition | wc::kPronoun | wc::kSpeech |
                                            wc::kClause | wc::kAux | wc::kSubordinator | wc::kPassive | wc::kTime;
  std::uint32_t k = v + 1;
  // (Two titles joined by "and" count as one description: "said former Pennsylvania Gov. and
  // Democratic National Committee Chairman Ed Rendell".)
  std::uint32_t limit = v + 6;
  while (k < hi && k <= limit) {
    if (k > v + 1 && k + 1 < hi && is_text(k, "and") && info_[k - 1].cap && info_[k + 1].cap && limit < v + 10) {
      limit += 4;
      ++k;
      continue;
    }
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
    // ("said master of ceremonies Asab Al-Tabchi", "said director of communications Jane Doe":
    // "of" between two describing words.)
    if (k > v + 1 && k + 1 < hi && is_text(k, "of") && info_[k - 1].word && info_[k + 1].word && info_[k + 1].lower &&
        !(info_[k - 1].cls & kNotDescription) && !(info_[k + 1].cls & kNotDescription)) {
      ++k;
      continue;
    }
    if (toks_[k].kind != TokenKind::Word || (info_[k].cls & kNotDescription)) return kNone;
    ++k;
  }
  return kNone;
}

// A quotation that opens its sentence, right after a sentence of the same paragraph that quotes
// nothing itself: the speaker of that sentence's closing reporting verb ("X agreed.", "Or maybe
// Jeb Bush, digital consultant Phil Musser says."), or, with no such verb, its subject when that
// is a named person or group ("Clinton touted her credentials …"); else kNone.
std::int32_t Finder::speaker_of_lead_in(std::uint32_t open, std::uint32_t& verb) const {
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
  if (!cue_verb(last, wc::kSpeech | wc::kClause)) {
    // "Clinton touted her credentials as an original co-sponsor. “We need to …”": a quotation
    // right after a sentence about a person, in the same paragraph, is that person's.
    const std::int32_t subject = sentence_subject(last);
    if (!named_person_or_group(subject)) return kNone;
    verb = kNoVerb;
    return subject;
  }
  const std::int32_t m = speaker_before(last, sb);
  if (!named_person_or_group(m)) return kNone;
  // The verb is the quotation's cue only when the sentence says nothing else ("X agreed.");
  // "..., Schiff said." keeps its own reported clause and cue.
  verb = commas_[mention(m).token_begin] == commas_[sb] ? last : kNoVerb;
  return m;
}

std::int32_t Finder::named_in_previous_sentence(std::uint32_t open) {
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

void Finder::relink_pronoun(Attribution& a, std::int32_t prev_mention) {
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

// The first token after a dateline opening the sentence at sb ("WASHINGTON (Reuters) –": capitalised
// words, parentheses and commas, then a dash or a spaced hyphen, within six tokens and before
// `limit`), else sb.
std::uint32_t Finder::after_dateline(std::uint32_t sb, std::uint32_t limit) const {
  for (std::uint32_t k = sb; k < limit && k < sb + 6; ++k) {
    if ((toks_[k].has(token_flags::kDash) || is_text(k, "-")) && k > sb) return k + 1;
    if (!(is_text(k, "(") || is_text(k, ")") || is_comma(k) || (toks_[k].kind == TokenKind::Word && info_[k].cap))) break;
  }
  return sb;
}

}  // namespace presslens::quote_detail
