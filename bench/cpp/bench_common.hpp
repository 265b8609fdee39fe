// Shared by the C++ benchmarks: the texts of a --data file and the timing of passes over them.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace presslens_bench {

// One text per line, or VADER's ground-truth format (ID<TAB>MEAN<TAB>TEXT: the text after the
// second tab); empty lines are skipped. Exits with a message if the file cannot be read.
inline std::vector<std::string> load_texts(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::vector<std::string> texts;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t a = line.find('\t'), b = a == std::string::npos ? a : line.find('\t', a + 1);
    std::string text = b == std::string::npos ? line : line.substr(b + 1);
    if (!text.empty()) texts.push_back(std::move(text));
  }
  return texts;
}

struct Timing {
  double min_us = 0, median_us = 0, checksum = 0;  // checksum: what one pass returns
};

// Microseconds per text: `runs` timed passes over all texts (each repeated `reps` times).
template <class Pass>
inline Timing time_passes(std::size_t n, int runs, int reps, Pass&& pass) {
  Timing t;
  t.checksum = pass();  // warm-up (and the checksum that keeps the work from being optimised away)
  std::vector<double> us;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (int k = 0; k < reps; ++k) t.checksum += pass() * 0.0;
    const std::chrono::duration<double, std::micro> d = std::chrono::steady_clock::now() - start;
    us.push_back(d.count() / reps / static_cast<double>(n));
  }
  std::sort(us.begin(), us.end());
  t.min_us = us.front();
  t.median_us = us[us.size() / 2];
  return t;
}

}  // namespace presslens_bench
