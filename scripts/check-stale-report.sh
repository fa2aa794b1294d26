#!/usr/bin/env bash
# Proves that a report never outlives its build. In a clone of this repository's HEAD, the report of
# an earlier run that passed is planted (run.json and run.md saying passed, a chart, benchmark files,
# and a report of the interrupt cases), then two builds run there, each after a fresh planting:
#
#   1. `./mvnw -B -o verify -Dlakehouse.trades=abc`, with LAKEHOUSE_TRADES=abc in the environment too:
#      every unit test passes (settings reach only the spec), then the spec's preflight stops the build
#      with the one error, within 30 s of the unit tests; it exits non-zero and run.json says failed.
#   2. `./mvnw -B -o verify` with a failing unit test planted: the build stops at the unit tests, and
#      no report is left that says passed.
#
# Usage: scripts/check-stale-report.sh [extra ./mvnw arguments, such as -Dmaven.repo.local=DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(pwd)
limit_s=30
error="lakehouse.trades=abc is not a whole number above 0"

work=$(mktemp -d "${TMPDIR:-/tmp}/lakehouse-stale-report-XXXXXX")
trap 'rm -rf "$work"' EXIT
clone="$work/clone"
git clone --quiet "$project" "$clone"
git -C "$clone" checkout --quiet "$(git -C "$project" rev-parse HEAD)"
cd "$clone"
echo "check-stale-report: $clone at $(git rev-parse --short HEAD)"

planted=(target/lakehouse-report/run.json target/lakehouse-report/run.md target/lakehouse-report/freshness.png
  target/lakehouse-report/benchmark.json target/lakehouse-report/benchmark.md
  target/lakehouse-report-interrupts/run.json target/lakehouse-report-interrupts/run.md)

# An earlier run's report that says passed, as RunReport and RunMarkdown write one.
plant_passing_report() {
  mkdir -p target/lakehouse-report target/lakehouse-report-interrupts
  for file in "${planted[@]}"; do
    case "$file" in
      *.json) printf '{\n  "outcome" : "passed",\n  "planted" : "by check-stale-report"\n}\n' > "$file" ;;
      *.md) printf '**Outcome: passed** (70 passed, 0 failed, 2 skipped), planted by check-stale-report\n' > "$file" ;;
      *) printf 'planted by check-stale-report\n' > "$file" ;;
    esac
  done
}

# Runs ./mvnw with the console in $1; records when failsafe began ($1.failsafe) and when the build ended
# ($1.end), in seconds. Returns ./mvnw's exit code.
build() {
  local console=$1
  shift
  local status=0
  ./mvnw -B -o verify "$@" 2>&1 | while IFS= read -r line; do
    printf '%s\n' "$line"
    if [[ $line == *"--- failsafe:"*"integration-test"* ]]; then echo "$SECONDS" > "$console.failsafe"; fi
  done > "$console" || status=$?
  echo "$SECONDS" > "$console.end"
  return "$status"
}

# Names every file under the report directories that says passed.
reports_saying_passed() {
  grep -rlE '"outcome" : "passed"|Outcome: passed' target/lakehouse-report target/lakehouse-report-interrupts 2>/dev/null || true
}

failures=()
check() {
  local what=$1
  shift
  "$@" || failures+=("$what")
}

# 1. A bad setting: the unit tests pass, the preflight stops the build.
plant_passing_report
console="$work/bad-setting.log"
status=0
LAKEHOUSE_TRADES=abc build "$console" -Dlakehouse.trades=abc "$@" || status=$?
unit_tests=$(sed -n '/--- surefire:/,/--- failsafe:/p' "$console" | grep -E '^\[[A-Z]+\] Tests run: [0-9]+, Failures' | tail -1 || true)
echo "check-stale-report: -Dlakehouse.trades=abc: exit code $status; unit tests: ${unit_tests:-none}"
sed -n '/--- failsafe:/,$p' "$console" | grep -E '^\[lakehouse\] (preflight|outcome)' || true
check "the build with -Dlakehouse.trades=abc passed, but it should have failed" [ "$status" -ne 0 ]
if ! grep -qE 'Tests run: [1-9][0-9]*, Failures: 0, Errors: 0,' <<< "$unit_tests"; then
  failures+=("the unit tests did not all pass with -Dlakehouse.trades=abc and LAKEHOUSE_TRADES=abc: ${unit_tests:-no result}")
fi
errors=$(grep -c "\[lakehouse\] preflight: a setting is wrong: $error" "$console" || true)
check "the preflight's error was printed $errors times, not once" [ "$errors" -eq 1 ]
check "run.json does not say \"outcome\" : \"failed\"" grep -q '"outcome" : "failed"' target/lakehouse-report/run.json
check "run.json does not name the bad setting" grep -q "$error" target/lakehouse-report/run.json
if grep -q "starting the .* stack" "$console"; then failures+=("a stack started"); fi
if [ -f "$console.failsafe" ]; then
  after_unit_tests=$(( $(cat "$console.end") - $(cat "$console.failsafe") ))
  echo "check-stale-report: the build ended ${after_unit_tests} s after the unit tests (limit ${limit_s} s)"
  check "the build ended ${after_unit_tests} s after the unit tests, over ${limit_s} s" [ "$after_unit_tests" -le "$limit_s" ]
else
  failures+=("failsafe never ran with -Dlakehouse.trades=abc")
fi
for file in "${planted[@]}"; do
  if [ -f "$file" ] && grep -q "planted by check-stale-report" "$file"; then failures+=("the earlier $file survived"); fi
done

# 2. A failing unit test: the build stops before the spec; nothing says passed.
plant_passing_report
cat > src/test/java/lakehouse/PlantedFailureTest.java <<'JAVA'
package lakehouse;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class PlantedFailureTest {
  @Test
  void failsOnPurpose() {
    fail("planted by scripts/check-stale-report.sh");
  }
}
JAVA
console="$work/failing-unit-test.log"
status=0
build "$console" "$@" || status=$?
echo "check-stale-report: a failing unit test: exit code $status"
check "the build with a failing unit test passed" [ "$status" -ne 0 ]
check "the planted unit test did not fail" grep -q "PlantedFailureTest.failsOnPurpose.*FAILURE" "$console"
check "failsafe ran after a failing unit test" [ ! -f "$console.failsafe" ]
left=$(reports_saying_passed)
check "a report still says passed: $left" [ -z "$left" ]
for file in "${planted[@]}"; do
  check "the earlier $file survived" [ ! -e "$file" ]
done

if [ ${#failures[@]} -gt 0 ]; then
  printf 'check-stale-report: FAILED: %s\n' "${failures[@]}" >&2
  echo "check-stale-report: the consoles' last lines:" >&2
  tail -n 30 "$work/bad-setting.log" "$work/failing-unit-test.log" >&2 || true
  exit 1
fi
echo "check-stale-report: passed: a bad setting stops in the preflight after the unit tests pass, a failing unit test stops the build, and neither leaves a report that says passed"
