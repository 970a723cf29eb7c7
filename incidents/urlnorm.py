"""Normalised source URLs: one key for the many spellings of one address."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

# Query parameters that only track the reader, never change the document.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "cmpid"}
_DEFAULT_PORTS = {"http": 80, "https": 443}
_WEB_URL = URLValidator(schemes=["http", "https"])
MAX_URL_LENGTH = 2000  # Source.url, ImportJob.input_url, FeedEntry.url


def is_web_url(value) -> bool:
    """Whether `value` is an http(s) address a source may hold (well-formed, at most MAX_URL_LENGTH long)."""
    if not isinstance(value, str) or not value or len(value) > MAX_URL_LENGTH:
        return False
    try:
        _WEB_URL(value)
        normalize_url(value)  # an invalid port raises here
    except (ValidationError, ValueError):
        return False
    return True


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, drop default port, fragment, tracking parameters and a trailing slash.

    The scheme is kept as given (http and https may serve different documents); query parameters are
    sorted so their order does not matter.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(_TRACKING_PREFIXES) and key.lower() not in _TRACKING_NAMES
    ]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))
