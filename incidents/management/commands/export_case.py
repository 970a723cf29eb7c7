"""`manage.py export_case SLUG --format html|pdf|md|json|stix [-o FILE] [--as USERNAME]`: write one case report."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError

from incidents.models import Incident
from incidents.reports import FORMATS, case_report_context, render_case


class Command(BaseCommand):
    help = (
        "Export one case report. Text formats go to stdout unless -o FILE is given; a PDF goes to -o FILE or, "
        "without it, to <slug>.pdf in the current directory. By default the report holds what an anonymous "
        "reader may see (confirmed TLP:CLEAR records); --as USERNAME exports what that user may see."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The case's slug, e.g. albania-government-cyberattack-2022-07.")
        parser.add_argument("--format", "-f", choices=list(FORMATS), default="html", help="Default: html.")
        parser.add_argument("-o", "--output", type=Path, help="File to write (a PDF without it: <slug>.pdf).")
        parser.add_argument("--as", dest="username", help="Export what this user may see (role and clearance).")

    def handle(self, *args, slug, format, output, username, **options):
        user = self._user(username)
        incident = Incident.objects.filter(slug=slug).only("pk").first()
        try:
            if incident is None:
                raise Incident.DoesNotExist
            context = case_report_context(incident, user=user)
        except Incident.DoesNotExist as error:
            who = f"user {username}" if username else "an anonymous reader (try --as USERNAME)"
            raise CommandError(f"No case {slug!r} visible to {who}.") from error
        content, _, filename = render_case(context, format)
        if output is None and format == "pdf":
            output = Path(filename)
        if output is None:
            self.stdout.write(content.decode(), ending="")
            return
        output.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({len(content):,} bytes, {context['tlp']['label']})."))

    def _user(self, username: str | None):
        if not username:
            return AnonymousUser()
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        return user
