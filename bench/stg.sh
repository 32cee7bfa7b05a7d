#!/usr/bin/env bash
# Dispatch orders on the Standard Task Graph Set: bench/stg.sh [STG-DIR] [--budget MS] [--graphs K]
# STG-DIR defaults to ../shared/data/stg (relative to the repository). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -q -B -Pbench test-compile exec:exec \
  -Dbench.main=dev.orchestrator.bench.StgBenchmark -Dbench.args="$*"
