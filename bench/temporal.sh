#!/usr/bin/env bash
# A simulated plan run locally and on Temporal, side by side: bench/temporal.sh [TASKS] [M] [DELAY]
# Writes a seeded random layered plan of TASKS tasks (default 200; the same generator as
# bench/e2e.sh), runs it with M executors (default 6) and simulated tasks of DELAY (default 200ms)
# on the local engine, then on the Temporal engine against the SDK's test server on a port with
# three worker processes of `-m 2`, all on this machine. Prints each run's own "completed in" line
# and the peak number of attempts running at once, from the summary's attempt_history.
# Needs target/orchestrator.jar (mvn -B -DskipTests package) and python3. Writes only under
# target/bench-temporal. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${1:-200} executors=${2:-6} delay=${3:-200ms}
work="$PWD/target/bench-temporal"
[ -f target/orchestrator.jar ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work"
# The test server is a test dependency: its class path comes from Maven.
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
server_cp="$(cat "$work/cp.txt")"

awk '/<<.PY.$/{f++; next} /^PY$/{if (f == 1) exit} f == 1' bench/e2e.sh > "$work/plan.py"
python3 "$work/plan.py" "$tasks" > "$work/plan.json"

port=$((20000 + RANDOM % 20000))
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
java -cp "$server_cp" io.temporal.testserver.TestServer "$port" > "$work/server.log" 2>&1 &
pids+=($!)
orchestrator() { java -jar target/orchestrator.jar "$@"; }
for w in 1 2 3; do
  orchestrator worker --temporal "127.0.0.1:$port" --task-queue bench -m 2 \
    --simulate-delay "$delay" > "$work/worker-$w.log" 2>&1 &
  pids+=($!)
done

peak() { # RUN_DIR
  python3 - "$1/execution_summary.json" <<'PY'
import json, sys
from datetime import datetime
summary = json.load(open(sys.argv[1]))
at = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
edges = sorted((at(a[k]), d) for t in summary["tasks"] for a in t["attempt_history"]
               for k, d in (("started_at", 1), ("finished_at", -1)))
running = top = 0
for _, d in edges:
    running += d
    top = max(top, running)
print(f"  peak concurrency {top}, executor utilisation {summary['executor_utilisation']}")
PY
}

echo "plan: $tasks tasks, M=$executors, simulated tasks of $delay; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "local:"
orchestrator run --plan "$work/plan.json" -m "$executors" -o "$work/local" \
  --simulate-delay "$delay" --no-verify | grep "tasks completed" | sed 's/^/  /'
peak "$work/local"
echo "temporal, 3 workers x 2 attempts:"
# The server may still be starting: a first attempt that cannot reach it exits 2 at once.
for _ in 1 2 3 4 5; do
  if orchestrator run --plan "$work/plan.json" -m "$executors" -o "$work/temporal" --force \
    --engine temporal --temporal "127.0.0.1:$port" --task-queue bench --no-verify \
    > "$work/temporal.out" 2>&1; then break; fi
  sleep 2
done
grep "tasks completed" "$work/temporal.out" | sed 's/^/  /'
peak "$work/temporal"
