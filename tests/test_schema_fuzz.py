"""Schemathesis over /api/schema/: every operation and method, as each role, answers without a 5xx and
within its schema (bounded examples, so the file stays well under two minutes)."""

import os
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]
# Generated requests that follow the schema and requests that break it (negative mode); the coverage and
# stateful phases are off to keep the file under two minutes (the examples per operation are set below).
FUZZ_CONFIG = SchemathesisConfig.from_dict(
    {"phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}}, "generation": {"mode": "all"}}
)
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))  # FUZZ_SCALE=10: ten times the examples, from a random seed
ROLES = ("anonymous", "viewer", "researcher", "reviewer", "admin")
CLEARANCE = {"viewer": "green", "researcher": "amber", "reviewer": "amber_strict", "admin": "red"}


@pytest.fixture
def keep_db_connection():
    """Calls into the WSGI app must not close the test's connection (Django's test client does the same)."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(demo, settings, keep_db_connection):
    """The live schema, read through the WSGI app (after the demo case is loaded, so ids resolve)."""
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    settings.API_THROTTLE_ANON = settings.API_THROTTLE_USER = "1000000/minute"
    return schemathesis.openapi.from_wsgi("/api/schema/", application, config=FUZZ_CONFIG)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def role_headers(make_user) -> dict[str, dict]:
    """The Authorization header of one user per role (none for anonymous), each cleared above TLP:CLEAR."""
    from rest_framework.authtoken.models import Token

    headers = {"anonymous": {}}
    for role in ROLES[1:]:
        user = make_user(role, CLEARANCE[role], username=f"fuzz-{role}")
        headers[role] = {"Authorization": f"Token {Token.objects.create(user=user).key}"}
    return headers


@pytest.fixture
def real_ids(demo, role_headers, django_user_model) -> dict[str, int]:
    """One existing record per resource, visible to every role (the demo case is confirmed TLP:CLEAR), so that
    detail operations meet real rows and not only 404s; an import job the researcher queued."""
    from attribution.models import Attribution, Consequence, Reaction
    from incidents.models import CaseNote
    from incidents.services import importjob_create

    researcher = django_user_model.objects.get(username="fuzz-researcher")
    job = importjob_create(user=researcher, text="Albania blamed Iran for the July cyberattack.", queue=False)
    claim = Attribution.objects.filter(incident=demo).order_by("pk").first()
    return {
        "incidents": demo.pk,
        "parties": claim.attributed_to_id,
        "attributions": claim.pk,
        "reactions": Reaction.objects.filter(incident=demo).order_by("pk").first().pk,
        "consequences": Consequence.objects.filter(incident=demo).order_by("pk").first().pk,
        "notes": CaseNote.objects.filter(incident=demo).order_by("pk").first().pk,
        "sources": claim.source_id,
        "imports": job.pk,
    }


@contextmanager
def undone(case):
    """Changes to existing records are undone after the call (every operation meets the demo case whole);
    records created by POST to a collection stay, so later lists and exports render fuzzed records."""
    if case.method == "GET" or "id" not in (case.path_parameters or {}):
        yield
        return
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@schema.parametrize()
@hypothesis_settings(
    max_examples=max(1, int(4 * SCALE)),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=SCALE == 1,
)
@pytest.mark.django_db
def test_api_answers_every_request_within_its_schema_as_every_role(case, role_headers, real_ids):
    """Each generated request is sent as each role; a request naming a record is sent again naming a real one."""
    ids = [None]
    if "id" in (case.path_parameters or {}):
        ids = [case.path_parameters["id"], real_ids[case.operation.path.split("/")[3]]]
    for record_id in ids:
        if record_id is not None:
            case.path_parameters["id"] = record_id
        for role, headers in role_headers.items():
            with undone(case):  # X-Fuzz-Role names the role in the failure's "Reproduce with" line
                case.call_and_validate(headers={**headers, "X-Fuzz-Role": role}, checks=CHECKS)


# --- Methods the schema does not list, and the 5xx / schema violations the fuzzing found -----------------------
METHODS = ("get", "post", "put", "patch", "delete")


def test_every_method_the_schema_does_not_list_is_refused_with_a_json_error_as_every_role(
    client, demo, real_ids, role_headers, settings
):
    """PUT on a list, POST on a record, DELETE on the stats…: 405 (or the 401 / 403 the role meets first) with a
    JSON `detail`, never a 5xx."""
    settings.API_THROTTLE_ANON = settings.API_THROTTLE_USER = "1000000/minute"
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    tried = 0
    for path, operations in paths.items():
        url = path.replace("{id}", str(real_ids[path.split("/")[3]])) if "{id}" in path else path
        for method in (m for m in METHODS if m not in operations):
            for role, headers in role_headers.items():
                auth = {"HTTP_AUTHORIZATION": headers["Authorization"]} if headers else {}
                response = getattr(client, method)(url, **auth)
                # Permissions are checked before the method: lower roles may meet 401 / 403 first.
                allowed = {"admin": {405}, "anonymous": {401, 405}}.get(role, {403, 405})
                assert response.status_code in allowed, (method, url, role, response.status_code)
                assert response["Content-Type"] == "application/json" and response.json()["detail"]
                tried += 1
    assert tried > 100  # the schema's paths were read: not a test of nothing


def test_notes_have_no_review_routes(client, real_ids, role_headers):
    """POST /notes/{id}/confirm/ answered 500 (a note has no review status): notes are not reviewed."""
    for verb in ("confirm", "reject"):
        response = client.post(
            f"/api/v1/notes/{real_ids['notes']}/{verb}/", HTTP_AUTHORIZATION=role_headers["admin"]["Authorization"]
        )
        assert response.status_code == 404


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ("?occurred_after=not-a-date", "occurred_after", "valid date"),
        ("?format=xlsx", "format", "Unknown format 'xlsx'; choose one of csv, json, stix."),
        ("?format=json&occurred_after=x", "occurred_after", "valid date"),
    ],
)
def test_a_dataset_request_it_cannot_serve_is_a_json_400_with_the_reason(client, db, query, field, words):
    """A bad filter on the default CSV format answered 400 with an empty body, an unknown format 404 with one."""
    response = client.get(f"/api/v1/dataset/{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert words in response.json()[field][0]


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/api/v1/incidents/1.5/", "application/json"),  # an id the router does not take (ids hold no dots)
        ("/api/v1/parties/-2.2e-308/confirm/", "application/json"),
        ("/api/v1/no-such-resource/", "application/json"),
        ("/no-such-page/", "text/html; charset=utf-8"),
    ],
)
def test_an_address_that_names_no_route_is_a_404_in_the_apis_own_format(client, db, path, content_type):
    """Ids the router does not match answered the HTML 404 page, which the schema does not list for the API."""
    response = client.get(path)
    assert (response.status_code, response["Content-Type"]) == (404, content_type)
    if content_type == "application/json":
        assert response.json() == {"detail": "Not found."}
