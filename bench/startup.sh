#!/usr/bin/env bash
# Start-up of the short commands, measured with /usr/bin/time:
#   bench/startup.sh [RUNS] [BASELINE_JAR [BASELINE_ARCHIVE]]
# Runs --help, plan, simulate and report RUNS times (default 10) each, with the built jar alone
# (java -jar) and with the class-data-sharing archive the launcher uses, and prints the minimum and
# median wall time and CPU time (user + system) in seconds; CPU time suffers less from a busy
# machine. With BASELINE_JAR (a jar built from an earlier commit) it measures that jar too, side by
# side, and with BASELINE_ARCHIVE (the orchestrator.jsa built beside it) that jar with its archive
# too (baseline-cds). Needs target/orchestrator.jar (mvn -DskipTests package). Writes only under
# target/bench-startup. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
baseline="${2:-}"
baseline_archive="${3:-}"
jar="$PWD/target/orchestrator.jar"
archive="$PWD/target/orchestrator.jsa"
work="$PWD/target/bench-startup"
[ -f "$jar" ] || { echo "no $jar; build it first: mvn -B -DskipTests package" >&2; exit 2; }
[ -z "$baseline" ] || [ -f "$baseline" ] || { echo "no baseline jar $baseline" >&2; exit 2; }
[ -z "$baseline_archive" ] || [ -f "$baseline_archive" ] \
  || { echo "no baseline archive $baseline_archive" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work"
todo="Build a todo list app with backend API and frontend UI"
# One plan and one finished run for simulate and report to read, made once.
java -jar "$jar" plan "$todo" -o "$work/plan" >/dev/null
java -jar "$jar" "$todo" -o "$work/run" --simulate-delay 0ms >/dev/null

# min and median of the numbers on standard input
stats() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%6.2f %7.2f", v[1], m}'; }

variants=()
[ -n "$baseline" ] && variants+=(baseline)
[ -n "$baseline_archive" ] && variants+=(baseline-cds)
variants+=(jar)
[ -f "$archive" ] && variants+=(cds)
commands=(help plan simulate report)

java_args() { # VARIANT
  case "$1" in
    baseline) echo "-jar $baseline" ;;
    baseline-cds)
      echo "-XX:SharedArchiveFile=$baseline_archive -Xlog:cds=off -Xlog:cds+dynamic=off -jar $baseline"
      ;;
    jar) echo "-jar $jar" ;;
    cds) echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off -jar $jar" ;;
  esac
}

command_args() { # COMMAND VARIANT
  case "$1" in
    help) echo "--help" ;;
    plan) echo "plan \"$todo\" -o $work/p-$2 --force" ;;
    simulate) echo "simulate --plan $work/plan/execution_plan.json --sweep 1..4" ;;
    report) echo "report $work/run" ;;
  esac
}

# Round-robin: each round runs every command with every variant, so that the load of a shared
# machine falls on all of them alike.
for _ in $(seq "$runs"); do
  for variant in "${variants[@]}"; do
    for command in "${commands[@]}"; do
      eval "set -- $(java_args "$variant") $(command_args "$command" "$variant")"
      /usr/bin/time -f "%e %U %S" -a -o "$work/$variant-$command.times" java "$@" \
        >/dev/null 2>&1 || true
    done
  done
done

echo "seconds, $runs runs each; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-12s %-10s %14s %14s\n" "" "" "wall time" "CPU (user+sys)"
printf "%-12s %-10s %6s %7s %6s %7s\n" "variant" "command" "min" "median" "min" "median"
for variant in "${variants[@]}"; do
  for command in "${commands[@]}"; do
    times="$work/$variant-$command.times"
    printf "%-12s %-10s %s %s\n" "$variant" "$command" "$(awk '{print $1}' "$times" | stats)" \
      "$(awk '{print $2 + $3}' "$times" | stats)"
  done
done
