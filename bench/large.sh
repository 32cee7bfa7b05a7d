#!/usr/bin/env bash
# A large plan through the command line, end to end: bench/large.sh [TASKS] [EXECUTORS]
# (defaults 10000 8; JAR=path runs another build; LOG=file keeps the run's orchestrator.log).
# Writes the seeded random layered plan of bench/e2e.sh with TASKS tasks (each
# depending on up to three earlier ones) and times `run --simulate-delay 0ms --no-verify` on it.
# See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${1:-10000} executors=${2:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar=${JAR:-target/orchestrator.jar}
[ -f "$jar" ] || mvn -q -B -DskipTests package
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
echo "plan: $tasks tasks, M=$executors; load $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
/usr/bin/time -f "wall %es, user %Us, system %Ss, max RSS %M KB" \
  java ${ORCHESTRATOR_JAVA_OPTS:-} -jar "$jar" run --plan "$work/plan.json" \
  -m "$executors" -o "$work/out" --simulate-delay 0ms --no-verify -q > "$work/stdout" || status=$?
[ -z "${LOG:-}" ] || cp "$(find "$work/out" -name orchestrator.log | head -1)" "$LOG" || true
echo "exit $status; load after $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$status" -eq 0 ] || tail -5 "$work/stdout"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print("tasks completed:", sum(1 for t in s["tasks"] if t["status"]=="completed"), "of", len(s["tasks"]))' "$work/out/execution_summary.json" || true
