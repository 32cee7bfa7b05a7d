#!/usr/bin/env bash
# Sandbox overhead: bench/sandbox.sh [RUNS] [REPEATS]
# 1. start-up of `true` RUNS times (default 50) unconfined and under bwrap with the options a task
#    gets (root read-only, fresh /dev /proc /tmp, the workspace writable, ~/.ssh hidden when it
#    exists, new PID namespace, --die-with-parent): min and median wall time, and CPU time (user +
#    system) per start, in ms;
# 2. a 20-task run of a command agent (each task writes one file; -m 4, --no-verify) with
#    --sandbox off and --sandbox bwrap, alternating, REPEATS times each (default 3): the run's
#    wall time from its summary, and the whole command's. Needs bwrap and target/orchestrator.jar
#    (mvn -B -DskipTests package). Writes only under target/bench-sandbox. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
repeats="${2:-3}"
jar="$PWD/target/orchestrator.jar"
work="$PWD/target/bench-sandbox"
bwrap="$(command -v bwrap)" || { echo "no bwrap on PATH; install bubblewrap" >&2; exit 2; }
[ -f "$jar" ] || { echo "no $jar; build it first: mvn -B -DskipTests package" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/ws"
echo "load: $(uptime)"

# min and median (ms) of the microsecond figures on standard input
stats() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "min %.1f ms, median %.1f ms\n", v[1]/1000, m/1000}'; }
starts() {
  local i t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); "$@"; t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000))
  done
}
# CPU time (user + system, ms) per start, summed over RUNS starts: less load-dependent than wall time
cpu() {
  local t
  t=$({ TIMEFORMAT='%U %S'; time (for ((i = 0; i < runs; i++)); do "$@"; done); } 2>&1)
  awk -v t="$t" -v n="$runs" 'BEGIN {split(t, a, " "); printf "CPU %.1f ms per start\n", (a[1] + a[2]) * 1000 / n}'
}
hide=()
[ -d "$HOME/.ssh" ] && hide=(--tmpfs "$HOME/.ssh" --remount-ro "$HOME/.ssh")
confined=("$bwrap" --ro-bind / / --dev /dev --proc /proc --tmpfs /tmp --bind "$work/ws" "$work/ws"
  "${hide[@]}" --unshare-pid --die-with-parent --chdir "$work/ws" -- /bin/true)
echo "true, unconfined ($runs runs): $(starts /bin/true | stats), $(cpu /bin/true)"
echo "true, bwrap ($runs runs):      $(starts "${confined[@]}" | stats), $(cpu "${confined[@]}")"

# A plan of 20 independent tasks, each owning its own file.
java -jar "$jar" plan "Build a todo list app with backend API and frontend UI" -o "$work/plan" >/dev/null
python3 - "$work/plan/execution_plan.json" "$work/plan20.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
first = plan["tasks"][0]
tasks = []
for i in range(1, 21):
    t = dict(first, id=f"task_{i}", name=f"Part {i}", files=[f"part_{i}.py"])
    tasks.append(t)
plan["tasks"] = tasks
plan["num_tasks"] = 20
plan["dependencies"] = {t["id"]: [] for t in tasks}
plan.pop("forecast", None)
json.dump(plan, open(sys.argv[2], "w"), indent=2)
PY
cat > "$work/agent" <<'SH'
#!/bin/sh
echo "print('$1')" > "part_${1#task_}.py"
SH
chmod +x "$work/agent"
for ((r = 1; r <= repeats; r++)); do
  for mode in off bwrap; do
    out="$work/run-$mode-$r"
    t0=$(date +%s%N)
    java -jar "$jar" run --plan "$work/plan20.json" -m 4 --executor command \
      --agent-command "$work/agent {task_id}" --no-verify --sandbox "$mode" -o "$out" >/dev/null
    t1=$(date +%s%N)
    python3 - "$out/execution_summary.json" "$mode" "$(((t1 - t0) / 1000000))" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
boxes = sorted({t["details"].get("sandbox") for t in s["tasks"]})
print(f"20 tasks, --sandbox {sys.argv[2]:5}: {s['completed']}/{s['total_tasks']} completed,"
      f" run wall time {s['wall_time_seconds']:.2f} s, command {int(sys.argv[3]) / 1000:.2f} s,"
      f" details.sandbox {boxes}")
PY
  done
done
echo "load: $(uptime)"
