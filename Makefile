.PHONY: demo test lint demo-reset bench-kpi
demo:  ## set up everything, build the Russian demo college and serve Odoo on :8069
	bash scripts/demo.sh
demo-reset:
	MENTORSHIP_DEMO_RESET=1 bash scripts/demo.sh
test:  ## set up everything, fresh test database, lint and the whole test suite
	bash scripts/test.sh
bench-kpi:  ## time every indicator of a programme with 20,000 participants and 10,000 pairs (≤ 2 s)
	bash scripts/bench_kpi.sh
