// Lower bounds for any lexicon scorer of this design, on the same texts as sentiment_core_bench:
// the time to (1) find the words of each text (runs of ASCII letters and digits, sixteen bytes
// classified at once with SSE2) and hash their lower-case form, and (2) also look each word up in
// the VADER lexicon (the hash table and filter the scorer uses, lexicon keys only, so smaller
// than the scorer's) and sum the valences. No tokenizer rules, no sentences, no VADER rules: what
// the real scorer (the last row) costs on top of row 2 is the price of scoring correctly.
//
// Build:  cmake -S . -B build/bench -DPRESSLENS_BUILD_BENCH=ON && cmake --build build/bench
// Run:    build/bench/bench/cpp/sentiment_floor_bench \
//           --data ../shared/data/sentiment-dev/vader-icwsm2014/nytEditorialSnippets_GroundTruth.txt
// --data as for sentiment_core_bench. Prints a table and ends with one JSON line.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>
#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#define FLOOR_SSE2 1
#endif

#include "../../cpp/src/common/string_table.hpp"
#include "bench_common.hpp"
#include "presslens/sentiment.hpp"

namespace {

using presslens::detail::StringTable;
using presslens_bench::time_passes;
using presslens_bench::Timing;

bool is_alnum(unsigned char c) { return static_cast<unsigned>((c | 32) - 'a') < 26u || static_cast<unsigned>(c - '0') < 10u; }
char lower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

// Calls on_word(lower-cased word, its hash) for each run of ASCII letters and digits; the word's
// bytes are lower-cased into `buf`, which keeps eight bytes of slack (hash_padded reads them).
template <class OnWord>
void for_each_word(std::string_view text, std::vector<char>& buf, OnWord&& on_word) {
  const auto* u = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  if (buf.size() < n + 16) buf.resize(n + 16);
  char* low = buf.data();
  std::size_t i = 0;
  while (i < n) {
    if (!is_alnum(u[i])) {
      ++i;
      continue;
    }
    std::size_t len = 0;
#ifdef FLOOR_SSE2
    if (i + 16 <= n) {  // the word's end from one sixteen-byte load
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(u + i));
      auto in_range = [&](char lo, char hi) {
        const __m128i off = _mm_sub_epi8(x, _mm_set1_epi8(lo));
        return _mm_cmpeq_epi8(_mm_min_epu8(off, _mm_set1_epi8(static_cast<char>(hi - lo))), off);
      };
      const __m128i up = in_range('A', 'Z');
      const auto alnum = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(up, in_range('a', 'z')), in_range('0', '9'))));
      len = static_cast<std::size_t>(__builtin_ctz(~alnum | 0x10000u));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(low + i), _mm_or_si128(x, _mm_and_si128(up, _mm_set1_epi8(0x20))));
      if (len == 16) {
        while (i + len < n && is_alnum(u[i + len])) ++len;
        for (std::size_t k = 16; k < len; ++k) low[i + k] = lower(u[i + k]);
      }
    } else
#endif
    {
      while (i + len < n && is_alnum(u[i + len])) ++len;
      for (std::size_t k = 0; k < len; ++k) low[i + k] = lower(u[i + k]);
    }
    on_word(std::string_view(low + i, len), presslens::detail::hash_padded(low + i, len));
    i += len;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const presslens_bench::Args args = presslens_bench::parse_args(argc, argv);
  const std::vector<std::string>& texts = args.texts;
  const int runs = args.runs, reps = args.reps;
  StringTable<double> lexicon;  // lower-case keys, as the default mode folds them
  for (const auto& [word, valence] : presslens::Lexicon::vader().items()) {
    std::string key(word);
    for (char& c : key) c = lower(static_cast<unsigned char>(c));
    lexicon.put(key, valence);
  }
  std::vector<char> buf;
  auto words_only = [&] {
    double sum = 0;
    for (const auto& t : texts)
      for_each_word(t, buf, [&](std::string_view w, std::uint64_t h) { sum += static_cast<double>(h & 1u) + w.size(); });
    return sum;
  };
  auto lexicon_sum = [&] {
    double total = 0;
    for (const auto& t : texts) {
      double sum = 0;
      for_each_word(t, buf, [&](std::string_view w, std::uint64_t h) {
        if (const double* v = lexicon.find_padded(w, h)) sum += *v;
      });
      total += sum / std::sqrt(sum * sum + 15.0);
    }
    return total;
  };
  const presslens::SentimentScorer scorer;
  auto scorer_pass = [&] {
    double sum = 0;
    for (const auto& t : texts) sum += scorer.polarity_scores(t).compound;
    return sum;
  };
  struct Row {
    const char* name;
    const char* key;
    Timing t;
  };
  const Row rows[] = {
      {"words found and hashed", "words", time_passes(texts.size(), runs, reps, words_only)},
      {"+ lexicon look-up and sum", "lexicon_sum", time_passes(texts.size(), runs, reps, lexicon_sum)},
      {"SentimentScorer (default)", "scorer", time_passes(texts.size(), runs, reps, scorer_pass)},
  };
  std::printf("%zu texts, %d runs of %d passes\n\n%-28s %16s\n", texts.size(), runs, reps, "stage", "median us/text");
  for (const Row& r : rows) std::printf("%-28s %16.3f\n", r.name, r.t.median_us);
  std::printf("{\"bench\": \"sentiment_floor\", \"texts\": %zu, \"runs\": %d, \"reps\": %d", texts.size(), runs, reps);
  for (const Row& r : rows) std::printf(", \"%s_median_us\": %.4f", r.key, r.t.median_us);
  std::printf("}\n");
  return 0;
}
