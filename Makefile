.PHONY: demo test serve load lint demo-reset bench bench-health bench-allowance bench-kpi bench-region bench-portal bench-matching help
demo:  ## set up everything, build the Russian demo college and serve Odoo on :8069
	bash scripts/demo.sh
serve:  ## production serving: prefork workers (CPU × 2 + 1), cron thread, proxy mode, limits; our database
	bash scripts/serve.sh
demo-reset:
	MENTORSHIP_DEMO_RESET=1 bash scripts/demo.sh
test:  ## set up everything, fresh test database, lint and the whole test suite
	bash scripts/test.sh
bench:  ## every benchmark (health, allowance, kpi, portal, matching, region) one after another, then one summary table
	BENCH_ARGS="$(BENCH_ARGS)" bash scripts/bench_all.sh
bench-health:  ## pair health of 10,000 pairs with 100,000 meetings: time and SQL queries (limit 20 s); db mentorship_bench_health
	bash scripts/bench_health.sh
bench-allowance:  ## mentor allowance: 2,000 mentors, 3,000 pairs, 5,000 time off (≤ 30 s); cached dbs mentorship_bench_allowance_*
	bash scripts/bench_allowance.sh $(BENCH_ARGS)
bench-kpi:  ## time every indicator of a programme with 20,000 participants and 10,000 pairs (≤ 2 s); db mentorship_bench_kpi
	bash scripts/bench_kpi.sh
bench-matching:  ## matching: 2,000 mentees × 1,000 mentors, capacity 1–3: scoring + assignment (≤ 5 s), SQL queries at two sizes, peak memory, optimal vs greedy; db mentorship_bench_matching
	bash scripts/bench_matching.sh
bench-portal:  ## server time of every portal page (≤ 300 ms) and SQL queries of the /my counters (≤ 8), 10,000 pairs; db mentorship_bench_portal
	bash scripts/bench_portal.sh
bench-region:  ## screens (curator, regional manager) and health with a region: 100 organisations, 50,000 pairs; db mentorship_bench_region
	bash scripts/bench_region.sh
load:  ## Locust load test against make serve on loopback: 50 users, 90 s, p50/p95/p99 and errors per request type
	bash scripts/load.sh
help:  ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /\1\t/' | expand -t 18
