// Corpus statistics over term counts: distinctive terms (log-odds ratios with an informative
// Dirichlet prior), inverse document frequency and cosine similarity (Eigen sparse products).
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <string>

#include "presslens/corpus.hpp"
#include "presslens/errors.hpp"

namespace presslens {

namespace {

using SparseRows = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t>;

// The counts as an Eigen matrix (a copy into Eigen's own storage: Map would need the index
// arrays in Eigen's index type, and the copy is small next to the products made from it).
SparseRows to_eigen(const TermCounts& t, const std::vector<double>& weights) {
  SparseRows m(static_cast<Eigen::Index>(t.rows()), static_cast<Eigen::Index>(t.size()));
  std::vector<Eigen::Triplet<double, std::int64_t>> entries;
  entries.reserve(t.counts().size());
  for (std::size_t r = 0; r < t.rows(); ++r) {
    for (std::int64_t k = t.row_start()[r]; k < t.row_start()[r + 1]; ++k) {
      const std::int32_t c = t.term_ids()[k];
      entries.emplace_back(static_cast<std::int64_t>(r), c, t.counts()[k] * (weights.empty() ? 1.0 : weights[c]));
    }
  }
  m.setFromTriplets(entries.begin(), entries.end());
  return m;
}

}  // namespace

std::vector<std::vector<DistinctiveTerm>> distinctive_terms(const TermCounts& rows, double prior, std::size_t top,
                                                            double min_count) {
  if (!(prior > 0.0)) throw InvalidInput("distinctive_terms: the prior must be > 0, not " + std::to_string(prior));
  if (rows.rows() < 2) {
    throw InvalidInput("distinctive_terms: needs at least two groups to compare, got " + std::to_string(rows.rows()));
  }
  const std::vector<double> total = rows.term_totals();
  const std::vector<double> row_total = rows.row_totals();
  double all = 0.0;
  for (const double x : row_total) all += x;
  std::vector<std::vector<DistinctiveTerm>> out(rows.rows());
  if (all <= 0.0) return out;
  // alpha_w = prior * (share of w in all rows); alpha_0 = sum of alpha_w = prior.
  const double a0 = prior;
  std::vector<double> in_row(rows.size(), 0.0);
  for (std::size_t r = 0; r < rows.rows(); ++r) {
    for (std::int64_t k = rows.row_start()[r]; k < rows.row_start()[r + 1]; ++k)
      in_row[rows.term_ids()[k]] = rows.counts()[k];
    const double n_in = row_total[r], n_rest = all - n_in;
    std::vector<DistinctiveTerm> ranked;
    for (std::size_t w = 0; w < rows.size(); ++w) {
      if (total[w] < min_count) continue;
      const double alpha = a0 * total[w] / all;
      const double y_in = in_row[w], y_rest = total[w] - y_in;
      // log odds of w in this row minus log odds in the rest, both smoothed by the prior.
      const double delta = std::log((y_in + alpha) / (n_in + a0 - y_in - alpha)) -
                           std::log((y_rest + alpha) / (n_rest + a0 - y_rest - alpha));
      const double variance = 1.0 / (y_in + alpha) + 1.0 / (y_rest + alpha);
      const double z = delta / std::sqrt(variance);
      if (z > 0.0) ranked.push_back({static_cast<std::int32_t>(w), y_in, y_rest, delta, z});
    }
    const std::size_t keep = std::min(top, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                      [](const DistinctiveTerm& a, const DistinctiveTerm& b) {
                        return a.z != b.z ? a.z > b.z : a.term < b.term;  // ties: by term, for a stable order
                      });
    ranked.resize(keep);
    out[r] = std::move(ranked);
    for (std::int64_t k = rows.row_start()[r]; k < rows.row_start()[r + 1]; ++k) in_row[rows.term_ids()[k]] = 0.0;
  }
  return out;
}

std::vector<double> inverse_document_frequency(const TermCounts& documents) {
  const std::vector<double> df = documents.document_frequency();
  const double n = static_cast<double>(documents.rows());
  std::vector<double> idf(df.size());
  for (std::size_t w = 0; w < df.size(); ++w) idf[w] = std::log((1.0 + n) / (1.0 + df[w])) + 1.0;
  return idf;
}

DenseMatrix cosine_similarity(const TermCounts& rows, const std::vector<double>& term_weights) {
  if (!term_weights.empty() && term_weights.size() != rows.size()) {
    throw InvalidInput("cosine_similarity: " + std::to_string(term_weights.size()) + " term weights for " +
                       std::to_string(rows.size()) + " terms");
  }
  SparseRows m = to_eigen(rows, term_weights);
  // Unit rows; an empty row stays zero (similarity 0 with everything).
  for (Eigen::Index r = 0; r < m.outerSize(); ++r) {
    double squares = 0.0;
    for (SparseRows::InnerIterator it(m, r); it; ++it) squares += it.value() * it.value();
    if (squares <= 0.0) continue;
    const double norm = std::sqrt(squares);
    for (SparseRows::InnerIterator it(m, r); it; ++it) it.valueRef() /= norm;
  }
  // The Gram matrix of the unit rows, term by term: every pair of rows (i <= j) that has the term
  // gets the product of their weights, into the dense result's upper triangle, mirrored below.
  // Faster than a sparse x sparse product here, whose result is nearly dense anyway.
  const Eigen::SparseMatrix<double, Eigen::ColMajor, std::int64_t> by_term(m);
  DenseMatrix out;
  const std::size_t n = rows.rows();
  out.rows = out.cols = n;
  out.values.assign(n * n, 0.0);
  const std::int64_t* starts = by_term.outerIndexPtr();
  const std::int64_t* row_of = by_term.innerIndexPtr();
  const double* weight = by_term.valuePtr();
  for (Eigen::Index t = 0; t < by_term.outerSize(); ++t) {
    for (std::int64_t a = starts[t]; a < starts[t + 1]; ++a) {
      double* row = out.values.data() + static_cast<std::size_t>(row_of[a]) * n;
      const double w = weight[a];
      for (std::int64_t b = a; b < starts[t + 1]; ++b) row[row_of[b]] += w * weight[b];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i; j < n; ++j) {
      const double v = std::min(1.0, out.values[i * n + j]);  // (rounding can put a row's product with itself a hair above 1)
      out.values[i * n + j] = out.values[j * n + i] = v;
    }
  }
  return out;
}

}  // namespace presslens
