"""Settings refuse unsafe starts; the local admin login is never a fixed password."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

SERVE = "import config.wsgi; from django.conf import settings; print(settings.DEBUG)"


def run_python(args: list[str], env: dict) -> subprocess.CompletedProcess:
    """Run Python in a fresh interpreter with the real settings and only the given DJANGO_* variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, *args],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("entry_point", ["config.wsgi", "config.asgi"])
def test_refuses_to_serve_without_a_secret_key_outside_debug(entry_point):
    result = run_python(["-c", f"import {entry_point}"], {})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_serves_with_a_development_key_and_production_with_its_own():
    assert run_python(["-c", SERVE], {"DJANGO_DEBUG": "1"}).stdout.strip() == "True"
    assert run_python(["-c", SERVE], {"DJANGO_SECRET_KEY": "x" * 50}).stdout.strip() == "False"


def test_maintenance_commands_run_without_a_secret_key():
    result = run_python(["manage.py", "makemigrations", "--check", "--dry-run"], {})
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.django_db
def test_local_admin_gets_a_random_password_only_in_debug(settings, tmp_path, capsys):
    password_file = tmp_path / "pw"
    settings.DEBUG = False
    with pytest.raises(CommandError, match="local development only"):
        call_command("ensure_local_admin", password_file=str(password_file))
    settings.DEBUG = True
    call_command("ensure_local_admin", password_file=str(password_file))
    password = password_file.read_text().strip()
    assert len(password) >= 16 and oct(password_file.stat().st_mode)[-3:] == "600"
    assert get_user_model().objects.get(username="admin").check_password(password)
    call_command("ensure_local_admin", password_file=str(tmp_path / "other"))  # exists: nothing new
    assert not (tmp_path / "other").exists()
    assert "as 'admin'" in capsys.readouterr().out
