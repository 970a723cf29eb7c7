"""Polling RSS and Atom feeds: the link of each new entry becomes a report import job.

A feed is due when it is active and was never polled, or was last polled `interval_minutes` ago or
more. A poll is a conditional GET through the SSRF-safe fetcher (the stored ETag / Last-Modified), so
304 Not Modified costs nothing. Otherwise feedparser reads the bytes we fetched (it is never handed a
URL, file name or string it could open itself) and each entry, keyed by its id (RSS guid, Atom id) or
else its normalised link, is handled once per feed:

- seen before in this feed (or twice in one document): skipped;
- no http(s) link: counted and reported in the feed's status, not recorded (a later version with a
  link is imported);
- its link already imported as a Source, or waiting in a queued or running report job (another feed's
  or a user's): recorded as seen, linked to that job, no new job;
- otherwise: recorded, with a new report ImportJob (entry date and title as options), at most
  FEED_MAX_NEW_ENTRIES per poll; the rest waits for the next poll (the ETag is then not stored, so the
  next poll reads the whole feed again).

A fetch or parse error sets `last_error` and changes nothing else; other feeds are still polled. Each
poll first claims the feed (compare-and-set on `last_polled_at`), so two pollers never poll one feed
at once.
"""

import datetime as dt
import hashlib
import html
import io
import logging
import time
from collections import Counter
from dataclasses import dataclass, field

import feedparser
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import DateTimeField, DurationField, ExpressionWrapper, F, IntegerField, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import strip_tags

from incidents.fetching import Fetched, FetchError, safe_fetch
from incidents.models import Feed, FeedEntry, ImportJob, Source
from incidents.services import importjob_create
from incidents.urlnorm import MAX_URL_LENGTH, is_web_url, normalize_url

logger = logging.getLogger(__name__)

_CHUNK = 500  # keys per IN (...) query: SQLite limits the parameters of one statement

# Labels of the counts, in the order the status line gives them.
COUNT_LABELS = {
    "new": "new import job(s)",
    "seen": "seen before",
    "known": "already imported or queued",
    "no_link": "without a usable link",
    "deferred": "left for the next poll",
}


class FeedError(Exception):
    """A document that cannot be read as an RSS or Atom feed; the message is stored on the feed."""


@dataclass
class FeedPoll:
    """What one poll of one feed did: its outcome (polled, not modified, failed, skipped) and counts."""

    feed: Feed
    outcome: str
    counts: Counter = field(default_factory=Counter)
    error: str = ""

    @property
    def status(self) -> str:
        """The one-line outcome stored in `Feed.last_status`."""
        if self.outcome != "polled":
            return self.outcome
        parts = [
            f"{self.counts[key]:,} {label}" for key, label in COUNT_LABELS.items() if key == "new" or self.counts[key]
        ]
        if self.counts["deferred"]:
            parts[-1] += f" (at most {max_new_entries():,} new per poll)"
        return ", ".join(parts)

    def line(self) -> str:
        """The status, with the error when the poll failed."""
        return f"{self.outcome}: {self.error}" if self.error else self.status


@dataclass(frozen=True)
class _Entry:
    key: str
    link: str  # an http(s) URL, or "" when the entry has no usable one
    normalized: str
    title: str
    published: dt.date | None


def max_new_entries() -> int:
    return settings.FEED_MAX_NEW_ENTRIES


# --- Which feeds are due ---------------------------------------------------------------------------------
def feeds_due(*, now: dt.datetime | None = None) -> QuerySet[Feed]:
    """Active feeds never polled or polled at least `interval_minutes` ago, the longest waiting first."""
    # The Cast: SQLite multiplies a duration by an IntegerField, not by a PositiveIntegerField.
    interval = ExpressionWrapper(
        Cast("interval_minutes", IntegerField()) * Value(dt.timedelta(minutes=1)), output_field=DurationField()
    )
    next_poll = ExpressionWrapper(F("last_polled_at") + interval, output_field=DateTimeField())
    return (
        Feed.objects.filter(active=True)
        .alias(next_poll=next_poll)
        .filter(Q(last_polled_at__isnull=True) | Q(next_poll__lte=now or timezone.now()))
        .order_by(F("last_polled_at").asc(nulls_first=True), "id")
    )


def feeds_poll_due(*, now: dt.datetime | None = None, seconds: float | None = None) -> list[FeedPoll]:
    """Poll every due feed; with `seconds`, start no poll after that long (the rest wait for the next run)."""
    started = time.monotonic()
    polls = []
    for feed in list(feeds_due(now=now)):
        if seconds is not None and time.monotonic() - started > seconds:
            break
        polls.append(feed_poll_safely(feed=feed))
    return polls


def feed_poll_safely(*, feed: Feed) -> FeedPoll:
    """`feed_poll`, with an unexpected error recorded on the feed instead of stopping the other feeds."""
    try:
        return feed_poll(feed=feed)
    except Exception as error:  # a bug or a database error on one feed must not stop the others
        logger.exception("Polling feed %s (%s) failed", feed.pk, feed.url)
        return _finish(feed, FeedPoll(feed, "failed", error=f"Unexpected error: {type(error).__name__}: {error}"))


# --- One feed ----------------------------------------------------------------------------------------------
def feed_poll(*, feed: Feed) -> FeedPoll:
    """Poll one feed now, due or not: fetch it conditionally and queue a report import for each new entry."""
    if not _claim(feed):
        return FeedPoll(feed, "skipped", error="another poll of this feed has just started")
    try:
        fetched = safe_fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if fetched.not_modified:
            return _finish(feed, FeedPoll(feed, "not modified"))
        entries = [_read_entry(raw) for raw in _parse(fetched).entries]
    except (FetchError, FeedError) as error:
        return _finish(feed, FeedPoll(feed, "failed", error=str(error)))
    with transaction.atomic():
        poll = _record(feed, entries)
        return _finish(feed, poll, **_validators(fetched, keep=not poll.counts["deferred"]))


def _claim(feed: Feed) -> bool:
    """Take the feed for this poll unless another poller took it since it was read (compare-and-set)."""
    now = timezone.now()
    claimed = Feed.objects.filter(pk=feed.pk, last_polled_at=feed.last_polled_at).update(last_polled_at=now)
    if claimed:
        feed.last_polled_at = now
    return bool(claimed)


def _finish(feed: Feed, poll: FeedPoll, **stored: str) -> FeedPoll:
    """Store the outcome on the feed (a plain update: polling leaves no history rows)."""
    fields = {"last_status": poll.status[:200], "last_error": poll.error, **stored}
    Feed.objects.filter(pk=feed.pk).update(**fields)
    for name, value in fields.items():
        setattr(feed, name, value)
    return poll


def _validators(fetched: Fetched, *, keep: bool) -> dict[str, str]:
    """The ETag and Last-Modified to send next time: none when entries were left for the next poll (it
    must read the whole feed again), nor one too long to store whole (a truncated one never matches)."""
    stored = {}
    for name, header in (("etag", "ETag"), ("last_modified", "Last-Modified")):
        value = (fetched.headers.get(header) or "").strip() if keep else ""
        stored[name] = value if len(value) <= Feed._meta.get_field(name).max_length else ""
    return stored


def _parse(fetched: Fetched) -> feedparser.FeedParserDict:
    """The fetched bytes read as a feed; FeedError when they are not RSS or Atom."""
    headers = {"content-location": fetched.url}  # the base of relative links
    if fetched.headers.get("Content-Type"):
        headers["content-type"] = fetched.headers["Content-Type"]
    # A stream, never bytes or str: feedparser would try those as a file name, and a str as a URL to fetch.
    parsed = feedparser.parse(io.BytesIO(fetched.content), response_headers=headers)
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or ("" if fetched.content.strip() else "the document is empty")
        detail = f" ({str(reason)[:200]})" if reason else ""
        raise FeedError(f"{fetched.url} is not an RSS or Atom feed{detail}.")
    return parsed


def _read_entry(raw: dict) -> _Entry:
    link = _usable_link(raw.get("link") or "")
    normalized = normalize_url(link) if link else ""
    key = (raw.get("id") or "").replace("\x00", "").strip() or normalized  # NUL (&#0;): PostgreSQL stores none
    if len(key) > MAX_URL_LENGTH:
        key = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
    title = raw.get("title") or ""
    if "html" in (raw.get("title_detail") or {}).get("type", ""):
        title = html.unescape(strip_tags(title))
    title = title.replace("\x00", " ")
    return _Entry(key, link, normalized, " ".join(title.split())[:500], _entry_date(raw))


def _entry_date(raw: dict) -> dt.date | None:
    """The entry's publication date (else its update date), as feedparser read it in UTC."""
    stamp = raw.get("published_parsed") or raw.get("updated_parsed")
    try:
        return dt.date(*stamp[:3]) if stamp else None
    except (TypeError, ValueError):
        return None


def _usable_link(link: str) -> str:
    """The link when it is an http(s) URL we can store and import, else ""."""
    link = link.strip()
    return link if is_web_url(link) else ""


def _record(feed: Feed, entries: list[_Entry]) -> FeedPoll:
    """Record the feed's new entries and queue an import for each new link (inside the caller's transaction)."""
    poll = FeedPoll(feed, "polled")
    seen = set(_in_chunks(FeedEntry.objects.filter(feed=feed), "key", [e.key for e in entries if e.link]))
    imported = set(_in_chunks(Source.objects, "normalized_url", [e.normalized for e in entries if e.link]))
    queued = _queued_jobs()
    for entry in entries:
        if not entry.link:
            poll.counts["no_link"] += 1
        elif entry.key in seen:
            poll.counts["seen"] += 1
        elif poll.counts["new"] >= max_new_entries():
            poll.counts["deferred"] += 1
        else:
            seen.add(entry.key)
            poll.counts[_record_entry(feed, entry, imported, queued)] += 1
    return poll


def _record_entry(feed: Feed, entry: _Entry, imported: set[str], queued: dict[str, ImportJob]) -> str:
    """Record one unseen entry; a new report job unless its link is imported or queued already."""
    known = entry.normalized in imported or entry.normalized in queued
    try:
        with transaction.atomic():
            job = queued.get(entry.normalized)
            if not known:
                job = importjob_create(url=entry.link, published=entry.published, title=entry.title, user=None)
            FeedEntry.objects.create(
                feed=feed, key=entry.key, url=entry.link, title=entry.title, published_on=entry.published, job=job
            )
    except IntegrityError:  # another poller recorded this entry in the meantime
        return "seen"
    except ValidationError:  # importjob_create refused the link after all
        return "no_link"
    if known:
        return "known"
    queued[entry.normalized] = job
    return "new"


def _queued_jobs() -> dict[str, ImportJob]:
    """Report jobs waiting or running, by normalised URL (done ones left a Source, found by its URL)."""
    jobs = ImportJob.objects.filter(
        kind=ImportJob.Kind.REPORT, status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING]
    ).exclude(input_url="")
    by_url = {}
    for job in jobs.only("id", "input_url", "status").order_by("id"):
        try:
            by_url[normalize_url(job.input_url)] = job
        except ValueError:  # a port out of range: the job fails by itself
            continue
    return by_url


def _in_chunks(queryset: QuerySet, name: str, values: list[str]) -> list[str]:
    found = []
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        found += queryset.filter(**{f"{name}__in": chunk}).values_list(name, flat=True)
    return found


def feeds_summary(polls: list[FeedPoll]) -> str:
    """One line over many polls: how many feeds, new jobs, unchanged feeds and failures."""
    if not polls:
        return "No feed was due."
    outcomes = Counter(poll.outcome for poll in polls)
    new = sum(poll.counts["new"] for poll in polls)
    parts = [
        f"{new:,} new import job(s)",
        f"{outcomes['not modified']:,} not modified",
        f"{outcomes['failed']:,} failed",
    ]
    if outcomes["skipped"]:
        parts.append(f"{outcomes['skipped']:,} skipped (polled elsewhere at the same time)")
    return f"Polled {len(polls):,} feed(s): {', '.join(parts)}."
