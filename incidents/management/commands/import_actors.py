"""`manage.py import_actors FILE [FILE ...] [--default]`: MISP galaxy clusters into the Party table."""

from django.core.management.base import BaseCommand, CommandError

from attribution.knowledge import DEFAULT_CLUSTERS, DEFAULT_GALAXY_DIR
from incidents.management.jobs import run_job, write_outcome


class Command(BaseCommand):
    help = (
        "Import threat actors and agencies from MISP galaxy cluster files (threat-actor, mitre-intrusion-set, "
        "microsoft-activity-group, intelligence-agencies): one party per cluster with its synonyms as aliases, "
        "its country, references and MISP UUID. Re-importing changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="Cluster files (.json) or http(s) URLs.")
        parser.add_argument(
            "--default", action="store_true", help="Import the knowledge base shipped with the product."
        )

    def handle(self, *args, files: list[str], default: bool, **options):
        locations = list(files)
        if default:
            locations += [str(DEFAULT_GALAXY_DIR / f"{cluster}.json") for cluster in DEFAULT_CLUSTERS]
        if not locations:
            raise CommandError("Give one or more cluster files, or --default for the shipped knowledge base.")
        for location in locations:
            job = run_job(kind="actors", location=location)
            write_outcome(self, job, location.rsplit("/", 1)[-1])
            ambiguous = job.result.get("ambiguous_aliases", {})
            if ambiguous:
                examples = "; ".join(f"{alias} → {', '.join(names)}" for alias, names in list(ambiguous.items())[:5])
                self.stdout.write(f"  {len(ambiguous)} alias(es) name more than one actor (kept on each): {examples}")
