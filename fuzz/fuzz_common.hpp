// Shared pieces of the fuzz targets: the check macro (a failed invariant aborts, so libFuzzer
// keeps the input) and the UTF-8 test.
#pragma once
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "presslens/utf8.hpp"

#define FUZZ_CHECK(cond)                                                                    \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);    \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)

namespace presslens::fuzz {

inline bool valid_utf8(std::string_view s) { return find_invalid_utf8(s) == std::string_view::npos; }

inline bool finite_in(double x, double lo, double hi) { return std::isfinite(x) && x >= lo && x <= hi; }

}  // namespace presslens::fuzz
