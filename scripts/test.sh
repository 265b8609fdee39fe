#!/usr/bin/env bash
# Installs presslens (see setup.sh), then runs the whole test suite: C++ (GoogleTest via ctest) and
# Python (pytest against the installed package, notebooks included).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
bash scripts/setup.sh

echo "test: C++ suite"
cmake -S . -B build/cpp -G Ninja -DCMAKE_BUILD_TYPE=Release -DPRESSLENS_BUILD_TESTS=ON \
  -Dpybind11_DIR="$("$PYTHON" -m pybind11 --cmakedir)" >/dev/null
cmake --build build/cpp -j "$(nproc 2>/dev/null || echo 2)"
ctest --test-dir build/cpp --output-on-failure -j 2

echo "test: Python suite"
"$PYTHON" -m pytest tests/python "$@"
