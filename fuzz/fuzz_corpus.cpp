// Fuzz target: corpus statistics. The input is split at NUL bytes into documents; counting them
// at once equals counting two batches and concatenating; from_parts accepts the counts; the
// similarity is symmetric with values in [0, 1]; distinctive-term scores are finite.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_common.hpp"
#include "presslens/corpus.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const presslens::Analyzer analyzer(presslens::AnalyzerOptions{false, false, false});
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::shared_ptr<const presslens::Document>> docs;
  std::size_t from = 0;
  while (from <= input.size() && docs.size() < 16) {
    const std::size_t nul = input.find('\0', from);
    const std::string_view piece = input.substr(from, nul == std::string_view::npos ? input.npos : nul - from);
    if (presslens::fuzz::valid_utf8(piece)) docs.push_back(analyzer.analyze(std::string(piece)));
    if (nul == std::string_view::npos) break;
    from = nul + 1;
  }
  std::vector<const presslens::Document*> all;
  for (const auto& d : docs) all.push_back(d.get());
  const presslens::TermOptions options;
  const auto whole = presslens::TermCounts::count(all, options, 2);
  const std::size_t cut = all.size() / 2;
  const auto a = presslens::TermCounts::count({all.begin(), all.begin() + cut}, options);
  const auto b = presslens::TermCounts::count({all.begin() + cut, all.end()}, options);
  const auto joined = presslens::TermCounts::concat({&a, &b});
  FUZZ_CHECK(joined.terms() == whole.terms() && joined.row_start() == whole.row_start() &&
             joined.term_ids() == whole.term_ids() && joined.counts() == whole.counts());
  // from_parts checks its parts and throws on inconsistent ones: what count made must pass.
  (void)presslens::TermCounts::from_parts(whole.terms(), whole.row_start(), whole.term_ids(), whole.counts());
  const auto sim = presslens::cosine_similarity(whole, presslens::inverse_document_frequency(whole));
  for (std::size_t i = 0; i < sim.rows; ++i)
    for (std::size_t j = 0; j < sim.cols; ++j) {
      FUZZ_CHECK(presslens::fuzz::finite_in(sim(i, j), 0.0, 1.0));
      FUZZ_CHECK(std::fabs(sim(i, j) - sim(j, i)) < 1e-12);
    }
  if (whole.rows() >= 2) {
    for (const auto& row : presslens::distinctive_terms(whole, 50.0, 10, 1.0))
      for (const auto& t : row) FUZZ_CHECK(std::isfinite(t.z) && t.z > 0 && std::isfinite(t.log_odds));
  }
  return 0;
}
