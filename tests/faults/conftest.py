"""What the fault drills share: real worker and web processes, a private Redis, PostgreSQL sessions and
locks, and a dataset CSV whose rows are each one incident with two claims and one source.

Processes run with the real settings (`config.settings`, not the test settings that make tasks eager)
against the test database, on a queue of the test's own.
"""

import contextlib
import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from incidents.datasets import CSV_COLUMNS, FORMAT_VERSION
from tests.conftest import require_service
from tests.workers import new_queue, publishing_to, worker_settings


def require_postgres() -> None:
    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "the drill needs a database other processes can see, and its sessions")


def wait_for(condition, timeout: float, what: str, every: float = 0.2):
    """Poll `condition` until it returns something true (returned), else fail saying what never happened."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def process_env(settings):
    """Environment for worker and web processes, and this process set to publish (not run) on the same queue."""
    require_postgres()
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        require_service("Redis", "CELERY_BROKER_URL is not a redis:// URL")
    queue = new_queue("faults")
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the test's: sessions it signs are good in the web process
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        **worker_settings(queue),
        "CELERY_WORKER_PRELOAD_STIX_VALIDATOR": "0",  # these workers import no STIX: start in seconds, not tens
    }
    with publishing_to(queue, settings):
        yield env


class Processes:
    """Processes a drill starts; each is stopped by its own id when the drill ends, and its output kept."""

    def __init__(self):
        self.running: list[subprocess.Popen] = []
        self.output: dict[int, str] = {}

    def start(self, args: list[str], env: dict, log: Path) -> subprocess.Popen:
        handle = log.open("w")
        process = subprocess.Popen(args, env=env, cwd=settings.BASE_DIR, stdout=handle, stderr=subprocess.STDOUT)
        process.log = log
        self.running.append(process)
        return process

    def worker(self, env: dict, log: Path, pool: str = "solo") -> subprocess.Popen:
        return self.start(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                f"--pool={pool}",
                "--concurrency=1",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-Q",
                env["CELERY_TASK_DEFAULT_QUEUE"],
                "--loglevel=INFO",
            ],
            env,
            log,
        )

    def stop(self, process: subprocess.Popen, sig=signal.SIGTERM) -> str:
        if process.poll() is None:
            process.send_signal(sig)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        return process.log.read_text(errors="replace")

    def stop_all(self) -> None:
        for process in reversed(self.running):
            if process.poll() is None:
                for child in children(process.pid):  # a prefork worker's pool processes
                    _kill(child, signal.SIGTERM)
                self.stop(process)


def children(pid: int) -> list[int]:
    """The process ids of `pid`'s children (Linux /proc)."""
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _kill(pid: int, sig) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


@pytest.fixture
def processes(tmp_path):
    started = Processes()
    yield started
    started.stop_all()


def log_of(*procs: subprocess.Popen) -> str:
    return "\n".join(f"--- {proc.args[2:6]} ---\n{proc.log.read_text(errors='replace')[-4000:]}" for proc in procs)


# --- PostgreSQL sessions -----------------------------------------------------------------------------------
def sessions_blocked_by(pid: int | None) -> list[int]:
    """Backends of this database waiting for a lock that backend `pid` holds (None: for any lock)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # else a transaction sees the activity of its first look
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND (%s::int IS NULL AND cardinality(pg_blocking_pids(pid)) > 0 OR %s = ANY(pg_blocking_pids(pid)))",
            [pid, pid],
        )
        return [row[0] for row in cursor.fetchall()]


def backend_pid(conn=None) -> int:
    with (conn or connection).cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def terminate(pid: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        assert cursor.fetchone()[0], f"backend {pid} was not terminated"


# --- The dataset ---------------------------------------------------------------------------------------------
def source_url(n: int) -> str:
    return f"https://news.example.org/fault-drill/{n}"


def dataset_csv(count: int) -> bytes:
    """The product's dataset CSV with `count` incidents `drill-0`.., each with one source and two claims."""

    def state(name: str, code: str) -> dict:
        return {"name": name, "kind": "state", "country": code}

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="")
    writer.writeheader()
    for n in range(count):
        claims = [
            {
                "made_by": state(accuser, code),
                "attributed_to": state("Russia", "RU"),
                "stance": "attributes",
                "stated_on": f"2021-03-{n % 28 + 1:02d}",
                "source": 0,
                "quote": f"{accuser} blamed Russia for attack number {n}",
            }
            for accuser, code in (("Estonia", "EE"), ("United States", "US"))
        ]
        writer.writerow(
            {
                "slug": f"drill-{n}",
                "title": f"Drill incident {n}",
                "status": "new",
                "tlp": "clear",
                "started_on": "2021-02-01",
                "started_on_precision": "day",
                "types": "disruption",
                "victim_countries": "EE",
                "attributions": json.dumps(claims),
                "reactions": "[]",
                "consequences": "[]",
                "sources": json.dumps([{"url": source_url(n), "title": f"Drill report {n}", "kind": "news"}]),
                "format_version": FORMAT_VERSION,
            }
        )
    return out.getvalue().encode()


def whole_rows(count: int) -> tuple[set[int], set[int]]:
    """Which rows of `dataset_csv(count)` are in the database whole, and which not at all; fails on a row
    that is there in part (an incident without its source or claims, or claims without their incident)."""
    from attribution.models import Attribution
    from incidents.models import Incident, IncidentSource, Source

    whole, absent = set(), set()
    for n in range(count):
        incident = Incident.objects.filter(slug=f"drill-{n}").first()
        claims = Attribution.objects.filter(quote__endswith=f"attack number {n}").count()
        source = Source.objects.filter(url=source_url(n)).first()
        linked = incident is not None and IncidentSource.objects.filter(incident=incident, source=source).exists()
        if incident is None and claims == 0 and source is None:
            absent.add(n)
        elif incident is not None and claims == 2 and linked and incident.attributions.count() == 2:
            whole.add(n)
        else:
            raise AssertionError(f"row {n} is there in part: incident {incident}, {claims} claim(s), source {source}")
    return whole, absent
