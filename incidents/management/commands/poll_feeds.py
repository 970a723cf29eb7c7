"""`manage.py poll_feeds [--feed ID_OR_URL ...] [--all]`: poll RSS/Atom feeds and queue their new entries."""

from django.core.management.base import BaseCommand, CommandError

from incidents.feeds import FeedPoll, feed_poll_safely, feeds_poll_due, feeds_summary
from incidents.models import Feed


class Command(BaseCommand):
    help = (
        "Poll RSS/Atom feeds: each new entry's link becomes a report import job. By default the feeds that are "
        "due (active, and never polled or polled at least their interval ago); --feed polls the feeds named "
        "(due or not, active or not), --all every active feed. Prints one line per feed and a summary; exits "
        "with an error when a feed could not be polled."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--feed", action="append", default=[], metavar="ID_OR_URL", help="A feed's id or URL (repeatable)."
        )
        which.add_argument("--all", action="store_true", dest="all_feeds", help="Poll every active feed, due or not.")

    def handle(self, *args, feed: list[str], all_feeds: bool, **options):
        if feed:
            polls = [feed_poll_safely(feed=item) for item in [_find(name) for name in feed]]
        elif all_feeds:
            polls = [feed_poll_safely(feed=item) for item in Feed.objects.filter(active=True).order_by("id")]
        else:
            polls = feeds_poll_due()
        for poll in polls:
            self.stdout.write(self._styled(poll, f"Feed {poll.feed.pk} {poll.feed.name}: {poll.line()}"))
        summary = feeds_summary(polls) if polls or not all_feeds else "No active feed."
        if any(poll.outcome == "failed" for poll in polls):
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def _styled(self, poll: FeedPoll, line: str) -> str:
        if poll.outcome == "failed":
            return self.style.ERROR(line)
        return self.style.WARNING(line) if poll.outcome == "skipped" or poll.counts["deferred"] else line


def _find(name: str) -> Feed:
    found = Feed.objects.filter(pk=int(name)) if name.isdigit() else Feed.objects.filter(url=name.strip())
    feed = found.first()
    if feed is None:
        raise CommandError(f"No feed has the id or URL {name}.")
    return feed
