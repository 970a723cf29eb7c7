"""Schemathesis over /api/schema/: no 5xx, and every response matches the schema (bounded examples)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.wsgi import application

# Bounded so the suite stays fast: examples and fuzzing phases, a few cases per operation.
FUZZ_CONFIG = SchemathesisConfig.from_dict(
    {"phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}}, "generation": {"max-examples": 10}}
)


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
def admin_token(django_user_model):
    from rest_framework.authtoken.models import Token

    user = django_user_model.objects.create_superuser(username="fuzz-admin", password="pw")
    return Token.objects.create(user=user).key


@schema.parametrize()
@hypothesis_settings(
    max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True
)
@pytest.mark.django_db
def test_api_answers_every_request_within_its_schema(case, admin_token):
    case.call_and_validate(
        headers={"Authorization": f"Token {admin_token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
