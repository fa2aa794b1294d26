#!/usr/bin/env bash
# Proves that two runs at once do not collide: clones this repository's HEAD twice and runs the
# README's `./mvnw verify` in both clones at the same time, round after round. Both runs share the
# Maven repository, the DuckDB extension directory and the temporary directory, as two developers'
# runs on one machine do. A round passes when both runs pass and, once both have ended, neither left a
# `lakehouse-*` temporary directory or a PostgreSQL process behind. It stops at the first round that
# fails and names the log to read.
#
# Usage: scripts/check-two-runs.sh [--rounds N] [--work DIR] [extra ./mvnw arguments, e.g. -o]
#   --rounds N  how many rounds in a row must pass (default 5; each takes about twice one verify)
#   --work DIR  where the two clones and their logs go; by default a new temporary directory, removed
#               at the end when every round passed
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(pwd)

rounds=5
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) break ;;
  esac
done
keep_work=true
if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/two-runs-XXXXXX")
  keep_work=false
fi
tmp=${TMPDIR:-/tmp}
head=$(git -C "$project" rev-parse HEAD)
for clone in a b; do
  rm -rf "${work:?}/$clone"
  git clone --quiet "$project" "$work/$clone"
  git -C "$work/$clone" checkout --quiet "$head"
done

pids=()
stop_runs() {
  # A cancelled check cancels its runs: SIGTERM to each run's process group, which the suite's hooks
  # answer by stopping their stacks.
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap 'stop_runs; exit 130' INT TERM

leftovers() {
  local before=$1
  comm -13 "$before" <(find "$tmp" -maxdepth 1 -name 'lakehouse-*' 2>/dev/null | sort)
  # PostgreSQL runs detached, its data directory under a lakehouse-* directory, deleted or not.
  pgrep -a postgres 2>/dev/null | grep -F "$tmp/lakehouse-" | grep -v -F -f "$before" || true
}

echo "check-two-runs: $rounds rounds of two concurrent ./mvnw verify runs at $(git -C "$project" rev-parse --short HEAD), in $work"
for round in $(seq 1 "$rounds"); do
  before="$work/tmp-before-$round"
  find "$tmp" -maxdepth 1 -name 'lakehouse-*' 2>/dev/null | sort > "$before" || true
  pids=()
  begin=$(date +%s)
  for clone in a b; do
    # setsid: each run leads a process group of its own, so a cancel can stop the whole of it.
    (cd "$work/$clone" && exec setsid ./mvnw -B verify "$@" > "$work/$clone-round$round.log" 2>&1) &
    pids+=($!)
  done
  status=()
  for pid in "${pids[@]}"; do
    if wait "$pid"; then status+=(0); else status+=($?); fi
  done
  pids=()
  seconds=$(( $(date +%s) - begin ))
  left=$(leftovers "$before")
  outcome_a=$(grep -o '"outcome" : "[a-z]*"' "$work/a/target/lakehouse-report/run.json" 2>/dev/null || echo "no run.json")
  outcome_b=$(grep -o '"outcome" : "[a-z]*"' "$work/b/target/lakehouse-report/run.json" 2>/dev/null || echo "no run.json")
  echo "check-two-runs: round $round in ${seconds} s: a exited ${status[0]} ($outcome_a), b exited ${status[1]} ($outcome_b)"
  if [ "${status[0]}" -ne 0 ] || [ "${status[1]}" -ne 0 ] || [ -n "$left" ]; then
    [ -z "$left" ] || echo "check-two-runs: left behind after both runs ended:"$'\n'"$left"
    echo "check-two-runs: FAILED in round $round; the logs are $work/a-round$round.log and $work/b-round$round.log" >&2
    exit 1
  fi
done
echo "check-two-runs: passed: $rounds rounds in a row, both runs passed each time and left nothing behind"
$keep_work || rm -rf "$work"
