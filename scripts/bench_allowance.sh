#!/usr/bin/env bash
# `make bench-allowance`: set-up, then the mentor allowance benchmark (tests/benchmarks/bench_allowance.py).
# The generated organisations are cached in databases of its own, named <prefix>_base and
# <prefix>_<pairs> where the prefix is MENTORSHIP_BENCH_ALLOWANCE_DB, by default
# ${MENTORSHIP_BENCH_DB:-mentorship_bench}_allowance; the first run builds them (several minutes),
# later runs reuse them, and every measurement is rolled back. Extra arguments go to the script,
# e.g. `make bench-allowance BENCH_ARGS="--rebuild"` or `bash scripts/bench_allowance.sh --skip-payroll`.
source "$(dirname "$0")/lib.sh"
setup_all

CONFIG=$MENTORSHIP_HOME/bench-allowance.conf
write_config "$CONFIG" ""
cd "$REPO_DIR"
exec "$VENV/bin/python" tests/benchmarks/bench_allowance.py --config "$CONFIG" \
  --db-prefix "${MENTORSHIP_BENCH_ALLOWANCE_DB:-${MENTORSHIP_BENCH_DB:-mentorship_bench}_allowance}" "$@"
