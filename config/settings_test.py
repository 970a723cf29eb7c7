"""Test settings: the real settings plus a fast password hasher."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_HTTPS", "0")  # the test client speaks plain HTTP

from config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests read their own writes inside one transaction; the cache's own test turns it on.
API_CACHE_SECONDS = 0

# Tests run queued tasks in process (after commit); the worker tests start real workers themselves.
CELERY_TASK_ALWAYS_EAGER = True
