"""Fetching user-submitted URLs without letting them reach inside our network (SSRF).

Only http and https; every name is resolved and every address checked before connecting, and the
address a socket actually connects to is checked again (so a DNS answer that changes between the two
cannot slip through); redirects are followed by hand, at most IMPORT_MAX_REDIRECTS, each checked the
same way; bodies are capped at IMPORT_MAX_BYTES; no proxy from the environment is used.
A caller may make the request conditional (a stored ETag / Last-Modified, as feed polling does); a
304 Not Modified answer then comes back with `not_modified` set and no content.
A URL with a user name or password, or longer than MAX_URL_LENGTH, is refused too (credentials would be
sent to the server and stored with the job). An IPv6 address that carries an IPv4 one (mapped ::ffff:a.b.c.d,
6to4 2002:…) is judged by the IPv4 address it carries.
IMPORT_ALLOW_PRIVATE_ADDRESSES=1 admits loopback addresses only (tests serving pages from 127.0.0.1);
private, link-local (cloud metadata), multicast and reserved addresses stay refused even then.
"""

import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from incidents.urlnorm import MAX_URL_LENGTH

USER_AGENT = "attribution-tracker-importer/1.0"


class FetchError(Exception):
    """A URL that may not or could not be fetched; the message is shown to the user on the job."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    charset: str | None
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)  # the final response's (case-insensitive)

    @property
    def not_modified(self) -> bool:
        """The server answered 304 to a conditional request: the copy we hold is current."""
        return self.status == 304


def refused_reason(ip_text: str) -> str | None:
    """Why an address may not be fetched, or None when it is a public address."""
    ip = ipaddress.ip_address(ip_text.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and (ip.ipv4_mapped or ip.sixtofour):
        ip = ip.ipv4_mapped or ip.sixtofour  # a 6to4 address is routed to the IPv4 address it carries
    if ip.is_loopback and settings.IMPORT_ALLOW_PRIVATE_ADDRESSES:
        return None
    for attribute, label in [  # is_site_local: IPv6 fec0::/10, deprecated but still routed inside sites
        ("is_loopback", "a loopback"),
        ("is_link_local", "a link-local"),
        ("is_site_local", "a site-local"),
        ("is_multicast", "a multicast"),
        ("is_unspecified", "an unspecified"),
        ("is_reserved", "a reserved"),
        ("is_private", "a private"),
    ]:
        if getattr(ip, attribute, False):  # IPv4 addresses have no is_site_local
            return f"{ip} is {label} address"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


def resolve(host: str, port: int) -> list:
    """The addresses a name stands for (one place, so the pre-connect check can be observed in tests)."""
    return socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)


def _check_host(host: str, port: int) -> None:
    name = unquote(host)  # an IPv6 zone index arrives as %25
    if not name.isprintable() or " " in name:  # the resolver would stop reading at a NUL byte
        raise FetchError(f"The host name {host[:100]!r} is not valid (a control character or a space).")
    try:
        answers = resolve(name, port)
    except socket.gaierror as error:
        raise FetchError(f"The host {host} could not be resolved ({error.strerror}).") from error
    except (UnicodeError, ValueError) as error:  # IDNA refuses it (a label over 63 characters)
        raise FetchError(f"The host name {host[:100]!r} is not valid ({error}).") from error
    for *_, sockaddr in answers:
        reason = refused_reason(sockaddr[0])
        if reason:
            raise FetchError(f"Refused to fetch from {host}: {reason}.")


def _check_peer(sock: socket.socket) -> None:
    reason = refused_reason(sock.getpeername()[0])
    if reason:
        sock.close()
        raise FetchError(f"Refused to connect: {reason}.")


class _CheckedHTTPConnection(HTTPConnection):
    def _new_conn(self):
        sock = super()._new_conn()
        _check_peer(sock)
        return sock


class _CheckedHTTPSConnection(HTTPSConnection):
    def _new_conn(self):
        sock = super()._new_conn()
        _check_peer(sock)
        return sock


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _CheckedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


class _CheckedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def _session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxies or netrc from the environment
    session.headers["User-Agent"] = USER_AGENT
    adapter = _CheckedAdapter(max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _check_url(url: str) -> None:
    if len(url) > MAX_URL_LENGTH:
        raise FetchError(f"The URL is {len(url):,} characters long; the limit is {MAX_URL_LENGTH:,}.")
    try:
        parts = urlsplit(url)
    except ValueError as error:  # e.g. an unclosed IPv6 bracket
        raise FetchError(f"The URL is not valid ({error}).") from error
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"Only http and https URLs can be imported, not {parts.scheme or 'a relative URL'}.")
    if not parts.hostname:
        raise FetchError("The URL has no host name.")
    if parts.username is not None or parts.password is not None:
        raise FetchError("URLs with a user name or password are not imported (they would be sent and stored).")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(f"The URL's port is not valid ({error}).") from error
    _check_host(parts.hostname, port)


def safe_fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET a public http(s) URL, following at most IMPORT_MAX_REDIRECTS checked redirects; with `etag` or
    `last_modified` the request is conditional (If-None-Match / If-Modified-Since)."""
    conditional = {
        name: value for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if value
    }
    with _session() as session:
        for _ in range(settings.IMPORT_MAX_REDIRECTS + 1):
            _check_url(url)
            try:
                response = session.get(
                    url,
                    headers=conditional,
                    allow_redirects=False,
                    stream=True,
                    timeout=(5, settings.IMPORT_TIMEOUT_SECONDS),
                )
            except requests.RequestException as error:  # a refused peer raises FetchError itself
                raise FetchError(f"Could not fetch {url}: {_short(error)}") from error
            with response:
                if response.is_redirect:
                    location = response.headers.get("Location", "")
                    if not location:
                        raise FetchError(f"{url} answered a redirect without a Location.")
                    url = urljoin(url, location)
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"{url} answered HTTP {response.status_code}.")
                headers = response.headers.copy()
                content_type = headers.get("Content-Type", "").split(";")[0].strip().lower()
                content = b"" if response.status_code == 304 else _read_capped(response)
                return Fetched(url, content, content_type, response.encoding, response.status_code, headers)
        raise FetchError(f"More than {settings.IMPORT_MAX_REDIRECTS} redirects; stopped at {url}.")


def _read_capped(response: requests.Response) -> bytes:
    limit = settings.IMPORT_MAX_BYTES
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"The document is {int(declared):,} bytes; the limit is {limit:,}.")
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise FetchError(f"The document is larger than the limit of {limit:,} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def _short(error: Exception) -> str:
    text = str(error)
    return text if len(text) < 200 else text[:200] + "…"
