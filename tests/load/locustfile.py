"""Load test of the Mentoring app (issue 15), run by ``make load`` (scripts/load.sh) with Locust
against ``make serve`` on loopback only, bounded in users and time.

Users act as the web client does, through Odoo's JSON-RPC (``/web/dataset/call_kw``) with the
demo college's logins:

* curators open the pair list, a pair form, the pair health screen and the programme dashboard;
* mentors open their pairs and log held meetings (each logged meeting is counted here, and at the
  end the meetings that reached the database are counted there: none lost, none duplicated);
* one payroll officer regenerates the current month's draft allowances;
* student mentees open their portal pages (/my, their pairs, meetings and consents).

At the end it prints requests/s, p50/p95/p99 and errors per request type, checks the targets (reads:
p95 ≤ 1 s and no error; writes: every logged meeting stored exactly once) and prints
``BENCH-SUMMARY|load|…`` lines. The exit code says whether the targets were met.
"""

import itertools
import os
import random
import time
import uuid

import gevent
from locust import FastHttpUser, between, events, task

RUN_ID = os.environ.get("MENTORSHIP_LOAD_RUN", uuid.uuid4().hex[:8])
# Seconds after the last user has started before the figures count: the last log-ins (password
# hashing) and first screens of the ramp are not the steady state of 50 users.
WARMUP = float(os.environ.get("MENTORSHIP_LOAD_WARMUP", "20"))
DB = os.environ.get("MENTORSHIP_LOAD_DB", "mentorship_demo_load")
READ_P95_MS = 1000
LOGGED = {"meetings": 0}
STATE = {}
_ids = itertools.count(1)


def summary(figure, value, target="-", ok=None):
    verdict = "-" if ok is None else "ok" if ok else "not"
    print(f"BENCH-SUMMARY|load|{figure}|{value}|{target}|{verdict}", flush=True)


class OdooUser(FastHttpUser):
    # FastHttpUser (geventhttpclient): Locust shares the server's two cores, and its own HTTP
    # client should take as little of them as it can.
    abstract = True
    wait_time = between(0.5, 2.0)
    login = password = None

    def on_start(self):
        response = self.rpc(
            "/web/session/authenticate",
            {"db": DB, "login": self.login, "password": self.password},
            name=f"{self.role}: log in",
        )
        self.uid = response["uid"]
        self.user_context = response["user_context"]
        self.specs = {}

    @property
    def role(self):
        return self.login

    def rpc(self, url, params, name):
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(_ids), "params": params}
        with self.client.post(url, json=payload, name=name, catch_response=True) as response:
            body = response.json() if response.status_code == 200 else {}
            if "error" in body or response.status_code != 200:
                error = body.get("error", {}).get("data", {}).get("message") or response.text[:200]
                response.failure(error)
                return None
            response.success()
            return body["result"]

    def call(self, model, method, *args, name, **kwargs):
        kwargs.setdefault("context", self.user_context)
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            name=name,
        )

    def spec(self, model, view_type):
        """The view's fields, as the web client asks for them (fetched once per user, like its cache)."""
        key = (model, view_type)
        if key not in self.specs:
            views = self.call(model, "get_views", [[False, view_type]], name=f"{self.role}: views of {model}")
            fields = views["models"][model]["fields"] if views else {}
            self.specs[key] = {
                name: {"fields": {"display_name": {}}} if field["type"] == "many2one" else {}
                for name, field in fields.items()
                if field["type"] not in ("one2many", "many2many") or view_type != "form"
            }
        return self.specs[key]


class Curator(OdooUser):
    weight = 5
    login = password = "curator"

    @task(4)
    def pair_list(self):
        result = self.call(
            "mentorship.pair",
            "web_search_read",
            [],
            self.spec("mentorship.pair", "list"),
            limit=80,
            name="curator: pair list",
        )
        if result and result["records"]:
            self.pair_ids = [record["id"] for record in result["records"]]

    @task(3)
    def pair_form(self):
        pair_ids = getattr(self, "pair_ids", None)
        if not pair_ids:
            return self.pair_list()
        self.call(
            "mentorship.pair",
            "web_read",
            [random.choice(pair_ids)],
            self.spec("mentorship.pair", "form"),
            name="curator: pair form",
        )

    @task(2)
    def pair_health(self):
        self.call(
            "mentorship.pair",
            "web_search_read",
            [["state", "=", "active"]],
            self.spec("mentorship.pair", "list"),
            limit=80,
            order="health_rank desc, id",
            name="curator: pair health",
        )

    @task(1)
    def dashboard(self):
        programmes = self.call(
            "mentorship.programme",
            "search",
            [["state", "=", "running"]],
            limit=1,
            name="curator: running programme",
        )
        if programmes:
            self.call(
                "mentorship.programme",
                "web_read",
                programmes,
                self.spec("mentorship.programme", "form"),
                name="curator: programme dashboard",
            )


class Mentor(OdooUser):
    weight = 3
    login = password = "mentor"

    @task(3)
    def my_pairs(self):
        result = self.call(
            "mentorship.pair",
            "web_search_read",
            [["state", "=", "active"]],
            self.spec("mentorship.pair", "list"),
            limit=80,
            name="mentor: my pairs",
        )
        if result:
            self.pair_ids = [record["id"] for record in result["records"]]

    @task(1)
    def log_meeting(self):
        pair_ids = getattr(self, "pair_ids", None)
        if not pair_ids:
            return self.my_pairs()
        name = f"LOAD-{RUN_ID}-{uuid.uuid4().hex}"
        meeting_ids = self.call(
            "mentorship.meeting",
            "create",
            [
                {
                    "pair_id": random.choice(pair_ids),
                    "name": name,
                    "duration": 1.0,
                    "start": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() - 3600)),
                }
            ],
            name="mentor: log a meeting (create)",
        )
        if meeting_ids:
            LOGGED["meetings"] += 1
            self.call(
                "mentorship.meeting",
                "write",
                meeting_ids,
                {"state": "held"},
                name="mentor: log a meeting (held)",
            )


class Payroll(OdooUser):
    fixed_count = 1
    wait_time = between(5, 10)
    login = password = "payroll"

    @task
    def generate_month(self):
        month = time.strftime("%Y-%m-01")
        wizard = self.call(
            "mentorship.allowance.generate.wizard",
            "create",
            [{"month": month}],
            name="payroll: generate a month (wizard)",
        )
        if wizard:
            self.call(
                "mentorship.allowance.generate.wizard",
                "action_generate",
                wizard,
                name="payroll: generate a month",
            )


class PortalMentee(OdooUser):
    """A student mentee on the portal (mentorship_odoo_portal)."""

    weight = 2
    login = password = "student"

    def get(self, url, name):
        with self.client.get(url, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            else:
                response.success()

    @task(3)
    def my_home(self):
        self.get("/my", "portal: /my")

    @task(3)
    def my_pairs(self):
        self.get("/my/mentorship", "portal: my pairs")

    @task(2)
    def my_meetings(self):
        self.get("/my/mentorship/meetings", "portal: my meetings")

    @task(1)
    def my_consents(self):
        self.get("/my/mentorship/consents", "portal: my consents")


@events.init.add_listener
def _remember_environment(environment, **_kwargs):
    STATE["environment"] = environment


@events.spawning_complete.add_listener
def _reset_after_warm_up(user_count, **_kwargs):
    def reset():
        gevent.sleep(WARMUP)
        STATE["environment"].runner.stats.reset_all()
        print(f"All {user_count} users running for {WARMUP:.0f} s: the figures count from now.", flush=True)

    gevent.spawn(reset)


@events.quitting.add_listener
def report(environment, **_kwargs):
    stats = environment.stats
    print(
        f"\nLoad test {RUN_ID}: "
        f"{stats.total.num_requests} requests, {stats.total.total_rps:.1f} requests/s, "
        f"{stats.total.num_failures} errors."
    )
    print(f"  {'request':<42} {'count':>6} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>6}")
    ok = stats.total.num_requests > 0
    for entry in sorted(stats.entries.values(), key=lambda e: e.name):
        p50, p95, p99 = (entry.get_response_time_percentile(p) for p in (0.5, 0.95, 0.99))
        print(
            f"  {entry.name:<42} {entry.num_requests:6d} {entry.total_rps:6.1f} {p50:6.0f} {p95:6.0f} "
            f"{p99:6.0f} {entry.num_failures:6d}"
        )
        # Logging in (password hashing) and fetching a view's fields happen once a session (the web
        # client caches the views): they must not fail, but the read target is for the screens.
        once = "log in" in entry.name or "views of" in entry.name
        is_write = "log a meeting" in entry.name or "generate" in entry.name
        good = entry.num_failures == 0 and (is_write or once or p95 <= READ_P95_MS)
        ok &= good
        target = "0 errors" if is_write or once else f"p95 <= {READ_P95_MS} ms, 0 errors"
        summary(
            entry.name,
            f"{entry.num_requests} req, p50 {p50:.0f} / p95 {p95:.0f} / p99 {p99:.0f} ms, "
            f"{entry.num_failures} errors",
            target,
            good,
        )
    for name, error in stats.errors.items():
        print(f"  error ×{error.occurrences}: {name}")
    # Every logged meeting is in the database exactly once.
    admin = environment.parsed_options.admin_login if environment.parsed_options else "admin"
    client = environment.host.rstrip("/")
    import requests  # locust's own dependency

    session = requests.Session()
    session.post(
        f"{client}/web/session/authenticate",
        json={"jsonrpc": "2.0", "method": "call", "params": {"db": DB, "login": admin, "password": admin}},
        timeout=60,
    )
    response = session.post(
        f"{client}/web/dataset/call_kw/mentorship.meeting/read_group",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "mentorship.meeting",
                "method": "read_group",
                "args": [[["name", "=like", f"LOAD-{RUN_ID}-%"]], ["name"], ["name"]],
                "kwargs": {"lazy": False},
            },
        },
        timeout=60,
    ).json()
    groups = response.get("result", [])
    stored = sum(group["__count"] for group in groups)
    duplicated = sum(1 for group in groups if group["__count"] > 1)
    writes_ok = stored == LOGGED["meetings"] and not duplicated
    print(
        f"Meetings logged by mentors: {LOGGED['meetings']}; in the database: {stored}; "
        f"duplicated: {duplicated}."
    )
    summary(
        "meetings logged vs stored",
        f"{LOGGED['meetings']} logged, {stored} stored, {duplicated} duplicated",
        "equal, 0 duplicated",
        writes_ok,
    )
    ok &= writes_ok
    environment.process_exit_code = 0 if ok else 1


@events.init_command_line_parser.add_listener
def _options(parser):
    parser.add_argument(
        "--admin-login", default="admin", help="login (= password) that counts the stored meetings"
    )
