"""Cached answers for anonymous API reads, invalidated by a data generation number (PostgreSQL).

Every save or delete of a record of the case tracker or of the attribution models (and every bulk insert
of the importers) advances a PostgreSQL sequence, at once and again when the transaction commits (so a
reader that computed an answer from the data before the commit stores it under a generation nobody asks
for any more). A cached answer is keyed by that generation and the request, so it is never served after a
write. Only anonymous requests are cached: every anonymous reader sees the same records, and nothing of a
signed-in user's wider view can enter the cache.

Two levels, both in Django's cache:

- `cached_for_anonymous` (on a DRF view method) keeps the answer's data, keyed by the generation, the path
  and query string and the chosen renderer; a hit skips the queries and serialisation, not DRF itself.
- `CachedAnswerMiddleware` keeps the rendered JSON answer with every header the rest of the stack gave it
  (ETag, Vary, Allow, CSP, X-Frame-Options, content type), keyed by the generation, host, path and query
  string and the Accept header. A hit is answered before the session, CSRF, authentication middleware and
  DRF run: one query (the generation), one cache read and the anonymous throttles, checked and recorded
  as DRF does (when a throttle refuses, the request goes on to DRF, which answers 429 as always).

`API_CACHE_SECONDS` (default 300; 0 turns caching off) bounds how long an unused answer is kept. Answers
live in Django's cache: per process by default, shared when `CACHE_URL` points at Redis.
"""

import functools
import hashlib
import logging

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

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
    """Serve a DRF view method's 200 answer to anonymous readers from the cache while the data is unchanged,
    and mark the answer for `CachedAnswerMiddleware` (which keeps it rendered)."""

    @functools.wraps(view_method)
    def wrapper(self, request, *args, **kwargs):
        key = None
        if not request.user.is_authenticated:
            # The middleware read the generation before anything else of this request (None: not read).
            current = getattr(request._request, "api_generation", None)
            if current is None:
                current = generation()
            if current is not None:
                key = f"api:{current}:{request.accepted_renderer.format}:{request.get_full_path()}"
        data = cache.get(key) if key is not None else None
        response = Response(data) if data is not None else None
        if response is None:
            response = view_method(self, request, *args, **kwargs)
            if key is not None and response.status_code == 200:
                cache.set(key, response.data, settings.API_CACHE_SECONDS)
        if key is not None and response.status_code == 200:
            response.anonymous_throttles = tuple(type(throttle) for throttle in self.get_throttles())
        return response

    wrapper.cached_for_anonymous = True  # what CachedAnswerMiddleware looks for (`_cached_route`)
    return wrapper


# --- Rendered answers, served before the middleware stack and DRF ---------------------------------------------
class CachedAnswerMiddleware:
    """Answers an anonymous API GET from its cached rendered answer; stores the answers that views marked
    (`cached_for_anonymous`). Sits right after SecurityMiddleware (which adds its headers to hits and misses
    alike) and the request size limit; everything after it is skipped on a hit, so the stored headers are
    those the inner middleware gave the first answer. A hit makes one query and two cache round trips: the
    answer and the throttle histories in one read, the updated histories in one write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _answer_key(request)
        if key is not None:
            throttles = _throttles(request, api_settings.DEFAULT_THROTTLE_CLASSES)
            found = cache.get_many([key] + [k for _, k in throttles or ()])
            entry = found.get(key)
            if entry is not None:
                content, headers, view_throttles = entry
                if tuple(view_throttles) != tuple(api_settings.DEFAULT_THROTTLE_CLASSES):
                    throttles = _throttles(request, view_throttles)
                    found = cache.get_many([k for _, k in throttles or ()])
                if throttles is not None and _throttles_allow(throttles, found):
                    return _replay(content, headers)
        response = self.get_response(request)
        view_throttles = getattr(response, "anonymous_throttles", None)
        if key is not None and view_throttles is not None and _storable(request, response):
            entry = (response.content, list(response.items()), view_throttles)
            cache.set(key, entry, settings.API_CACHE_SECONDS)
        return response


def _answer_key(request) -> str | None:
    """The cache key of an anonymous API GET's rendered answer (None for any other request); reads the data
    generation and leaves it on the request for `cached_for_anonymous`."""
    if request.method != "GET" or not request.path.startswith("/api/") or not _cached_route(request.path_info):
        return None
    if "HTTP_AUTHORIZATION" in request.META or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None  # possibly signed in: DRF decides
    current = generation()
    if current is None:
        return None
    request.api_generation = current
    accept = request.META.get("HTTP_ACCEPT", "")
    identity = f"{request.get_host()}\n{request.get_full_path()}\n{accept}".encode()
    return f"api-answer:{current}:{hashlib.sha256(identity).hexdigest()}"


@functools.lru_cache(maxsize=4096)
def _cached_route(path: str) -> bool:
    """Whether the view answering GET `path` keeps its anonymous answers (its handler is wrapped by
    `cached_for_anonymous`): other reads (lists, searches) skip the generation query and the cache read."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    view_class = getattr(match.func, "cls", None)  # DRF views and viewsets
    actions = getattr(match.func, "actions", None) or {"get": "get"}  # a viewset's method names by HTTP verb
    handler = getattr(view_class, actions.get("get", ""), None)
    return bool(getattr(handler, "cached_for_anonymous", False))


def _storable(request, response) -> bool:
    """A 200 JSON answer to a reader DRF found anonymous, setting no cookie. Other renderers (the browsable
    API's HTML) may embed per-client values such as a CSRF token, so only JSON is kept rendered."""
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and response.get("Content-Type", "").startswith("application/json")
        and user is not None
        and not user.is_authenticated
    )


def _replay(content: bytes, headers: list[tuple[str, str]]) -> HttpResponse:
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


class _AnonymousReader:
    """What DRF's address-based throttles read of a request: its address headers and an anonymous user."""

    user = AnonymousUser()

    def __init__(self, request):
        self.META = request.META
        self.headers = request.headers


def _throttles(request, throttle_classes) -> list | None:
    """(throttle, cache key) of each of the classes that applies to this anonymous reader; None when one of
    them is not a rate throttle over Django's cache (its check could not be split from its recording)."""
    reader = _AnonymousReader(request)
    throttles = []
    for throttle_class in throttle_classes:
        if not issubclass(throttle_class, SimpleRateThrottle) or throttle_class.cache is not cache:
            return None
        throttle = throttle_class()
        key = throttle.get_cache_key(reader, None) if throttle.rate is not None else None
        if key is not None:
            throttles.append((throttle, key))
    return throttles


def _throttles_allow(throttles: list, histories: dict) -> bool:
    """DRF's throttle check (`SimpleRateThrottle.allow_request`) over histories already read, recorded only
    when every throttle allows the request. When one refuses, nothing is recorded here: the request goes on
    to DRF, which checks again, records what it records and answers 429 with its Retry-After, exactly as
    without this cache."""
    updated: dict[int, dict] = {}  # duration: {key: history}
    for throttle, key in throttles:
        history = histories.get(key, [])
        now = throttle.timer()
        while history and history[-1] <= now - throttle.duration:
            history.pop()
        if len(history) >= throttle.num_requests:
            return False
        history.insert(0, now)
        updated.setdefault(throttle.duration, {})[key] = history
    for duration, group in updated.items():
        cache.set_many(group, duration)
    return True


# --- Invalidation ---------------------------------------------------------------------------------------------
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
