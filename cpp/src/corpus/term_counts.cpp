// Term counts of analysed documents: the word tokens the segmenter already found, case-folded and
// filtered, into one sparse documents x terms matrix.
#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>

#include "presslens/corpus.hpp"
#include "presslens/errors.hpp"
#include "presslens/parallel.hpp"
#include "presslens/utf8.hpp"

namespace presslens {

namespace {

std::size_t codepoints(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The (term, count) pairs of one document, sorted by term.
using DocumentTerms = std::vector<std::pair<std::string, double>>;

DocumentTerms terms_of_document(const Document& doc, const TermOptions& o) {
  std::unordered_map<std::string, double> counts;
  const std::string_view text = doc.text;
  for (const Token& t : doc.segmentation.tokens) {
    const bool counted = t.kind == TokenKind::Word || (o.numbers && t.kind == TokenKind::Number);
    if (!counted || t.has(token_flags::kClitic)) continue;
    std::string term = term_of(t.text(text));
    if (codepoints(term) < o.min_chars || (o.stopwords && is_stopword(term))) continue;
    counts[std::move(term)] += 1.0;
  }
  DocumentTerms out(std::make_move_iterator(counts.begin()), std::make_move_iterator(counts.end()));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string term_of(std::string_view token_text) {
  std::string folded = fold_case(token_text);
  // ’ (U+2019, E2 80 99) -> ': the two apostrophes of news text count as one.
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (i + 2 < folded.size() && static_cast<unsigned char>(folded[i]) == 0xE2 &&
        static_cast<unsigned char>(folded[i + 1]) == 0x80 && static_cast<unsigned char>(folded[i + 2]) == 0x99) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(folded[i]);
    }
  }
  return out;
}

TermCounts TermCounts::count(const std::vector<const Document*>& documents, const TermOptions& options,
                             unsigned threads) {
  for (std::size_t d = 0; d < documents.size(); ++d) {
    if (!documents[d]) throw InvalidInput("document " + std::to_string(d) + " is null");
  }
  // Tokens to terms on all threads, one document at a time; then one pass in document order
  // gives the vocabulary, so the result is the same for any number of threads.
  std::vector<DocumentTerms> per_doc(documents.size());
  parallel_for(documents.size(), threads, [&](std::size_t d) { per_doc[d] = terms_of_document(*documents[d], options); });

  std::unordered_map<std::string_view, std::int32_t> id_of;
  std::vector<std::string_view> first_seen;
  for (const auto& doc_terms : per_doc) {
    for (const auto& [term, n] : doc_terms) {
      if (id_of.emplace(term, static_cast<std::int32_t>(first_seen.size())).second) first_seen.push_back(term);
    }
  }
  // Columns in byte order of the terms: the same vocabulary always has the same column numbers.
  std::vector<std::int32_t> order(first_seen.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) { return first_seen[a] < first_seen[b]; });
  std::vector<std::int32_t> column(first_seen.size());
  TermCounts out;
  out.terms_.reserve(order.size());
  for (std::size_t c = 0; c < order.size(); ++c) {
    column[order[c]] = static_cast<std::int32_t>(c);
    out.terms_.emplace_back(first_seen[order[c]]);
  }
  out.row_start_.reserve(per_doc.size() + 1);
  for (const auto& doc_terms : per_doc) {
    // Sorted by term text, hence by column: the row is in column order as it is.
    for (const auto& [term, n] : doc_terms) {
      out.term_ids_.push_back(column[id_of.find(term)->second]);
      out.counts_.push_back(n);
    }
    out.row_start_.push_back(static_cast<std::int64_t>(out.term_ids_.size()));
  }
  return out;
}

std::vector<double> TermCounts::row_totals() const {
  std::vector<double> out(rows(), 0.0);
  for (std::size_t r = 0; r < rows(); ++r) {
    for (std::int64_t k = row_start_[r]; k < row_start_[r + 1]; ++k) out[r] += counts_[k];
  }
  return out;
}

std::vector<double> TermCounts::term_totals() const {
  std::vector<double> out(size(), 0.0);
  for (std::size_t k = 0; k < term_ids_.size(); ++k) out[term_ids_[k]] += counts_[k];
  return out;
}

std::vector<double> TermCounts::document_frequency() const {
  std::vector<double> out(size(), 0.0);
  for (std::size_t k = 0; k < term_ids_.size(); ++k) out[term_ids_[k]] += counts_[k] > 0 ? 1.0 : 0.0;
  return out;
}

TermCounts TermCounts::sum_rows(const std::vector<std::int32_t>& group, std::size_t groups) const {
  if (group.size() != rows()) {
    throw InvalidInput("sum_rows: " + std::to_string(group.size()) + " group numbers for " + std::to_string(rows()) +
                       " rows");
  }
  std::vector<std::vector<std::size_t>> members(groups);
  for (std::size_t r = 0; r < rows(); ++r) {
    const std::int32_t g = group[r];
    if (g < 0) continue;
    if (static_cast<std::size_t>(g) >= groups) {
      throw InvalidInput("sum_rows: row " + std::to_string(r) + " names group " + std::to_string(g) + " of " +
                         std::to_string(groups));
    }
    members[g].push_back(r);
  }
  // One group at a time into one dense row (reset where it was touched): memory for the terms
  // once, however many groups there are.
  std::vector<double> sum(size(), 0.0);
  std::vector<std::int32_t> touched;
  TermCounts out;
  out.terms_ = terms_;
  out.row_start_.reserve(groups + 1);
  for (const auto& rows_of_group : members) {
    touched.clear();
    for (const std::size_t r : rows_of_group) {
      for (std::int64_t k = row_start_[r]; k < row_start_[r + 1]; ++k) {
        if (sum[term_ids_[k]] == 0.0) touched.push_back(term_ids_[k]);
        sum[term_ids_[k]] += counts_[k];
      }
    }
    std::sort(touched.begin(), touched.end());
    for (const std::int32_t c : touched) {
      out.term_ids_.push_back(c);
      out.counts_.push_back(sum[c]);
      sum[c] = 0.0;
    }
    out.row_start_.push_back(static_cast<std::int64_t>(out.term_ids_.size()));
  }
  return out;
}

}  // namespace presslens
