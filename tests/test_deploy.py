"""Deployment hardening: production settings pass `check --deploy` cleanly, every page carries a
Content-Security-Policy that runs no inline script, and repeated failed sign-ins lock the account out."""

import re
import secrets

import pytest
from django.urls import reverse

from tests.test_settings import run_python

pytestmark = pytest.mark.django_db


def test_production_settings_pass_the_deploy_check_with_no_warning():
    env = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(64), "DJANGO_ALLOWED_HOSTS": "tracker.example.org"}
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_redirects_to_https_and_sends_hsts_behind_the_proxy():
    env = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(64), "DJANGO_ALLOWED_HOSTS": "tracker.example.org"}
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(HTTP_HOST='tracker.example.org')\n"
        "plain = c.get('/api/v1/')\n"
        "tls = c.get('/api/v1/', HTTP_X_FORWARDED_PROTO='https')\n"
        "print(plain.status_code, plain.headers.get('Location'))\n"
        "print(tls.status_code, tls.headers.get('Strict-Transport-Security'))\n"
    )
    result = run_python(["-c", script], env)
    plain, tls = result.stdout.strip().splitlines()[-2:]
    assert plain == "301 https://tracker.example.org/api/v1/", result.stderr
    assert tls == "200 max-age=31536000; includeSubDomains; preload", result.stderr


@pytest.mark.parametrize("path", ["/admin/login/", "/api/docs/", "/api/v1/"])
def test_pages_carry_a_content_security_policy_and_run_no_inline_script(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    inline = [s for s in re.findall(r"<script\b([^>]*)>", response.content.decode()) if "src=" not in s]
    assert [s for s in inline if "application/json" not in s] == []


def test_the_case_page_carries_the_policy_too(client, demo):
    response = client.get(f"/cases/{demo.slug}/")
    assert response.status_code == 200 and "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_repeated_failed_admin_sign_ins_lock_the_account_out(client, django_user_model, settings):
    django_user_model.objects.create_superuser(username="boss", email="b@example.org", password="right-pw-123")
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "boss", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post(url, {"username": "boss", "password": "wrong"}).status_code == 429  # the limit: locked
    locked = client.post(url, {"username": "boss", "password": "right-pw-123"})
    assert locked.status_code == 429  # even the right password, while locked out
    assert "_auth_user_id" not in client.session
    other = client.post(url, {"username": "someone-else", "password": "wrong"})
    assert other.status_code == 200  # the lock is for that user from that address only
