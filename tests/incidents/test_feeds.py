"""RSS/Atom feeds: new entries become report imports, conditional polls, deduplication, errors, the command,
the admin and the beat schedule — against a real local HTTP server and the real database."""

import datetime as dt
import importlib
from email.utils import format_datetime
from xml.sax.saxutils import escape

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from werkzeug import Request, Response

from incidents.feeds import feed_poll, feeds_due, feeds_poll_due
from incidents.models import Feed, FeedEntry, ImportJob, Source
from incidents.tasks import poll_due_feeds, run_import_job
from incidents.urlnorm import normalize_url

pytestmark = pytest.mark.django_db

# Entries as a real incident feed would carry them: (guid, path of the article, title, publication date).
ARTICLES = [
    (
        "urn:news:estonia-2023",
        "/news/estonia-blames-russia",
        "Estonia blames Russia for cyberattack on government websites",
        dt.date(2023, 3, 7),
        "Estonia on Tuesday blamed Russia for the cyberattack that took down government websites on March 3. "
        "The Kremlin denied any involvement in the attack.",
    ),
    (
        "urn:news:albania-2022",
        "/news/albania-cuts-ties-with-iran",
        "Albania severs diplomatic ties with Iran over July cyberattack",
        dt.date(2022, 9, 7),
        "Albania on Wednesday blamed Iran for the cyberattack on its government websites on July 15 and "
        "ordered Iranian diplomats to leave the country. Iran denied it.",
    ),
    (
        "urn:news:costa-rica-2022",
        "/news/costa-rica-emergency",
        "Costa Rica declares national emergency after ransomware attack",
        dt.date(2022, 5, 8),
        "Costa Rica declared a national emergency after a ransomware attack crippled the finance ministry's "
        "customs and tax systems in April.",
    ),
]


@pytest.fixture
def local(settings):
    """Our fetcher may reach the local test server (loopback only; private ranges stay refused)."""
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True


class FeedServer:
    """A feed at one path answering conditional requests the way real servers do (ETag and Last-Modified)."""

    def __init__(self, httpserver, path: str, body: str, content_type: str = "application/rss+xml"):
        self.path, self.requests, self.version = path, [], 0
        self.url = httpserver.url_for(path)
        self.content_type = content_type
        self.publish(body)
        httpserver.expect_request(path).respond_with_handler(self.handle)

    def publish(self, body: str) -> None:
        self.body, self.version = body, self.version + 1
        self.etag = f'"feed-v{self.version}"'
        self.last_modified = format_datetime(dt.datetime(2024, 1, self.version, 8, 0, tzinfo=dt.UTC), usegmt=True)

    def handle(self, request: Request) -> Response:
        self.requests.append(dict(request.headers))
        if request.headers.get("If-None-Match") == self.etag:
            return Response(status=304, headers={"ETag": self.etag})
        headers = {"ETag": self.etag, "Last-Modified": self.last_modified}
        return Response(self.body, content_type=f"{self.content_type}; charset=utf-8", headers=headers)


def serve_articles(httpserver, articles=ARTICLES) -> None:
    for _, path, title, _, text in articles:
        page = (
            f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>"
            f"<p>{escape(text)}</p><p>More reporting about the incident followed later in the day.</p>"
            f"</article></body></html>"
        )
        httpserver.expect_request(path).respond_with_data(page, content_type="text/html")


def rss(httpserver, items) -> str:
    """An RSS 2.0 document; each item is (guid or None, link path or absolute URL or None, title, date)."""
    parts = []
    for guid, link, title, published, *_ in items:
        parts.append(
            "<item>"
            + (f"<title>{escape(title)}</title>")
            + (f"<link>{escape(_absolute(httpserver, link))}</link>" if link else "")
            + (f'<guid isPermaLink="false">{escape(guid)}</guid>' if guid else "")
            + f"<pubDate>{format_datetime(dt.datetime.combine(published, dt.time(9), tzinfo=dt.UTC))}</pubDate>"
            + "<description>Report on a cyber incident.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Cyber news</title>'
        f"<link>{httpserver.url_for('/')}</link><description>Incidents</description>{''.join(parts)}</channel></rss>"
    )


def atom(httpserver, entries) -> str:
    """An Atom 1.0 document; each entry is (id, link path or None, title, date)."""
    parts = []
    for entry_id, link, title, published, *_ in entries:
        stamp = dt.datetime.combine(published, dt.time(9), tzinfo=dt.UTC).isoformat()
        parts.append(
            f"<entry><id>{escape(entry_id)}</id><title>{escape(title)}</title>"
            + (f'<link rel="alternate" href="{escape(_absolute(httpserver, link))}"/>' if link else "")
            + f"<published>{stamp}</published><updated>{stamp}</updated>"
            + "<summary>Report on a cyber incident.</summary></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Advisories</title>'
        f"<id>urn:feed:advisories</id><updated>2024-01-01T00:00:00Z</updated>{''.join(parts)}</feed>"
    )


def _absolute(httpserver, link: str) -> str:
    return link if link.startswith("http") else httpserver.url_for(link)


def make_feed(url: str, name: str = "Cyber news", **fields) -> Feed:
    return Feed.objects.create(name=name, url=url, **fields)


def report_jobs() -> list[ImportJob]:
    return list(ImportJob.objects.filter(kind="report").order_by("id"))


# --- New entries become jobs -------------------------------------------------------------------------------
def test_rss_entries_become_report_jobs_with_their_date_and_title(local, httpserver):
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES))
    feed = make_feed(server.url)
    poll = feed_poll(feed=feed)
    jobs = report_jobs()
    assert poll.counts["new"] == len(ARTICLES) == len(jobs)
    by_url = {job.input_url: job for job in jobs}
    for guid, path, title, published, _ in ARTICLES:
        job = by_url[httpserver.url_for(path)]
        assert job.options == {"published": published.isoformat(), "title": title}
        assert (job.status, job.created_by) == ("queued", None)
        entry = FeedEntry.objects.get(feed=feed, key=guid)
        assert (entry.job, entry.title, entry.published_on, entry.url) == (job, title, published, job.input_url)
    feed.refresh_from_db()
    assert feed.last_status == f"{len(ARTICLES)} new import job(s)" and feed.last_error == ""
    assert (feed.etag, feed.last_modified) == (server.etag, server.last_modified)
    assert feed.last_polled_at is not None


def test_atom_entries_are_keyed_by_id_and_entries_without_a_link_are_reported(local, httpserver):
    entries = [*ARTICLES[:2], ("urn:advisory:no-link", None, "Advisory without a page", dt.date(2024, 1, 2))]
    server = FeedServer(httpserver, "/atom.xml", atom(httpserver, entries), content_type="application/atom+xml")
    feed = make_feed(server.url, name="Advisories")
    poll = feed_poll(feed=feed)
    with_link = [entry for entry in entries if entry[1]]
    assert (poll.counts["new"], poll.counts["no_link"]) == (len(with_link), len(entries) - len(with_link))
    assert sorted(FeedEntry.objects.values_list("key", flat=True)) == sorted(entry[0] for entry in with_link)
    assert sorted(job.options["title"] for job in report_jobs()) == sorted(entry[2] for entry in with_link)
    feed.refresh_from_db()
    assert feed.last_status == "2 new import job(s), 1 without a usable link"


def test_an_entry_without_a_guid_is_keyed_by_its_normalised_link(local, httpserver):
    link = httpserver.url_for("/news/estonia-blames-russia/") + "?utm_source=rss"
    server = FeedServer(
        httpserver, "/rss.xml", rss(httpserver, [(None, link, "Estonia blames Russia", dt.date(2023, 3, 7))])
    )
    feed = make_feed(server.url)
    feed_poll(feed=feed)
    entry = FeedEntry.objects.get()
    assert entry.key == normalize_url(link) == httpserver.url_for("/news/estonia-blames-russia")
    assert entry.job.input_url == link  # fetched as the feed gave it


def test_relative_links_are_resolved_and_only_http_links_are_imported(local, httpserver):
    items = [
        ("urn:1", "/news/estonia-blames-russia", "Relative link", dt.date(2023, 3, 7)),
        ("urn:2", "javascript:alert(1)", "Script link", dt.date(2023, 3, 7)),
        ("urn:3", "ftp://files.example/report.pdf", "FTP link", dt.date(2023, 3, 7)),
        ("urn:4", "http://[broken/report", "Broken link", dt.date(2023, 3, 7)),
    ]
    body = rss(httpserver, []).replace(
        "</channel>",
        "".join(
            f"<item><guid>{g}</guid><link>{escape(link)}</link><title>{t}</title></item>" for g, link, t, _ in items
        )
        + "</channel>",
    )
    server = FeedServer(httpserver, "/rss.xml", body)
    poll = feed_poll(feed=make_feed(server.url))
    assert (poll.counts["new"], poll.counts["no_link"]) == (1, 3)
    assert [job.input_url for job in report_jobs()] == [httpserver.url_for("/news/estonia-blames-russia")]
    assert report_jobs()[0].options == {"published": None, "title": "Relative link"}


def test_an_entry_page_becomes_a_source_end_to_end(local, httpserver, tasks):
    serve_articles(httpserver)
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES[:2]))
    feed = make_feed(server.url)
    with tasks():
        feed_poll(feed=feed)
    for guid, path, title, published, text in ARTICLES[:2]:
        job = FeedEntry.objects.get(key=guid).job
        job.refresh_from_db()
        assert job.status == "succeeded", job.errors
        source = Source.objects.get(pk=job.result["source"])
        assert source.normalized_url == normalize_url(httpserver.url_for(path))
        assert (source.title, source.published_on) == (title, published)
        assert text.split(".")[0] in source.text
    assert Source.objects.count() == 2


# --- Conditional polls and changed feeds -----------------------------------------------------------------------
def test_a_second_poll_is_conditional_and_a_304_changes_nothing(local, httpserver):
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES))
    feed = make_feed(server.url)
    feed_poll(feed=feed)
    before = (ImportJob.objects.count(), FeedEntry.objects.count())
    assert "If-None-Match" not in server.requests[0] and "If-Modified-Since" not in server.requests[0]
    poll = feed_poll(feed=feed)
    assert server.requests[1]["If-None-Match"] == server.etag
    assert server.requests[1]["If-Modified-Since"] == server.last_modified
    assert poll.outcome == "not modified" and not poll.counts
    assert (ImportJob.objects.count(), FeedEntry.objects.count()) == before
    feed.refresh_from_db()
    assert (feed.last_status, feed.last_error, feed.etag) == ("not modified", "", server.etag)


def test_a_changed_feed_with_one_new_entry_makes_exactly_one_job(local, httpserver):
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES[1:]))
    feed = make_feed(server.url)
    feed_poll(feed=feed)
    first = {job.pk for job in report_jobs()}
    server.publish(rss(httpserver, ARTICLES))  # the newest entry on top, as feeds list them
    poll = feed_poll(feed=feed)
    new = [job for job in report_jobs() if job.pk not in first]
    assert (poll.counts["new"], poll.counts["seen"]) == (1, len(ARTICLES) - 1)
    assert [job.options["title"] for job in new] == [ARTICLES[0][2]]
    feed.refresh_from_db()
    assert feed.etag == server.etag == '"feed-v2"'
    assert feed.last_status == f"1 new import job(s), {len(ARTICLES) - 1} seen before"


def test_at_most_the_limit_of_new_jobs_per_poll_and_the_rest_next_time(local, httpserver, settings):
    settings.FEED_MAX_NEW_ENTRIES = 2
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES))
    feed = make_feed(server.url)
    poll = feed_poll(feed=feed)
    assert (poll.counts["new"], poll.counts["deferred"]) == (2, len(ARTICLES) - 2)
    feed.refresh_from_db()
    assert feed.etag == "" and "left for the next poll (at most 2 new per poll)" in feed.last_status
    poll = feed_poll(feed=feed)
    assert "If-None-Match" not in server.requests[1]  # the whole feed is read again
    assert (poll.counts["new"], poll.counts["seen"], poll.counts["deferred"]) == (len(ARTICLES) - 2, 2, 0)
    assert len(report_jobs()) == FeedEntry.objects.count() == len(ARTICLES)
    feed.refresh_from_db()
    assert feed.etag == server.etag


# --- Deduplication ------------------------------------------------------------------------------------------------
def test_the_same_guid_twice_in_one_feed_makes_one_job(local, httpserver):
    doubled = [ARTICLES[0], ARTICLES[0], ARTICLES[1]]
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, doubled))
    poll = feed_poll(feed=make_feed(server.url))
    assert (poll.counts["new"], poll.counts["seen"]) == (2, 1)
    assert len(report_jobs()) == FeedEntry.objects.count() == 2


def test_the_same_link_in_two_feeds_is_imported_once(local, httpserver):
    guid, path, title, published, _ = ARTICLES[0]
    first = FeedServer(httpserver, "/a.xml", rss(httpserver, [ARTICLES[0]]))
    # The other feed has its own guid and a tracking parameter on the same article.
    tracked = httpserver.url_for(path) + "?utm_source=feed-b"
    second = FeedServer(httpserver, "/b.xml", rss(httpserver, [("urn:other:1", tracked, title, published)]))
    feed_a, feed_b = make_feed(first.url, name="A"), make_feed(second.url, name="B")
    feed_poll(feed=feed_a)
    job = report_jobs()[0]
    poll = feed_poll(feed=feed_b)  # A's job is still queued
    assert (poll.counts["new"], poll.counts["known"]) == (0, 1)
    assert FeedEntry.objects.get(feed=feed_b).job == job and len(report_jobs()) == 1
    feed_b.refresh_from_db()
    assert feed_b.last_status == "0 new import job(s), 1 already imported or queued"
    # Once imported, the link is a Source: a third feed records the entry without a job.
    serve_articles(httpserver, [ARTICLES[0]])
    assert run_import_job.delay(job.pk).get() == "succeeded"
    assert Source.objects.filter(normalized_url=normalize_url(tracked)).exists()
    third = FeedServer(httpserver, "/c.xml", rss(httpserver, [("urn:third:1", tracked, title, published)]))
    poll = feed_poll(feed=make_feed(third.url, name="C"))
    assert poll.counts["known"] == 1 and len(report_jobs()) == 1
    assert FeedEntry.objects.get(feed__name="C").job is None


# --- Errors -----------------------------------------------------------------------------------------------------
def test_a_feed_on_a_private_address_is_refused_without_the_allow_setting(httpserver, settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = False
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES))
    feed = make_feed(server.url, etag='"old"')
    poll = feed_poll(feed=feed)
    feed.refresh_from_db()
    assert poll.outcome == "failed" and "Refused" in feed.last_error and "loopback" in feed.last_error
    assert (feed.last_status, feed.etag) == ("failed", '"old"')
    assert server.requests == [] and not ImportJob.objects.exists() and not FeedEntry.objects.exists()


def test_errors_are_recorded_per_feed_and_the_other_feeds_are_still_polled(local, httpserver):
    httpserver.expect_request("/broken.xml").respond_with_data("oops", status=500)
    httpserver.expect_request("/page.html").respond_with_data(
        "<html><body><p>Not a feed at all</p></body></html>", content_type="text/html"
    )
    httpserver.expect_request("/empty.xml").respond_with_data("", content_type="application/rss+xml")
    good = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES))
    feeds = {
        "private": make_feed("http://10.0.0.1/feed.xml", name="private"),
        "http error": make_feed(httpserver.url_for("/broken.xml"), name="http error"),
        "html": make_feed(httpserver.url_for("/page.html"), name="html"),
        "empty": make_feed(httpserver.url_for("/empty.xml"), name="empty"),
        "good": make_feed(good.url, name="good"),
    }
    polls = {poll.feed.name: poll for poll in feeds_poll_due()}
    assert set(polls) == set(feeds)
    errors = {name: Feed.objects.get(pk=feed.pk).last_error for name, feed in feeds.items()}
    assert "10.0.0.1 is a private address" in errors["private"]
    assert errors["http error"].endswith("answered HTTP 500.")
    assert errors["html"].endswith("/page.html is not an RSS or Atom feed (text/html is not an XML media type).")
    assert errors["empty"].endswith("/empty.xml is not an RSS or Atom feed (the document is empty).")
    assert errors["good"] == "" and polls["good"].counts["new"] == len(ARTICLES)
    assert set(FeedEntry.objects.values_list("feed__name", flat=True)) == {"good"}
    assert len(report_jobs()) == len(ARTICLES)


# --- Which feeds are due, and claiming -----------------------------------------------------------------------------
def test_due_feeds_are_active_and_never_polled_or_polled_an_interval_ago():
    now = timezone.now()
    make_feed("https://a.example/rss", name="never")
    waited = make_feed("https://b.example/rss", name="waited", interval_minutes=30)
    waited.last_polled_at = now - dt.timedelta(minutes=30)
    recent = make_feed("https://c.example/rss", name="recent", interval_minutes=60)
    recent.last_polled_at = now - dt.timedelta(minutes=59)
    Feed.objects.bulk_update([waited, recent], ["last_polled_at"])
    make_feed("https://d.example/rss", name="inactive", active=False)
    assert [feed.name for feed in feeds_due(now=now)] == ["never", "waited"]
    assert [feed.name for feed in feeds_due(now=now + dt.timedelta(minutes=1))] == ["never", "recent", "waited"]


def test_a_feed_polled_elsewhere_since_it_was_read_is_skipped(local, httpserver):
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES))
    feed = make_feed(server.url)
    stale = Feed.objects.get(pk=feed.pk)
    feed_poll(feed=feed)
    poll = feed_poll(feed=stale)  # read before the other poll claimed it
    assert poll.outcome == "skipped" and len(server.requests) == 1


def test_the_task_polls_due_feeds_and_returns_a_summary(local, httpserver):
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES))
    make_feed(server.url)
    assert (
        poll_due_feeds.delay().get()
        == f"Polled 1 feed(s): {len(ARTICLES)} new import job(s), 0 not modified, 0 failed."
    )
    assert poll_due_feeds.delay().get() == "No feed was due."


# --- The command ----------------------------------------------------------------------------------------------------
def test_poll_feeds_command_prints_a_line_per_feed_and_a_summary(local, httpserver, capsys):
    rss_server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES[:2]))
    atom_server = FeedServer(httpserver, "/atom.xml", atom(httpserver, ARTICLES[2:]), "application/atom+xml")
    news, advisories = make_feed(rss_server.url, name="News"), make_feed(atom_server.url, name="Advisories")
    call_command("poll_feeds")
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"Feed {news.pk} News: 2 new import job(s)",
        f"Feed {advisories.pk} Advisories: 1 new import job(s)",
        "Polled 2 feed(s): 3 new import job(s), 0 not modified, 0 failed.",
    ]
    call_command("poll_feeds")
    assert capsys.readouterr().out.splitlines() == ["No feed was due."]
    call_command("poll_feeds", "--feed", str(news.pk), "--feed", atom_server.url)
    assert capsys.readouterr().out.splitlines() == [
        f"Feed {news.pk} News: not modified",
        f"Feed {advisories.pk} Advisories: not modified",
        "Polled 2 feed(s): 0 new import job(s), 2 not modified, 0 failed.",
    ]
    with pytest.raises(CommandError, match="No feed has the id or URL 999"):
        call_command("poll_feeds", "--feed", "999")
    broken = make_feed("http://10.0.0.1/rss", name="Broken")
    with pytest.raises(CommandError, match=r"Polled 3 feed\(s\): 0 new import job\(s\), 2 not modified, 1 failed"):
        call_command("poll_feeds", "--all")
    assert f"Feed {broken.pk} Broken: failed: Refused to fetch from 10.0.0.1" in capsys.readouterr().out
    assert len(report_jobs()) == len(ARTICLES)


# --- The beat schedule (data migration 0006) ------------------------------------------------------------------------
def test_the_migration_scheduled_the_poll_every_five_minutes():
    from config.celery import app

    task = PeriodicTask.objects.get(name="Poll feeds")
    assert (task.task, task.enabled, task.interval.every, task.interval.period) == (
        "incidents.tasks.poll_due_feeds",
        True,
        5,
        "minutes",
    )
    assert task.task in app.tasks


def test_the_schedule_migration_reverses():
    from django.apps import apps

    migration = importlib.import_module("incidents.migrations.0006_feed_poll_schedule")
    migration.unschedule(apps, None)
    assert not PeriodicTask.objects.filter(name="Poll feeds").exists()
    migration.schedule(apps, None)
    assert PeriodicTask.objects.get(name="Poll feeds").task == "incidents.tasks.poll_due_feeds"


# --- The admin ------------------------------------------------------------------------------------------------------
def test_admin_lists_feeds_polls_now_and_links_entries_to_their_jobs(owner_client, local, httpserver):
    server = FeedServer(httpserver, "/rss.xml", rss(httpserver, ARTICLES))
    feed = make_feed(server.url, name="Cyber news")
    response = owner_client.post(
        reverse("admin:incidents_feed_changelist"), {"action": "poll_now", "_selected_action": [feed.pk]}, follow=True
    )
    assert f"Cyber news: {len(ARTICLES)} new import job(s)" in response.content.decode()
    page = owner_client.get(reverse("admin:incidents_feed_changelist")).content.decode()
    assert "60 min" in page and f"{len(ARTICLES)} new import job(s)" in page
    page = owner_client.get(reverse("admin:incidents_feed_change", args=[feed.pk])).content.decode()
    for job in report_jobs():
        assert reverse("admin:incidents_importjob_change", args=[job.pk]) in page
    assert ARTICLES[0][2] in page and f"{len(ARTICLES)} in all" in page
    for url in (reverse("admin:incidents_feed_add"), reverse("admin:incidents_feed_history", args=[feed.pk])):
        assert owner_client.get(url).status_code == 200
    # Saving the feed leaves its read-only entries alone.
    data = {
        "name": "Renamed",
        "url": feed.url,
        "interval_minutes": 30,
        "active": "on",
        "entries-TOTAL_FORMS": str(len(ARTICLES)),
        "entries-INITIAL_FORMS": str(len(ARTICLES)),
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
    }
    response = owner_client.post(reverse("admin:incidents_feed_change", args=[feed.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    feed.refresh_from_db()
    assert (feed.name, feed.interval_minutes, FeedEntry.objects.count()) == ("Renamed", 30, len(ARTICLES))


def test_admin_add_records_who_created_the_feed(owner, owner_client):
    data = {
        "name": "CERT advisories",
        "url": "https://cert.example/feed.xml",
        "interval_minutes": 120,
        "active": "on",
        "entries-TOTAL_FORMS": "0",
        "entries-INITIAL_FORMS": "0",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
    }
    response = owner_client.post(reverse("admin:incidents_feed_add"), data)
    assert response.status_code == 302
    assert Feed.objects.get().created_by == owner
