#!/usr/bin/env bash
# The whole command on issue 16's probe: bench/probe.sh [RUNS]
# A 4-task plan in three levels (one task, two beside each other, one last) made by a scripted
# `claude` stand-in through the Claude Code planner, run on 2 simulated executors whose tasks take
# 5 s each: the ideal is 3 x 5 = 15 s. Runs the main command through the launcher RUNS times
# (default 5) with the verify step and with --no-verify, and prints the minimum and median wall
# time and how far over 15 s they are. Needs target/orchestrator.jar. Writes only under
# target/bench-probe. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
work="$PWD/target/bench-probe"
[ -f target/orchestrator.jar ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/bin"
cat >"$work/bin/claude" <<'CLAUDE'
#!/usr/bin/env bash
# A scripted claude stand-in for planning: answers the complexity analysis and then the plan
# (4 tasks, three levels) in Claude Code's stream-json.
prompt="$(cat)"
echo '{"type":"system","subtype":"init","session_id":"plan","model":"claude-fake"}'
case "$prompt" in
  *"# Complexity analysis"*) echo '{"type": "result", "subtype": "success", "is_error": false, "num_turns": 1, "session_id": "plan", "total_cost_usd": 0.0, "result": "{\"score\": 35, \"reasoning\": \"an API and a UI over one data model\", \"key_features_detected\": [\"todo items\"], \"technical_components\": [\"REST API\", \"web UI\"], \"num_tasks\": 4}"}' ;;
  *) echo '{"type": "result", "subtype": "success", "is_error": false, "num_turns": 1, "session_id": "plan", "total_cost_usd": 0.0, "result": "{\"tasks\": [{\"id\": \"task_1\", \"name\": \"Data model\", \"description\": \"Build the data model\", \"priority\": 1, \"estimated_effort\": \"medium\", \"estimated_duration\": \"1hr\", \"acceptance_criteria\": [\"Data model works\"], \"files\": [\"src/models/**\"]}, {\"id\": \"task_2\", \"name\": \"REST API\", \"description\": \"Build the rest api\", \"priority\": 2, \"estimated_effort\": \"medium\", \"estimated_duration\": \"1hr\", \"acceptance_criteria\": [\"REST API works\"], \"files\": [\"src/api/**\"]}, {\"id\": \"task_3\", \"name\": \"Web UI\", \"description\": \"Build the web ui\", \"priority\": 3, \"estimated_effort\": \"medium\", \"estimated_duration\": \"1hr\", \"acceptance_criteria\": [\"Web UI works\"], \"files\": [\"src/ui/**\"]}, {\"id\": \"task_4\", \"name\": \"Documentation\", \"description\": \"Build the documentation\", \"priority\": 4, \"estimated_effort\": \"medium\", \"estimated_duration\": \"1hr\", \"acceptance_criteria\": [\"Documentation works\"], \"files\": [\"docs/**\"]}], \"dependencies\": {\"task_2\": [\"task_1\"], \"task_3\": [\"task_1\"], \"task_4\": [\"task_2\", \"task_3\"]}, \"execution_strategy\": \"model first\", \"notes\": \"\"}"}' ;;
esac
CLAUDE
chmod +x "$work/bin/claude"
todo="Build a todo list app with backend API and frontend UI"

stats() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
  printf "%6.2f %7.2f %+8.1f%% %+8.1f%%", v[1], m, (v[1]/15-1)*100, (m/15-1)*100}'; }

variants=(verify no-verify)
for i in $(seq "$runs"); do
  for variant in "${variants[@]}"; do
    extra=()
    [ "$variant" = no-verify ] && extra=(--no-verify)
    /usr/bin/time -f "%e" -a -o "$work/$variant.times" ./orchestrator "$todo" -m 2 \
      --planner claude-code --claude-binary "$work/bin/claude" --simulate-delay 5s \
      -o "$work/out-$variant-$i" ${extra[@]+"${extra[@]}"} >/dev/null 2>&1
  done
done

echo "whole command, $runs runs each; ideal 15 s; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-10s %6s %7s %9s %9s\n" "variant" "min" "median" "min-over" "med-over"
for variant in "${variants[@]}"; do
  printf "%-10s %s\n" "$variant" "$(stats <"$work/$variant.times")"
done
