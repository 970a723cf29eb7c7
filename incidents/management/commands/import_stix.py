"""`manage.py import_stix FILE_OR_URL [FILE_OR_URL ...]`: STIX 2.1 / 2.0 bundles into parties, incidents,
claims, reactions and consequences."""

from django.core.management.base import BaseCommand

from incidents.management.jobs import run_job, write_outcome


class Command(BaseCommand):
    help = (
        "Import STIX 2.1 (or 2.0) bundles: intrusion sets and threat actors become threat groups, identities "
        "states, bodies, companies or people, locations countries, incidents and campaigns incidents, "
        "attributed-to relationships claims, opinions reactions, notes with x_attribution_consequence "
        "consequences, reports sources. Other object types are counted and skipped. An invalid bundle is "
        "refused whole. Re-importing changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("locations", nargs="+", metavar="FILE_OR_URL", help="Bundle files (.json) or http(s) URLs.")

    def handle(self, *args, locations: list[str], **options):
        for location in locations:
            job = run_job(kind="stix", location=location)
            write_outcome(self, job, location.rsplit("/", 1)[-1])
            self._skipped(job.result)

    def _skipped(self, result: dict) -> None:
        """What the bundle held that the product does not store, by STIX type."""
        for label, key in (("object types", "skipped_types"), ("relationship types", "skipped_relationships")):
            counts = result.get(key) or {}
            if counts:
                listed = ", ".join(f"{kind} {n:,}" for kind, n in sorted(counts.items(), key=lambda item: -item[1]))
                self.stdout.write(f"  skipped {label}: {listed}")
        for reason, n in (result.get("not_imported") or {}).items():
            self.stdout.write(f"  not imported: {n:,} × {reason}")
