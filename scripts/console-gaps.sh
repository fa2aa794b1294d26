#!/usr/bin/env bash
# Measures how long a run's console stays silent. Pipe a run through it; every line passes on
# unchanged, and at the end it prints the longest silences between two lines, overall and during
# the spec (from failsafe's start to its "Results:"), with the line that ended each silence.
#
# Usage:  ./mvnw verify 2>&1 | scripts/console-gaps.sh [--max-spec-gap-ms N]
#   --max-spec-gap-ms N   exit 1 when the spec phase had a silence longer than N ms
# The report goes to standard error, or to $CONSOLE_GAPS_REPORT when that names a file.
set -uo pipefail

max_gap_ms=""
if [ "${1:-}" = "--max-spec-gap-ms" ]; then
  max_gap_ms=$2
fi

now_us() { local t=$EPOCHREALTIME; echo $(( ${t/./} )); }

phase=before
last=$(now_us)
first=$last
longest_all=0; longest_all_line=""
longest_spec=0; longest_spec_line=""
spec_start=0; spec_end=0
gaps_over_2s=0
all_gaps_over_2s=()
while IFS= read -r line; do
  t=$(now_us)
  printf '%s\n' "$line"
  gap=$(( t - last ))
  last=$t
  if [ "$phase" = before ] && [[ "$line" == *"failsafe:"*":integration-test"* ]]; then
    phase=spec; spec_start=$t
    continue
  fi
  if [ "$phase" = spec ] && [[ "$line" =~ ^\[(INFO|ERROR|WARNING)\]\ Results: ]]; then
    phase=after; spec_end=$t
  fi
  if (( gap > longest_all )); then longest_all=$gap; longest_all_line=$line; fi
  if (( gap > 2000000 )); then all_gaps_over_2s+=("$(( gap / 1000 )) ms, ended by: ${line:0:140}"); fi
  if [ "$phase" = spec ] || { [ "$phase" = after ] && (( spec_end == t )); }; then
    if (( gap > longest_spec )); then longest_spec=$gap; longest_spec_line=$line; fi
    if (( gap > 2000000 )); then gaps_over_2s=$(( gaps_over_2s + 1 )); fi
  fi
done

report() {
  printf 'console-gaps: whole run %.1f s; longest silence %d ms, ended by: %s\n' \
    "$(( (last - first) / 1000 ))e-3" $(( longest_all / 1000 )) "${longest_all_line:0:160}"
  printf 'console-gaps: silences over 2 s in the whole run: %d\n' "${#all_gaps_over_2s[@]}"
  for g in "${all_gaps_over_2s[@]}"; do printf 'console-gaps:   %s\n' "$g"; done
  if (( spec_start > 0 )); then
    printf 'console-gaps: spec phase (failsafe) %.1f s; longest silence %d ms, ended by: %s\n' \
      "$(( ((spec_end > 0 ? spec_end : last) - spec_start) / 1000 ))e-3" $(( longest_spec / 1000 )) "${longest_spec_line:0:160}"
    printf 'console-gaps: silences over 2 s during the spec: %d\n' "$gaps_over_2s"
  else
    echo "console-gaps: no failsafe phase seen"
  fi
}
if [ -n "${CONSOLE_GAPS_REPORT:-}" ]; then report > "$CONSOLE_GAPS_REPORT"; fi
report >&2
if [ -n "$max_gap_ms" ] && (( longest_spec / 1000 > max_gap_ms )); then
  exit 1
fi
