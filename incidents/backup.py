"""Backup and restore of everything the product holds: records, their history, import jobs, feeds, and
(optionally) users with their roles, clearances and API tokens.

A backup is one gzip-compressed JSON Lines file: a manifest line (format, version, when, row counts and a
checksum per table), then one line per row in Django's serialisation (times to the microsecond), tables
in an order in which every row's references come before it. Restoring reads it into an empty database
in one transaction, resets the id sequences and checks the row counts and checksums against the
manifest: a backup that does not restore exactly is rolled back, never half-restored.
"""

import datetime as dt
import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import User
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

FORMAT = "attribution-tracker/backup"
VERSION = 1
APPS = ("attribution", "incidents")
CHUNK = 2000
# Columns that point at users: emptied in a backup without users (the rows stay, the user is gone).
USER_MODEL = "auth.user"


class BackupError(Exception):
    """A backup that cannot be restored here (not a backup, another version, a database not empty, or a
    restore that does not match its manifest); nothing was written."""


def backup_models(*, with_users: bool) -> list[type[models.Model]]:
    """The models a backup holds, every one after the models it refers to."""
    from rest_framework.authtoken.models import Token

    # Derived tables (the search documents) are rebuilt from the records when these are restored.
    chosen = [m for m in apps.get_models() if m._meta.app_label in APPS and not getattr(m, "DERIVED", False)]
    if with_users:
        chosen += [User, Token]  # the role groups come with the migrations; users name theirs by name
    elif any(m._meta.label_lower == "incidents.clearance" for m in chosen):
        chosen = [m for m in chosen if m._meta.label_lower != "incidents.clearance"]
    return _ordered(chosen)


def _ordered(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    labels = {m._meta.label_lower: m for m in chosen}
    done: list[type[models.Model]] = []
    seen: set[str] = set()

    def visit(model):
        label = model._meta.label_lower
        if label in seen:
            return
        seen.add(label)
        for field in model._meta.get_fields():
            target = getattr(field, "related_model", None)
            if (field.many_to_one or field.one_to_one or field.many_to_many) and field.concrete and target:
                target_label = target._meta.label_lower
                if target_label in labels and target_label != label:
                    visit(labels[target_label])
        done.append(model)

    for model in sorted(chosen, key=lambda m: m._meta.label_lower):
        visit(model)
    return done


def through_models(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    """The link tables of the chosen models' many-to-many fields (restored with the rows they belong to)."""
    labels = {m._meta.label_lower for m in chosen}
    found = {}
    for model in chosen:
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created and field.related_model._meta.label_lower in labels | {"auth.group"}:
                found[through._meta.label_lower] = through
    return list(found.values())


def table_fingerprints(chosen: list[type[models.Model]], *, with_users: bool) -> dict[str, dict]:
    """Row count and a checksum of every row's values, per table (ordered by primary key); link tables by
    the pairs they hold (their own ids are not kept by a restore)."""
    found = {}
    for model in [*chosen, *through_models(chosen)]:
        digest = hashlib.sha256()
        count = 0
        for values in _rows(model, with_users=with_users):
            digest.update(json.dumps(values, default=str, sort_keys=True).encode())
            count += 1
        found[model._meta.label_lower] = {"rows": count, "sha256": digest.hexdigest()}
    return found


def _rows(model, *, with_users: bool) -> Iterator[dict]:
    user_columns = [] if with_users else _user_columns(model)
    if model._meta.auto_created:  # a link table: its pairs, in order
        columns = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
        yield from model._default_manager.order_by(*columns).values(*columns).iterator(chunk_size=CHUNK)
        return
    for values in model._default_manager.order_by("pk").values().iterator(chunk_size=CHUNK):
        for column in user_columns:
            values[column] = None
        for name, value in values.items():
            if isinstance(value, memoryview):
                values[name] = bytes(value).hex()
            elif isinstance(value, bytes):
                values[name] = value.hex()
        yield values


def _user_columns(model) -> list[str]:
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is not None and field.related_model._meta.label_lower == USER_MODEL
    ]


def backup_write(path: Path, *, with_users: bool = False, on_table=None) -> dict:
    """Write a backup to `path`; returns its manifest. `on_table(label, rows)` is told of each table."""
    chosen = backup_models(with_users=with_users)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "with_users": with_users,
        "tables": table_fingerprints(chosen, with_users=with_users),
    }
    with gzip.open(path, "wt", encoding="utf-8") as out, transaction.atomic():
        if connection.vendor == "postgresql":  # one snapshot for every table, whatever is written meanwhile
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        out.write(json.dumps(manifest) + "\n")
        for model in chosen:
            user_columns = [] if with_users else [c.removesuffix("_id") for c in _user_columns(model)]
            queryset = model._default_manager.order_by("pk")
            for start in range(0, manifest["tables"][model._meta.label_lower]["rows"], CHUNK):
                batch = list(queryset[start : start + CHUNK])
                for obj in batch:
                    for name in user_columns:
                        setattr(obj, name, None)
                for row in serializers.serialize("python", batch, use_natural_foreign_keys=True):
                    out.write(json.dumps(row, cls=_Exact, ensure_ascii=False) + "\n")
            if on_table:
                on_table(model._meta.label_lower, manifest["tables"][model._meta.label_lower]["rows"])
    return manifest


class _Exact(DjangoJSONEncoder):
    """Times to the microsecond (Django's JSON encoder keeps milliseconds only): a restore is exact."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def read_manifest(path: Path) -> dict:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            manifest = json.loads(source.readline())
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path} is not a backup written by this product ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a backup written by this product.")
    if manifest.get("version") != VERSION:
        raise BackupError(f"{path} is backup version {manifest.get('version')}; this product reads version {VERSION}.")
    return manifest


def restore(path: Path, *, on_table=None) -> dict:
    """Restore a backup into this (empty) database; returns the manifest it was checked against."""
    manifest = read_manifest(path)
    chosen = backup_models(with_users=manifest["with_users"])
    occupied = [m._meta.label_lower for m in chosen if _holds_data(m)]
    if occupied:
        raise BackupError(
            "The database is not empty (" + ", ".join(occupied[:5]) + "): restore into a freshly migrated one."
        )
    with transaction.atomic():
        with connection.constraint_checks_disabled(), gzip.open(path, "rt", encoding="utf-8") as source:
            source.readline()
            loaded, waiting = 0, []
            for line in source:
                if not line.strip():
                    continue
                for obj in serializers.deserialize("python", [json.loads(line)], handle_forward_references=True):
                    obj.object.skip_history_when_saving = True  # the history rows come from the backup itself
                    obj.save()
                    if obj.deferred_fields:
                        waiting.append(obj)
                    loaded += 1
                    if on_table and loaded % CHUNK == 0:
                        on_table("rows", loaded)
            for obj in waiting:  # references to rows that came later in the file
                obj.save_deferred_fields()
        connection.check_constraints(table_names=[m._meta.db_table for m in chosen])
        _reset_sequences(chosen)
        found = table_fingerprints(chosen, with_users=manifest["with_users"])
        wrong = [label for label, expected in manifest["tables"].items() if found.get(label) != expected]
        if wrong:
            raise BackupError("The restored data does not match the backup's manifest: " + ", ".join(wrong) + ".")
    return manifest


def _holds_data(model) -> bool:
    return model._default_manager.exists()


def _reset_sequences(chosen) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), chosen)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def default_name() -> str:
    return f"backup-{dt.datetime.now(dt.UTC).strftime('%Y%m%d-%H%M%S')}.jsonl.gz"
