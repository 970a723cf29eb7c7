"""`manage.py restore_data FILE`: a backup_data file into an empty, migrated database."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from incidents.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup written by backup_data into an empty, freshly migrated database, in one transaction; "
        "the restored tables are checked against the backup's row counts and checksums (a mismatch restores "
        "nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .jsonl.gz file written by backup_data.")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file} is not a file.")
        live = sys.stderr.isatty()

        def told(label: str, rows: int) -> None:
            if live:
                sys.stderr.write(f"\r{rows:>10,} rows restored")
                sys.stderr.flush()

        try:
            manifest = restore(path, on_table=told)
        except BackupError as error:
            raise CommandError(str(error)) from error
        finally:
            if live:
                sys.stderr.write("\n")
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows:,} rows in {len(manifest['tables'])} tables from {path} "
                f"(written {manifest['created_at']}); counts and checksums match."
            )
        )
