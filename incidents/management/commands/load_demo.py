"""`manage.py load_demo`: load the Albania 2022 demo case (idempotent)."""

from django.core.management.base import BaseCommand

from incidents.demo import demo_load


class Command(BaseCommand):
    help = "Load the Albania 2022 demo case as confirmed TLP:CLEAR records; running it again changes nothing."

    def handle(self, *args, **options):
        result = demo_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo case loaded: {result.created} created, {result.updated} updated, {result.unchanged} unchanged."
            )
        )
