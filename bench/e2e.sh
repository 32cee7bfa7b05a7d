#!/usr/bin/env bash
# A real run through the command line on a scaled clock against simulate's prediction:
# bench/e2e.sh [TASKS] [EXECUTORS] [SCALE] [REPEATS]   (defaults 200 8 10ms 3). See bench/README.md.
# Each simulated task sleeps its estimated duration, one estimated minute lasting SCALE; the
# measured makespan (execution_summary.json) is compared with simulate's for the same plan and M.
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${1:-200} executors=${2:-8} scale=${3:-10ms} repeats=${4:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f target/orchestrator.jar ] || mvn -q -B -DskipTests package
python3 - "$tasks" > "$work/plan.json" <<'PY'
import json, random, sys
n = int(sys.argv[1]); rnd = random.Random(7)
tasks, deps = [], {}
for i in range(1, n + 1):
    tasks.append({"id": f"task_{i}", "name": f"Component {i}", "description": f"builds component {i}",
                  "priority": 1 + rnd.randrange(5), "estimated_effort": "medium",
                  "estimated_duration": f"{30 * (1 + rnd.randrange(4))}min",
                  "acceptance_criteria": [f"component {i} works"],
                  "files": [f"src/c{i}/**", f"tests/c{i}/**"]})
    if i > 1:
        d = sorted({f"task_{1 + rnd.randrange(i - 1)}" for _ in range(3)})
        deps[f"task_{i}"] = d
print(json.dumps({"requirements": f"a random layered plan of {n} tasks",
  "complexity": {"score": 90, "reasoning": "generated", "key_features_detected": [],
                 "technical_components": []},
  "num_tasks": n, "executor_budget": 8, "execution_model": "task_queue", "tasks": tasks,
  "dependencies": deps, "execution_strategy": "", "notes": ""}))
PY
jar=target/orchestrator.jar
predicted_ms=$(java -jar $jar simulate --plan "$work/plan.json" -m "$executors" --json \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["forecasts"][0]["makespan_ms"])')
# estimated milliseconds -> seconds on the scaled clock (one minute = SCALE milliseconds)
predicted_s=$(python3 -c "print($predicted_ms / 60000 * float('${scale%ms}') / 1000)")
echo "plan: $tasks tasks, M=$executors, one estimated minute = $scale; predicted makespan ${predicted_s}s"
for r in $(seq 1 "$repeats"); do
  java -jar $jar run --plan "$work/plan.json" -m "$executors" -o "$work/run$r" \
    --simulate-scale "$scale" > /dev/null || true
  python3 - "$work/run$r/execution_summary.json" "$predicted_s" "$work/plan.json" <<'PY'
import datetime, json, statistics, sys
s = json.load(open(sys.argv[1])); p = float(sys.argv[2]); plan = json.load(open(sys.argv[3]))
m = s["makespan_seconds"]
# From the attempts' times: how long a task started after its last dependency ended (the
# smaller half: those that waited for a dependency, not for a free executor).
at = lambda x: datetime.datetime.fromisoformat(x.replace("Z", "+00:00")).timestamp()
start = {t["id"]: at(t["attempt_history"][-1]["started_at"]) for t in s["tasks"]}
end = {t["id"]: at(t["attempt_history"][-1]["finished_at"]) for t in s["tasks"]}
gaps = sorted(start[t] - max(end[d] for d in ds) for t, ds in plan["dependencies"].items() if ds)
gap = statistics.median(gaps[: max(1, len(gaps) // 2)]) * 1000
print(f"  measured {m:.3f}s  / predicted {p:.3f}s = {m / p:.4f}; dependency end -> start {gap:.2f} ms")
PY
done
