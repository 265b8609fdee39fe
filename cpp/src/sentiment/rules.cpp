// The VADER-class rules over a sentence's items (negation, boosters, caps, "least", contrast,
// idioms, the default mode's fixes) and the scores they add up to.
#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "items.hpp"

namespace presslens::sentiment_detail {

// min(1, (k / words)^p): the length dilution of a sentence's valence sum (default mode).
double dilution_factor(const SentimentOptions& o, std::size_t words) {
  const double n = static_cast<double>(words);
  return o.dilution > 0.0 && n > o.dilution_words ? std::pow(o.dilution_words / n, o.dilution) : 1.0;
}

// VADER's "!"/"?" emphasis: `amp` added to a valence sum away from zero (a zero sum stays 0).
static double emphasised(double sum, double amp) { return sum > 0 ? sum + amp : (sum < 0 ? sum - amp : sum); }

double normalize_score(double score) {
  const double n = score / std::sqrt(score * score + kNormAlpha);
  return std::max(-1.0, std::min(1.0, n));
}

double compound_keeping_label(double sum, double undiluted) {
  // The intensity rules say "milder", not "neutral": a sentence whose words make it positive or
  // negative keeps that label (|compound| >= 0.05), however long it is.
  constexpr double kBand = 0.05;  // the label thresholds (sentiment_label)
  const double c = normalize_score(sum);
  if (std::fabs(c) >= kBand || undiluted == sum) return c;  // (most sentences; compat mode always)
  const double raw = normalize_score(undiluted);
  return std::fabs(raw) >= kBand ? std::copysign(kBand, raw) : c;
}

namespace {

// ---- the rules ------------------------------------------------------------------------------

struct Rules {
  const SentimentOptions& o;
  const bool compat;
  Work& w;
  const bool cap_diff;

  Word word(std::size_t k) const { return w.items[k].word; }
  bool is(std::size_t k, Word x) const { return word(k) == x; }
  // Can the word at i - d modify the word at i? (Default mode: not across clause punctuation.)
  bool reach(std::size_t i, std::size_t d) const {
    if (d > i) return false;
    if (compat || !o.clause_scope) return true;
    // No clause punctuation before any of the words i - d + 1 ... i (d <= 3).
    return w.items[i].clause_no == w.items[i - d].clause_no;
  }

  double negate(std::size_t i, double v) const {
    if (!compat && o.negated_superlatives && w.items[i].info && w.items[i].info->superlative) {
      // "not the worst" is no praise; "not the best" is mild criticism.
      return w.items[i].lex < 0 ? 0.0 : v * 0.5 * kNegationScalar;
    }
    return v * kNegationScalar;
  }

  double scalar_inc_dec(std::size_t k, double valence) const {
    const Item& m = w.items[k];
    if (!m.booster) return 0.0;
    double s = m.info->booster;
    if (valence < 0) s = -s;
    if (m.upper && cap_diff) s += valence > 0 ? kCapsIncrement : -kCapsIncrement;
    return s;
  }

  double negation_check(double v, std::size_t s, std::size_t i) const {
    const auto& it = w.items;
    if (s == 0) {
      if (it[i - 1].negation) v = negate(i, v);
    } else if (s == 1) {
      if (is(i - 2, kNever) && (is(i - 1, kSo) || is(i - 1, kThis))) {
        v *= 1.25;
      } else if (is(i - 2, kWithout) && is(i - 1, kDoubt)) {
      } else if (it[i - 2].negation) {
        v = negate(i, v);
      }
    } else {
      const bool never_so = is(i - 3, kNever) && (is(i - 2, kSo) || is(i - 2, kThis));
      // vaderSentiment's operator precedence makes any "so"/"this" right before the word count.
      // Kept in the default mode: "haven't been this sore" is emphasis, not negation.
      const bool so_before = is(i - 1, kSo) || is(i - 1, kThis);
      if (never_so || so_before) {
        v *= 1.25;
      } else if (is(i - 3, kWithout) && (is(i - 2, kDoubt) || is(i - 1, kDoubt))) {
      } else if (it[i - 3].negation) {
        v = negate(i, v);
      }
    }
    return v;
  }

  bool words_equal(std::size_t k, const char* s) const { return w.text(w.items[k]) == s; }

  bool match_special(std::initializer_list<std::size_t> idx, double& out) const {
    const Item& first = w.items[*idx.begin()];
    if (!first.info || !first.info->special_start) return false;
    for (const auto& sc : kSpecialCases) {
      std::size_t n = 0;
      while (n < 3 && sc.words[n]) ++n;
      if (n != idx.size()) continue;
      std::size_t m = 0;
      bool ok = true;
      for (std::size_t k : idx) ok = ok && words_equal(k, sc.words[m++]);
      if (ok) {
        out = sc.valence;
        return true;
      }
    }
    return false;
  }

  bool dampener_bigram(std::size_t a, std::size_t b) const {
    if (!w.items[a].info || !w.items[a].info->dampener_start) return false;
    for (const auto& bg : kDampenerBigrams)
      if (words_equal(a, bg[0]) && words_equal(b, bg[1])) return true;
    return false;
  }

  double special_idioms(double v, std::size_t i) const {
    const std::size_t n = w.items.size();
    double sv;
    if (match_special({i - 1, i}, sv) || match_special({i - 2, i - 1, i}, sv) || match_special({i - 2, i - 1}, sv) ||
        match_special({i - 3, i - 2, i - 1}, sv) || match_special({i - 3, i - 2}, sv))
      v = sv;
    if (n - 1 > i && match_special({i, i + 1}, sv)) v = sv;
    if (n - 1 > i + 1 && match_special({i, i + 1, i + 2}, sv)) v = sv;
    if (dampener_bigram(i - 3, i - 2)) v -= kBoosterIncrement;
    if (dampener_bigram(i - 2, i - 1)) v -= kBoosterIncrement;
    return v;
  }

  double least_check(double v, std::size_t i) const {
    const auto& it = w.items;
    if (i > 1 && !it[i - 1].in_lex && is(i - 1, kLeast)) {
      if (!is(i - 2, kAt) && !is(i - 2, kVery)) v *= kNegationScalar;
    } else if (i > 0 && !it[i - 1].in_lex && is(i - 1, kLeast)) {
      v *= kNegationScalar;
    }
    return v;
  }

  double valence(std::size_t i) const {
    const auto& it = w.items;
    const std::size_t n = it.size();
    const Item& x = it[i];
    if (x.booster) return 0.0;
    if (is(i, kKind) && i + 1 < n && is(i + 1, kOf)) return 0.0;
    if (!x.in_lex) return 0.0;
    // An emoticon is the writer's own signal, not a word that negators, boosters or capitals
    // modify ("not sure :(" stays sad); VADER applies its word rules to it (compat mode).
    if (x.emoticon && !compat) return x.lex;
    double v = x.lex;
    if (is(i, kNo) && i != n - 1 && it[i + 1].in_lex) v = 0.0;
    if ((reach(i, 1) && is(i - 1, kNo)) || (reach(i, 2) && is(i - 2, kNo)) ||
        (reach(i, 3) && is(i - 3, kNo) && (is(i - 1, kOr) || is(i - 1, kNor))))
      v = x.lex * kNegationScalar;
    if (x.upper && cap_diff) v += v > 0 ? kCapsIncrement : -kCapsIncrement;
    for (std::size_t s = 0; s < 3; ++s) {
      if (i > s && reach(i, s + 1) && !it[i - (s + 1)].in_lex) {
        double sc = scalar_inc_dec(i - (s + 1), v);
        if (s == 1 && sc != 0) sc *= 0.95;
        if (s == 2 && sc != 0) sc *= 0.9;
        v += sc;
        v = negation_check(v, s, i);
        if (s == 2 && compat) v = special_idioms(v, i);
      }
    }
    if (!compat && o.shifters && v < 0) {  // "reduce fatalities", "curb violence"
      for (std::size_t d = 1; d <= 3; ++d)
        if (reach(i, d) && it[i - d].info && it[i - d].info->shifter) {
          v *= kNegationScalar;
          break;
        }
    }
    if (!compat) {
      // "kind of" / "sort of" / "just enough" right before the word, wherever it stands.
      if (reach(i, 3) && dampener_bigram(i - 3, i - 2)) v -= kBoosterIncrement;
      if (reach(i, 2) && dampener_bigram(i - 2, i - 1)) v -= kBoosterIncrement;
    }
    return least_check(v, i);
  }

  // `s`: the valences of the m lexicon items, at positions `at` (every other item is 0, and
  // re-weighting a 0 leaves a 0, so only these can change).
  void contrast_by_value(double* s, const std::uint32_t* at, std::size_t m, std::size_t bi) const {
    // vaderSentiment's loop: each value is re-weighted at the FIRST index holding an equal value.
    if (m <= 64) {
      // A short text: find that index by scanning (at most 64 x 64 compares, no allocation).
      for (std::size_t k = 0; k < m; ++k) {
        const double v = s[k];
        std::size_t si = 0;
        while (s[si] != v) ++si;  // stops at k at the latest
        if (at[si] == bi) continue;
        s[si] = at[si] < bi ? v * 0.5 : v * 1.5;
      }
      return;
    }
    // Longer ones: positions by value, so the whole pass stays O(n log n).
    std::unordered_map<double, std::set<std::uint32_t>> where;
    auto key = [](double v) { return v + 0.0; };  // -0.0 -> 0.0
    for (std::uint32_t j = 0; j < m; ++j) where[key(s[j])].insert(j);
    for (std::size_t k = 0; k < m; ++k) {
      const double v = s[k];
      auto& pos = where[key(v)];
      const std::uint32_t si = *pos.begin();
      if (at[si] == bi) continue;
      const double nv = at[si] < bi ? v * 0.5 : v * 1.5;
      pos.erase(pos.begin());
      s[si] = nv;
      where[key(nv)].insert(si);
    }
  }

  // `s` and `at` as in contrast_by_value.
  void contrast(double* s, const std::uint32_t* at, std::size_t m) const {
    const auto& it = w.items;
    const std::size_t n = it.size();
    if (!w.contrast_words) return;
    if (compat || !o.contrast_by_position) {
      for (std::size_t k = 0; k < n; ++k)
        if (is(k, kBut)) {
          contrast_by_value(s, at, m, k);
          return;
        }
      return;
    }
    for (std::size_t k = 0; k < n; ++k) {
      const Word x = word(k);
      if (x == kBut && k == 0) continue;  // a sentence-initial "But" contrasts with the previous sentence
      const bool but = x == kBut || (o.extra_contrast && k > 0 &&
                                     (x == kHowever || x == kNevertheless || x == kNonetheless));
      if (but) {
        for (std::size_t q = 0; q < m; ++q) s[q] *= at[q] < k ? 0.5 : (at[q] > k ? 1.5 : 1.0);
        return;
      }
      if (o.extra_contrast && (x == kAlthough || x == kThough)) {
        // "as though", or "though" inside a clause, is no concession.
        if (x == kThough && k > 0 && !it[k].clause_start && !is(k - 1, kEven)) continue;
        // The concession (up to the next clause punctuation) counts half, the main clause 1.5 times.
        std::size_t e = k + 1;
        while (e < n && !it[e].clause_start) ++e;
        if (e >= n && k == 0) return;  // no main clause in this sentence
        for (std::size_t q = 0; q < m; ++q) {
          const std::size_t j = at[q];
          s[q] *= (j > k && j < e) ? 0.5 : (j == k ? 1.0 : 1.5);
        }
        return;
      }
    }
  }
};

}  // namespace

// `s`: the valences of a sentence's lexicon items in word order (the other items are 0);
// `words`: all its items. `dilution`: dilution_factor by sentence length (null in compat mode).
SentimentScores finish(const double* s, std::size_t n_lex, std::size_t words, const Punctuation& p,
                       const SentimentOptions& o, const std::vector<double>* dilution) {
  const bool compat = o.vader_compat, length_norm = !compat && o.length_norm;
  SentimentScores out;
  if (words == 0) {
    // vaderSentiment returns neu 0 for text without words; presslens says "all neutral".
    if (compat) out.neu = 0.0;
    return out;
  }
  // One pass for the valence sum and the positive / negative masses (each summed in word order,
  // as VADER does); every item with valence 0 is neutral.
  double sum = 0.0, pos_sum = 0.0, neg_sum = 0.0;
  int n_sentiment = 0;
  for (std::size_t k = 0; k < n_lex; ++k) {
    const double v = s[k];
    if (v == 0) continue;  // adding a zero would not change the sum
    sum += v;
    ++n_sentiment;
    if (v > 0) pos_sum += v + 1.0;
    if (v < 0) neg_sum += v - 1.0;
  }
  const auto neu = static_cast<std::uint32_t>(words - static_cast<std::size_t>(n_sentiment));
  double undiluted = sum;  // (before the intensity rules)
  if (dilution) sum *= words < dilution->size() ? (*dilution)[words] : dilution_factor(o, words);
  out.evidence_sum = sum;
  // Default mode: several sentiment words add up like evidence (sqrt n), not linearly.
  if (length_norm) {
    out.evidence_words = static_cast<std::uint32_t>(n_sentiment);
    sum /= std::sqrt(std::max(1.0, static_cast<double>(n_sentiment)));
  }
  double amp = std::min(p.exclamations, 4) * 0.292;
  if (p.questions > 1) amp += p.questions <= 3 ? p.questions * 0.18 : 0.96;
  out.emphasis = amp;
  sum = emphasised(sum, amp);
  // (compound_keeping_label gets `undiluted` without the emphasis: with any emphasis |sum| >= 0.292,
  // so the compound is outside the neutral band and it does not look at `undiluted`. The sum kept
  // for a short text's aggregate has the emphasis, like valence_sum.)
  out.compound = compound_keeping_label(sum, undiluted);
  out.valence_sum = sum;
  out.undiluted_sum = emphasised(undiluted, amp);
  if (pos_sum > std::fabs(neg_sum))
    pos_sum += amp;
  else if (pos_sum < std::fabs(neg_sum))
    neg_sum -= amp;
  const double total = pos_sum + std::fabs(neg_sum) + neu;
  out.pos = std::fabs(pos_sum / total);
  out.neg = std::fabs(neg_sum / total);
  out.neu = std::fabs(neu / total);
  out.pos_mass = pos_sum;
  out.neg_mass = std::fabs(neg_sum);
  out.neutral_words = neu;
  out.words = static_cast<std::uint32_t>(words);
  return out;
}

SentimentScores score_work(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w, bool cap_diff,
                           const Punctuation& p) {
  const bool compat = o.vader_compat;
  const std::size_t n = w.items.size();
  Rules r{o, compat, w, cap_diff};
  // Only lexicon words have a valence (valence() is 0 for every other item): their positions,
  // collected without a branch per item (with the clause counts reach() compares), then their
  // valences.
  // (The buffers only grow, so that a sentence costs no allocation or zero-filling.)
  if (w.lex_at.size() < n) {
    w.lex_at.resize(n);
    w.vals.resize(n);
  }
  std::uint32_t* at = w.lex_at.data();
  std::size_t m = 0;
  std::uint16_t clauses = 0;
  for (std::size_t i = 0; i < n; ++i) {
    Item& x = w.items[i];
    at[m] = static_cast<std::uint32_t>(i);
    m += x.in_lex;
    clauses = static_cast<std::uint16_t>(clauses + x.clause_start);
    x.clause_no = clauses;
  }
  w.n_lex = m;
  double* vals = w.vals.data();
  for (std::size_t k = 0; k < m; ++k) vals[k] = r.valence(at[k]);
  r.contrast(vals, at, m);
  return finish(vals, m, n, p, o, compat ? nullptr : &im.dilution);
}

}  // namespace presslens::sentiment_detail
