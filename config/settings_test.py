"""Test settings: the real settings plus a fast password hasher."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_HTTPS", "0")  # the test client speaks plain HTTP

from config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests read their own writes inside one transaction; the cache's own test turns it on.
API_CACHE_SECONDS = 0
# A worker runs many test files in a row against one in-process cache, so the production rates (120 anonymous
# requests a minute) were reached on a fast run and answered 429 to unrelated tests; the throttle tests set their own.
API_THROTTLE_ANON = API_THROTTLE_USER = "100000/minute"

# Tests run queued tasks in process (after commit); the worker tests start real workers themselves.
CELERY_TASK_ALWAYS_EAGER = True
