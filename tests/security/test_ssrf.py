"""SSRF: every place that fetches a URL refuses every address inside our network, however it is spelt.

The entry points are every way a URL reaches the fetcher: a report import job and each structured kind
(STIX, MISP event, actors, dataset) created by the service, the API and the admin form; the management
commands that take URLs (import_report, with and without --dry-run, import_stix, import_misp_event,
import_actors); and feed polling (the service and `poll_feeds --feed`).

Each refusal must name its reason (or be the URL validator's own refusal of a URL it rejects), fail the
job when a job was made, store nothing, and send nothing: a Python audit hook records every socket
`connect()` while the entry point runs, and real HTTP servers ("traps") listen on the loopback aliases and
on this machine's own private addresses, so a request that slipped through would land in a trap's log.
A control test proves each trap is reachable by a plain socket, so an empty log means something.
"""

import contextlib
import io
import ipaddress
import json
import re
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.core.validators import URLValidator
from pytest_httpserver import HTTPServer

from attribution.models import Party
from incidents import fetching
from incidents.feeds import feed_poll
from incidents.fetching import FetchError, safe_fetch
from incidents.models import Feed, FeedEntry, ImportJob, Incident, Source
from incidents.services import importjob_create

pytestmark = pytest.mark.django_db

# --- Watching the network: every connect() made while an entry point runs --------------------------------
_connects: list | None = None


def _audit(event: str, args: tuple) -> None:
    if event == "socket.connect" and _connects is not None:
        _connects.append(args[1])


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one records only inside `connections()`


@contextlib.contextmanager
def connections():
    """The addresses connected to inside the block (Python sockets; the database drivers use C sockets)."""
    global _connects
    _connects = found = []
    try:
        yield found
    finally:
        _connects = None


# --- Traps: real servers where a request must never arrive -------------------------------------------------
def _own_address(family: int, probe: str) -> str | None:
    """This machine's own address on its outgoing interface (a UDP connect sends nothing), when private."""
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect((probe, 9))
        except OSError:
            return None
        address = sock.getsockname()[0].split("%")[0]
    ip = ipaddress.ip_address(address)
    return None if ip.is_global or ip.is_loopback else address


def _hosts_file_name() -> tuple[str, str] | None:
    """A name other than localhost that /etc/hosts maps to a loopback address: (name, address)."""
    path = Path("/etc/hosts")
    if not path.exists():
        return None
    for line in path.read_text(errors="replace").splitlines():
        address, *names = line.split("#")[0].split() or [""]
        if address.startswith("127.") or address == "::1":
            for name in names:
                if not name.lower().startswith("localhost") and name.isascii():
                    return name, address
    return None


TRAP_HOSTS = {
    "loopback": "127.0.0.1",
    "loopback-alias": "127.1.2.3",  # Linux answers on all of 127/8
    "ipv6-loopback": "::1",
    "own-ipv4": _own_address(socket.AF_INET, "198.51.100.1"),
    "own-ipv6": _own_address(socket.AF_INET6, "2001:db8::1"),
}


@pytest.fixture(scope="module")
def traps():
    """name -> a running HTTPServer answering anything (None where the address does not exist here)."""
    servers = {}
    for name, host in TRAP_HOSTS.items():
        server = None
        if host:
            try:
                server = HTTPServer(host=host, port=0)
                server.expect_request(re.compile(".*")).respond_with_data("trap")
                server.start()
            except OSError:
                server = None
        servers[name] = server
    yield servers
    for server in servers.values():
        if server is not None:
            server.stop()


@pytest.fixture
def clean_traps(traps):
    for server in traps.values():
        if server is not None:
            server.clear_log()
    return traps


def _place(template: str, traps: dict) -> str:
    """A URL template with {trap} ports and {own-ipv4}/{own-ipv6} hosts filled in; skips what is absent here."""
    values = {}
    for name in re.findall(r"\{([a-z0-9-]+)\}", template):
        if name in ("own-ipv4-host", "own-ipv6-host"):
            host = TRAP_HOSTS[name.removesuffix("-host")]
            if host is None:
                pytest.skip(f"this machine has no private {name.split('-')[1]} address")
            values[name] = host
        elif name == "hosts-name":
            found = _hosts_file_name()
            if found is None:
                pytest.skip("/etc/hosts maps no name but localhost to a loopback address")
            values[name] = found[0]
        else:
            if traps.get(name) is None:
                pytest.skip(f"no trap server on {TRAP_HOSTS[name]} here")
            values[name] = traps[name].port
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


# --- The addresses -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    url: str  # a template (see _place)
    reason: str  # what the refusal must say (a regular expression)
    trap: str = ""  # the trap this URL would reach if it were fetched
    dns: tuple[tuple[str, tuple[str, ...]], ...] = ()  # names answered by a stand-in resolver
    loopback: bool = False  # a loopback address: fetchable where IMPORT_ALLOW_PRIVATE_ADDRESSES is on


LOOPBACK = r"(127\.0\.0\.1|::1) is a loopback address"
NOT_HTTP = r"Only http and https URLs can be imported, not {}"

CASES = {
    # Loopback, in every spelling getaddrinfo accepts.
    "ipv4-loopback": Case("http://127.0.0.1:{loopback}/x", LOOPBACK, "loopback", loopback=True),
    "ipv4-loopback-alias": Case(
        "http://127.1.2.3:{loopback-alias}/x", r"127\.1\.2\.3 is a loopback", "loopback-alias", loopback=True
    ),
    "ipv4-short-form": Case("http://127.1:{loopback}/x", LOOPBACK, "loopback", loopback=True),
    "ipv4-decimal": Case("http://2130706433:{loopback}/x", LOOPBACK, "loopback", loopback=True),
    "ipv4-hex": Case("http://0x7f000001:{loopback}/x", LOOPBACK, "loopback", loopback=True),
    "ipv4-octal": Case("http://0177.0.0.1:{loopback}/x", LOOPBACK, "loopback", loopback=True),
    "upper-case-scheme": Case("HTTP://127.0.0.1:{loopback}/x", LOOPBACK, "loopback", loopback=True),
    "unspecified-ipv4": Case("http://0.0.0.0:{loopback}/x", r"0\.0\.0\.0 is an unspecified address", "loopback"),
    "ipv6-loopback": Case("http://[::1]:{ipv6-loopback}/x", LOOPBACK, "ipv6-loopback", loopback=True),
    "ipv6-mapped-loopback": Case("http://[::ffff:127.0.0.1]:{loopback}/x", LOOPBACK, "loopback", loopback=True),
    "ipv6-unspecified": Case("http://[::]:{ipv6-loopback}/x", r":: is an unspecified address"),
    "ipv4-compatible-loopback": Case("http://[::127.0.0.1]/x", r"is a reserved address"),
    "localhost": Case("http://localhost:{loopback}/x", LOOPBACK, "loopback", loopback=True),
    "localhost-fullwidth": Case("http://ｌｏｃａｌｈｏｓｔ:{loopback}/x", LOOPBACK, "loopback", loopback=True),
    "etc-hosts-name": Case(
        "http://{hosts-name}:{loopback}/x", r"127\.[\d.]+ is a loopback address|::1 is a loopback", loopback=True
    ),
    # Private networks (RFC 1918, shared, benchmark, documentation, unique local).
    "rfc1918-10": Case("http://10.0.0.1/x", r"10\.0\.0\.1 is a private address"),
    "rfc1918-172": Case("http://172.16.0.1:8080/x", r"172\.16\.0\.1 is a private address"),
    "rfc1918-192": Case("http://192.168.1.1/x", r"192\.168\.1\.1 is a private address"),
    "shared-address-space": Case("http://100.64.0.1/x", r"100\.64\.0\.1 is not a public address"),
    "benchmark-net": Case("http://198.18.0.1/x", r"198\.18\.0\.1 is a private address"),
    "own-ipv4-address": Case("http://{own-ipv4-host}:{own-ipv4}/x", r"is a private address", "own-ipv4"),
    "own-ipv6-address": Case("http://[{own-ipv6-host}]:{own-ipv6}/x", r"is a private address", "own-ipv6"),
    "ipv6-unique-local": Case("http://[fc00::1]/x", r"fc00::1 is a private address"),
    "ipv6-mapped-private": Case("http://[::ffff:10.0.0.1]/x", r"10\.0\.0\.1 is a private address"),
    "ipv6-6to4-private": Case("http://[2002:a00:1::]/x", r"10\.0\.0\.1 is a private address"),
    "ipv6-6to4-loopback": Case("http://[2002:7f00:1::]/x", LOOPBACK, loopback=True),
    "ipv6-site-local": Case("http://[fec0::1]/x", r"fec0::1 is a site-local address"),
    "ipv6-nat64": Case("http://[64:ff9b::a00:1]/x", r"is a reserved address"),
    # Link-local and the cloud metadata services.
    "metadata-aws-gcp-azure": Case("http://169.254.169.254/latest/meta-data/", r"169\.254\.169\.254 is a link-local"),
    "metadata-aws-ipv6": Case("http://[fd00:ec2::254]/latest/meta-data/", r"fd00:ec2::254 is a private address"),
    "metadata-alibaba": Case("http://100.100.100.200/latest/meta-data/", r"100\.100\.100\.200 is not a public"),
    "metadata-mapped": Case("http://[::ffff:169.254.169.254]/", r"169\.254\.169\.254 is a link-local"),
    "ipv6-link-local": Case("http://[fe80::1]/x", r"fe80::1 is a link-local address"),
    "ipv6-link-local-zone": Case("http://[fe80::1%25lo]/x", r"fe80::1 is a link-local address|could not be resolved"),
    # Multicast, broadcast and reserved.
    "ipv4-multicast": Case("http://224.0.0.1/x", r"224\.0\.0\.1 is a multicast address"),
    "ipv6-multicast": Case("http://[ff02::1]/x", r"ff02::1 is a multicast address"),
    "broadcast": Case("http://255.255.255.255/x", r"255\.255\.255\.255 is a reserved address"),
    "reserved-240": Case("http://240.0.0.1/x", r"240\.0\.0\.1 is a reserved address"),
    # A name whose DNS answer holds a private address among public ones (a stand-in resolver: no network here).
    "dns-private-answer": Case(
        "http://intranet.example.org/x",
        r"10\.20\.30\.40 is a private address",
        dns=(("intranet.example.org", ("93.184.216.34", "10.20.30.40")),),
    ),
    # Schemes other than http(s).
    "file": Case("file:///etc/passwd", NOT_HTTP.format("file")),
    "ftp": Case("ftp://127.0.0.1:{loopback}/x", NOT_HTTP.format("ftp"), "loopback"),
    "gopher": Case("gopher://127.0.0.1:{loopback}/_GET%20/", NOT_HTTP.format("gopher"), "loopback"),
    "dict": Case("dict://127.0.0.1:{loopback}/info", NOT_HTTP.format("dict"), "loopback"),
    "data": Case("data:text/html,<script>alert(1)</script>", NOT_HTTP.format("data")),
    "javascript": Case("javascript:alert(1)", NOT_HTTP.format("javascript")),
    "scheme-relative": Case("//127.0.0.1:{loopback}/x", r"not a relative URL|" + LOOPBACK, "loopback"),
    # Credentials, overlong and malformed URLs.
    "credentials": Case("http://user:secret@example.org/x", r"user name or password"),
    "credentials-host-confusion": Case(
        "http://example.org@127.0.0.1:{loopback}/x", r"user name or password", "loopback"
    ),
    "overlong-url": Case("https://example.org/" + "a" * 2100, r"2,1\d\d characters long; the limit is 2,000"),
    "overlong-host-label": Case("http://" + "a" * 80 + ".example.org/", r"host name .* is not valid"),
    "null-byte-host": Case("http://127.0.0.1\x00.example.org/", r"host name .* is not valid"),
    "encoded-null-byte-host": Case("http://127.0.0.1%00.example.org/", r"host name .* is not valid"),
    "unclosed-ipv6-bracket": Case("http://[::1/x", r"The URL is not valid"),
}
# The classes every entry point is tried with.
CLASSES = [
    "ipv4-loopback",
    "ipv4-loopback-alias",
    "rfc1918-10",
    "rfc1918-172",
    "rfc1918-192",
    "metadata-aws-gcp-azure",
    "unspecified-ipv4",
    "ipv6-loopback",
    "ipv6-mapped-loopback",
    "ipv6-mapped-private",
    "ipv6-link-local",
    "ipv6-unique-local",
    "ipv4-multicast",
    "localhost",
    "etc-hosts-name",
    "dns-private-answer",
    "own-ipv4-address",
    "file",
    "ftp",
    "gopher",
    "data",
    "javascript",
    "credentials",
    "overlong-url",
]
SPELLINGS = [case_id for case_id in CASES if case_id not in CLASSES]
# A spelling is the fetcher's business, not the caller's: the validated path (a job) and the unvalidated one.
CORE_ENTRY_POINTS = ["job-report", "cmd-import-report-dry-run"]


# --- The entry points --------------------------------------------------------------------------------------
@dataclass
class Outcome:
    message: str
    jobs: list[ImportJob]


@dataclass(frozen=True)
class Entry:
    run: Callable  # (url, request) -> Outcome
    validates: bool = False  # the URL passes Django's URL validator before anything is fetched
    cli: bool = False  # a command: arguments not starting with http(s):// are taken as file paths


def _job_outcome(job: ImportJob) -> Outcome:
    job.refresh_from_db()
    return Outcome("; ".join(job.errors), [job])


def _messages(error: ValidationError) -> str:
    return "; ".join(error.messages)


def service_job(kind: str, **options) -> Entry:
    def run(url, request):
        try:
            with request.getfixturevalue("tasks")():
                job = importjob_create(url=url, kind=kind, options=options or None)
        except ValidationError as error:
            return Outcome(_messages(error), [])
        return _job_outcome(job)

    return Entry(run, validates=True)


def api_job(kind: str) -> Entry:
    def run(url, request):
        api = request.getfixturevalue("api").as_user(request.getfixturevalue("make_user")("researcher"))
        with request.getfixturevalue("tasks")():
            response = api.post("/api/v1/imports/", {"url": url, "kind": kind}, format="json")
        if response.status_code == 400:
            return Outcome(json.dumps(response.json()), [])
        assert response.status_code == 201, response.content
        return _job_outcome(ImportJob.objects.get(pk=response.json()["id"]))

    return Entry(run, validates=True)


def admin_job(kind: str) -> Entry:
    def run(url, request):
        client = request.getfixturevalue("owner_client")
        with request.getfixturevalue("tasks")():
            response = client.post("/admin/incidents/importjob/add/", {"kind": kind, "input_url": url})
        if response.status_code == 200:
            form = response.context["adminform"].form
            return Outcome("; ".join(str(m) for messages in form.errors.values() for m in messages), [])
        assert response.status_code == 302, response.status_code
        return _job_outcome(ImportJob.objects.get())

    return Entry(run, validates=True)


def command(name: str, *extra: str) -> Entry:
    def run(url, request):
        with pytest.raises(CommandError) as refused:
            call_command(name, url, *extra, stdout=io.StringIO(), stderr=io.StringIO())
        return Outcome(str(refused.value), list(ImportJob.objects.all()))

    return Entry(run, validates="--dry-run" not in extra, cli=True)


def _feed(url: str) -> Feed | Outcome:
    """The feed as the admin's form would add it (its URL validated), or the form's refusal."""
    feed = Feed(name="Watched feed", url=url)
    try:
        feed.full_clean()
    except ValidationError as error:
        return Outcome(_messages(error), [])
    feed.save()
    return feed


def feed_service(url, request):
    feed = _feed(url)
    if isinstance(feed, Outcome):
        return feed
    poll = feed_poll(feed=feed)
    feed.refresh_from_db()
    assert poll.outcome == "failed" and feed.last_error == poll.error
    return Outcome(feed.last_error, list(ImportJob.objects.all()))


def feed_command(url, request):
    feed = _feed(url)
    if isinstance(feed, Outcome):
        return feed
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 failed"):
        call_command("poll_feeds", "--feed", str(feed.pk), stdout=out)
    return Outcome(out.getvalue(), list(ImportJob.objects.all()))


ENTRY_POINTS = {
    "job-report": service_job("report"),
    "job-stix": service_job("stix"),
    "job-misp-event": service_job("misp_event"),
    "job-actors": service_job("actors"),
    "job-dataset": service_job("dataset", format="csv", strict=False),
    "api-report": api_job("report"),
    "api-stix": api_job("stix"),
    "admin-report": admin_job("report"),
    "cmd-import-report": command("import_report"),
    "cmd-import-report-dry-run": command("import_report", "--dry-run"),
    "cmd-import-stix": command("import_stix"),
    "cmd-import-misp-event": command("import_misp_event"),
    "cmd-import-actors": command("import_actors"),
    "feed-poll": Entry(feed_service, validates=True),
    "cmd-poll-feeds": Entry(feed_command, validates=True),
}

VALIDATOR_REFUSAL = re.compile(
    r"Enter a valid URL|has at most 2000 characters|no more than 2000 characters|Null characters are not allowed"
)


def _django_refuses(url: str) -> bool:
    """Whether the URL fields of the models, forms and API refuse this URL themselves."""
    try:
        URLValidator()(url)
    except ValidationError:
        return True
    return len(url) > 2000 or "\x00" in url


def _explained(case: Case, entry: Entry, url: str, message: str) -> bool:
    """The refusal names the case's reason, or is the validator's (or command line's) own warranted refusal."""
    if re.search(case.reason, message):
        return True
    if entry.cli and not url.startswith(("http://", "https://")):
        return "neither a file nor an http(s) URL" in message
    return entry.validates and _django_refuses(url) and bool(VALIDATOR_REFUSAL.search(message))


def _stand_in_resolver(monkeypatch, answers: dict[str, tuple[str, ...]]) -> None:
    real = fetching.resolve

    def resolve(host, port):
        if host in answers:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in answers[host]]
        return real(host, port)

    monkeypatch.setattr(fetching, "resolve", resolve)


def _attempt(entry: Entry, case: Case, request, traps, monkeypatch) -> tuple[str, Outcome, list]:
    url = _place(case.url, traps)
    _stand_in_resolver(monkeypatch, dict(case.dns))
    parties = Party.objects.count()
    with connections() as connected:
        outcome = entry.run(url, request)
    assert outcome.message, "refused without saying why"
    assert Source.objects.count() == 0 and Incident.objects.count() == 0 and Party.objects.count() == parties
    assert FeedEntry.objects.count() == 0
    for job in outcome.jobs:
        job.refresh_from_db()
        assert (job.status, job.progress_message) == ("failed", "Failed"), job.errors
        assert job.errors and job.errors[0] in outcome.message
    return url, outcome, connected


def _assert_traps_untouched(traps) -> None:
    for name, server in traps.items():
        if server is not None:
            assert not server.log, f"a request reached the {name} trap: {server.log[0][0]}"


@pytest.fixture
def refuse_private(settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = False


def _refused_without_a_request(entry_id, case_id, request, traps, monkeypatch) -> None:
    case, entry = CASES[case_id], ENTRY_POINTS[entry_id]
    url, outcome, connected = _attempt(entry, case, request, traps, monkeypatch)
    assert _explained(case, entry, url, outcome.message), outcome.message
    assert connected == [], f"connected to {connected} before refusing"
    _assert_traps_untouched(traps)


@pytest.mark.parametrize("case_id", CLASSES)
@pytest.mark.parametrize("entry_id", ENTRY_POINTS)
def test_every_entry_point_refuses_every_class_of_internal_address(
    entry_id, case_id, request, clean_traps, monkeypatch, refuse_private
):
    _refused_without_a_request(entry_id, case_id, request, clean_traps, monkeypatch)


@pytest.mark.parametrize("case_id", SPELLINGS)
@pytest.mark.parametrize("entry_id", CORE_ENTRY_POINTS)
def test_other_spellings_of_internal_addresses_are_refused(
    entry_id, case_id, request, clean_traps, monkeypatch, refuse_private
):
    _refused_without_a_request(entry_id, case_id, request, clean_traps, monkeypatch)


NOT_LOOPBACK = [case_id for case_id, case in CASES.items() if not case.loopback]


@pytest.mark.parametrize("case_id", NOT_LOOPBACK)
@pytest.mark.parametrize("entry_id", ["job-report"])
def test_the_loopback_allowance_for_tests_admits_nothing_else(
    entry_id, case_id, request, clean_traps, monkeypatch, settings
):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    case, entry = CASES[case_id], ENTRY_POINTS[entry_id]
    url, outcome, connected = _attempt(entry, case, request, clean_traps, monkeypatch)
    assert _explained(case, entry, url, outcome.message), outcome.message
    assert connected == []
    _assert_traps_untouched(clean_traps)


@pytest.mark.parametrize("case_id", [case_id for case_id, case in CASES.items() if case.trap])
def test_each_trap_is_reachable_without_our_fetcher(case_id, clean_traps):
    """The control: a plain socket does reach the trap behind each URL, so an empty trap log means the
    fetcher refused, not that nothing was listening."""
    parts = urlsplit(_place(CASES[case_id].url, clean_traps))
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(b"GET /control HTTP/1.0\r\nHost: control\r\n\r\n")
        assert sock.recv(64).startswith(b"HTTP/1.0 200")
    assert len(clean_traps[CASES[case_id].trap].log) == 1


# --- Redirects from an allowed server into private space ----------------------------------------------------
REDIRECT_TARGETS = {
    "rfc1918": ("http://10.0.0.1/admin", r"10\.0\.0\.1 is a private address"),
    "metadata": ("http://169.254.169.254/latest/meta-data/iam/", r"169\.254\.169\.254 is a link-local"),
    "metadata-mapped": ("http://[::ffff:169.254.169.254]/", r"169\.254\.169\.254 is a link-local"),
    "metadata-6to4": ("http://[2002:a9fe:a9fe::]/", r"169\.254\.169\.254 is a link-local"),
    "metadata-aws-ipv6": ("http://[fd00:ec2::254]/latest/", r"fd00:ec2::254 is a private address"),
    "own-ipv4-address": ("http://{own-ipv4-host}:{own-ipv4}/x", r"is a private address"),
    "own-ipv6-address": ("http://[{own-ipv6-host}]:{own-ipv6}/x", r"is a private address"),
    "scheme-relative": ("//10.0.0.1/x", r"10\.0\.0\.1 is a private address"),
    "file": ("file:///etc/passwd", NOT_HTTP.format("file")),
    "gopher-to-loopback": ("gopher://127.0.0.1:{loopback}/_x", NOT_HTTP.format("gopher")),
    "credentials-to-loopback": ("http://user:secret@127.0.0.1:{loopback}/x", r"user name or password"),
    "overlong": ("http://example.org/" + "a" * 2100, r"characters long; the limit is 2,000"),
}

REDIRECTED_ENTRIES = ["job-report", "job-stix", "feed-poll"]  # the three callers of safe_fetch


@pytest.fixture
def allow_loopback(settings):
    """The origin server stands for a public one: loopback is allowed, as in the importer's own tests."""
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True


def _origin_connects_only(connected: list, httpserver) -> None:
    assert connected, "the origin server was never contacted"
    assert {address[1] for address in connected} == {httpserver.port}, connected


@pytest.mark.parametrize("target_id", REDIRECT_TARGETS)
@pytest.mark.parametrize("entry_id", REDIRECTED_ENTRIES)
def test_a_redirect_into_private_space_is_refused(
    entry_id, target_id, request, httpserver, clean_traps, monkeypatch, allow_loopback
):
    target, reason = REDIRECT_TARGETS[target_id]
    httpserver.expect_request("/moved").respond_with_data(
        "", status=302, headers={"Location": _place(target, clean_traps)}
    )
    case = Case(httpserver.url_for("/moved"), reason)
    _, outcome, connected = _attempt(ENTRY_POINTS[entry_id], case, request, clean_traps, monkeypatch)
    assert re.search(reason, outcome.message), outcome.message
    assert len(httpserver.log) == 1
    _origin_connects_only(connected, httpserver)
    _assert_traps_untouched(clean_traps)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_every_redirect_status_is_checked(status, request, httpserver, clean_traps, monkeypatch, allow_loopback):
    location = _place("http://{own-ipv4-host}:{own-ipv4}/x", clean_traps)
    httpserver.expect_request("/moved").respond_with_data("", status=status, headers={"Location": location})
    case = Case(httpserver.url_for("/moved"), r"is a private address")
    _, outcome, connected = _attempt(ENTRY_POINTS["job-report"], case, request, clean_traps, monkeypatch)
    assert re.search(case.reason, outcome.message), outcome.message
    _origin_connects_only(connected, httpserver)
    _assert_traps_untouched(clean_traps)


def test_each_hop_of_a_redirect_chain_is_checked(request, httpserver, clean_traps, monkeypatch, allow_loopback):
    """Two harmless relative hops, then one into private space: the third hop is refused all the same."""
    for path, location in [("/a", "/b"), ("/b", "c"), ("/c", "http://192.168.0.10/router")]:
        httpserver.expect_request(path).respond_with_data("", status=302, headers={"Location": location})
    case = Case(httpserver.url_for("/a"), r"192\.168\.0\.10 is a private address")
    _, outcome, connected = _attempt(ENTRY_POINTS["job-report"], case, request, clean_traps, monkeypatch)
    assert re.search(case.reason, outcome.message), outcome.message
    assert [entry[0].path for entry in httpserver.log] == ["/a", "/b", "/c"]
    _origin_connects_only(connected, httpserver)


def test_a_name_that_turns_private_at_connect_time_is_refused_for_jobs(
    request, clean_traps, monkeypatch, refuse_private
):
    """DNS rebinding through a whole job: the pre-connect answer is public, the socket reaches the trap's
    loopback address, the connection is dropped before a byte is sent."""
    monkeypatch.setattr(
        fetching, "resolve", lambda host, port: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]
    )
    with connections() as connected, request.getfixturevalue("tasks")():
        job = importjob_create(url=f"http://localhost:{clean_traps['loopback'].port}/x")
    job.refresh_from_db()
    assert job.status == "failed" and "Refused to connect: 127.0.0.1 is a loopback address" in job.errors[0]
    assert connected and Source.objects.count() == 0
    _assert_traps_untouched(clean_traps)


# --- Feed entries that link into private space ------------------------------------------------------------
def test_feed_entries_linking_inside_the_network_never_fetch_it(request, httpserver, clean_traps, allow_loopback):
    """A feed (on an allowed server) whose entries link to private, metadata and non-http addresses: the http
    ones become jobs that fail with the reason, the others are not usable links; nothing reaches a trap."""
    own = _place("http://{own-ipv4-host}:{own-ipv4}/leak", clean_traps)
    links = {
        "http://10.0.0.1/intranet": r"10\.0\.0\.1 is a private address",
        "http://169.254.169.254/latest/meta-data/": r"169\.254\.169\.254 is a link-local address",
        own: r"is a private address",
        "file:///etc/passwd": None,
        "javascript:alert(1)": None,
        f"gopher://127.0.0.1:{clean_traps['loopback'].port}/_x": None,
    }
    items = "".join(
        f"<item><title>Entry {n}</title><link>{link.replace('&', '&amp;')}</link><guid>urn:e:{n}</guid></item>"
        for n, link in enumerate(links)
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>',
        content_type="application/rss+xml",
    )
    feed = Feed.objects.create(name="News", url=httpserver.url_for("/feed.xml"))
    with connections() as connected, request.getfixturevalue("tasks")():
        poll = feed_poll(feed=feed)
    assert (poll.counts["new"], poll.counts["no_link"]) == (3, 3), poll.status
    jobs = {job.input_url: job for job in ImportJob.objects.all()}
    for link, reason in links.items():
        if reason is None:
            assert link not in jobs
            continue
        assert jobs[link].status == "failed" and re.search(reason, jobs[link].errors[0]), jobs[link].errors
    assert Source.objects.count() == 0
    _origin_connects_only(connected, httpserver)
    _assert_traps_untouched(clean_traps)


# --- The fetcher itself, for what no entry point lets through -----------------------------------------------
def test_credentials_are_refused_even_where_the_host_is_allowed(clean_traps, allow_loopback):
    """The loopback trap is reachable in this mode; a URL carrying a password for it is still not fetched
    (its Authorization header would reach the server, and the URL would be stored with the job)."""
    url = f"http://admin:hunter2@127.0.0.1:{clean_traps['loopback'].port}/x"
    with connections() as connected, pytest.raises(FetchError, match="user name or password"):
        safe_fetch(url)
    assert connected == []
    _assert_traps_untouched(clean_traps)
    assert safe_fetch(url.replace("admin:hunter2@", "")).content == b"trap"  # the same URL without them is fetched
    assert len(clean_traps["loopback"].log) == 1
