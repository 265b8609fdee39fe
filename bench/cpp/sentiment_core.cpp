// The C++ sentiment scorer alone, without Python: time per text of SentimentScorer::polarity_scores
// in default mode (ASCII fast path, and with the tokenizer path forced), compat mode, and the
// batch overload. For profiling the core (perf, valgrind) on the same texts the Python bench uses.
//
// Build:  cmake -S . -B build/bench -DPRESSLENS_BUILD_BENCH=ON && cmake --build build/bench
// Run:    build/bench/bench/cpp/sentiment_core_bench \
//           --data ../shared/data/sentiment-dev/vader-icwsm2014/nytEditorialSnippets_GroundTruth.txt
// --data: a file with one text per line, or VADER's ground-truth format (ID<TAB>MEAN<TAB>TEXT; the
// text after the second tab is used). --only KEY times one mode (default, default_tokenizer_path,
// default_batch, compat): for a profiler run (perf record, valgrind --tool=callgrind) that sees
// that mode alone. Prints a table and ends with one JSON line. The checksum of a
// mode is the sum of the compound scores of all texts: equal across the three default-mode rows,
// and equal between runs unless a score changed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_common.hpp"
#include "presslens/sentiment.hpp"

using presslens_bench::time_passes;
using presslens_bench::Timing;

int main(int argc, char** argv) {
  const presslens_bench::Args args =
      presslens_bench::parse_args(argc, argv, "default|default_tokenizer_path|default_batch|compat");
  const std::vector<std::string>& texts = args.texts;
  const std::string& only = args.only;
  const int runs = args.runs, reps = args.reps;
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();

  presslens::SentimentOptions tokenizer_path, compat;
  tokenizer_path.fast_path = false;
  compat.vader_compat = true;
  const presslens::SentimentScorer fast_scorer, token_scorer(tokenizer_path), compat_scorer(compat);
  auto one_by_one = [&](const presslens::SentimentScorer& s) {
    return [&] {
      double sum = 0;
      for (const auto& t : texts) sum += s.polarity_scores(t).compound;
      return sum;
    };
  };
  std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<presslens::SentimentScores> out(texts.size());
  auto batch = [&] {
    fast_scorer.polarity_scores(views.data(), views.size(), out.data());
    double sum = 0;
    for (const auto& r : out) sum += r.compound;
    return sum;
  };

  struct Row {
    const char* name;
    const char* key;
    Timing t;
  };
  std::vector<Row> rows;
  auto add = [&](const char* name, const char* key, auto&& pass) {
    if (only.empty() || only == key) rows.push_back({name, key, time_passes(texts.size(), runs, reps, pass)});
  };
  add("default (fast path)", "default", one_by_one(fast_scorer));
  add("default, tokenizer path", "default_tokenizer_path", one_by_one(token_scorer));
  add("default, batch overload", "default_batch", batch);
  add("vader_compat", "compat", one_by_one(compat_scorer));
  if (rows.empty()) {
    std::fprintf(stderr, "--only %s: no such mode (default, default_tokenizer_path, default_batch, compat)\n",
                 only.c_str());
    return 2;
  }
  std::printf("%zu texts, %.1f bytes each on average, %d runs of %d passes\n\n", texts.size(),
              static_cast<double>(bytes) / static_cast<double>(texts.size()), runs, reps);
  std::printf("%-26s %12s %12s %20s\n", "mode", "min us/text", "median us/text", "checksum");
  for (const Row& r : rows)
    std::printf("%-26s %12.3f %12.3f %20.10f\n", r.name, r.t.min_us, r.t.median_us, r.t.checksum);
  std::printf("{\"bench\": \"sentiment_core\", \"texts\": %zu, \"bytes\": %zu, \"runs\": %d, \"reps\": %d", texts.size(),
              bytes, runs, reps);
  for (const Row& r : rows)
    std::printf(", \"%s_min_us\": %.4f, \"%s_median_us\": %.4f, \"%s_checksum\": %.10f", r.key, r.t.min_us, r.key,
                r.t.median_us, r.key, r.t.checksum);
  std::printf("}\n");
  return 0;
}
