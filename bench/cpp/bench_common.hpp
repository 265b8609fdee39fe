// Shared by the C++ benchmarks: the texts of a --data file and the timing of passes over them.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
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

// The command line every C++ bench takes: --data FILE [--runs 9] [--reps 5], and --only KEY where
// `only_help` names the keys (empty: the bench has no --only). Prints the usage and exits on a
// bad argument, a missing --data or a file with no texts.
struct Args {
  std::vector<std::string> texts;
  std::string data, only;
  int runs = 9, reps = 5;
};
inline Args parse_args(int argc, char** argv, std::string_view only_help = {}) {
  Args args;
  bool bad = false;
  for (int i = 1; i < argc && !bad; ++i) {
    const std::string_view a = argv[i];
    if (a == "--data" && i + 1 < argc) args.data = argv[++i];
    else if (a == "--runs" && i + 1 < argc) args.runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--reps" && i + 1 < argc) args.reps = std::max(1, std::atoi(argv[++i]));
    else if (a == "--only" && i + 1 < argc && !only_help.empty()) args.only = argv[++i];
    else bad = true;
  }
  if (bad || args.data.empty()) {
    std::fprintf(stderr, "usage: %s --data FILE [--runs 9] [--reps 5]%s%.*s%s\n", argv[0],
                 only_help.empty() ? "" : " [--only ", static_cast<int>(only_help.size()), only_help.data(),
                 only_help.empty() ? "" : "]");
    std::exit(2);
  }
  args.texts = load_texts(args.data);
  if (args.texts.empty()) {
    std::fprintf(stderr, "no texts in %s\n", args.data.c_str());
    std::exit(2);
  }
  return args;
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
