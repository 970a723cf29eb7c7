"""Backup and restore: the demo case plus a generated corpus, with history, jobs, feeds and (optionally) users,
round-trips into an empty database with the same row counts and checksums; a bad restore writes nothing."""

import gzip
import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from attribution.models import Attribution, Party
from incidents.backup import backup_models, table_fingerprints, through_models
from incidents.models import Clearance, Feed, ImportJob, Incident
from incidents.services import importjob_create
from tests.factories import AttributionFactory, ConsequenceFactory, IncidentFactory, ReactionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def corpus(demo, make_user):
    """The demo case, forty generated incidents with statements, a job, a feed, a researcher with a token (made in
    one transaction: the tests run with real commits, and one commit builds the search documents once)."""
    with transaction.atomic():
        return _corpus(make_user)


def _corpus(make_user):
    for _ in range(40):
        incident = IncidentFactory()
        claim = AttributionFactory(incident=incident)
        ReactionFactory(incident=incident, party=claim.attributed_to, attribution=claim)
        ConsequenceFactory(incident=incident, initiated_by=claim.made_by, target=claim.attributed_to)
    researcher = make_user("researcher", "amber", username="rita")
    importjob_create(user=researcher, text="The US blamed Iran for the cyberattack on July 15.", queue=False)
    Feed.objects.create(name="News", url="https://news.example.org/rss.xml", created_by=researcher)
    incident = Incident.objects.first()
    incident.title += " (edited)"
    incident.save()  # a second history row
    return researcher


def empty_the_database(with_users: bool) -> None:
    """What a freshly migrated database holds: no records (the role groups stay, they come with migrations)."""
    from incidents.models import IncidentSearch

    chosen = backup_models(with_users=True)
    for model in [IncidentSearch, *through_models(chosen), *reversed(chosen)]:  # derived rows first
        model._default_manager.all()._raw_delete(connection.alias)


def backup(tmp_path, *args) -> str:
    path = tmp_path / "backup.jsonl.gz"
    call_command("backup_data", "-o", str(path), *args, stdout=io.StringIO())
    return str(path)


def restore(path: str) -> str:
    out = io.StringIO()
    call_command("restore_data", path, stdout=out)
    return out.getvalue()


def test_a_backup_without_users_restores_every_table_exactly(corpus, tmp_path):
    chosen = backup_models(with_users=False)
    before = table_fingerprints(chosen, with_users=False)
    assert before["attribution.attribution"]["rows"] == Attribution.objects.count() > 40
    assert before["attribution.historicalattribution"]["rows"] > 40  # history goes along
    path = backup(tmp_path)
    empty_the_database(with_users=False)
    assert Attribution.objects.count() == 0
    assert "counts and checksums match" in restore(path)
    assert table_fingerprints(chosen, with_users=False) == before
    job = ImportJob.objects.get()
    assert job.created_by is None  # users were not part of it
    if connection.vendor == "postgresql":  # the public search documents, left out, are rebuilt
        from incidents import search_index
        from incidents.models import Incident, IncidentSearch

        search_index.flush()
        assert IncidentSearch.objects.count() == Incident.objects.count()
    Party.objects.create(name="Made after the restore", kind="company")  # the id sequences were reset


def test_a_backup_with_users_brings_back_their_roles_clearances_and_tokens(corpus, tmp_path, api):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=corpus).key
    path = backup(tmp_path, "--with-users")
    empty_the_database(with_users=True)
    assert User.objects.count() == 0
    restore(path)
    rita = User.objects.get(username="rita")
    assert [group.name for group in rita.groups.all()] == ["researcher"]
    assert Clearance.objects.get(user=rita).tlp == "amber"
    assert ImportJob.objects.get().created_by == rita
    client = api.as_user(None)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/imports/").status_code == 200


def test_a_restore_refuses_a_database_holding_data_and_a_file_that_is_no_backup(corpus, tmp_path):
    path = backup(tmp_path)
    before = table_fingerprints(backup_models(with_users=False), with_users=False)
    with pytest.raises(CommandError, match="The database is not empty"):
        restore(path)
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(CommandError, match="is not a backup written by this product"):
        restore(str(bad))
    assert table_fingerprints(backup_models(with_users=False), with_users=False) == before


def test_a_backup_that_does_not_match_its_manifest_restores_nothing(corpus, tmp_path):
    path = backup(tmp_path)
    with gzip.open(path, "rt", encoding="utf-8") as source:
        lines = source.read().splitlines()
    manifest = json.loads(lines[0])
    manifest["tables"]["attribution.party"]["rows"] += 1  # a file damaged or edited after it was written
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join([json.dumps(manifest), *lines[1:]]) + "\n")
    empty_the_database(with_users=False)
    with pytest.raises(CommandError, match="does not match the backup's manifest: attribution.party"):
        restore(path)
    assert Party.objects.count() == Incident.objects.count() == 0
