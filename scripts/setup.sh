#!/usr/bin/env bash
# Installs what presslens needs on a Debian-like machine, then the package itself with its extras.
#   bash scripts/setup.sh            # system packages (if missing) + pip install ".[test,pandas,progress]"
#   PRESSLENS_EXTRAS=test,bench bash scripts/setup.sh
#   PRESSLENS_SYSTEM_PACKAGES="clang" PRESSLENS_TOOLS_ONLY=1 bash scripts/setup.sh   # (fuzz.sh) no package install
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
EXTRAS=${PRESSLENS_EXTRAS:-test,pandas,progress}

# System libraries: ICU and Eigen for the core, GoogleTest for the C++ tests, a C++ compiler.
need=()
for pkg in g++ libicu-dev libeigen3-dev libgtest-dev libgmock-dev pkg-config ${PRESSLENS_SYSTEM_PACKAGES:-}; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${need[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Build tools for the C++ tests (the wheel build gets its own in pip's isolated environment).
"$PYTHON" -m pip install -q --disable-pip-version-check "cmake>=3.18" ninja "pybind11>=2.12" "scikit-build-core>=0.10"

if [ -n "${PRESSLENS_TOOLS_ONLY:-}" ]; then exit 0; fi

echo "setup: building and installing presslens[$EXTRAS] (C++ core + Python package)"
"$PYTHON" -m pip install -q --disable-pip-version-check --no-build-isolation ".[${EXTRAS}]"
