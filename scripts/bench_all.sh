#!/usr/bin/env bash
# `make bench`: every benchmark one after another (health, allowance, kpi, portal, matching, region by default, or the ones
# named as arguments, e.g. `bash scripts/bench_all.sh kpi health`), then ONE summary table built from
# the `BENCH-SUMMARY|name|figure|value|target|ok` lines each benchmark prints. Each benchmark keeps
# its own databases, so the order does not matter. BENCH_ARGS (word-split) goes to the allowance
# benchmark, e.g. `make bench BENCH_ARGS=--skip-payroll`. The full output of each benchmark is kept
# in $MENTORSHIP_BENCH_LOGS (default bench-results/ in the repository). Exits non-zero when a
# benchmark failed or a figure missed its target.
source "$(dirname "$0")/lib.sh"

BENCHES=("$@")
[ ${#BENCHES[@]} -gt 0 ] || BENCHES=(health allowance kpi portal matching region)
LOG_DIR=${MENTORSHIP_BENCH_LOGS:-$REPO_DIR/bench-results}
read -ra ALLOWANCE_ARGS <<<"${BENCH_ARGS:-}"
mkdir -p "$LOG_DIR"

for name in "${BENCHES[@]}"; do
  [ -f "$REPO_DIR/scripts/bench_$name.sh" ] || die "No benchmark \"$name\" (scripts/bench_$name.sh); known: health allowance kpi portal matching region."
done

rows=()
for name in "${BENCHES[@]}"; do
  args=()
  [ "$name" = allowance ] && args=("${ALLOWANCE_ARGS[@]}")
  out=$LOG_DIR/$name.log
  log "Benchmark $name (output also in $out)…"
  started=$SECONDS
  rc=0
  bash "$REPO_DIR/scripts/bench_$name.sh" "${args[@]}" | tee "$out" || rc=$?
  lines=()
  mapfile -t lines < <(grep '^BENCH-SUMMARY|' "$out" | cut -d'|' -f2- || true)
  if [ ${#lines[@]} -eq 0 ]; then
    rows+=("$name|run|failed (exit $rc), see $out|-|not")
  else
    rows+=("${lines[@]}")
    if [ "$rc" != 0 ] && ! printf '%s\n' "${lines[@]}" | grep -q '|not$'; then
      rows+=("$name|exit status|$rc|0|not")
    fi
  fi
  rows+=("$name|wall-clock time of the benchmark|$((SECONDS - started)) s|-|-")
done

echo
echo "Benchmark summary ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '%s\n' "benchmark|figure|value|target|ok" "${rows[@]}" | awk -F'|' '
  { for (i = 1; i <= 5; i++) { cell[NR, i] = $i; if (length($i) > width[i]) width[i] = length($i) } }
  function row(r,    i, line) {
    line = ""
    for (i = 1; i <= 5; i++) line = line (i > 1 ? "  " : "") sprintf(i < 5 ? "%-" width[i] "s" : "%s", cell[r, i])
    return line
  }
  END {
    print row(1)
    for (i = 1; i <= 5; i++) { dashes = sprintf("%" width[i] "s", ""); gsub(/ /, "-", dashes); cell[0, i] = dashes }
    print row(0)
    for (r = 2; r <= NR; r++) print row(r)
  }'
if printf '%s\n' "${rows[@]}" | grep -q '|not$'; then
  die "Some benchmark failed or missed its target (see the table above and $LOG_DIR)."
fi
log "Every benchmark met its targets."
