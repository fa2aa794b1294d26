#!/usr/bin/env bash
# Proves that a run with no way to get DuckDB's extensions stops before any stack starts, quickly,
# with one error: an empty extension directory, DuckDB's own site unreachable (as on our machines
# and in our CI), and the PyPI index setting pointed at a closed port on 127.0.0.1.
#
# It runs `./mvnw verify` without the unit tests (-Dtest=None): surefire's ~100 unit tests take
# about a minute and start no stack, so they would only measure themselves. Everything else runs
# as usual: Maven, compilation (up to date after a build), failsafe and the preflight.
#
# Usage: scripts/check-missing-extensions.sh [extra ./mvnw arguments, such as -o]
set -euo pipefail
cd "$(dirname "$0")/.."
limit_s=15

work=$(mktemp -d "${TMPDIR:-/tmp}/lakehouse-missing-extensions-XXXXXX")
trap 'rm -rf "$work"' EXIT
port=""
for candidate in $(seq 47000 47100); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "check-missing-extensions: no closed port found in 47000-47100" >&2; exit 1; }
report_dir="$work/report"

start=$(date +%s%N)
status=0
LAKEHOUSE_DUCKDB_EXTENSION_DIR="$work/duckdb-extensions" ./mvnw -B verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlakehouse.pypi.index-url="http://127.0.0.1:$port/simple" -Dlakehouse.report-dir="$report_dir" "$@" > "$work/console.log" 2>&1 \
  || status=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))

failures=()
[ "$status" -ne 0 ] || failures+=("./mvnw verify passed, but it should have failed")
errors=$(grep -c "neither source could supply" "$work/console.log" || true)
[ "$errors" -eq 1 ] || failures+=("the extension error was printed $errors times, not once")
! grep -q "starting the .* stack" "$work/console.log" || failures+=("a stack started")
grep -q "not run: preflight failed" "$work/console.log" || failures+=("no spec said 'not run: preflight failed'")
grep -q '"outcome" : "failed"' "$report_dir/run.json" 2>/dev/null || failures+=("run.json does not say \"outcome\" : \"failed\"")
! grep -qE "^\s+at [a-z]" "$work/console.log" || failures+=("the console shows a stack trace")

grep -E "\[lakehouse\]" "$work/console.log"
printf 'check-missing-extensions: ./mvnw verify stopped in %d.%03d s (limit %d s), exit code %d\n' \
  $(( elapsed_ms / 1000 )) $(( elapsed_ms % 1000 )) "$limit_s" "$status"
(( elapsed_ms < limit_s * 1000 )) || failures+=("it took ${elapsed_ms} ms, over ${limit_s} s")
if [ ${#failures[@]} -gt 0 ]; then
  printf 'check-missing-extensions: FAILED: %s\n' "${failures[@]}" >&2
  sed -n '/T E S T S/,$p' "$work/console.log" >&2
  exit 1
fi
echo "check-missing-extensions: passed: one error, no stack, run.json says failed"
