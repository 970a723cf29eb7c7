"""`manage.py export_dataset --format csv|json|stix [--user NAME] [--filter KEY=VALUE ...] [-o FILE]`."""

import sys
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from incidents.datasets import WRITERS, dataset_rows
from incidents.filters import IncidentFilter
from incidents.models import Incident


class Command(BaseCommand):
    help = (
        "Export incidents with their claims, reactions, consequences and sources, streamed: CSV (one row per "
        "incident, columns in docs/datasets.md), JSON, or one STIX 2.1 bundle of the cases. Exports what --user may "
        "see (default: what anyone may see, i.e. confirmed TLP:CLEAR records). --filter takes the API incident "
        "list's filters, e.g. "
        "--filter attributed_to=IR --filter occurred_after=2020-01-01."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(WRITERS), default="csv")
        parser.add_argument("--user", help="Export what this user may see (their role and TLP clearance).")
        parser.add_argument("--filter", action="append", default=[], metavar="KEY=VALUE", help="An incident filter.")
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")

    def handle(self, *args, format: str, user: str | None, filter: list[str], output: str | None, **options):
        viewer = None
        if user:
            viewer = get_user_model().objects.filter(username=user).first()
            if viewer is None:
                raise CommandError(f"No user named {user!r}.")
        query = QueryDict(mutable=True)
        for item in filter:
            key, sep, value = item.partition("=")
            if not sep or not key:
                raise CommandError(f"--filter {item!r}: write KEY=VALUE.")
            query.appendlist(key.strip(), value.strip())
        unknown = set(query) - set(IncidentFilter.base_filters)
        if unknown:
            raise CommandError(f"Unknown filter(s): {', '.join(sorted(unknown))}.")
        request = SimpleNamespace(user=viewer, query_params=query)
        filterset = IncidentFilter(query, queryset=Incident.objects.visible_to(viewer), request=request)
        if not filterset.is_valid():
            raise CommandError(f"Bad filter: {filterset.errors.as_text()}")
        writer = WRITERS[format][0]
        counter = _Counter(live=bool(output) and sys.stderr.isatty())
        stream = open(output, "w", encoding="utf-8", newline="") if output else self.stdout._out  # noqa: SIM115
        try:
            for chunk in writer(counter.count(dataset_rows(format, filterset.qs, user=viewer))):
                stream.write(chunk)
        finally:
            if output:
                stream.close()
        if output:
            counter.done(output)


class _Counter:
    """Counts the incidents written; on a terminal, shows the count as it grows."""

    def __init__(self, live: bool):
        self.live, self.rows = live, 0

    def count(self, rows):
        for row in rows:
            self.rows += 1
            if self.live and self.rows % 1000 == 0:
                sys.stderr.write(f"\r{self.rows:,} incidents")
                sys.stderr.flush()
            yield row

    def done(self, output: str) -> None:
        sys.stderr.write(f"{chr(13) if self.live else ''}Wrote {self.rows:,} incidents to {output}.\n")
