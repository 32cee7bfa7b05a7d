#!/usr/bin/env bash
# Real threaded dispatch on a scaled clock vs simulate's prediction:
# bench/scaled.sh [STG-DIR] [--micros-per-minute N] [--graphs K]. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -q -B -Pbench test-compile exec:exec \
  -Dbench.main=dev.orchestrator.bench.ScaledRunCheck -Dbench.args="$*"
