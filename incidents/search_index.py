"""The public search document of each incident (PostgreSQL): built in SQL, kept current on every write.

What an anonymous reader may search in a case — its title and summary (weight A), the quotes of its
public statements (weight B), the titles and texts of the public sources linked to it or cited by those
statements — is stored as one tsvector per incident (`IncidentSearch`) behind a GIN index. "Public" is
exactly what `visible_to(AnonymousUser())` returns, so the document never holds what an anonymous reader
may not see; readers with a wider view search through `incidents.selectors.incident_search`'s own query.

Keeping it current: saving or deleting an incident, a statement, a source or an incident–source link marks
the incidents concerned (signals, and `mark()` after bulk inserts); the marked documents are rebuilt when
the transaction commits, or earlier, by the search itself, when it runs inside the same transaction.
`manage.py search_index` rebuilds them all; after `migrate`, incidents without a document get one.
"""

import logging
from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction

logger = logging.getLogger(__name__)

CONFIG = "english"
QUOTES_MAX = 100_000  # characters of quotes per document
SOURCES_MAX = 300_000  # characters of source titles and texts per document (tsvector's 1 MB limit)
CHUNK = 200


def enabled() -> bool:
    return connection.vendor == "postgresql"


def _pending() -> set[int]:
    pending = getattr(connection, "_search_pending", None)
    if pending is None:
        pending = connection._search_pending = set()
    return pending


def mark(incident_ids: Iterable[int]) -> None:
    """Rebuild these incidents' documents when the current transaction commits (at once outside one)."""
    if not enabled():
        return
    ids = {int(pk) for pk in incident_ids if pk is not None}
    if not ids:
        return
    pending = _pending()
    pending.update(ids)
    if not connection.in_atomic_block:
        flush()
    elif not any(entry[1] is flush for entry in connection.run_on_commit):
        transaction.on_commit(flush)


def flush() -> None:
    """Rebuild the documents marked so far on this connection."""
    if not enabled():
        return
    pending = _pending()
    if not pending:
        return
    ids = sorted(pending)
    pending.clear()
    try:
        refresh(ids)
    except Exception:  # a failed rebuild must not fail the write that committed; the next one repairs it
        pending.update(ids)
        logger.exception("Rebuilding the search documents of %d incident(s) failed", len(ids))
        if connection.in_atomic_block:
            raise


def refresh(incident_ids: Iterable[int] | None = None) -> int:
    """Rebuild the documents of these incidents (all when None); returns how many were written."""
    if not enabled():
        return 0
    if incident_ids is None:
        from incidents.models import Incident

        incident_ids = Incident.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=5000)
    written, chunk = 0, []
    for pk in incident_ids:
        chunk.append(pk)
        if len(chunk) == CHUNK:
            written += _refresh_chunk(chunk)
            chunk = []
    if chunk:
        written += _refresh_chunk(chunk)
    return written


def fill_missing() -> int:
    """Build the documents of incidents that have none (after migrating, or a bulk load)."""
    if not enabled():
        return 0
    from incidents.models import Incident

    missing = Incident.objects.filter(search__isnull=True).order_by("pk").values_list("pk", flat=True)
    return refresh(missing.iterator(chunk_size=5000))


def _public_sql(queryset, *columns: str) -> tuple[str, list]:
    sql, params = queryset.order_by().values(*columns).query.sql_with_params()
    return sql, list(params)


def _refresh_chunk(ids: list[int]) -> int:
    from attribution.models import Attribution, Consequence, Reaction
    from incidents.models import IncidentSource, Source

    public = AnonymousUser()
    parts, params = [], []
    cited: set[int] = set(IncidentSource.objects.filter(incident_id__in=ids).values_list("source_id", flat=True))
    for model in (Attribution, Reaction, Consequence):
        statements = model.objects.visible_to(public).filter(incident_id__in=ids)
        cited.update(statements.values_list("source_id", flat=True))
        sql, p = _public_sql(statements, "incident_id", "quote", "source_id")
        parts.append(sql)
        params += p
    public_sources = list(Source.objects.visible_to(public).filter(pk__in=cited).values_list("pk", flat=True))
    statements_sql = " UNION ALL ".join(f"({part})" for part in parts)
    sql = f"""
        WITH statements AS MATERIALIZED ({statements_sql}),
        wanted AS (SELECT unnest(%s::bigint[]) AS id),
        documented AS MATERIALIZED (
            SELECT l.incident_id, l.source_id FROM incidents_incidentsource l WHERE l.incident_id = ANY(%s::bigint[])
            UNION SELECT st.incident_id, st.source_id FROM statements st
        )
        INSERT INTO incidents_incidentsearch (incident_id, document, refreshed_at)
        SELECT i.id,
            setweight(to_tsvector(%s::regconfig, coalesce(i.title, '') || ' ' || coalesce(i.summary, '')), 'A')
            || setweight(to_tsvector(%s::regconfig, left(coalesce(
                (SELECT string_agg(st.quote, ' ') FROM statements st WHERE st.incident_id = i.id), ''), %s)), 'B')
            || to_tsvector(%s::regconfig, left(coalesce(
                (SELECT string_agg(coalesce(s.title, '') || ' ' || left(coalesce(s.text, ''), %s), ' ' ORDER BY s.id)
                 FROM documented d JOIN incidents_source s ON s.id = d.source_id
                 WHERE d.incident_id = i.id AND s.id = ANY(%s::bigint[])), ''), %s)),
            now()
        FROM incidents_incident i JOIN wanted w ON w.id = i.id
        ON CONFLICT (incident_id) DO UPDATE SET document = EXCLUDED.document, refreshed_at = EXCLUDED.refreshed_at
    """
    all_params = [*params, ids, ids, CONFIG, CONFIG, QUOTES_MAX, CONFIG, SOURCES_MAX, public_sources, SOURCES_MAX]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        return cursor.rowcount


# --- Keeping documents current ------------------------------------------------------------------------
def _incidents_of_source(source_id: int) -> set[int]:
    from attribution.models import Attribution, Consequence, Reaction
    from incidents.models import IncidentSource

    ids = set(IncidentSource.objects.filter(source_id=source_id).values_list("incident_id", flat=True))
    for model in (Attribution, Reaction, Consequence):
        ids.update(model.objects.filter(source_id=source_id).values_list("incident_id", flat=True))
    return ids


def _on_change(sender, instance, **kwargs) -> None:
    if not enabled():
        return
    from incidents.models import Incident, Source

    if isinstance(instance, Incident):
        mark([instance.pk])
    elif isinstance(instance, Source):
        if instance.pk is not None:
            mark(_incidents_of_source(instance.pk))
    else:  # a statement or an incident–source link
        mark([instance.incident_id])


_PARTY_ROLES = ("made_by", "attributed_to", "party", "initiated_by", "target", "speaker")


def _party_visibility_before(sender, instance, **kwargs) -> None:
    if enabled() and instance.pk is not None:
        old = sender.objects.filter(pk=instance.pk).values_list("tlp", "review_status").first()
        instance._search_visibility_before = old


def _party_changed(sender, instance, created=False, **kwargs) -> None:
    """A party whose marking or review status changed changes which quotes are public."""
    if not enabled() or created:
        return
    if getattr(instance, "_search_visibility_before", None) in (None, (instance.tlp, instance.review_status)):
        return
    from django.db.models import Q

    from attribution.models import Attribution, Consequence, Reaction

    ids: set[int] = set()
    for model in (Attribution, Reaction, Consequence):
        roles = [name for name in _PARTY_ROLES if hasattr(model, name)]
        involved = Q()
        for name in roles:
            involved |= Q(**{f"{name}_id": instance.pk})
        ids.update(model.objects.filter(involved).values_list("incident_id", flat=True))
    mark(ids)


def connect() -> None:
    """Mark incidents on every save and delete of the records their documents are built from."""
    from django.db.models.signals import post_delete, post_save, pre_save

    from attribution.models import Attribution, Consequence, Party, Reaction
    from incidents.models import Incident, IncidentSource, Source

    for model in (Incident, Source, IncidentSource, Attribution, Reaction, Consequence):
        post_save.connect(_on_change, sender=model, dispatch_uid=f"search_index_save_{model.__name__}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"search_index_delete_{model.__name__}")
    pre_save.connect(_party_visibility_before, sender=Party, dispatch_uid="search_index_party_before")
    post_save.connect(_party_changed, sender=Party, dispatch_uid="search_index_party_after")
