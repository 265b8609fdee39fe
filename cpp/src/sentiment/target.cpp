// Target-dependent sentiment: features of a span and its sentence, a multinomial logistic model
// (weights embedded at build time), and its fitting with Eigen (Newton steps, L2).
#include <Eigen/Dense>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <sstream>

#include "presslens/errors.hpp"
#include "items.hpp"
#include "presslens/sentiment.hpp"

namespace presslens {

namespace embedded {
extern const unsigned char kTargetWeights[];
extern const std::size_t kTargetWeights_size;
}  // namespace embedded

namespace {

constexpr const char* kFeatureNames[TargetSentimentModel::kFeatures] = {
    "sent_compound",   // default-mode compound of the sentence(s) holding the span
    "sent_pos",        // their pos share
    "sent_neg",        // their neg share
    "left_pos",        // positive valence before the span, weighted by 1 / (1 + distance / 3)
    "left_neg",        // negative valence before the span (as a positive number), same weights
    "right_pos",       // after the span
    "right_neg",
    "near_pos",        // within three words either side
    "near_neg",
    "inside_pos",      // inside the span ("the corrupt senator")
    "inside_neg",
    "clause_pos",      // in the span's clause (between , ; : dashes and brackets), span excluded
    "clause_neg",
    "speaker",         // a speech verb (said, says, told...) within four words after the span
    "in_quotes",       // the span is inside quotation marks
    "has_quotes",      // the sentence holds quotation marks
    "position",        // relative position of the span in the sentence, 0..1
    "at_start",        // the span starts the sentence
    "log_words",       // log(1 + words in the sentence)
    "negation_near",   // a negation within three words before the span
    "contrast_after",  // "but"/"however" after the span
    "abs_compound",    // |sentence compound|
    "object",          // the span follows a verb-like word directly (object position)
    "possessive",      // the span is followed by 's (its own attribute follows)
    "prev_valence",    // signed valence of the nearest word within two before the span
    "next_valence",    // signed valence of the nearest word within two after the span
    "clause_compound", // normalised valence of the span's clause, span excluded
    "speaker_x_compound",  // speaker * sent_compound: a speaker's words are about others
    "quoted_x_compound",   // in_quotes * sent_compound
};

bool is_speech_verb(std::string_view w) {
  static constexpr const char* kVerbs[] = {"said", "says", "say", "told", "tells", "stated", "added", "according",
                                           "argued", "argues", "claimed", "claims", "wrote", "writes", "asked",
                                           "tweeted", "announced", "explained", "noted", "insisted", "warned"};
  for (const char* v : kVerbs)
    if (w == v) return true;
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string o(s);
  for (char& c : o)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return o;
}

bool is_clause_punct(std::string_view t) {
  return t == "," || t == ";" || t == ":" || t == "(" || t == ")" || t == "--" || t == "\xE2\x80\x94" ||
         t == "\xE2\x80\x93";
}

}  // namespace

const char* const* TargetSentimentModel::feature_names() { return kFeatureNames; }

TargetSentimentModel::TargetSentimentModel() {
  std::string_view data(reinterpret_cast<const char*>(embedded::kTargetWeights), embedded::kTargetWeights_size);
  if (!data.empty()) *this = parse(data, "target_sentiment_weights.tsv");
}

TargetSentimentModel::TargetSentimentModel(std::vector<double> weights) : weights_(std::move(weights)) {
  if (!weights_.empty() && weights_.size() != 3u * (kFeatures + 1))
    throw InvalidInput("target sentiment weights: expected " + std::to_string(3 * (kFeatures + 1)) + " values, got " +
                       std::to_string(weights_.size()));
}

TargetSentimentModel TargetSentimentModel::parse(std::string_view data, const std::string& source) {
  std::vector<double> w;
  std::vector<float> hashed;
  std::size_t line_no = 0, rows = 0, pos = 0;
  while (pos < data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string line(data.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == 'h') {  // hashed row: h<index> <negative> <neutral> <positive>
      std::istringstream in(line.substr(1));
      long idx = -1;
      double v[3];
      if (!(in >> idx >> v[0] >> v[1] >> v[2]) || idx < 0 || idx >= kHashDim || !std::isfinite(v[0]) ||
          !std::isfinite(v[1]) || !std::isfinite(v[2]))
        throw ParseError(source, line_no, "expected h<index 0.." + std::to_string(kHashDim - 1) + "> and 3 weights");
      if (hashed.empty()) hashed.assign(3u * kHashDim, 0.0f);
      for (int c = 0; c < 3; ++c)
        hashed[static_cast<std::size_t>(c) * kHashDim + static_cast<std::size_t>(idx)] = static_cast<float>(v[c]);
      continue;
    }
    std::istringstream in(line);
    std::string cell;
    std::size_t cols = 0;
    while (std::getline(in, cell, '\t')) {
      if (cols == 0) {  // row label
        ++cols;
        continue;
      }
      char* end = nullptr;
      errno = 0;
      const double v = std::strtod(cell.c_str(), &end);
      if (cell.empty() || end != cell.c_str() + cell.size() || !std::isfinite(v))
        throw ParseError(source, line_no, "'" + cell + "' is not a finite number");
      w.push_back(v);
      ++cols;
    }
    if (cols != static_cast<std::size_t>(kFeatures) + 2)
      throw ParseError(source, line_no,
                       "expected a label and " + std::to_string(kFeatures + 1) + " weights, found " +
                           std::to_string(cols == 0 ? 0 : cols - 1) + " weights");
    ++rows;
  }
  if (rows != 3) throw ParseError(source, line_no, "expected 3 rows (negative, neutral, positive), found " + std::to_string(rows));
  TargetSentimentModel model(std::move(w));
  model.hashed_ = std::move(hashed);
  return model;
}

namespace {

// FNV-1a over a feature prefix and a word.
std::uint32_t feature_hash(std::string_view prefix, std::string_view word, std::string_view word2 = {}) {
  std::uint32_t h = 2166136261u;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 16777619u;
    }
  };
  mix(prefix);
  mix("|");
  mix(word);
  if (!word2.empty()) {
    mix(" ");
    mix(word2);
  }
  return h & static_cast<std::uint32_t>(TargetSentimentModel::kHashDim - 1);
}

const char* distance_bucket(bool left, std::size_t d) {
  if (left) return d == 1 ? "L1" : d <= 3 ? "L3" : d <= 6 ? "L6" : "Lf";
  return d == 1 ? "R1" : d <= 3 ? "R3" : d <= 6 ? "R6" : "Rf";
}

}  // namespace

std::vector<std::uint32_t> TargetSentimentModel::hashed_features(std::string_view text, const Segmentation& seg,
                                                                 std::uint32_t start, std::uint32_t end) {
  std::vector<std::uint32_t> out;
  if (start > end || end > text.size()) return out;
  // Tokens of the sentences the span touches (one pass over the sentence list).
  std::uint32_t tb = 0, te = 0;
  bool found = false;
  for (const Sentence& s : seg.sentences) {
    if (s.end > start && s.start < std::max(end, start + 1)) {
      if (!found) tb = s.token_begin;
      te = s.token_end;
      found = true;
    }
  }
  if (!found) return out;
  // Lower-cased token strings (words, numbers as "0", punctuation, quotes), one per token.
  std::vector<std::string> words;
  std::vector<char> clause_break;
  words.reserve(te - tb);
  std::size_t first = SIZE_MAX, last = 0;
  for (std::uint32_t t = tb; t < te; ++t) {
    const Token& tok = seg.tokens[t];
    const std::string_view tt = tok.text(text);
    std::string w;
    if (tok.kind == TokenKind::Number)
      w = "0";
    else if (tok.kind == TokenKind::Quote)
      w = "\"";
    else
      w = lower_ascii(tt);
    const std::size_t k = words.size();
    words.push_back(std::move(w));
    const bool inside = tok.end > start && tok.start < end;
    clause_break.push_back(((tok.kind == TokenKind::Punct || tok.has(token_flags::kDash)) && is_clause_punct(tt)) ? 1 : 0);
    if (inside) {
      first = std::min(first, k);
      last = k;
    }
  }
  const std::size_t n = words.size();
  std::size_t right_from = last + 1;
  if (first == SIZE_MAX) {  // empty span: before the first token starting at or after it
    first = 0;
    while (first < n && seg.tokens[tb + first].start < start) ++first;
    right_from = first;
  }
  // Clause of the span: nearest clause punctuation either side.
  std::size_t clo = 0, chi = n;
  for (std::size_t k = first; k-- > 0;)
    if (clause_break[k]) {
      clo = k + 1;
      break;
    }
  for (std::size_t k = right_from; k < n; ++k)
    if (clause_break[k]) {
      chi = k;
      break;
    }
  out.reserve(3 * n + 4);
  for (std::size_t k = 0; k < first; ++k) {
    out.push_back(feature_hash(distance_bucket(true, first - k), words[k]));
    if (k >= clo) out.push_back(feature_hash("C", words[k]));
  }
  for (std::size_t k = right_from; k < n; ++k) {
    out.push_back(feature_hash(distance_bucket(false, k - right_from + 1), words[k]));
    if (k < chi) out.push_back(feature_hash("C", words[k]));
  }
  out.push_back(feature_hash("L2", first >= 2 ? words[first - 2] : "<s>", first >= 1 ? words[first - 1] : "<s>"));
  out.push_back(feature_hash("R2", right_from < n ? words[right_from] : "</s>",
                             right_from + 1 < n ? words[right_from + 1] : "</s>"));
  out.push_back(feature_hash("B", "bias"));
  return out;
}

TargetSentiment TargetSentimentModel::analyze(const SentimentScorer& scorer, std::string_view text,
                                              const Segmentation& seg, std::uint32_t start, std::uint32_t end) const {
  const std::vector<double> dense = features(scorer, text, seg, start, end);
  if (hashed_.empty()) return predict(dense);
  return predict(dense, hashed_features(text, seg, start, end));
}

std::vector<double> TargetSentimentModel::features(const SentimentScorer& scorer, std::string_view text,
                                                   const Segmentation& seg, std::uint32_t start,
                                                   std::uint32_t end) const {
  if (start > end || end > text.size())
    throw InvalidInput("target span [" + std::to_string(start) + ", " + std::to_string(end) +
                       ") is outside the text of " + std::to_string(text.size()) + " bytes");
  std::vector<double> f(kFeatures, 0.0);
  // The sentences the span touches.
  std::uint32_t sb = 0, se = 0;
  bool found = false;
  for (std::uint32_t i = 0; i < seg.sentences.size(); ++i) {
    const Sentence& s = seg.sentences[i];
    if (s.end > start && s.start < std::max(end, start + 1)) {
      if (!found) sb = i;
      se = i + 1;
      found = true;
    }
  }
  if (!found) return f;
  const std::uint32_t tb = seg.sentences[sb].token_begin, te = seg.sentences[se - 1].token_end;
  const std::uint32_t s_start = seg.sentences[sb].start, s_end = seg.sentences[se - 1].end;

  const SentimentScores ss = scorer.score_tokens(text, seg, tb, te);
  // The compound of the valence sum as the model was fitted on it (before compound_keeping_label
  // moves a mild sentence out of the neutral band).
  const double compound = sentiment_detail::normalize_score(ss.valence_sum);
  f[0] = compound;
  f[1] = ss.pos;
  f[2] = ss.neg;
  f[21] = std::fabs(compound);
  const auto items = scorer.item_valences(text, seg, tb, te);
  const std::size_t n = items.size();
  // Item indices of the span: [ib, ie).
  std::size_t ib = n, ie = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (items[k].end > start && items[k].start < end) {
      ib = std::min(ib, k);
      ie = k + 1;
    }
  }
  if (ib == n) {  // span between items: place it before the first item after it
    ib = 0;
    while (ib < n && items[ib].start < end) ++ib;
    ie = ib;
  }
  // Clause boundaries from punctuation tokens.
  std::uint32_t clause_lo = s_start, clause_hi = s_end;
  bool has_quotes = false, in_open_quote = false, inside_quotes = false;
  for (std::uint32_t t = tb; t < te; ++t) {
    const Token& tok = seg.tokens[t];
    const std::string_view tt = tok.text(text);
    if (tok.kind == TokenKind::Quote) {
      has_quotes = true;
      if (tok.end <= start) in_open_quote = tok.quote_role == QuoteRole::Open ? true
                                             : tok.quote_role == QuoteRole::Close ? false
                                                                                  : !in_open_quote;
    }
    if ((tok.kind == TokenKind::Punct || tok.has(token_flags::kDash)) && is_clause_punct(tt)) {
      if (tok.end <= start) clause_lo = std::max(clause_lo, tok.end);
      if (tok.start >= end) clause_hi = std::min(clause_hi, tok.start);
    }
  }
  inside_quotes = in_open_quote;
  for (std::size_t k = 0; k < n; ++k) {
    const double v = items[k].valence;
    const double pv = v > 0 ? v : 0.0, nv = v < 0 ? -v : 0.0;
    if (k < ib) {
      const double wgt = 1.0 / (1.0 + (ib - k - 1) / 3.0);
      f[3] += pv * wgt;
      f[4] += nv * wgt;
      if (ib - k <= 3) {
        f[7] += pv;
        f[8] += nv;
      }
    } else if (k >= ie) {
      const double wgt = 1.0 / (1.0 + (k - ie) / 3.0);
      f[5] += pv * wgt;
      f[6] += nv * wgt;
      if (k - ie < 3) {
        f[7] += pv;
        f[8] += nv;
      }
    } else {
      f[9] += pv;
      f[10] += nv;
    }
    if ((k < ib || k >= ie) && items[k].start >= clause_lo && items[k].end <= clause_hi) {
      f[11] += pv;
      f[12] += nv;
    }
  }
  for (std::size_t d = 1; d <= 2; ++d) {
    if (ib >= d && f[24] == 0.0) f[24] = items[ib - d].valence;
    if (ie + d - 1 < n && f[25] == 0.0) f[25] = items[ie + d - 1].valence;
  }
  {
    const double cv = f[11] - f[12];
    f[26] = cv / std::sqrt(cv * cv + 15.0);
  }
  // Words around the span.
  std::uint32_t first_tok = te, last_tok = tb;
  for (std::uint32_t t = tb; t < te; ++t) {
    if (seg.tokens[t].end > start && seg.tokens[t].start < end) {
      first_tok = std::min(first_tok, t);
      last_tok = t;
    }
  }
  if (first_tok == te) first_tok = last_tok = tb;
  std::size_t words_after = 0;
  for (std::uint32_t t = last_tok + 1; t < te && words_after < 4; ++t) {
    const Token& tok = seg.tokens[t];
    if (tok.kind != TokenKind::Word) continue;
    ++words_after;
    const std::string w = lower_ascii(tok.text(text));
    if (is_speech_verb(w)) f[13] = 1.0;
    if (words_after == 1 && tok.has(token_flags::kClitic) && (w == "'s" || w == "\xE2\x80\x99s")) f[23] = 1.0;
    if (w == "but" || w == "however") f[20] = 1.0;
  }
  for (std::uint32_t t = last_tok + 1; t < te && f[20] == 0.0; ++t) {
    const std::string w = lower_ascii(seg.tokens[t].text(text));
    if (w == "but" || w == "however") f[20] = 1.0;
  }
  std::size_t words_before = 0;
  for (std::uint32_t t = first_tok; t > tb && words_before < 3;) {
    --t;
    const Token& tok = seg.tokens[t];
    if (tok.kind != TokenKind::Word) continue;
    ++words_before;
    const std::string w = lower_ascii(tok.text(text));
    if (w == "not" || w == "no" || w == "never" || w == "n't" || w == "without") f[19] = 1.0;
    if (words_before == 1) {
      // Object position: a verb-like word right before ("praised X", "attacks X").
      const bool verbish = (w.size() > 3 && (w.compare(w.size() - 2, 2, "ed") == 0 || w.back() == 's')) ||
                           w == "to" || w == "against";
      if (verbish) f[22] = 1.0;
    }
  }
  f[14] = inside_quotes ? 1.0 : 0.0;
  f[15] = has_quotes ? 1.0 : 0.0;
  const double span = std::max<double>(1.0, s_end - s_start);
  f[16] = std::min(1.0, std::max(0.0, (static_cast<double>(start) - s_start) / span));
  f[17] = first_tok <= tb + 1 ? 1.0 : 0.0;
  f[18] = std::log1p(static_cast<double>(n));
  f[27] = f[13] * f[0];
  f[28] = f[14] * f[0];
  return f;
}

TargetSentiment TargetSentimentModel::predict(const std::vector<double>& x) const { return predict(x, {}); }

TargetSentiment TargetSentimentModel::predict(const std::vector<double>& x,
                                              const std::vector<std::uint32_t>& hashed) const {
  TargetSentiment out;
  if (weights_.empty()) throw Error("no target sentiment weights are loaded");
  if (x.size() != static_cast<std::size_t>(kFeatures))
    throw InvalidInput("expected " + std::to_string(kFeatures) + " features, got " + std::to_string(x.size()));
  double z[3];
  for (int c = 0; c < 3; ++c) {
    const double* w = weights_.data() + c * (kFeatures + 1);
    double s = w[kFeatures];
    for (int j = 0; j < kFeatures; ++j) s += w[j] * x[static_cast<std::size_t>(j)];
    if (!hashed_.empty()) {
      const float* hw = hashed_.data() + static_cast<std::size_t>(c) * kHashDim;
      for (std::uint32_t h : hashed) {
        if (h >= static_cast<std::uint32_t>(kHashDim)) throw InvalidInput("hashed feature index out of range");
        s += hw[h];
      }
    }
    z[c] = s;
  }
  const double m = std::max({z[0], z[1], z[2]});
  double p[3], tot = 0.0;
  for (int c = 0; c < 3; ++c) tot += (p[c] = std::exp(z[c] - m));
  for (double& v : p) v /= tot;
  out.p_negative = p[0];
  out.p_neutral = p[1];
  out.p_positive = p[2];
  out.score = p[2] - p[0];
  const int best = static_cast<int>(std::max_element(p, p + 3) - p);
  out.label = best - 1;
  return out;
}

TargetSentimentModel TargetSentimentModel::fit(const std::vector<double>& X, const std::vector<int>& y, double l2,
                                               int iterations) {
  const int F = kFeatures, D = F + 1, C = 3;
  const auto n = static_cast<Eigen::Index>(y.size());
  if (n == 0 || X.size() != y.size() * static_cast<std::size_t>(F))
    throw InvalidInput("fit: X must hold len(y) * " + std::to_string(F) + " values");
  for (int c : y)
    if (c < 0 || c > 2) throw InvalidInput("fit: labels must be 0, 1 or 2");
  if (!(l2 > 0)) throw InvalidInput("fit: l2 must be positive");
  // Standardise the features (bias column last), fit, then fold the scaling back into the weights.
  Eigen::MatrixXd Z(n, D);
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(F), sd = Eigen::VectorXd::Ones(F);
  for (Eigen::Index i = 0; i < n; ++i)
    for (int j = 0; j < F; ++j) Z(i, j) = X[static_cast<std::size_t>(i * F + j)];
  for (int j = 0; j < F; ++j) {
    mean(j) = Z.col(j).mean();
    const double var = (Z.col(j).array() - mean(j)).square().mean();
    sd(j) = var > 1e-12 ? std::sqrt(var) : 1.0;
    Z.col(j) = (Z.col(j).array() - mean(j)) / sd(j);
  }
  Z.col(F).setOnes();
  Eigen::VectorXd W = Eigen::VectorXd::Zero(C * D);  // class-major
  Eigen::MatrixXd P(n, C);
  for (int it = 0; it < iterations; ++it) {
    for (Eigen::Index i = 0; i < n; ++i) {
      double z[3], m = -1e300, tot = 0.0;
      for (int c = 0; c < C; ++c) m = std::max(m, z[c] = Z.row(i).dot(W.segment(c * D, D)));
      for (int c = 0; c < C; ++c) tot += (z[c] = std::exp(z[c] - m));
      for (int c = 0; c < C; ++c) P(i, c) = z[c] / tot;
    }
    Eigen::VectorXd g(C * D);
    Eigen::MatrixXd H = Eigen::MatrixXd::Zero(C * D, C * D);
    for (int c = 0; c < C; ++c) {
      Eigen::VectorXd r = P.col(c);
      for (Eigen::Index i = 0; i < n; ++i) r(i) -= (y[static_cast<std::size_t>(i)] == c) ? 1.0 : 0.0;
      g.segment(c * D, D) = Z.transpose() * r;
      for (int d = c; d < C; ++d) {
        Eigen::VectorXd wts = P.col(c).cwiseProduct((c == d ? Eigen::VectorXd::Ones(n) : Eigen::VectorXd::Zero(n)) - P.col(d));
        Eigen::MatrixXd block = Z.transpose() * wts.asDiagonal() * Z;
        H.block(c * D, d * D, D, D) = block;
        if (d != c) H.block(d * D, c * D, D, D) = block.transpose();
      }
    }
    for (int c = 0; c < C; ++c) {
      for (int j = 0; j < D; ++j) {
        const double lam = j < F ? l2 : 1e-6;  // (almost) no penalty on the bias
        g(c * D + j) += lam * W(c * D + j);
        H(c * D + j, c * D + j) += lam;
      }
    }
    const Eigen::VectorXd step = H.ldlt().solve(g);
    W -= step;
    if (step.norm() < 1e-8) break;
  }
  std::vector<double> out(static_cast<std::size_t>(C * D));
  for (int c = 0; c < C; ++c) {
    double bias = W(c * D + F);
    for (int j = 0; j < F; ++j) {
      const double wj = W(c * D + j) / sd(j);
      out[static_cast<std::size_t>(c * D + j)] = wj;
      bias -= wj * mean(j);
    }
    out[static_cast<std::size_t>(c * D + F)] = bias;
  }
  return TargetSentimentModel(std::move(out));
}

}  // namespace presslens
