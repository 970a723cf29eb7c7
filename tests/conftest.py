"""Shared fixtures: personas, the demo case, and paths to the shared seed and data folders."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from incidents.demo import demo_load

SHARED = Path(settings.BASE_DIR).parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared; skipped when absent outside CI, a failure in CI (CI=true)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{path} is missing, and CI must run this test")
        pytest.skip(f"{path} is not present on this machine")
    return path


def require_service(name: str, reason: str) -> None:
    """Skip a test that needs a service, or fail it when REQUIRE_SERVICES=1 (as in CI)."""
    if settings.REQUIRE_SERVICES:
        pytest.fail(f"{name} is required (REQUIRE_SERVICES=1) but {reason}")
    pytest.skip(f"{name} not available: {reason}")


@pytest.fixture
def owner(django_user_model):
    """A superuser, as the researcher who runs the instance."""
    return django_user_model.objects.create_superuser(username="owner", email="owner@example.org", password="pw")


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def demo(db):
    """The Albania 2022 demo case, loaded through `load_demo`'s service."""
    demo_load()
    from incidents.models import Incident

    return Incident.objects.get(slug="albania-government-cyberattack-2022-07")


@pytest.fixture
def make_user(django_user_model):
    """A user with a role group (viewer, researcher, reviewer, admin) and a TLP clearance."""
    from django.contrib.auth.models import Group

    from incidents.models import Clearance

    def make(role: str, clearance: str = "clear", username: str | None = None):
        user = django_user_model.objects.create_user(username=username or f"{role}-{clearance}", password="pw")
        user.groups.add(Group.objects.get(name=role))
        Clearance.objects.create(user=user, tlp=clearance)
        return user

    return make


@pytest.fixture
def api():
    """An API client; `api.as_user(user)` authenticates it with the user's token (None: anonymous)."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    class Client(APIClient):
        def as_user(self, user):
            self.credentials()
            if user is not None:
                token, _ = Token.objects.get_or_create(user=user)
                self.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
            return self

    return Client()


# A confirmed TLP:RED claim's words, which must never reach a reader without RED clearance.
SECRET = "Intercepted tasking order names the operators"
SECRET_WORDS = "per a sensitive liaison source"


@pytest.fixture
def plant_red(demo):
    """A confirmed TLP:RED claim on the demo case (the UK blames MOIS), quoting SECRET with SECRET_WORDS."""
    from attribution.models import Attribution, Party
    from incidents.models import Source

    return Attribution.objects.create(
        incident=demo,
        made_by=Party.objects.get(name="United Kingdom"),
        attributed_to=Party.objects.get(name="Ministry of Intelligence and Security"),
        source=Source.objects.get(title__startswith="UK statement"),
        quote=SECRET,
        confidence_text=SECRET_WORDS,
        stated_on=demo.started_on.replace(month=9, day=20),
        review_status="confirmed",
        tlp="red",
    )


@pytest.fixture
def import_upload(tasks):
    """`import_upload(kind, content, name, user=None, **options)`: an import job of an uploaded file, run as
    it would be after commit, read back from the database."""
    from incidents.services import importjob_create

    def run(kind: str, content: bytes, name: str, user=None, **options):
        with tasks():
            job = importjob_create(kind=kind, upload=content, upload_name=name, user=user, options=options or None)
        job.refresh_from_db()
        return job

    return run


@pytest.fixture
def tasks(django_capture_on_commit_callbacks):
    """`with tasks():` runs the tasks queued inside it (after commit, as in production)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
