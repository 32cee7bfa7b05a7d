#!/usr/bin/env bash
# Repository mode's git layer on a large repository: bench/repo.sh [FILES] [WORKTREES] [TASKS]
# (defaults 20000 10 100). Builds a repository of FILES small tracked files in nested directories,
# times adding WORKTREES task worktrees (median, min, max), measures the disk each one takes (du),
# times removing them, then merges TASKS task commits (each adding its own file) through the merge
# queue one at a time. Needs git 2.38 or later. Writes only under target/bench-repo.
# See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -q -B -Pbench test-compile exec:exec \
  -Dbench.main=dev.orchestrator.bench.RepoBenchmark -Dbench.args="$*"
