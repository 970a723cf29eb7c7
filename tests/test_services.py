"""The services CI promises (REQUIRE_SERVICES=1): PostgreSQL as the database, Redis as the broker."""

import socket
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import require_service


@pytest.mark.django_db
def test_database_is_postgresql_when_services_are_required():
    if connection.vendor != "postgresql":
        require_service("PostgreSQL", f"DATABASE_URL points at {connection.vendor}")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 150000


def test_broker_answers_when_services_are_required():
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        require_service("Redis", "CELERY_BROKER_URL is not a redis:// URL")
    url = urlsplit(settings.CELERY_BROKER_URL)
    try:
        with socket.create_connection((url.hostname, url.port or 6379), timeout=5) as conn:
            conn.sendall(b"PING\r\n")
            assert conn.recv(16).startswith(b"+PONG")
    except OSError as error:
        require_service("Redis", f"{url.hostname}:{url.port} refused the connection ({error})")
