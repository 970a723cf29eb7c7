"""`manage.py backup_data [-o FILE] [--with-users]`: everything the product holds, in one file."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from incidents.backup import backup_write, default_name


class Command(BaseCommand):
    help = (
        "Write a backup of every record, its history, import jobs and feeds (and with --with-users the users, "
        "their clearances and API tokens) to one .jsonl.gz file, with row counts and checksums per table. "
        "Restore it with restore_data into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="The file to write (default: backup-<time>.jsonl.gz).")
        parser.add_argument("--with-users", action="store_true", help="Include users, clearances and API tokens.")

    def handle(self, *args, output: str | None, with_users: bool, **options):
        path = Path(output or default_name())
        live = sys.stderr.isatty()

        def told(label: str, rows: int) -> None:
            if live:
                sys.stderr.write(f"\r{label:<40} {rows:>10,} rows")
                sys.stderr.flush()

        manifest = backup_write(path, with_users=with_users, on_table=told)
        if live:
            sys.stderr.write("\n")
        rows = sum(table["rows"] for table in manifest["tables"].values())
        users = "with users" if with_users else "without users"
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {path}: {rows:,} rows in {len(manifest['tables'])} tables ({users}).")
        )
