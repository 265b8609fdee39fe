// Default mode: items from presslens tokens (one sentence), with emoticons, emoji descriptions,
// clitics joined to their word, clause punctuation; then the word-pair and phrase pass.
#include <cstring>

#include "items.hpp"
#include "presslens/utf8.hpp"

namespace presslens::sentiment_detail {

// The non-ASCII case of fold_into: the n bytes just reserved at the end of `out` are replaced by
// the ICU case folding of `s`.
[[gnu::noinline]] void fold_into_slow(std::string_view s, Arena& out, std::string& tmp) {
  out.shrink_to(out.size() - s.size());
  tmp.clear();
  append_folded_word(s, tmp);
  out.append(tmp.data(), tmp.size());
}

// ---- default mode: items from presslens tokens ----------------------------------------------

namespace {

bool is_clause_punct(std::string_view t, const Token& tok) {
  if (tok.has(token_flags::kDash)) return true;
  if (t.size() == 1) {
    const char c = t[0];
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']';
  }
  return false;
}

}  // namespace

// Looks an emoticon up: the exact spelling first (":D"), then folded.
const double* find_emoticon(const SentimentScorer::Impl& im, std::string_view t, std::string& buf) {
  if (!im.maybe_emoticon(t)) return nullptr;
  if (const double* v = im.exact.find(t)) return v;
  buf.clear();
  append_folded_word(t, buf);
  return im.folded.find(buf);
}

namespace {

void push_description(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w, std::string_view desc,
                      const Token& tok, bool& clause) {
  std::size_t i = 0;
  while (i < desc.size()) {
    while (i < desc.size() && desc[i] == ' ') ++i;
    std::size_t j = i;
    while (j < desc.size() && desc[j] != ' ') ++j;
    if (j > i) {
      Item it;
      it.off = static_cast<std::uint32_t>(w.arena.size());
      fold_into(desc.substr(i, j - i), w.arena, w.lower_tmp);
      it.len = static_cast<std::uint32_t>(w.arena.size() - it.off);
      it.start = tok.start;
      it.end = tok.end;
      it.clause_start = clause;
      clause = false;
      resolve_next_item(im, o, w, it);
      w.items.push_back(it);
    }
    i = j;
  }
}

const std::string* find_emoji(const SentimentScorer::Impl& im, std::string_view t, std::string& buf) {
  if (const std::string* d = im.emoji_seq.find(t)) return d;
  // Without variation selectors and skin tones, then the first code point alone.
  buf.clear();
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t s = i;
    const char32_t c = decode_utf8(t, i);
    if (c == 0xFE0E || c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF)) continue;
    buf.append(t.data() + s, i - s);
  }
  if (const std::string* d = im.emoji_seq.find(buf)) return d;
  std::size_t i = 0;
  decode_utf8(t, i);
  return im.emoji_seq.find(t.substr(0, i));
}

// An emoticon item: the bytes [start, end) of the text, with their lexicon value.
void push_emoticon(Work& w, std::string_view text, std::uint32_t start, std::uint32_t end, double value,
                   bool clause_start) {
  Item it;
  it.off = static_cast<std::uint32_t>(w.arena.size());
  w.arena.append(text.data() + start, end - start);
  it.len = end - start;
  it.start = start;
  it.end = end;
  it.in_lex = true;
  it.lex = value;
  it.emoticon = true;
  it.clause_start = clause_start;
  w.items.push_back(it);
}

// Whether token t is ")" or "]" closing a "(" or "[" among the tokens [k, t) of its chunk.
bool closes_bracket(const Token* toks, std::uint32_t k, std::uint32_t t, std::string_view text) {
  const std::string_view tt = toks[t].text(text);
  if (tt != ")" && tt != "]") return false;
  const std::string_view open = tt == ")" ? "(" : "[";
  for (std::uint32_t q = k; q < t; ++q)
    if (toks[q].text(text) == open) return true;
  return false;
}

}  // namespace

void default_items(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text,
                   const Token* toks, std::uint32_t tb, std::uint32_t te, Work& w, bool& cap_diff,
                   Punctuation& punct) {
  bool clause = false;
  std::string buf;
  std::size_t n_caps = 0, n_cased = 0;
  std::uint32_t k = tb;
  while (k < te) {
    // A chunk: tokens with no white space between them.
    std::uint32_t c1 = k;
    bool has_punct = false;
    while (c1 < te) {
      const Token& t = toks[c1];
      has_punct |= t.kind == TokenKind::Punct || t.kind == TokenKind::Symbol || t.kind == TokenKind::Quote;
      ++c1;
      if (t.space_after) break;
    }
    if (c1 - k > 1 && has_punct) {
      std::string_view ct = text.substr(toks[k].start, toks[c1 - 1].end - toks[k].start);
      if (const double* v = find_emoticon(im, ct, buf)) {
        push_emoticon(w, text, toks[k].start, toks[c1 - 1].end, *v, clause);
        clause = false;
        k = c1;
        continue;
      }
    }
    for (std::uint32_t t = k; t < c1; ++t) {
      const Token& tok = toks[t];
      std::string_view tt = tok.text(text);
      switch (tok.kind) {
        case TokenKind::Word:
        case TokenKind::Number:
        case TokenKind::Hashtag: {
          Item it(static_cast<std::uint32_t>(w.arena.size()), tok.start, tok.end);  // not `Item it;`: see compat_items
          fold_into(tok.kind == TokenKind::Hashtag ? tt.substr(1) : tt, w.arena, w.lower_tmp);
          // do + n't -> don't. A clitic always follows its word without a space, so it is in this
          // chunk; testing against te (rarely false) rather than c1 keeps the branch predictable.
          while (t + 1 < te && toks[t + 1].has(token_flags::kClitic)) {
            ++t;
            fold_into(toks[t].text(text), w.arena, w.lower_tmp);
            it.end = toks[t].end;
          }
          it.len = static_cast<std::uint32_t>(w.arena.size() - it.off);
          it.upper = tok.has(token_flags::kAllCaps);
          if (tok.kind == TokenKind::Word && tok.end - tok.start >= 2) {
            ++n_cased;
            n_caps += it.upper;
          }
          it.clause_start = clause;
          clause = false;
          resolve_next_item(im, o, w, it);
          w.items.push_back(it);
          break;
        }
        case TokenKind::Handle:
        case TokenKind::Url:
        case TokenKind::Email: {
          Item it;  // a neutral word
          it.off = static_cast<std::uint32_t>(w.arena.size());
          it.start = tok.start;
          it.end = tok.end;
          it.clause_start = clause;
          clause = false;
          w.items.push_back(it);
          break;
        }
        case TokenKind::Emoji: {
          if (const std::string* d = find_emoji(im, tt, buf)) push_description(im, o, w, *d, tok, clause);
          break;
        }
        default: {  // punctuation, quotes, symbols
          for (char c : tt) {
            punct.exclamations += c == '!';
            punct.questions += c == '?';
          }
          // An emoticon glued to a word ("great:)"): the rest of the chunk. Not a bracket that
          // closes one opened in the chunk ("[Florida]:" is no "]:").
          if (tok.kind != TokenKind::Quote && t > k && t + 1 < c1 && !closes_bracket(toks, k, t, text)) {
            std::string_view rest = text.substr(tok.start, toks[c1 - 1].end - tok.start);
            if (const double* v = find_emoticon(im, rest, buf)) {
              push_emoticon(w, text, tok.start, toks[c1 - 1].end, *v, false);
              t = c1 - 1;
              break;
            }
          }
          if (is_clause_punct(tt, tok)) clause = true;
          break;
        }
      }
    }
    k = c1;
  }
  cap_diff = n_caps > 0 && n_caps < n_cased;
  link_items(o, w);
}

// The passes over a sentence's items that look at neighbours: word pairs that cancel a negation,
// and multi-word phrases (the head word carries the phrase valence, the others fall silent).
void link_items(const SentimentOptions& o, Work& w) {
  // "not only X but Y", "not just": no negation; "no doubt", "no wonder": no negation either.
  // "a few", "the last few": a quantity, not a negation. (Tested with bit sets rather than
  // branches: most words are none of these, in no predictable pattern.)
  constexpr std::uint64_t kAfterNot = word_bit(kOnly) | word_bit(kJust), kAfterNo = word_bit(kDoubt) | word_bit(kWonder);
  constexpr std::uint64_t kBeforeFew = word_bit(kA) | word_bit(kThe) | word_bit(kLast) | word_bit(kPast) |
                                       word_bit(kNext) | word_bit(kFirst) | word_bit(kEvery) | word_bit(kThese) |
                                       word_bit(kThose);
  for (std::size_t i = 0; w.pair_words && i + 1 < w.items.size(); ++i) {
    Item& x = w.items[i];
    // Word ids come from the word's text (nothing has cleared them before this pass).
    const Word a = x.word, b = w.items[i + 1].word;
    const bool cancelled = ((a == kNot) & ((kAfterNot >> b) & 1u)) | ((a == kNo) & ((kAfterNo >> b) & 1u));
    if (cancelled) {
      x.negation = false;
      x.set_info(nullptr);
    }
    if ((b == kFew) & ((kBeforeFew >> a) & 1u)) w.items[i + 1].negation = false;
  }
  if (o.phrases) {
    // Only the items that start a phrase (in order; most sentences have a few: "the", "in",
    // "on", "to" start idioms). A match covers its words: the next phrase starts after it.
    auto& items = w.items;
    std::size_t next_free = 0;
    for (const std::uint32_t i : w.phrase_at) {
      if (i < next_free) continue;
      for (const Phrase& ph : *items[i].phrases) {
        if (i + ph.rest.size() >= items.size()) continue;
        bool ok = true;
        for (std::size_t r = 0; r < ph.rest.size() && ok; ++r)
          ok = !items[i + 1 + r].clause_start && w.text(items[i + 1 + r]) == ph.rest[r];
        if (!ok) continue;
        for (std::size_t r = 0; r <= ph.rest.size(); ++r) {
          Item& x = items[i + r];
          if (static_cast<int>(r) == ph.head) {
            x.in_lex = true;
            x.lex = ph.valence;
          } else {
            x.in_lex = false;
            x.set_info(nullptr);
            x.negation = false;
          }
        }
        next_free = i + ph.rest.size() + 1;
        break;
      }
    }
  }
}

}  // namespace presslens::sentiment_detail
