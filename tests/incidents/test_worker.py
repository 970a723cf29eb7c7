"""A real Celery worker on the real broker imports a page; SIGKILLed mid-job, a restarted worker finishes it.

Needs PostgreSQL and Redis (CI): a worker in another process must see committed rows of the test
database, and the broker must hand the killed worker's message to the next one.
"""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.db import connection
from werkzeug import Response

from incidents.models import ImportJob
from tests.conftest import require_service
from tests.workers import new_queue, publishing_to, worker_settings

PAGE = (
    "<html><head><title>Estonia blames Russia</title></head><body><article><h1>Estonia blames Russia</h1>"
    "<p>Estonia on Tuesday blamed Russia for the cyberattack that took down government websites on March 3. "
    "The Kremlin denied any involvement in the attack.</p>"
    "<p>Estonia expelled two Russian diplomats over the incident, the foreign ministry said.</p>"
    "</article></body></html>"
)


@pytest.fixture
def worker_env(settings):
    """Environment for worker processes: the test database, the broker, a queue of this run's own."""
    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "the worker test needs a database another process can see")
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        require_service("Redis", "CELERY_BROKER_URL is not a redis:// URL")
    queue = new_queue("test")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test", **worker_settings(queue)}
    with publishing_to(queue, settings):
        yield env


def start_worker(env: dict) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-Q",
        env["CELERY_TASK_DEFAULT_QUEUE"],
        "--loglevel=INFO",
    ]
    return subprocess.Popen(
        command, env=env, cwd=settings.BASE_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> str:
    if worker.poll() is None:
        worker.send_signal(sig)
    try:
        output, _ = worker.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()
        output, _ = worker.communicate()
    return output or ""


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.django_db(transaction=True)
def test_worker_imports_and_survives_sigkill(worker_env, api, make_user, httpserver):
    researcher = make_user("researcher", "clear")
    api.as_user(researcher)
    httpserver.expect_request("/fast").respond_with_data(PAGE, content_type="text/html")
    release = threading.Event()

    def slow(request):
        release.wait(timeout=60)
        return Response(PAGE.replace("March 3", "March 4"), content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    worker = start_worker(worker_env)
    log = ""
    try:
        first = api.post("/api/v1/imports/", {"url": httpserver.url_for("/fast"), "published": "2023-03-07"})
        assert first.status_code == 201, first.content
        job_url = f"/api/v1/imports/{first.json()['id']}/"
        wait_for(lambda: api.get(job_url).json()["status"] == "succeeded", 60, "the first job")
        assert api.get(job_url).json()["counts"]["created"] > 0

        second = api.post("/api/v1/imports/", {"url": httpserver.url_for("/slow"), "published": "2023-03-07"})
        job = ImportJob.objects.get(pk=second.json()["id"])
        wait_for(lambda: ImportJob.objects.get(pk=job.pk).status == "running", 30, "the second job to start")
        log += stop(worker, signal.SIGKILL)  # mid-fetch: nothing of the second job is written yet
        assert ImportJob.objects.get(pk=job.pk).status == "running"

        release.set()
        worker = start_worker(worker_env)
        try:
            wait_for(lambda: ImportJob.objects.get(pk=job.pk).status == "succeeded", 90, "the restarted worker")
        except AssertionError:
            raise AssertionError(f"{ImportJob.objects.filter(pk=job.pk).values()[0]}\n{log}\n{stop(worker)}") from None
        job.refresh_from_db()
        assert job.attempts == 2
        from attribution.models import Attribution

        assert Attribution.objects.filter(source_id=job.result["source"]).count() == 1  # no duplicate rows
    finally:
        release.set()
        log += stop(worker)
    assert "run_import_job" in log
