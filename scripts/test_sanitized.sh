#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer: the C++ tests, then
# the Python tests against a sanitized build of the extension, installed in its own virtual
# environment (build/asan-venv) so the normal install is left alone. Slower than test.sh (a few
# minutes); not part of CI. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
bash scripts/setup.sh

echo "sanitized: C++ suite"
cmake -S . -B build/asan-cpp -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRESSLENS_BUILD_TESTS=ON \
  -DPRESSLENS_BUILD_PYTHON=OFF -DPRESSLENS_SANITIZE=ON >/dev/null
cmake --build build/asan-cpp -j "$(nproc 2>/dev/null || echo 2)"
ctest --test-dir build/asan-cpp --output-on-failure -j 2

echo "sanitized: Python suite"
VENV=build/asan-venv
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv --system-site-packages "$VENV"
"$VENV/bin/python" -m pip install --no-build-isolation --no-deps -q -Cbuild-dir=build/asan-wheel \
  -Ccmake.define.PRESSLENS_SANITIZE=ON -Ccmake.build-type=RelWithDebInfo .
# Python itself is not sanitized, so the runtimes are preloaded; leaks inside CPython are not ours.
PRELOAD="$(gcc -print-file-name=libasan.so):$(gcc -print-file-name=libubsan.so)"
LD_PRELOAD="$PRELOAD" ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$VENV/bin/python" -m pytest -p no:cacheprovider tests/python "$@"
