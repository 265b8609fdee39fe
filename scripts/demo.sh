#!/usr/bin/env bash
# Installs presslens (see setup.sh) and runs the analysis on the bundled sample articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cd /tmp && "${PYTHON:-python3}" -m presslens demo
