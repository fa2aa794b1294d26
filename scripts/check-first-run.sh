#!/usr/bin/env bash
# Proves the README's promise: on a machine with JDK 17 and access to Maven Central and PyPI, the
# README's `./mvnw verify` is the whole set-up. It runs it with an empty Maven repository (and an
# empty Maven home, so the wrapper fetches Maven itself), an empty DuckDB extension directory and
# Python off the PATH, then checks that the run passed, that the suite fetched the three DuckDB
# extension files itself, and that nothing tried to run Python. The console passes through
# scripts/console-gaps.sh, which reports the longest silence of the run.
#
# Usage: scripts/check-first-run.sh [--fresh-clone] [--work DIR] [extra ./mvnw arguments]
#   --fresh-clone  clone this repository's HEAD into the work directory and run there (CI already
#                  starts from a fresh clone; use this on a development machine)
#   --work DIR     where the empty Maven home, repository and extension directory go; by default a
#                  new temporary directory, removed at the end
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(pwd)

fresh_clone=false
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh-clone) fresh_clone=true; shift ;;
    --work) work=$2; shift 2 ;;
    *) break ;;
  esac
done
if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/lakehouse-first-run-XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/m2" "$work/maven-home" "$work/duckdb-extensions" "$work/no-python"

# Python off the PATH: pyenv's directories go, and anything still named python or pip is shadowed
# by a stub that records the attempt and fails.
for tool in python python3 pip pip3; do
  cat > "$work/no-python/$tool" <<STUB
#!/bin/sh
echo "\$0 \$*" >> "$work/python-calls.log"
echo "check-first-run: Python is off the PATH for this check" >&2
exit 127
STUB
  chmod +x "$work/no-python/$tool"
done
path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v pyenv | paste -sd: -)

if $fresh_clone; then
  git clone --quiet "$project" "$work/clone"
  git -C "$work/clone" checkout --quiet "$(git -C "$project" rev-parse HEAD)"
  cd "$work/clone"
fi
echo "check-first-run: $(pwd) at $(git rev-parse --short HEAD); Maven repository $work/m2 (empty);"\
  "DuckDB extensions $work/duckdb-extensions (empty); Python off the PATH"

status=0
env PATH="$work/no-python:$path" MAVEN_USER_HOME="$work/maven-home" \
    LAKEHOUSE_DUCKDB_EXTENSION_DIR="$work/duckdb-extensions" \
    ./mvnw -B verify -Dmaven.repo.local="$work/m2" "$@" 2>&1 | scripts/console-gaps.sh || status=$?

failures=()
[ "$status" -eq 0 ] || failures+=("./mvnw verify exited with $status")
grep -q '"outcome" : "passed"' target/lakehouse-report/run.json 2>/dev/null \
  || failures+=("target/lakehouse-report/run.json does not say \"outcome\" : \"passed\"")
for ext in httpfs avro iceberg; do
  ls "$work"/duckdb-extensions/v*/*/"$ext.duckdb_extension" >/dev/null 2>&1 \
    || failures+=("the suite did not put $ext.duckdb_extension into $work/duckdb-extensions")
done
[ ! -s "$work/python-calls.log" ] || failures+=("something ran Python: $(head -3 "$work/python-calls.log" | tr '\n' ';')")

if [ ${#failures[@]} -gt 0 ]; then
  printf 'check-first-run: FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "check-first-run: passed: ./mvnw verify from an empty Maven repository and an empty DuckDB extension directory, without Python"
