"""Checks made before the site serves a single request."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def require_secret_key() -> None:
    """Refuse to serve without DJANGO_SECRET_KEY (DJANGO_DEBUG=1 supplies a development key)."""
    try:
        key = settings.SECRET_KEY  # Django itself refuses an empty key here, with a less helpful message
    except ImproperlyConfigured:
        key = ""
    if not key:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string "
            "(or set DJANGO_DEBUG=1 for local development, which uses a development key)."
        )
