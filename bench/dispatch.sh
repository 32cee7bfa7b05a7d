#!/usr/bin/env bash
# Dispatch overhead per task (JMH): bench/dispatch.sh [JMH options, e.g. -p tasks=100000]
# See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -q -B -Pbench test-compile exec:exec \
  -Dbench.main=dev.orchestrator.bench.DispatchOverhead -Dbench.args="$*"
