#!/usr/bin/env bash
# The repository mode's end-to-end overhead: bench/repo-e2e.sh [TASKS] [M] [REPEATS] (defaults 20 4 3).
# Makes a Python repository of 200 tracked files and a plan of TASKS independent tasks, each
# claiming one new file, and runs it with simulated executors (--simulate-delay 0ms, --no-verify)
# REPEATS times into a plain output directory and REPEATS times with --repo, alternating; prints
# each command's wall time and the medians. Needs target/orchestrator.jar and git. Writes only
# under target/bench-repo-e2e. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
tasks="${1:-20}"; m="${2:-4}"; repeats="${3:-3}"
jar="$PWD/target/orchestrator.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work="$PWD/target/bench-repo-e2e"
rm -rf "$work" && mkdir -p "$work/repo/src/pkg" "$work/repo/tests"
for i in $(seq 200); do printf 'def f%d():\n    return %d\n' "$i" "$i" > "$work/repo/src/pkg/m$i.py"; done
git -C "$work/repo" init -q -b main
git -C "$work/repo" add -A
git -C "$work/repo" -c user.name=bench -c user.email=bench@localhost commit -qm "200 modules"
python3 - "$tasks" "$m" > "$work/plan.json" <<'PY'
import json, sys
n, m = int(sys.argv[1]), int(sys.argv[2])
tasks = [{"id": f"task_{i}", "name": f"Module {i}", "description": f"adds module {i}",
          "priority": 1, "estimated_effort": "low", "estimated_duration": "30min",
          "acceptance_criteria": ["works"], "files": [f"src/pkg/new_{i}.py"]} for i in range(1, n + 1)]
print(json.dumps({"requirements": "bench", "complexity": {"score": 30, "reasoning": "",
    "key_features_detected": [], "technical_components": []}, "num_tasks": n,
    "executor_budget": m, "execution_model": "task_queue", "tasks": tasks,
    "dependencies": {}, "execution_strategy": "", "notes": ""}))
PY
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}'; }
: > "$work/plain.times"; : > "$work/repo.times"
for r in $(seq "$repeats"); do
  /usr/bin/time -f "%e" -a -o "$work/plain.times" java -jar "$jar" run --plan "$work/plan.json" \
    -m "$m" --simulate-delay 0ms --no-verify -q -o "$work/plain-$r" >/dev/null
  /usr/bin/time -f "%e" -a -o "$work/repo.times" java -jar "$jar" run --plan "$work/plan.json" \
    -m "$m" --simulate-delay 0ms --no-verify -q --repo "$work/repo" -o "$work/repo-run-$r" >/dev/null
done
echo "$tasks tasks, M=$m, $repeats runs each; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "plain  : $(tr '\n' ' ' < "$work/plain.times")median $(median < "$work/plain.times") s"
echo "--repo : $(tr '\n' ' ' < "$work/repo.times")median $(median < "$work/repo.times") s"
