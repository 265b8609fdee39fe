#!/usr/bin/env bash
# Fuzzes the C++ core with libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer. Each
# target in fuzz/ (analyze, sentiment, corpus, lexicon; FUZZ_TARGETS picks some) runs for the
# given number of seconds (default 60), starting from its seeds in tests/data/fuzz/<target> and a
# working corpus kept in build/fuzz-corpus/<target>. A failing input is saved as
# build/fuzz-crashes/<target>-crash-*; replay it with build/cpp/fuzz/replay_<target> FILE (built by
# test.sh, any compiler) and copy it into tests/data/fuzz/<target> once fixed, where ctest replays
# it from then on. Installs clang from Debian if missing. Not part of CI.
#   bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
TARGETS=${FUZZ_TARGETS:-"analyze sentiment corpus lexicon"}
PRESSLENS_SYSTEM_PACKAGES="clang" PRESSLENS_TOOLS_ONLY=1 bash scripts/setup.sh

# (PRESSLENS_BUILD_FUZZERS builds everything with ASan/UBSan; here UBSan findings also stop the run.)
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined" -DPRESSLENS_BUILD_FUZZERS=ON >/dev/null
cmake --build build/fuzz -j "$(nproc 2>/dev/null || echo 2)"

mkdir -p build/fuzz-crashes
failed=()
for t in $TARGETS; do
  mkdir -p "build/fuzz-corpus/$t"
  echo "fuzz: $t for ${SECONDS_EACH}s"
  if ! UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=0 \
      "build/fuzz/fuzz/fuzz_$t" "build/fuzz-corpus/$t" "tests/data/fuzz/$t" -max_total_time="$SECONDS_EACH" \
      -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build/fuzz-crashes/$t-" 2> "build/fuzz-crashes/$t.log"; then
    failed+=("$t")
    tail -30 "build/fuzz-crashes/$t.log"
  else
    grep -E "stat::number_of_executed_units|cov:" "build/fuzz-crashes/$t.log" | tail -2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in build/fuzz-crashes)"
  exit 1
fi
echo "fuzz: no failure in $TARGETS"
