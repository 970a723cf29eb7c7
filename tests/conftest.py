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
