#!/usr/bin/env bash
# `make bench-allowance`: set-up, then the mentor allowance benchmark (tests/benchmarks/bench_allowance.py).
# The generated organisations are cached in databases named ${MENTORSHIP_BENCH_DB:-mentorship_bench}_*;
# the first run builds them (several minutes), later runs reuse them. Extra arguments go to the script,
# e.g. `make bench-allowance BENCH_ARGS="--rebuild"` or `bash scripts/bench_allowance.sh --skip-payroll`.
source "$(dirname "$0")/lib.sh"
setup_all

CONFIG=$MENTORSHIP_HOME/bench.conf
write_config "$CONFIG" ""
cd "$REPO_DIR"
exec "$VENV/bin/python" tests/benchmarks/bench_allowance.py --config "$CONFIG" \
  --db-prefix "${MENTORSHIP_BENCH_DB:-mentorship_bench}" "$@"
