"""Normalised source URLs: one key for the many spellings of one address."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track the reader, never change the document.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "cmpid"}
_DEFAULT_PORTS = {"http": 80, "https": 443}


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
