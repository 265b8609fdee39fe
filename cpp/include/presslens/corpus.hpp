// Stage 5: analysed documents -> corpus statistics. Term counts per document (a sparse documents x
// terms matrix), the words that set one group of documents (an outlet, an event) apart from the
// others, and how alike the groups are.
//
// Everything here is a value type: counts are built once and then only read, so they can be shared
// between threads. The matrices are plain vectors (compressed rows); Eigen does the arithmetic
// inside the core.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/document.hpp"

namespace presslens {

// Which word tokens count as terms.
struct TermOptions {
  bool stopwords = true;        // leave out English function words ("the", "of", "would"...)
  bool numbers = false;         // also count number tokens ("2019", "1,000")
  std::uint32_t min_chars = 2;  // shortest term, in code points
};

// Whether `term` (case-folded) is one of the English function words TermOptions::stopwords leaves out.
bool is_stopword(std::string_view term) noexcept;

// A row-major dense matrix of doubles.
struct DenseMatrix {
  std::size_t rows = 0, cols = 0;
  std::vector<double> values;  // rows * cols, row after row
  double operator()(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
};

// Term counts of a set of rows (documents, or groups of them) over one vocabulary, as a sparse
// matrix in compressed rows: the terms of row r are term_ids[row_start[r] .. row_start[r + 1]),
// in increasing order, with their counts in `counts` at the same places.
class TermCounts {
 public:
  TermCounts() : row_start_(1, 0) {}

  // Counts the word tokens of each document: every token of kind Word (and Number with
  // options.numbers) except clitics ("'s", "n't"), short terms and, with options.stopwords,
  // function words; a token's term is its append_folded_word form (utf8.hpp: "Trump’s" and
  // "TRUMP'S" are one term). Documents are read on up to `threads` threads; the result does not depend on
  // the number of threads. Terms are sorted by their UTF-8 bytes.
  static TermCounts count(const std::vector<const Document*>& documents, const TermOptions& options,
                          unsigned threads = 1);

  // The rows of `parts`, one after the other, over the union of their vocabularies (terms sorted
  // by their bytes, as count() makes them): counting documents in batches and concatenating the
  // batches gives what counting them all at once gives.
  static TermCounts concat(const std::vector<const TermCounts*>& parts);
  // Counts given as their parts (what terms(), row_start(), term_ids() and counts() return), e.g.
  // read back from a pickle. InvalidInput, naming the first problem, unless they are consistent:
  // terms strictly sorted, row_start from 0 up to the number of entries, each row's ids increasing
  // and below the number of terms, counts positive.
  static TermCounts from_parts(std::vector<std::string> terms, std::vector<std::int64_t> row_start,
                               std::vector<std::int32_t> term_ids, std::vector<double> counts);

  std::size_t rows() const noexcept { return row_start_.size() - 1; }
  std::size_t size() const noexcept { return terms_.size(); }  // the number of terms (columns)
  const std::vector<std::string>& terms() const noexcept { return terms_; }
  const std::vector<std::int64_t>& row_start() const noexcept { return row_start_; }
  const std::vector<std::int32_t>& term_ids() const noexcept { return term_ids_; }
  const std::vector<double>& counts() const noexcept { return counts_; }

  // The total count of each row (its number of counted words).
  std::vector<double> row_totals() const;
  // The total count of each term over all rows.
  std::vector<double> term_totals() const;
  // How many rows have each term.
  std::vector<double> document_frequency() const;
  // The rows summed by group: row r goes to group[r] (0 <= group[r] < groups), or nowhere when
  // group[r] < 0. InvalidInput if `group` has not one entry per row or names a group out of range.
  TermCounts sum_rows(const std::vector<std::int32_t>& group, std::size_t groups) const;

 private:
  std::vector<std::string> terms_;
  std::vector<std::int64_t> row_start_;
  std::vector<std::int32_t> term_ids_;
  std::vector<double> counts_;
};

// One term that sets a row apart from the others (distinctive_terms).
struct DistinctiveTerm {
  std::int32_t term = 0;   // column in the TermCounts
  double count = 0;        // its count in the row
  double rest_count = 0;   // its count in all other rows together
  double log_odds = 0;     // log-odds ratio, row against the rest, with the prior
  double z = 0;            // log_odds / its estimated standard deviation
};

// For every row (a group of documents), the `top` terms most over-represented in it against all
// other rows together: the log-odds ratio with an informative Dirichlet prior of Monroe,
// Colaresi and Quinn (2008, "Fightin' Words"), ranked by z-score. The prior spreads `prior`
// pseudo-counts over the terms in proportion to their frequency in all rows, which keeps rare
// terms from topping the list on a count of one or two. Only terms with at least `min_count`
// occurrences over all rows are ranked; only terms with z > 0 are returned. InvalidInput for
// prior <= 0 or fewer than two rows.
std::vector<std::vector<DistinctiveTerm>> distinctive_terms(const TermCounts& rows, double prior = 500.0,
                                                            std::size_t top = 20, double min_count = 5.0);

// Inverse document frequency of each term over the rows of `documents`, smoothed:
// idf = ln((1 + n) / (1 + df)) + 1, so a term in every document still weighs 1.
std::vector<double> inverse_document_frequency(const TermCounts& documents);

// Cosine similarity between all pairs of rows of `rows`, each term count multiplied by its weight
// (`term_weights`: one per term, e.g. inverse_document_frequency; empty: raw counts). A row with
// no counted term has similarity 0 with every row, itself included. InvalidInput if the weights
// do not match the terms.
DenseMatrix cosine_similarity(const TermCounts& rows, const std::vector<double>& term_weights = {});

}  // namespace presslens
