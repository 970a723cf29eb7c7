"""The public search document of each incident (PostgreSQL): built in SQL, kept current on every write.

What an anonymous reader may search in a case — its title and summary (weight A), the quotes of its
public statements (weight B), the titles and texts of the public sources linked to it or cited by those
statements — is stored as one tsvector per incident (`IncidentSearch`) behind a GIN index. "Public" is
exactly what `visible_to(AnonymousUser())` returns, so the document never holds what an anonymous reader
may not see; readers with a wider view search through `incidents.selectors.incident_search`'s own query.

Beside the document, each incident's public dataset row is stored written (its CSV line and its JSON
text, incidents.datasets_sql): what an anonymous reader's export holds for the case, or empty when the
case is not public. The export streams those rows to readers who see only public records.

Keeping it current: saving or deleting an incident, a statement, a source or an incident–source link marks
the incidents concerned (signals, and `mark()` after bulk inserts); so does a party whose marking, review
status, name, kind or country changes, and a change of a reaction's counter-accused parties or of the claims
a consequence relies on (these only in the rows: `mark(..., rows_only=True)`). The marked documents and rows
are rebuilt when the transaction commits, or earlier, by the search or the export itself, when it runs
inside the same transaction. `refresh()` rebuilds them all; after `migrate`, incidents without a document
get one, and rows not built yet or built with another row format are rebuilt.
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


def _pending(name: str = "_search_pending") -> set[int]:
    pending = getattr(connection, name, None)
    if pending is None:
        pending = set()
        setattr(connection, name, pending)
    return pending


def mark(incident_ids: Iterable[int], *, rows_only: bool = False) -> None:
    """Rebuild these incidents' documents and dataset rows (only the rows with `rows_only`: a change the
    document does not hold, such as a party's name) when the current transaction commits (at once outside one)."""
    if not enabled():
        return
    ids = {int(pk) for pk in incident_ids if pk is not None}
    if not ids:
        return
    _pending("_rows_pending" if rows_only else "_search_pending").update(ids)
    if not connection.in_atomic_block:
        flush()
    elif not any(entry[1] is flush for entry in connection.run_on_commit):
        transaction.on_commit(flush)


def flush() -> None:
    """Rebuild the documents and rows marked so far on this connection."""
    if not enabled():
        return
    pending, rows_pending = _pending(), _pending("_rows_pending")
    if not pending and not rows_pending:
        return
    ids, rows_ids = sorted(pending), sorted(rows_pending - pending)
    pending.clear()
    rows_pending.clear()
    try:
        refresh(ids)
        refresh(rows_ids, rows_only=True)
    except Exception:  # a failed rebuild must not fail the write that committed; the next one repairs it
        pending.update(ids)
        rows_pending.update(rows_ids)
        logger.exception("Rebuilding the search documents or rows of %d incident(s) failed", len(ids) + len(rows_ids))
        if connection.in_atomic_block:
            raise


def refresh(incident_ids: Iterable[int] | None = None, *, rows_only: bool = False) -> int:
    """Rebuild the documents and rows of these incidents (all when None; only their dataset rows with
    `rows_only`); returns how many incidents were written."""
    if not enabled():
        return 0
    if incident_ids is None:
        from incidents.models import Incident

        incident_ids = Incident.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=5000)
    rebuild = _refresh_rows if rows_only else _refresh_chunk
    written, chunk = 0, []
    for pk in incident_ids:
        chunk.append(pk)
        if len(chunk) == CHUNK:
            written += rebuild(chunk)
            chunk = []
    if chunk:
        written += rebuild(chunk)
    return written


def fill_missing() -> int:
    """Build the documents of incidents that have none (after migrating, or a bulk load), and the dataset rows
    not built yet or built with another row format; returns how many incidents were written."""
    if not enabled() or not _migrated():
        return 0
    from incidents.datasets_sql import ROW_VERSION
    from incidents.models import Incident, IncidentSearch

    missing = Incident.objects.filter(search__isnull=True).order_by("pk").values_list("pk", flat=True)
    written = refresh(missing.iterator(chunk_size=5000))
    stale = IncidentSearch.objects.exclude(row_version=ROW_VERSION).order_by("pk").values_list("pk", flat=True)
    return written + refresh(stale.iterator(chunk_size=5000), rows_only=True)


def _migrated() -> bool:
    """Whether the table has its current columns (not so after migrating back to an older schema)."""
    with connection.cursor() as cursor:
        if "incidents_incidentsearch" not in connection.introspection.table_names(cursor):
            return False
        columns = connection.introspection.get_table_description(cursor, "incidents_incidentsearch")
    return "row_version" in {column.name for column in columns}


def _public_sql(queryset, *columns: str) -> tuple[str, list]:
    sql, params = queryset.order_by().values(*columns).query.sql_with_params()
    return sql, list(params)


def _refresh_chunk(ids: list[int]) -> int:
    """Write the documents and the public dataset rows of these incidents (one statement, one row version each)."""
    from attribution.models import Attribution, Consequence, Reaction
    from incidents.datasets_sql import ROW_VERSION, written_public_rows
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
        wanted AS (SELECT * FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS w (id, csv_row, json_row)),
        documented AS MATERIALIZED (
            SELECT l.incident_id, l.source_id FROM incidents_incidentsource l WHERE l.incident_id = ANY(%s::bigint[])
            UNION SELECT st.incident_id, st.source_id FROM statements st
        )
        INSERT INTO incidents_incidentsearch (incident_id, document, refreshed_at, csv_row, json_row, row_version)
        SELECT i.id,
            setweight(to_tsvector(%s::regconfig, coalesce(i.title, '') || ' ' || coalesce(i.summary, '')), 'A')
            || setweight(to_tsvector(%s::regconfig, left(coalesce(
                (SELECT string_agg(st.quote, ' ') FROM statements st WHERE st.incident_id = i.id), ''), %s)), 'B')
            || to_tsvector(%s::regconfig, left(coalesce(
                (SELECT string_agg(coalesce(s.title, '') || ' ' || left(coalesce(s.text, ''), %s), ' ' ORDER BY s.id)
                 FROM documented d JOIN incidents_source s ON s.id = d.source_id
                 WHERE d.incident_id = i.id AND s.id = ANY(%s::bigint[])), ''), %s)),
            now(), w.csv_row, w.json_row, %s
        FROM incidents_incident i JOIN wanted w ON w.id = i.id
        ON CONFLICT (incident_id) DO UPDATE SET document = EXCLUDED.document, refreshed_at = EXCLUDED.refreshed_at,
            csv_row = EXCLUDED.csv_row, json_row = EXCLUDED.json_row, row_version = EXCLUDED.row_version
    """
    with transaction.atomic(), connection.cursor() as cursor:
        rows = written_public_rows(cursor, ids)
        wanted = [[row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows]]
        all_params = [*params, *wanted, ids, CONFIG, CONFIG, QUOTES_MAX, CONFIG, SOURCES_MAX, public_sources]
        cursor.execute(sql, [*all_params, SOURCES_MAX, ROW_VERSION])
        return cursor.rowcount


def _refresh_rows(ids: list[int]) -> int:
    """Write the public dataset rows of these incidents beside their documents (incidents.datasets_sql)."""
    from incidents.datasets_sql import ROW_VERSION, written_public_rows

    with transaction.atomic(), connection.cursor() as cursor:
        rows = written_public_rows(cursor, ids)
        cursor.execute(
            """
            UPDATE incidents_incidentsearch s SET csv_row = r.csv_row, json_row = r.json_row, row_version = %s
            FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS r (incident_id, csv_row, json_row)
            WHERE s.incident_id = r.incident_id
            """,
            [ROW_VERSION, [row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows]],
        )
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


_PARTY_SHOWN = ("name", "kind", "country")  # what a dataset row tells of a party


def _party_visibility_before(sender, instance, **kwargs) -> None:
    if enabled() and instance.pk is not None:
        old = sender.objects.filter(pk=instance.pk).values_list("tlp", "review_status", *_PARTY_SHOWN).first()
        instance._search_visibility_before = old


def _party_changed(sender, instance, created=False, **kwargs) -> None:
    """A party whose marking or review status changed changes which quotes are public; one whose name, kind or
    country changed changes the dataset rows that name it."""
    before = getattr(instance, "_search_visibility_before", None)
    if not enabled() or created or before is None:
        return
    visibility_changed = before[:2] != (instance.tlp, instance.review_status)
    if visibility_changed:
        mark(_incidents_of_party(instance.pk, accused=False))
    if visibility_changed or before[2:] != tuple(getattr(instance, name) for name in _PARTY_SHOWN):
        mark(_incidents_of_party(instance.pk), rows_only=True)


def _party_deleted(sender, instance, **kwargs) -> None:
    """Deleting a party takes it out of the counter-accusations that named it (no statement rests on it)."""
    if enabled():
        mark(_incidents_of_party(instance.pk), rows_only=True)


def _incidents_of_party(party_id: int, *, accused: bool = True) -> set[int]:
    """The incidents whose statements name this party in a role (and, with `accused`, as counter-accused)."""
    from django.db.models import Q

    from attribution.models import Attribution, Consequence, Reaction

    ids: set[int] = set()
    for model in (Attribution, Reaction, Consequence):
        roles = [name for name in _PARTY_ROLES if hasattr(model, name)]
        involved = Q()
        for name in roles:
            involved |= Q(**{f"{name}_id": party_id})
        if accused and model is Reaction:
            involved |= Q(accuses=party_id)
        ids.update(model.objects.filter(involved).values_list("incident_id", flat=True))
    return ids


def _links_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """A reaction's counter-accused parties and a consequence's claims are in the dataset rows only."""
    if not enabled() or action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not reverse:  # instance: the reaction or the consequence
        mark([instance.incident_id], rows_only=True)
        return
    field = "accuses" if hasattr(model, "accuses") else "relies_on"  # model: Reaction or Consequence
    statements = model.objects.filter(pk__in=pk_set) if pk_set else model.objects.filter(**{field: instance.pk})
    mark(statements.values_list("incident_id", flat=True), rows_only=True)


def connect() -> None:
    """Mark incidents on every save and delete of the records their documents and rows are built from."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

    from attribution.models import Attribution, Consequence, Party, Reaction
    from incidents.models import Incident, IncidentSource, Source

    for model in (Incident, Source, IncidentSource, Attribution, Reaction, Consequence):
        post_save.connect(_on_change, sender=model, dispatch_uid=f"search_index_save_{model.__name__}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"search_index_delete_{model.__name__}")
    pre_save.connect(_party_visibility_before, sender=Party, dispatch_uid="search_index_party_before")
    post_save.connect(_party_changed, sender=Party, dispatch_uid="search_index_party_after")
    pre_delete.connect(_party_deleted, sender=Party, dispatch_uid="search_index_party_deleted")
    for through in (Reaction.accuses.through, Consequence.relies_on.through):
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"search_index_links_{through.__name__}")
