"""`manage.py import_misp_event FILE_OR_URL [...]`: MISP events into incidents, sources and attribution claims."""

from django.core.management.base import BaseCommand, CommandError

from attribution.codebook import Tlp
from incidents.management.jobs import run_job, write_outcome


class Command(BaseCommand):
    help = (
        'Import MISP events (a MISP JSON export: {"Event": {...}}, a bare event, a list of events or an API '
        "response): one draft incident per event, a source for the event and for each report it links, and a "
        "claim by the event's organisation against each threat actor it names. Re-importing changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("inputs", nargs="+", metavar="FILE_OR_URL", help="MISP event files or http(s) URLs.")

    def handle(self, *args, inputs: list[str], **options):
        failed = []
        for location in inputs:
            label = location.rsplit("/", 1)[-1]
            try:
                job = run_job(kind="misp_event", location=location)
                write_outcome(self, job, label)
            except CommandError as error:
                if len(inputs) == 1:
                    raise
                self.stderr.write(self.style.ERROR(str(error)))
                failed.append(label)
                continue
            for event in job.result.get("imported", []):
                marking = Tlp(event["tlp"]).label + ("" if event["tlp_tagged"] else " (no TLP tag)")
                self.stdout.write(
                    f"  {event['title']}: incident {event['incident']}, {event['sources']} source(s), "
                    f"{event['claims']} claim(s), {marking}"
                )
        if failed:
            raise CommandError(f"{len(failed)} of {len(inputs)} inputs failed: {', '.join(failed)}.")
