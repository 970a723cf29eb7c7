"""`manage.py ensure_local_admin`: make sure a superuser exists for local use and say how to log in."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create a local superuser with a random password (written to a git-ignored file) if it does not exist, "
        "and print how to log in. Only with DJANGO_DEBUG=1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="Where the admin is served.")
        parser.add_argument(
            "--password-file",
            default=str(Path(settings.BASE_DIR) / ".local-admin-password"),
            help="Where the generated password is kept (mode 600).",
        )

    def handle(self, *args, username: str, password_file: str, url: str, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for local development only (set DJANGO_DEBUG=1).")
        users = get_user_model().objects
        path = Path(password_file)
        if not users.filter(username=username).exists():
            password = secrets.token_urlsafe(12)
            users.create_superuser(username=username, email="", password=password)
            path.write_text(password + "\n")
            path.chmod(0o600)
            self.stdout.write(self.style.SUCCESS(f"Created the superuser '{username}'."))
        where = f"the password is in {path}" if path.exists() else f"reset it with: manage.py changepassword {username}"
        self.stdout.write(f"Log in at {url} as '{username}'; {where}.")
