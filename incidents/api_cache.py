"""Cached answers for anonymous API reads, invalidated by a data generation number (PostgreSQL).

Every save or delete of a record of the case tracker or of the attribution models (and every bulk insert
of the importers) advances a PostgreSQL sequence, at once and again when the transaction commits (so a
reader that computed an answer from the data before the commit stores it under a generation nobody asks
for any more). A cached answer is keyed by that generation, the request's path and query string and the
chosen renderer, so it is never served after a write. Only anonymous requests are cached: every anonymous
reader sees the same records, and nothing of a signed-in user's wider view can enter the cache.

`API_CACHE_SECONDS` (default 300; 0 turns caching off) bounds how long an unused answer is kept. Answers
live in Django's cache: per process by default, shared when `CACHE_URL` points at Redis.
"""

import functools
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from rest_framework.response import Response

logger = logging.getLogger(__name__)

SEQUENCE = "incidents_data_generation"
_APPS = ("attribution", "incidents")
_NOT_DATA = {"importjob", "feed", "feedentry", "incidentsearch"}


def enabled() -> bool:
    return settings.API_CACHE_SECONDS > 0 and connection.vendor == "postgresql"


def generation() -> int | None:
    """The current data generation, or None when answers are not cached."""
    if not enabled():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_value FROM {SEQUENCE}")
        return cursor.fetchone()[0]


def _advance() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT nextval('{SEQUENCE}')")


def bump() -> None:
    """Advance the generation now and again when the current transaction commits."""
    if connection.vendor != "postgresql":
        return
    _advance()
    if connection.in_atomic_block and not any(entry[1] is _advance for entry in connection.run_on_commit):
        transaction.on_commit(_advance)


def cached_for_anonymous(view_method):
    """Serve a DRF view method's 200 answer to anonymous readers from the cache while the data is unchanged."""

    @functools.wraps(view_method)
    def wrapper(self, request, *args, **kwargs):
        key = None
        if not request.user.is_authenticated:
            current = generation()
            if current is not None:
                key = f"api:{current}:{request.accepted_renderer.format}:{request.get_full_path()}"
        if key is not None:
            data = cache.get(key)
            if data is not None:
                return Response(data)
        response = view_method(self, request, *args, **kwargs)
        if key is not None and response.status_code == 200:
            cache.set(key, response.data, settings.API_CACHE_SECONDS)
        return response

    return wrapper


def _changed(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in _APPS or meta.model_name in _NOT_DATA:
        return
    if meta.model_name.startswith("historical"):
        return
    bump()


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    post_save.connect(_changed, dispatch_uid="api_cache_save")
    post_delete.connect(_changed, dispatch_uid="api_cache_delete")
    m2m_changed.connect(_changed, dispatch_uid="api_cache_m2m")
