"""Fault drills with real processes, Redis and PostgreSQL: a worker killed mid-import, the broker stopped,
the database connection dropped mid-write, and two researchers saving the same incident.

The import drills stop a worker at a known point inside one row's transaction: this process inserts,
without committing, the source that row is about to insert, so the worker's insert waits on the unique
key (the row's incident already written in its open transaction) until this process lets go.
"""

import os
import re
import signal
import sys
import threading
import time
from contextlib import contextmanager

import psycopg2
import pytest
import redis
import requests
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from attribution.models import Attribution
from incidents.models import ImportJob, Incident, Source
from incidents.services import ImportQueueUnavailable, importjob_create
from tests.factories import AttributionFactory, IncidentFactory
from tests.faults.conftest import (
    backend_pid,
    children,
    dataset_csv,
    free_port,
    log_of,
    require_postgres,
    sessions_blocked_by,
    source_url,
    terminate,
    wait_for,
    whole_rows,
)
from tests.workers import database_url

ROWS = 8
HELD = 3  # the row the drills stop the worker in
PREFORK_LEASE = 8
FINAL = ("succeeded", "failed", "partial")


def submit_dataset() -> ImportJob:
    """Queue the drill dataset as an import job (committed and published at once)."""
    return importjob_create(
        kind="dataset", upload=dataset_csv(ROWS), upload_name="drill.csv", options={"format": "csv"}
    )


@contextmanager
def row_held(n: int):
    """Hold row `n`'s source key in an open transaction of this process (yields its backend's pid); the
    transaction is rolled back at the end, whatever happened inside."""
    with transaction.atomic():
        Source.objects.create(url=source_url(n), title="held by the drill")
        yield backend_pid()
        transaction.set_rollback(True)


def finished(job: ImportJob, timeout: float, *procs) -> ImportJob:
    try:
        wait_for(lambda: ImportJob.objects.get(pk=job.pk).status in FINAL, timeout, f"import job {job.pk} to end")
    except AssertionError as error:
        raise AssertionError(f"{error}: {ImportJob.objects.filter(pk=job.pk).values()[0]}\n{log_of(*procs)}") from None
    job.refresh_from_db()
    return job


# --- 1. A worker SIGKILLed mid-import ----------------------------------------------------------------------
@pytest.mark.parametrize("pool", ["solo", "prefork"])
@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_import_the_job_is_redelivered_and_completes_once(pool, process_env, processes, tmp_path):
    """solo: the whole worker dies and Redis hands the unacknowledged message to a new worker after the
    visibility timeout. prefork: only the pool process dies and the message comes back at once, while the
    job's lease still runs: the task waits for the lease to expire instead of dropping the job."""
    if pool == "prefork":  # a lease long enough to be surely running when the message comes back
        process_env["IMPORT_JOB_LEASE_SECONDS"] = str(PREFORK_LEASE)
    job = submit_dataset()
    worker = processes.worker(process_env, tmp_path / "worker-1.log", pool=pool)
    with row_held(HELD) as holder:
        wait_for(lambda: sessions_blocked_by(holder), 60, f"the worker to reach row {HELD}")
        victim = worker.pid if pool == "solo" else children(worker.pid)[0]
        os.kill(victim, signal.SIGKILL)
        assert ImportJob.objects.get(pk=job.pk).status == "running"
    # The killed worker's open transaction (row 3's incident) is rolled back by PostgreSQL, never committed.
    if pool == "solo":
        worker.wait(timeout=10)
        worker = processes.worker(process_env, tmp_path / "worker-2.log")

    job = finished(job, 60, worker)
    assert (job.status, job.errors, job.attempts) == ("succeeded", [], 2), log_of(worker)
    if pool == "prefork":
        assert re.search(r"run_import_job\[[-\w]+\] retry: Retry in [\d.]+s", processes.stop(worker)), log_of(worker)
    assert whole_rows(ROWS) == (set(range(ROWS)), set())
    assert Incident.objects.count() == ROWS  # created once each: no duplicates
    assert Attribution.objects.count() == 2 * ROWS
    assert Source.objects.count() == ROWS
    assert job.counts["rows"] == ROWS and job.counts["skipped"] == 0
    assert job.counts["unchanged"] >= HELD  # the rows done before the kill were found, not made again


# --- 3. The database connection dropped mid-write ------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_database_connection_dropped_mid_import_leaves_no_partial_rows(process_env, processes, tmp_path):
    """Dropped inside a row's transaction, that row is rolled back whole and the import goes on; dropped
    outside one (the job's progress write), the job ends failed with a clear error instead of staying
    "running" for ever. Either way every row is in the database whole or not at all."""
    job = submit_dataset()
    worker = processes.worker(process_env, tmp_path / "worker.log")
    with row_held(HELD) as holder:
        [pid] = wait_for(lambda: sessions_blocked_by(holder), 60, f"the worker to reach row {HELD}")
        terminate(pid)  # the worker's backend dies with row 3's incident written, its source not yet
    job = finished(job, 30, worker)
    assert job.status == "partial", job.errors
    [problem] = job.errors
    assert problem.startswith(f"line {HELD + 2} (drill-{HELD}): the database connection was lost ("), problem
    assert problem.endswith("nothing of this item was imported, run the import again"), problem
    assert whole_rows(ROWS) == (set(range(ROWS)) - {HELD}, {HELD})
    assert (job.counts["rows"], job.counts["skipped"]) == (ROWS - 1, 1)
    assert Incident.objects.count() == ROWS - 1

    again = submit_dataset()  # imports row 3; this time the connection drops when the job writes its progress
    job_lock = psycopg2.connect(database_url())
    try:
        with row_held(HELD) as holder:
            wait_for(lambda: sessions_blocked_by(holder), 60, f"the second run to reach row {HELD}")
            with job_lock.cursor() as cursor:
                cursor.execute("SELECT id FROM incidents_importjob WHERE id = %s FOR UPDATE", [again.pk])
        [pid] = wait_for(lambda: sessions_blocked_by(backend_pid(job_lock)), 30, "the job's progress write")
        terminate(pid)
    finally:
        job_lock.rollback()
        job_lock.close()
    again = finished(again, 30, worker)
    assert again.status == "failed"
    [error] = again.errors
    assert error.startswith("The database connection was lost during the import ("), error
    assert "run the import again" in error
    assert whole_rows(ROWS) == (set(range(ROWS)), set())


# --- 2. The broker stopped -------------------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_broker_down_reads_work_imports_answer_503_and_nothing_is_lost(
    process_env, processes, tmp_path, make_user, owner
):
    """A private Redis (append-only file on) behind a real web process; hung or stopped, reads go on, both
    ways of submitting an import answer 503 within seconds and record nothing, and the job queued before
    the outage survives it; restarted, a worker runs that job and a new submission."""
    redis_port, web_port = free_port(), free_port()
    redis_args = ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""]
    redis_args += ["--appendonly", "yes", "--appendfsync", "always", "--dir", str(tmp_path)]
    broker = processes.start(redis_args, process_env, tmp_path / "redis-1.log")
    env = {**process_env, "CELERY_BROKER_URL": f"redis://127.0.0.1:{redis_port}/0"}
    web = processes.start(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{web_port}",
            "--threads",
            "4",
            "--no-control-socket",
        ],
        env,
        tmp_path / "web.log",
    )
    base = f"http://127.0.0.1:{web_port}"
    incident = IncidentFactory(title="Readable while the broker is down", review_status="confirmed")
    api = requests.Session()
    api.headers["Authorization"] = f"Token {Token.objects.create(user=make_user('researcher')).key}"
    admin = admin_session(owner)
    wait_for(lambda: _answers(f"{base}/api/v1/"), 60, "the web process", every=0.5)
    wait_for(lambda: _pings(redis_port), 10, "Redis")

    before = api.post(f"{base}/api/v1/imports/", json={"text": "Estonia blamed Russia for the attack.", "title": "A"})
    assert before.status_code == 201, before.text
    broker.send_signal(signal.SIGSTOP)  # hung: it still accepts connections but never answers
    try:
        started = time.monotonic()
        hung = api.post(f"{base}/api/v1/imports/", json={"text": "Latvia blamed Russia.", "title": "B"}, timeout=30)
        assert (hung.status_code, time.monotonic() - started < 8) == (503, True), hung.text
    finally:
        broker.send_signal(signal.SIGCONT)
    processes.stop(broker)  # SIGTERM: Redis syncs its append-only file and exits

    for path in ["/api/v1/incidents/", f"/api/v1/incidents/{incident.pk}/", f"/api/v1/imports/{before.json()['id']}/"]:
        assert api.get(base + path, timeout=10).status_code == 200, path
    changelist = admin.get(f"{base}/admin/incidents/incident/", timeout=10, allow_redirects=False)
    assert changelist.status_code == 200 and incident.title in changelist.text
    started = time.monotonic()
    refused = api.post(f"{base}/api/v1/imports/", json={"text": "Latvia blamed Russia.", "title": "B"}, timeout=30)
    assert time.monotonic() - started < 5, "a submission must not hang while the broker is down"
    assert refused.status_code == 503, refused.text
    assert refused.json() == {"detail": ImportQueueUnavailable.message}
    assert refused.headers["Retry-After"] == "30"
    add_url = f"{base}{reverse('admin:incidents_importjob_add')}"
    page = admin.get(add_url, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    form = {"csrfmiddlewaretoken": token, "kind": "report", "input_text": "Lithuania blamed Russia.", "title": "C"}
    refused_form = admin.post(add_url, data=form, timeout=30)
    assert refused_form.status_code == 503
    assert ImportQueueUnavailable.message in refused_form.text
    assert "Lithuania blamed Russia." in refused_form.text  # the form comes back filled in: nothing typed is lost
    assert list(ImportJob.objects.values_list("pk", "status")) == [(before.json()["id"], "queued")]

    broker = processes.start(redis_args, process_env, tmp_path / "redis-2.log")
    wait_for(lambda: _pings(redis_port), 10, "Redis to come back")
    worker = processes.worker(env, tmp_path / "worker.log")
    after = api.post(f"{base}/api/v1/imports/", json={"text": "Latvia blamed Russia for the attack.", "title": "B"})
    assert after.status_code == 201, after.text
    for job in ImportJob.objects.order_by("pk"):
        assert finished(job, 60, worker, web).status == "succeeded", job.errors
    assert ImportJob.objects.count() == 2


def admin_session(user) -> requests.Session:
    """A browser-like session signed in as `user` (the session is stored in the shared database)."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    return session


def _answers(url: str) -> bool:
    try:  # gunicorn listens before its worker has loaded the application
        return requests.get(url, timeout=10).status_code == 200
    except (requests.ConnectionError, requests.Timeout):
        return False


def _pings(port: int) -> bool:
    try:
        return redis.Redis(port=port, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        return False


# --- 4. Two researchers editing the same incident -----------------------------------------------------------------
class FormScraper:
    """The fields a browser would post from the admin's change form, read from its HTML."""

    TAG = re.compile(r"<(input|select|textarea|option|/select|/textarea)\b([^>]*)>", re.I)
    ATTR = re.compile(r'([\w-]+)(?:="([^"]*)")?')

    @classmethod
    def fields(cls, html: str) -> dict:
        import html as htmlmod

        form = html[html.index('id="incident_form"') :]
        form = form[: form.index("</form>")]
        data: dict[str, list[str]] = {}
        select = textarea = None
        for match in cls.TAG.finditer(form):
            tag, attrs = match.group(1).lower(), dict(cls.ATTR.findall(match.group(2)))
            if tag == "input" and attrs.get("name"):
                kind = attrs.get("type", "text")
                if kind in ("submit", "button", "file") or (kind in ("checkbox", "radio") and "checked" not in attrs):
                    continue
                data.setdefault(attrs["name"], []).append(htmlmod.unescape(attrs.get("value", "")))
            elif tag == "select":
                select = attrs.get("name")
                data.setdefault(select, [])
            elif tag == "option" and select and "selected" in attrs:
                data[select].append(htmlmod.unescape(attrs.get("value", "")))
            elif tag == "/select":
                select = None
            elif tag == "textarea":
                textarea = (attrs.get("name"), match.end())
            elif tag == "/textarea" and textarea:
                data[textarea[0]] = [htmlmod.unescape(form[textarea[1] : match.start()]).removeprefix("\n")]
                textarea = None
        return data


def researcher_client(make_user, name: str) -> Client:
    user = make_user("researcher", username=name)
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_refuses_a_save_over_a_newer_version_and_keeps_the_first(make_user):
    incident = IncidentFactory(title="Original title", summary="")
    AttributionFactory(incident=incident)
    url = reverse("admin:incidents_incident_change", args=[incident.pk])
    alice, bob = researcher_client(make_user, "alice"), researcher_client(make_user, "bob")
    alice_form, bob_form = (
        FormScraper.fields(alice.get(url).content.decode()),
        FormScraper.fields(bob.get(url).content.decode()),
    )
    assert alice_form["version"] == ["1"] and bob_form["version"] == ["1"]

    alice_form["title"] = ["Alice's title"]
    assert alice.post(url, alice_form).status_code == 302
    bob_form["summary"] = ["Bob's summary"]
    refused = bob.post(url, bob_form)
    assert refused.status_code == 200
    errors = refused.context["adminform"].form.non_field_errors()
    assert len(errors) == 1
    assert re.fullmatch(
        r"This incident was changed by alice at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC since you opened it "
        r"\(it is now at version 2\); reload to see their changes\.",
        errors[0],
    ), errors
    incident.refresh_from_db()
    assert (incident.title, incident.summary, incident.version) == ("Alice's title", "", 2)

    reloaded = FormScraper.fields(bob.get(url).content.decode())
    reloaded["summary"] = ["Bob's summary"]
    assert bob.post(url, reloaded).status_code == 302
    incident.refresh_from_db()
    assert (incident.title, incident.summary, incident.version) == ("Alice's title", "Bob's summary", 3)


@pytest.mark.django_db
def test_a_review_in_between_makes_an_open_admin_form_stale(make_user, api):
    """Every save moves the version, not only the admin form's: a confirmation is not silently undone."""
    incident = IncidentFactory(review_status="draft")
    url = reverse("admin:incidents_incident_change", args=[incident.pk])
    alice = researcher_client(make_user, "alice")
    form = FormScraper.fields(alice.get(url).content.decode())
    api.as_user(make_user("reviewer", username="rita"))
    assert api.post(f"/api/v1/incidents/{incident.pk}/confirm/").status_code == 200
    form["title"] = ["Alice's title"]
    refused = alice.post(url, form)
    assert "This incident was changed by rita" in str(refused.context["adminform"].form.non_field_errors())
    incident.refresh_from_db()
    assert (incident.review_status, incident.version) == ("confirmed", 2)


@pytest.mark.django_db
def test_api_etag_and_if_match(make_user, api):
    incident = IncidentFactory(title="Original title", summary="")
    url = f"/api/v1/incidents/{incident.pk}/"
    api.as_user(make_user("researcher"))
    read = api.get(url)
    assert read["ETag"] == '"1"' and read.json()["version"] == 1

    first = api.patch(url, {"title": "First"}, format="json", HTTP_IF_MATCH='"1"')
    assert first.status_code == 200 and first["ETag"] == '"2"' and first.json()["version"] == 2
    stale = api.patch(url, {"summary": "Second"}, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    assert stale.json()["detail"].startswith('If-Match "1" does not name the incident\'s current version "2"')
    incident.refresh_from_db()
    assert (incident.title, incident.summary, incident.version) == ("First", "", 2)

    whole = {**api.get(url).json(), "summary": "Put over a stale version"}
    assert api.put(url, whole, format="json", HTTP_IF_MATCH='"1"').status_code == 412
    assert api.patch(url, {"summary": "x"}, format="json", HTTP_IF_MATCH='W/"2"').status_code == 412  # weak: never
    assert api.patch(url, {"summary": "Listed"}, format="json", HTTP_IF_MATCH='"7", "2"').status_code == 200
    assert api.patch(url, {"summary": "Any"}, format="json", HTTP_IF_MATCH="*").status_code == 200
    unconditional = api.patch(url, {"summary": "Without If-Match"}, format="json")  # optional, as documented
    assert unconditional.status_code == 200 and unconditional["ETag"] == '"5"'
    assert api.get(url)["ETag"] == '"5"'


@pytest.mark.django_db(transaction=True)
def test_api_two_writers_with_the_same_if_match_one_wins(make_user):
    """Both requests pass the If-Match check against the version they read, then wait on the row (held here);
    the conditional write lets exactly one through, whichever it is, and the other gets 412."""
    require_postgres()
    incident = IncidentFactory(title="Original title")
    url = f"/api/v1/incidents/{incident.pk}/"
    tokens = [Token.objects.create(user=make_user("researcher", username=f"writer-{n}")).key for n in range(2)]
    holder = psycopg2.connect(database_url())
    outcomes = {}

    def write(n: int) -> None:
        from rest_framework.test import APIClient

        client = APIClient(HTTP_AUTHORIZATION=f"Token {tokens[n]}")
        try:
            outcomes[n] = client.patch(url, {"title": f"Writer {n}"}, format="json", HTTP_IF_MATCH='"1"').status_code
        finally:
            connection.close()

    writers = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    try:
        with holder.cursor() as cursor:
            cursor.execute("SELECT id FROM incidents_incident WHERE id = %s FOR UPDATE", [incident.pk])
        for thread in writers:
            thread.start()
        # The first waits for this session, the second for the first (row locks queue).
        wait_for(lambda: len(sessions_blocked_by(None)) == 2, 30, "both writers to wait on the row")
    finally:
        holder.rollback()
        holder.close()
        for thread in writers:
            thread.join(timeout=30)
    assert sorted(outcomes.values()) == [200, 412], outcomes
    winner = next(n for n, code in outcomes.items() if code == 200)
    incident.refresh_from_db()
    assert (incident.title, incident.version) == (f"Writer {winner}", 2)
