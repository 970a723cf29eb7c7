"""The measures: each endpoint timed in process (Django's test client) beside its SQL baseline, then HTTP
throughput of the incident detail under gunicorn. Every measure returns a `Result` for the final table.

In-process requests and baseline queries alternate (request, query, request, ...) so that load from other
processes on the machine weighs on both alike. Query counts come from one extra request under
`CaptureQueriesContext` (capturing slows a request down, so timed requests run without it).
"""

import cProfile
import io
import json
import os
import pstats
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench import baselines
from bench.corpus import SEARCH_QUERIES

TRANSACTION = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b")
ANONYMOUS = {"tlp": ["clear"], "review": ["confirmed"]}
EVERYTHING = {
    "tlp": ["clear", "green", "amber", "amber_strict", "red"],
    "review": ["draft", "confirmed", "rejected"],
}


@dataclass
class Result:
    name: str
    what: str
    target: str
    median: float | None = None  # milliseconds (for http: latency under load)
    p95: float | None = None
    sql_median: float | None = None
    queries: int | None = None
    db_ms: float | None = None  # time spent in queries during the counted request
    passed: bool | None = None
    throughput: float | None = None  # requests per second (http)
    notes: list[str] = field(default_factory=list)
    cpu: str = ""  # machine load while measuring

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.sql_median:
            return None
        return self.median / self.sql_median

    def summary(self) -> str:
        ratio = f"{self.ratio:.1f}×" if self.ratio is not None else "n/a"
        line = f"{self.name}: median {self.median:.1f} ms, p95 {self.p95:.1f} ms, ratio {ratio} SQL"
        if self.throughput is not None:
            line += f", {self.throughput:.0f} requests/s"
        verdict = {True: "PASS", False: "MISS", None: "n/a"}[self.passed]
        return f"{line} (target: {self.target}: {verdict})"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class CpuWatch:
    """Machine-wide CPU use and load average while a measure runs (other processes share the two cores)."""

    def __enter__(self):
        self.start, self.load = _cpu_times(), os.getloadavg()[0]
        return self

    def __exit__(self, *exc):
        end = _cpu_times()
        busy = (end[0] - self.start[0]) / max(1, end[1] - self.start[1])
        self.text = f"CPU {busy * 100:.0f}% busy, load {self.load:.1f}→{os.getloadavg()[0]:.1f}"


def _cpu_times() -> tuple[int, int]:
    with open("/proc/stat") as handle:
        values = [int(v) for v in handle.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


# --- In-process measures ---------------------------------------------------------------------------------
@dataclass
class Case:
    """One in-process measure: which requests to make, which baseline query stands beside each, and how the
    two answers are compared."""

    name: str
    what: str
    target: str
    requests: list[tuple[str, dict]]  # (path, query parameters), used in turn
    sql: str
    sql_params: list[dict]  # one per request
    compare: Callable[[object, object], str | None]  # (API answer, SQL answer) -> problem or None
    judge: Callable[["Result"], bool]
    admin: bool = False
    uncached: bool = False  # measured with API_CACHE_SECONDS=0: the cost of computing the answer


class Bench:
    """Runs the cases against the current Django database and a separate psycopg2 connection for SQL."""

    def __init__(self, runs: int, warmup: int, profile_dir: Path | None, log=print):
        import psycopg2
        from django.conf import settings
        from django.test import Client

        self.runs, self.warmup, self.profile_dir, self.log = runs, warmup, profile_dir, log
        db = settings.DATABASES["default"]
        self.sql_connection = psycopg2.connect(
            dbname=db["NAME"],
            user=db["USER"],
            password=db["PASSWORD"] or None,
            host=db["HOST"],
            port=db["PORT"] or 5432,
        )
        self.sql_connection.autocommit = True
        self.anonymous = Client()
        self.admin = Client()
        from django.contrib.auth.models import User

        self.admin.force_login(User.objects.get(username="bench-admin"))

    def query(self, sql: str, params: dict) -> str:
        with self.sql_connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        return row[0] if row else "null"

    def request(self, case: Case, index: int):
        path, params = case.requests[index % len(case.requests)]
        client = self.admin if case.admin else self.anonymous
        response = client.get(path, params, HTTP_ACCEPT="application/json" if not case.admin else "text/html")
        if response.status_code != 200:
            raise RuntimeError(f"{case.name}: {path} {params} answered {response.status_code}")
        return response

    def run(self, case: Case) -> Result:
        from django.test.utils import override_settings

        if case.uncached:
            with override_settings(API_CACHE_SECONDS=0):
                return self._run(case)
        return self._run(case)

    def _run(self, case: Case) -> Result:
        result = Result(case.name, case.what, case.target)
        with CpuWatch() as cpu:
            for index in range(self.warmup):
                self.request(case, index)
                self.query(case.sql, case.sql_params[index % len(case.sql_params)])
            django_ms, sql_ms = [], []
            for index in range(self.runs):
                start = time.perf_counter()
                response = self.request(case, index)
                django_ms.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                answer = self.query(case.sql, case.sql_params[index % len(case.sql_params)])
                sql_ms.append((time.perf_counter() - start) * 1000)
                if index < len(case.requests):  # each distinct request compared once
                    problem = case.compare(_decoded(response, case.admin), json.loads(answer))
                    if problem:
                        result.notes.append(f"not the same data as SQL: {problem}")
        result.cpu = cpu.text
        result.median, result.p95 = statistics.median(django_ms), percentile(django_ms, 0.95)
        result.sql_median = statistics.median(sql_ms)
        self._count_queries(case, result)
        result.passed = case.judge(result)
        if self.profile_dir:
            self._profile(case, result)
        return result

    def _count_queries(self, case: Case, result: Result) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            self.request(case, 0)
        # Django also logs the transaction's BEGIN and COMMIT (ATOMIC_REQUESTS); they are not counted.
        self.captured = [q for q in captured.captured_queries if not TRANSACTION.match(q["sql"])]
        result.queries = len(self.captured)
        result.db_ms = sum(float(q["time"]) for q in self.captured) * 1000

    def _profile(self, case: Case, result: Result) -> None:
        """Python hot spots (cProfile over a few requests) and EXPLAIN ANALYZE of the slowest queries."""
        folder = self.profile_dir / case.name
        folder.mkdir(parents=True, exist_ok=True)
        profiler = cProfile.Profile()
        profiler.enable()
        for index in range(10):
            self.request(case, index)
        profiler.disable()
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(r"/work/main/(?!\.venv)|rest_framework|django/(db|template)", 40)
        (folder / "python.txt").write_text(text.getvalue())
        queries = sorted(self.captured, key=lambda q: -float(q["time"]))
        lines = [f"{len(self.captured)} queries, {result.db_ms:.1f} ms in the database\n"]
        lines += [f"-- {float(q['time']) * 1000:.1f} ms\n{q['sql']}\n" for q in self.captured]
        (folder / "queries.sql").write_text("\n".join(lines))
        plans = []
        for q in queries[:3]:
            with self.sql_connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
                plans.append(f"-- {float(q['time']) * 1000:.1f} ms\n{q['sql']}\n" + "\n".join(r[0] for r in cursor))
        sql = case.sql
        params = case.sql_params[0]
        with self.sql_connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            plans.append("-- the SQL baseline\n" + "\n".join(r[0] for r in cursor))
        (folder / "explain.txt").write_text("\n\n".join(plans))


def _decoded(response, admin: bool):
    if admin:
        return response.content.decode()
    return json.loads(response.content)


# --- Comparisons (API answer against SQL answer) -----------------------------------------------------------
def compare_page(api, sql) -> str | None:
    rows = api["results"]
    mine = [(r["id"], r["attribution_count"], r["has_denial"]) for r in rows]
    theirs = [(r["id"], r["attribution_count"], r["has_denial"]) for r in sql]
    return None if mine == theirs else f"page differs: API {mine[:3]}… SQL {theirs[:3]}…"


def compare_case(api, sql) -> str | None:
    for key in ("attributions", "reactions", "consequences", "sources", "victims", "related_incidents"):
        if [r["id"] for r in api[key]] != [r["id"] for r in sql[key]]:
            return f"{key} differ (API {len(api[key])}, SQL {len(sql[key])})"
    for a, b in zip(api["consequences"], sql["consequences"], strict=True):
        if sorted(a["relies_on"]) != b["relies_on"]:
            return f"relies_on of consequence {a['id']} differs"
    for a, b in zip(api["reactions"], sql["reactions"], strict=True):
        if a["answers"] != b["answers"]:
            return f"answers of reaction {a['id']} differs"
    timeline = [(e["kind"], e["record_id"], e["lag_days"]) for e in api["timeline"]]
    if timeline != [(e["kind"], e["record_id"], e["lag_days"]) for e in sql["timeline"]]:
        return "timeline differs"
    return None


def compare_stats(api, sql) -> str | None:
    expected = dict(sql)
    expected["per_attributed_state"] = [
        {"country": r["country"], "incidents": r["incidents"]} for r in expected["per_attributed_state"]
    ]
    got = dict(api)
    got["per_attributed_state"] = [
        {"country": r["country"], "incidents": r["incidents"]} for r in got["per_attributed_state"]
    ]
    for key in expected:
        if got[key] != expected[key]:
            return f"{key} differs"
    return None


def compare_admin(html: str, sql) -> str | None:
    ids = [int(v) for v in re.findall(r'name="_selected_action" value="(\d+)"', html)]
    expected = [row["id"] for row in sql["rows"]]
    return None if ids == expected else f"rows differ: admin {ids[:3]}… SQL {expected[:3]}…"


# --- Targets --------------------------------------------------------------------------------------------
def within_3x_and_50ms(result: Result) -> bool:
    return result.median <= 3 * result.sql_median and result.p95 <= 50


def p95_below(limit: float) -> Callable[[Result], bool]:
    return lambda result: result.p95 <= limit


def cases(sample_ids: list[int], page_size: int = 50) -> list[Case]:
    """The in-process measures, in the order they run."""
    details = [(f"/api/v1/incidents/{pk}/", {}) for pk in sample_ids]
    return [
        Case("list", f"GET /api/v1/incidents/ (page of {page_size})", "median ≤ 3× SQL, p95 ≤ 50 ms",
             [("/api/v1/incidents/", {})], baselines.LIST, [{**ANONYMOUS, "size": page_size}], compare_page,
             within_3x_and_50ms),
        Case("list_10", "GET /api/v1/incidents/?page_size=10", "median ≤ 3× SQL, p95 ≤ 50 ms; queries = list's",
             [("/api/v1/incidents/", {"page_size": 10})], baselines.LIST, [{**ANONYMOUS, "size": 10}], compare_page,
             within_3x_and_50ms),
        Case("detail", "GET /api/v1/incidents/{id}/ (the whole case)", "median ≤ 3× SQL, p95 ≤ 50 ms", details,
             baselines.DETAIL, [{**ANONYMOUS, "id": pk} for pk in sample_ids], compare_case, within_3x_and_50ms,
             uncached=True),
        Case("filter", "GET /api/v1/incidents/?attributed_to=IR", "median ≤ 3× SQL, p95 ≤ 50 ms",
             [("/api/v1/incidents/", {"attributed_to": "IR"})], baselines.FILTER,
             [{**ANONYMOUS, "size": page_size, "country": "IR"}], compare_page, within_3x_and_50ms),
        Case("search", "GET /api/v1/incidents/?q=… (5 queries in turn)", "p95 ≤ 100 ms",
             [("/api/v1/incidents/", {"q": q}) for q in SEARCH_QUERIES], baselines.SEARCH,
             [{**ANONYMOUS, "size": page_size, "q": q} for q in SEARCH_QUERIES], compare_page, p95_below(100)),
        Case("stats", "GET /api/v1/stats/", "p95 ≤ 200 ms", [("/api/v1/stats/", {})], baselines.STATS, [ANONYMOUS],
             compare_stats, p95_below(200)),
        Case("admin", "GET /admin/incidents/incident/ (superuser)", "p95 ≤ 300 ms, no count of the whole table",
             [("/admin/incidents/incident/", {})], baselines.ADMIN, [EVERYTHING], compare_admin, p95_below(300),
             admin=True),
    ]  # fmt: skip


def whole_table_counts(captured: list[dict]) -> list[str]:
    """COUNT queries over the incidents table that no LIMIT bounds (what the admin must not run per page)."""
    return [
        q["sql"]
        for q in captured
        if re.search(r"COUNT\(\*\)", q["sql"], re.I) and '"incidents_incident"' in q["sql"] and "LIMIT" not in q["sql"]
    ]


def sample_incidents(count: int = 100) -> list[int]:
    """A fixed, spread-out sample of incidents an anonymous user may see (the detail measure uses them in turn)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM incidents_incident WHERE tlp = 'clear' AND review_status = 'confirmed' "
            "ORDER BY md5(id::text) LIMIT %s",
            [count],
        )
        return [row[0] for row in cursor.fetchall()]


# --- HTTP throughput under gunicorn ---------------------------------------------------------------------------
def http_throughput(
    sample_ids: list[int],
    *,
    requests: int,
    seconds: float,
    concurrency: int,
    workers: int,
    client: str = "auto",
    log=print,
) -> Result:
    """Incident detail over HTTP: gunicorn with `workers` sync workers on loopback, and a load generator with
    `concurrency` connections: `wrk` (C, one thread, for `seconds`) when installed or asked for, otherwise
    a bounded asyncio client (at most `requests` requests and `seconds` seconds). The generator shares the
    machine with the server, so its own CPU use is reported, and so is the workers' CPU time per request
    (the server's cost, which other load on the machine does not inflate as much as the request rate)."""
    import asyncio
    import shutil
    import socket
    import subprocess
    import sys

    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "asyncio"
    result = Result(
        "http_detail", f"GET /api/v1/incidents/{{id}}/ over HTTP, gunicorn {workers} workers", "≥ 400 requests/s"
    )
    port = _free_port(socket)
    root = Path(__file__).resolve().parent.parent
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / "bench_gunicorn.log"
    command = [
        str(Path(sys.executable).parent / "gunicorn"), "config.wsgi:application", "--workers", str(workers),
        "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--worker-class", "sync", "--backlog", "256",
    ]  # fmt: skip
    with log_path.open("w") as log_file:
        server = subprocess.Popen(command, cwd=root, env=os.environ.copy(), stdout=log_file, stderr=log_file)
    try:
        paths = [f"/api/v1/incidents/{pk}/" for pk in sample_ids]
        _wait_until_serving(port, paths[0], server, log_path)
        asyncio.run(
            _load(port, paths, total=2 * len(paths), seconds=120, concurrency=concurrency)
        )  # warm up: every case cached
        server_cpu = _process_tree_cpu(server.pid)
        with CpuWatch() as cpu:
            if client == "wrk":
                outcome = _wrk(port, paths, seconds=seconds, concurrency=concurrency)
            else:
                cpu_before = time.process_time()
                outcome = asyncio.run(_load(port, paths, total=requests, seconds=seconds, concurrency=concurrency))
                outcome["generator_cpu"] = time.process_time() - cpu_before
        server_cpu = _process_tree_cpu(server.pid) - server_cpu
        result.cpu = cpu.text
    finally:
        server.terminate()
        server.wait(timeout=30)
    result.throughput = outcome["ok"] / outcome["elapsed"]
    result.median, result.p95 = outcome["median"], outcome["p95"]
    result.passed = result.throughput >= 400 and not outcome["errors"]
    result.notes.append(
        f"{outcome['requests']} requests in {outcome['elapsed']:.1f} s with {concurrency} connections ({client}), "
        f"{outcome['errors']} not 200; the load generator itself used "
        f"{outcome['generator_cpu'] / outcome['elapsed'] * 100:.0f}% of one core; gunicorn's workers used "
        f"{server_cpu * 1000 / max(1, outcome['requests']):.2f} ms of CPU per request"
    )
    return result


def _process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its children (gunicorn's master and workers)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{pid}/task/{pid}/children")
    pids = [pid, *(int(p) for p in children.read_text().split())] if children.exists() else [pid]
    for each in pids:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


_WRK_SCRIPT = """
local paths = {%(paths)s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1], {["Accept"] = "application/json"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50), latency:percentile(95)))
end
"""


def _wrk(port: int, paths: list[str], *, seconds: float, concurrency: int) -> dict:
    """`wrk` with one thread and `concurrency` connections for `seconds`, the paths in turn (it reconnects
    when a sync worker closes the connection after its answer)."""
    import resource
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT % {"paths": ", ".join(f'"{p}"' for p in paths)})
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        command = ["wrk", "-t1", f"-c{concurrency}", f"-d{max(1, round(seconds))}s", "--timeout", "10s"]
        output = subprocess.run(
            [*command, "-s", script.name, f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True
        ).stdout
    finally:
        os.unlink(script.name)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    done, micros, failed, not_ok, p50, p95 = (int(v) for v in line.split()[1:])
    return {
        "requests": done,
        "ok": done - not_ok,
        "errors": failed + not_ok,
        "elapsed": micros / 1e6,
        "median": p50 / 1000,
        "p95": p95 / 1000,
        "generator_cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
    }


def _free_port(socket) -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(port: int, path: str, server, log_path: Path) -> None:
    import http.client

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {log_path.read_text()[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path, headers={"Accept": "application/json"})
            status = connection.getresponse().status
            connection.close()
            if status == 200:
                return
            raise RuntimeError(f"gunicorn answered {status} for {path}: {log_path.read_text()[-2000:]}")
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start serving within 60 s")


async def _load(port: int, paths: list[str], *, total: int, seconds: float, concurrency: int) -> dict:
    """Each connection sends one request (gunicorn's sync workers close it after the answer) until the
    request budget or the time is spent."""
    import asyncio

    results: list[tuple[float, int]] = []
    state = {"sent": 0}
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        while state["sent"] < total and time.perf_counter() < deadline:
            path = paths[state["sent"] % len(paths)]
            state["sent"] += 1
            start = time.perf_counter()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                "Connection: close\r\n\r\n".encode()
            )
            data = await reader.read(-1)
            writer.close()
            status = int(data[9:12]) if data.startswith(b"HTTP/") else 0
            results.append(((time.perf_counter() - start) * 1000, status))

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies = [ms for ms, status in results if status == 200] or [0.0]
    return {
        "requests": len(results),
        "ok": len([1 for _, status in results if status == 200]),
        "errors": len([1 for _, status in results if status != 200]),
        "elapsed": elapsed,
        "median": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
    }


def sql_throughput(sample_ids: list[int], *, seconds: float, threads: int) -> float:
    """The detail baseline's throughput on `threads` connections: what the database alone can serve."""
    import threading

    import psycopg2
    from django.conf import settings

    db = settings.DATABASES["default"]
    done = []
    deadline = time.perf_counter() + seconds

    def work(offset: int) -> None:
        connection = psycopg2.connect(
            dbname=db["NAME"],
            user=db["USER"],
            password=db["PASSWORD"] or None,
            host=db["HOST"],
            port=db["PORT"] or 5432,
        )
        connection.autocommit = True
        n = 0
        with connection.cursor() as cursor:
            while time.perf_counter() < deadline:
                cursor.execute(baselines.DETAIL, {**ANONYMOUS, "id": sample_ids[(offset + n) % len(sample_ids)]})
                cursor.fetchone()
                n += 1
        connection.close()
        done.append(n)

    started = time.perf_counter()
    pool = [threading.Thread(target=work, args=(k * 7,)) for k in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return sum(done) / (time.perf_counter() - started)
