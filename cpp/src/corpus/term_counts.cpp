// Term counts of analysed documents: the word tokens the segmenter already found, case-folded and
// filtered, into one sparse documents x terms matrix.
#include <algorithm>
#include <numeric>
#include <string>
#include <utility>

#include "../common/string_table.hpp"
#include "presslens/corpus.hpp"
#include "presslens/errors.hpp"
#include "presslens/parallel.hpp"
#include "presslens/utf8.hpp"
#include "stopwords.hpp"

namespace presslens {

namespace {

// The distinct terms of one document with their counts, in order of first occurrence. Each
// distinct term's text is in `text` once (offsets into it, not views: moving a short std::string
// moves its bytes), so a document costs a few allocations, not one per token.
struct DocumentTerms {
  struct Count {
    std::uint32_t at, len;
    double n;
  };
  std::string text;
  std::vector<Count> counts;
  std::string_view term(const Count& c) const { return std::string_view(text).substr(c.at, c.len); }
};

DocumentTerms terms_of_document(const Document& doc, const TermOptions& o) {
  DocumentTerms out;
  const std::string_view text = doc.text;
  const auto& tokens = doc.segmentation.tokens;
  // Open addressing over the distinct terms (index into out.counts + 1; 0 = empty), at most half
  // full. A term is appended to out.text, looked up, and its bytes dropped again if it was there.
  std::size_t slots = 16;
  while (slots < 2 * tokens.size()) slots *= 2;
  std::vector<std::uint32_t> slot(slots, 0);
  std::vector<std::uint64_t> hash_of;  // per distinct term
  for (const Token& t : tokens) {
    const bool counted = t.kind == TokenKind::Word || (o.numbers && t.kind == TokenKind::Number);
    if (!counted || t.has(token_flags::kClitic)) continue;
    const std::size_t at = out.text.size();
    append_folded_word(t.text(text), out.text);
    const std::string_view term = std::string_view(out.text).substr(at);
    const std::size_t chars = count_codepoints(term);
    const std::uint64_t h = detail::hash_bytes(term);
    if (chars < o.min_chars || (o.stopwords && corpus_detail::is_stopword(term, h))) {
      out.text.resize(at);
      continue;
    }
    std::size_t i = h & (slots - 1);
    for (; slot[i]; i = (i + 1) & (slots - 1)) {
      const DocumentTerms::Count& c = out.counts[slot[i] - 1];
      if (hash_of[slot[i] - 1] == h && out.term(c) == term) break;
    }
    if (slot[i]) {
      out.counts[slot[i] - 1].n += 1.0;
      out.text.resize(at);
    } else {
      out.counts.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(term.size()), 1.0});
      hash_of.push_back(h);
      slot[i] = static_cast<std::uint32_t>(out.counts.size());
    }
  }
  return out;
}

}  // namespace

TermCounts TermCounts::count(const std::vector<const Document*>& documents, const TermOptions& options,
                             unsigned threads) {
  for (std::size_t d = 0; d < documents.size(); ++d) {
    if (!documents[d]) throw InvalidInput("document " + std::to_string(d) + " is null");
  }
  // Tokens to terms on all threads, one document at a time; then one pass in document order
  // gives the vocabulary, so the result is the same for any number of threads.
  std::vector<DocumentTerms> per_doc(documents.size());
  parallel_for(documents.size(), threads, [&](std::size_t d) { per_doc[d] = terms_of_document(*documents[d], options); });

  detail::StringTable<std::int32_t> id_of;
  std::vector<std::string_view> first_seen;
  std::vector<std::vector<std::int32_t>> ids(per_doc.size());  // the vocabulary id of each document term
  for (std::size_t d = 0; d < per_doc.size(); ++d) {
    ids[d].reserve(per_doc[d].counts.size());
    for (const auto& c : per_doc[d].counts) {
      const std::string_view term = per_doc[d].term(c);
      const auto [id, added] = id_of.try_put(term, static_cast<std::int32_t>(first_seen.size()));
      if (added) first_seen.push_back(term);
      ids[d].push_back(*id);
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
  std::vector<std::pair<std::int32_t, double>> row;
  for (std::size_t d = 0; d < per_doc.size(); ++d) {
    row.clear();
    for (std::size_t k = 0; k < ids[d].size(); ++k) row.emplace_back(column[ids[d][k]], per_doc[d].counts[k].n);
    std::sort(row.begin(), row.end());
    for (const auto& [c, n] : row) {
      out.term_ids_.push_back(c);
      out.counts_.push_back(n);
    }
    out.row_start_.push_back(static_cast<std::int64_t>(out.term_ids_.size()));
  }
  return out;
}

TermCounts TermCounts::concat(const std::vector<const TermCounts*>& parts) {
  for (std::size_t p = 0; p < parts.size(); ++p) {
    if (!parts[p]) throw InvalidInput("concat: part " + std::to_string(p) + " is null");
  }
  // The union of the sorted vocabularies, a k-way merge of sorted lists through a heap of the
  // parts' next terms (O(entries log parts), so merging hundreds of partitions stays cheap):
  // each part's column -> the union's column.
  TermCounts out;
  std::vector<std::vector<std::int32_t>> column(parts.size());
  std::vector<std::size_t> next(parts.size(), 0);
  for (std::size_t p = 0; p < parts.size(); ++p) column[p].resize(parts[p]->size());
  auto head = [&](std::size_t p) -> const std::string& { return parts[p]->terms_[next[p]]; };
  // A min-heap of part indices by their next term (ties by part, so the order is deterministic).
  auto later = [&](std::size_t a, std::size_t b) {
    const int c = head(a).compare(head(b));
    return c > 0 || (c == 0 && b < a);
  };
  std::vector<std::size_t> heap;
  for (std::size_t p = 0; p < parts.size(); ++p)
    if (parts[p]->size() > 0) heap.push_back(p);
  std::make_heap(heap.begin(), heap.end(), later);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    const std::size_t p = heap.back();
    heap.pop_back();
    if (out.terms_.empty() || out.terms_.back() != head(p)) out.terms_.push_back(head(p));
    column[p][next[p]++] = static_cast<std::int32_t>(out.terms_.size() - 1);
    if (next[p] < parts[p]->size()) {
      heap.push_back(p);
      std::push_heap(heap.begin(), heap.end(), later);
    }
  }
  // Rows in order, their columns renumbered (the order within a row stays increasing: the
  // mapping is monotonic).
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const TermCounts& t = *parts[p];
    for (std::size_t k = 0; k < t.term_ids_.size(); ++k) {
      out.term_ids_.push_back(column[p][t.term_ids_[k]]);
      out.counts_.push_back(t.counts_[k]);
    }
    const std::int64_t base = out.row_start_.back();
    for (std::size_t r = 1; r < t.row_start_.size(); ++r) out.row_start_.push_back(base + t.row_start_[r]);
  }
  return out;
}

TermCounts TermCounts::from_parts(std::vector<std::string> terms, std::vector<std::int64_t> row_start,
                                  std::vector<std::int32_t> term_ids, std::vector<double> counts) {
  auto bad = [](const std::string& what) { throw InvalidInput("TermCounts: " + what); };
  for (std::size_t t = 1; t < terms.size(); ++t) {
    if (!(terms[t - 1] < terms[t])) bad("terms are not strictly sorted at term " + std::to_string(t));
  }
  if (row_start.empty() || row_start.front() != 0) bad("row_start must start at 0");
  if (term_ids.size() != counts.size()) bad("term_ids and counts differ in length");
  if (row_start.back() != static_cast<std::int64_t>(term_ids.size())) bad("row_start must end at the number of entries");
  for (std::size_t r = 0; r + 1 < row_start.size(); ++r) {
    if (row_start[r] > row_start[r + 1]) bad("row_start decreases at row " + std::to_string(r));
    for (std::int64_t k = row_start[r]; k < row_start[r + 1]; ++k) {
      if (term_ids[k] < 0 || static_cast<std::size_t>(term_ids[k]) >= terms.size())
        bad("row " + std::to_string(r) + " names term " + std::to_string(term_ids[k]) + " of " + std::to_string(terms.size()));
      if (k > row_start[r] && term_ids[k - 1] >= term_ids[k]) bad("row " + std::to_string(r) + " is not in term order");
      if (!(counts[k] > 0)) bad("row " + std::to_string(r) + " has a count that is not positive");
    }
  }
  TermCounts out;
  out.terms_ = std::move(terms);
  out.row_start_ = std::move(row_start);
  out.term_ids_ = std::move(term_ids);
  out.counts_ = std::move(counts);
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
  for (const std::int32_t t : term_ids_) out[t] += 1.0;  // (a stored count is never 0: from_parts checks)
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
