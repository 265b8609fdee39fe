// The sentiment scorer's entry points: a raw text, a sentence of an analysed text, a document.
#include <algorithm>
#include <cmath>

#include "items.hpp"
#include "presslens/errors.hpp"
#include "presslens/tokenizer.hpp"

namespace presslens {

using namespace sentiment_detail;

namespace {

Work& thread_work() {
  thread_local Work w;
  return w;
}

}  // namespace

// ---- public entry points --------------------------------------------------------------------

namespace {

// One sentence: tokens [tb, te) of `toks` (te <= number of tokens).
SentimentScores score_range(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w,
                            std::string_view text, const Token* toks, std::uint32_t tb, std::uint32_t te) {
  w.clear();
  bool cap_diff = false;
  Punctuation p;
  if (tb >= te) return finish(nullptr, 0, 0, p, o, nullptr);
  if (o.vader_compat) {
    const std::uint32_t s = toks[tb].start, e = toks[te - 1].end;
    compat_items(im, o, text.substr(s, e - s), w, cap_diff, p);
  } else {
    default_items(im, o, text, toks, tb, te, w, cap_diff, p);
  }
  return score_work(im, o, w, cap_diff, p);
}

// Calls on_sentence(begin, end) for the token ranges of the sentences polarity_scores scores in
// default mode: a sentence ends at a line break, at a terminal mark with white space after it, or
// at a closing mark after a terminal one ('...!" She said').
template <class OnSentence>
void for_each_sentence(const std::vector<Token>& toks, OnSentence&& on_sentence) {
  std::uint32_t begin = 0;
  const auto n = static_cast<std::uint32_t>(toks.size());
  for (std::uint32_t k = 0; k < n; ++k) {
    bool end_here = k + 1 == n;
    if (!end_here) {
      const Token& next = toks[k + 1];
      if (next.has(token_flags::kLineStart)) {
        end_here = true;
      } else if (toks[k].has(token_flags::kTerminal) && toks[k].space_after) {
        end_here = true;
      } else if ((toks[k].kind == TokenKind::Quote || toks[k].kind == TokenKind::Punct) && toks[k].space_after &&
                 k > begin && toks[k - 1].has(token_flags::kTerminal)) {
        end_here = true;
      }
    }
    if (end_here) {
      on_sentence(begin, k + 1);
      begin = k + 1;
    }
  }
}

}  // namespace

SentimentScores SentimentScorer::score_tokens(std::string_view text, const Segmentation& seg, std::uint32_t tb,
                                              std::uint32_t te) const {
  te = std::min<std::uint32_t>(te, static_cast<std::uint32_t>(seg.tokens.size()));
  return score_range(*impl_, options_, thread_work(), text, seg.tokens.data(), tb, te);
}

std::vector<SentimentScorer::ItemValence> SentimentScorer::item_valences(std::string_view text, const Segmentation& seg,
                                                                         std::uint32_t tb, std::uint32_t te) const {
  Work& w = thread_work();
  w.clear();
  bool cap_diff = false;
  Punctuation p;
  std::vector<ItemValence> out;
  te = std::min<std::uint32_t>(te, static_cast<std::uint32_t>(seg.tokens.size()));
  if (tb >= te || options_.vader_compat) return out;
  default_items(*impl_, options_, text, seg.tokens.data(), tb, te, w, cap_diff, p);
  score_work(*impl_, options_, w, cap_diff, p);
  out.reserve(w.items.size());
  for (const Item& it : w.items) out.push_back({it.start, it.end, 0.0});
  for (std::size_t k = 0; k < w.n_lex; ++k) out[w.lex_at[k]].valence = w.vals[k];
  return out;
}

SentimentScores SentimentScorer::aggregate(const std::vector<SentimentScores>& sentences) {
  // compound = normalize(sum of sentence valences * min(1, 3 / n)), n = sentences with words:
  // up to three sentences (a tweet, a snippet) add up as one VADER text (their words pooled, below);
  // a longer text scores like its average three-sentence passage (3 x the mean sentence valence),
  // so the score of a long article does not grow with its length the way one giant sentence
  // saturates at +-1.
  SentimentScores out;
  double pos = 0.0, neg = 0.0, sum = 0.0, undiluted = 0.0;
  std::uint32_t neu = 0, words = 0, n = 0;
  // A text of two or three sentences pools their words as one body of evidence: the sqrt(count)
  // rule (13) divides by the text's sentiment words, as it would if the text were one sentence
  // (dividing sentence by sentence made a text of short sentences score stronger than the same
  // words in one sentence); each sentence keeps its own "!"/"?" emphasis, added away from zero.
  double evidence = 0.0, emphasis = 0.0;
  std::uint32_t evidence_words = 0;
  const SentimentScores* only = nullptr;  // the one sentence with words, if there is one
  for (const auto& s : sentences) {
    if (s.words == 0) continue;
    ++n;
    only = &s;
    pos += s.pos_mass;
    neg += s.neg_mass;
    neu += s.neutral_words;
    words += s.words;
    sum += s.valence_sum;
    undiluted += s.undiluted_sum;
    evidence += s.evidence_sum;
    emphasis += s.evidence_sum > 0 ? s.emphasis : (s.evidence_sum < 0 ? -s.emphasis : 0.0);  // away from zero
    evidence_words += s.evidence_words;
  }
  if (n == 0) return out;
  const double scale = std::min(1.0, 3.0 / n);
  const double scaled =
      n > 1 && n <= 3 ? evidence / std::sqrt(std::max(1.0, static_cast<double>(evidence_words))) + emphasis
                      : sum * scale;
  // One sentence with words (beside any without) is the text's score, its label held as it is
  // when that sentence is scored alone. Up to three sentences add up as one VADER text, so rule
  // 17 holds their label as it holds one sentence's (compound_keeping_label). Not for longer
  // texts: an article's undiluted sum is almost never within the neutral band, so holding it
  // would make every article positive or negative, as one giant VADER sentence is.
  if (n == 1)
    out.compound = only->compound;
  else if (n <= 3)
    out.compound = compound_keeping_label(scaled, undiluted);
  else
    out.compound = normalize_score(scaled);
  const double total = pos + neg + neu;
  out.pos = pos / total;
  out.neg = neg / total;
  out.neu = neu / total;
  out.pos_mass = pos;
  out.neg_mass = neg;
  out.neutral_words = neu;
  out.words = words;
  out.valence_sum = scaled;
  out.undiluted_sum = undiluted * scale;
  return out;
}

DocumentSentiment SentimentScorer::score(std::string_view text, const Segmentation& seg) const {
  DocumentSentiment out;
  out.sentences.reserve(seg.sentences.size());
  for (const auto& s : seg.sentences) out.sentences.push_back(score_tokens(text, seg, s.token_begin, s.token_end));
  out.overall = aggregate(out.sentences);
  return out;
}

SentimentExplanation SentimentScorer::explain(std::string_view text) const {
  if (options_.vader_compat)
    throw InvalidInput("explain() needs the default mode: vader_compat items carry no text offsets");
  const Impl& im = *impl_;
  Work& w = thread_work();
  im.tokenizer->tokenize_into(text, w.tokens);  // (score_range leaves w.tokens alone)
  const std::vector<Token>& toks = w.tokens;
  SentimentExplanation out;
  std::vector<SentimentScores>& scores = w.sentences;
  scores.clear();
  for_each_sentence(toks, [&](std::uint32_t tb, std::uint32_t te) {
    const SentimentScores s = score_range(im, options_, w, text, toks.data(), tb, te);
    const auto index = static_cast<std::uint32_t>(out.sentences.size());
    for (std::size_t k = 0; k < w.n_lex; ++k) {
      const Item& it = w.items[w.lex_at[k]];
      out.words.push_back({it.start, it.end, index, it.lex, w.vals[k]});
    }
    out.sentences.push_back({toks[tb].start, toks[te - 1].end, s});
    scores.push_back(s);
  });
  out.overall = text_scores(scores);
  return out;
}

SentimentScores SentimentScorer::polarity_scores(std::string_view text) const {
  return sentiment_detail::polarity_scores(*impl_, options_, text, thread_work());
}

bool SentimentScorer::reads_without_tokens(std::string_view text) const {
  SentimentScores ignored;
  return !options_.vader_compat && options_.fast_path && fast_polarity(*impl_, options_, text, thread_work(), ignored);
}

void SentimentScorer::polarity_scores(const std::string_view* texts, std::size_t n, SentimentScores* out) const {
  Work& w = thread_work();
  for (std::size_t i = 0; i < n; ++i) out[i] = sentiment_detail::polarity_scores(*impl_, options_, texts[i], w);
}

// Not in the anonymous namespace: there GCC specialises it for the thread-local Work of both
// callers and then looks the thread-local address up inside it, at every use.
SentimentScores sentiment_detail::polarity_scores(const SentimentScorer::Impl& im, const SentimentOptions& o,
                                                  std::string_view text, Work& w) {
  if (o.vader_compat) {
    w.clear();
    bool cap_diff = false;
    Punctuation p;
    compat_items(im, o, text, w, cap_diff, p);
    return score_work(im, o, w, cap_diff, p);
  }
  SentimentScores fast_result;
  if (o.fast_path && fast_polarity(im, o, text, w, fast_result)) return fast_result;
  // Default: presslens tokens, sentences split at sentence-final punctuation and line breaks.
  im.tokenizer->tokenize_into(text, w.tokens);
  const auto& toks = w.tokens;
  std::vector<SentimentScores>& sents = w.sentences;
  sents.clear();
  for_each_sentence(toks, [&](std::uint32_t tb, std::uint32_t te) {
    sents.push_back(score_range(im, o, w, text, toks.data(), tb, te));
  });
  return text_scores(sents);
}

}  // namespace presslens
