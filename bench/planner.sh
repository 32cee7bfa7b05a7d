#!/usr/bin/env bash
# How well heuristic plans use the executors (simulate's speed-up per requirement):
# bench/planner.sh. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -q -B -Pbench test-compile exec:exec \
  -Dbench.main=dev.orchestrator.bench.PlannerBenchmark -Dbench.args="$*"
