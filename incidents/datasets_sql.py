"""The dataset rows of `incidents.datasets`, assembled by PostgreSQL (json_build_object / json_agg) a chunk
of incidents at a time: the same rows, key for key, as the ORM path, about thirty times faster, since
no model instance is built. Visibility is the API's (attribution.access): a statement shows when it, its
source, its parties and its speaker (if any) are visible; the incidents are visible already.
tests/incidents/test_dataset_export.py holds the two paths to the same rows.

Each incident's public row (what an anonymous reader's export holds) is also stored written, as its CSV
line and its JSON text, beside its search document: `stored_rows` streams those to readers who see only
public records (tests/incidents/test_dataset_rows_stored.py holds them equal to the rows assembled live).
"""

import hashlib
from collections.abc import Iterator

import orjson
from django.contrib.auth.models import AnonymousUser
from django.db import connections, transaction

from attribution.access import _REVIEW_BY_ROLE, clearance_of, role_of, tlp_allowed
from incidents.datasets import CSV_COLUMNS, FORMAT_VERSION, INCIDENT_FIELDS, WrittenRow, written_rows

CHUNK = 2000


def _vis(alias: str) -> str:
    return f"{alias}.tlp = ANY(%(tlp)s) AND {alias}.review_status = ANY(%(review)s)"


def _plain(expression: str) -> str:
    """A value as the ORM path writes it: "" for NULL, else its JSON (dates as YYYY-MM-DD)."""
    return f"CASE WHEN {expression} IS NULL THEN to_json(''::text) ELSE to_json({expression}) END"


def _party(alias: str) -> str:
    return f"json_build_object('name', {alias}.name, 'kind', {alias}.kind, 'country', {alias}.country)"


def _party_name(alias: str) -> str:  # str(party)
    return (
        f"CASE WHEN {alias}.kind = 'state' OR {alias}.country = '' THEN {alias}.name "
        f"ELSE {alias}.name || ' (' || {alias}.country || ')' END"
    )


def _statement(alias: str, speaker: str) -> str:
    return (
        f"'key', coalesce({alias}.external_id, ''), 'quote', {alias}.quote, "
        f"'speaker', CASE WHEN {alias}.speaker_id IS NULL THEN NULL ELSE {_party(speaker)} END, "
        f"'source', n.num, 'note', {alias}.note, 'review_status', {alias}.review_status, 'tlp', {alias}.tlp"
    )


def _dated(alias: str, field: str) -> str:
    return f"'{field}', {_plain(f'{alias}.{field}')}, '{field}_precision', {alias}.{field}_precision"


INCIDENT_FIELDS_SQL = ", ".join(
    f"'{field}', i.{field}" if field.endswith("precision") else f"'{field}', {_plain(f'i.{field}')}"
    for field in INCIDENT_FIELDS
)

ROWS_SQL = f"""
WITH inc AS MATERIALIZED (SELECT * FROM incidents_incident WHERE id = ANY(%(ids)s)),
claims AS MATERIALIZED (
    SELECT a.*, row_number() OVER (PARTITION BY a.incident_id ORDER BY a.id) - 1 AS num
    FROM attribution_attribution a
    JOIN incidents_source s ON s.id = a.source_id
    JOIN attribution_party pm ON pm.id = a.made_by_id
    JOIN attribution_party pt ON pt.id = a.attributed_to_id
    LEFT JOIN attribution_party sp ON sp.id = a.speaker_id
    WHERE a.incident_id = ANY(%(ids)s) AND {_vis("a")} AND {_vis("s")} AND {_vis("pm")} AND {_vis("pt")}
      AND (a.speaker_id IS NULL OR ({_vis("sp")}))
),
reactions AS MATERIALIZED (
    SELECT r.* FROM attribution_reaction r
    JOIN incidents_source s ON s.id = r.source_id
    JOIN attribution_party pp ON pp.id = r.party_id
    LEFT JOIN attribution_party sp ON sp.id = r.speaker_id
    WHERE r.incident_id = ANY(%(ids)s) AND {_vis("r")} AND {_vis("s")} AND {_vis("pp")}
      AND (r.speaker_id IS NULL OR ({_vis("sp")}))
),
measures AS MATERIALIZED (
    SELECT c.* FROM attribution_consequence c
    JOIN incidents_source s ON s.id = c.source_id
    JOIN attribution_party pi ON pi.id = c.initiated_by_id
    LEFT JOIN attribution_party sp ON sp.id = c.speaker_id
    LEFT JOIN attribution_party pt ON pt.id = c.target_id
    WHERE c.incident_id = ANY(%(ids)s) AND {_vis("c")} AND {_vis("s")} AND {_vis("pi")}
      AND (c.speaker_id IS NULL OR ({_vis("sp")})) AND (c.target_id IS NULL OR ({_vis("pt")}))
),
documented AS (
    SELECT l.incident_id, l.source_id, 0 AS grp, l.id AS ord
    FROM incidents_incidentsource l JOIN incidents_source s ON s.id = l.source_id
    WHERE l.incident_id = ANY(%(ids)s) AND {_vis("s")}
    UNION ALL SELECT incident_id, source_id, 1, id FROM claims
    UNION ALL SELECT incident_id, source_id, 2, id FROM reactions
    UNION ALL SELECT incident_id, source_id, 3, id FROM measures
),
n AS MATERIALIZED (
    SELECT f.incident_id, f.source_id, row_number() OVER (PARTITION BY f.incident_id ORDER BY f.grp, f.ord) - 1 AS num
    FROM (
        SELECT DISTINCT ON (incident_id, source_id) incident_id, source_id, grp, ord
        FROM documented ORDER BY incident_id, source_id, grp, ord
    ) f
),
claims_j AS (
    SELECT a.incident_id, json_agg(json_build_object({_statement("a", "sp")},
        'made_by', {_party("pm")}, 'attributed_to', {_party("pt")}, 'stance', a.stance, {_dated("a", "stated_on")},
        'attributor_type', a.attributor_type, 'channel', a.channel, 'level', a.level, 'basis', a.basis,
        'confidence', a.confidence, 'confidence_text', a.confidence_text) ORDER BY a.id) AS j
    FROM claims a
    JOIN n ON n.incident_id = a.incident_id AND n.source_id = a.source_id
    JOIN attribution_party pm ON pm.id = a.made_by_id
    JOIN attribution_party pt ON pt.id = a.attributed_to_id
    LEFT JOIN attribution_party sp ON sp.id = a.speaker_id
    GROUP BY a.incident_id
),
standing AS (
    SELECT a.incident_id,
        string_agg(a.accused, '; ' ORDER BY a.first_accused) FILTER (WHERE a.first_accused IS NOT NULL) AS accused,
        string_agg(a.accuser, '; ' ORDER BY a.first_accuser) FILTER (WHERE a.first_accuser IS NOT NULL) AS accusers,
        min(a.stated_on) AS first_on
    FROM (
        SELECT a.incident_id, a.stated_on, {_party_name("pt")} AS accused, {_party_name("pm")} AS accuser,
            CASE WHEN row_number() OVER (PARTITION BY a.incident_id, {_party_name("pt")} ORDER BY a.id) = 1
                THEN a.id END AS first_accused,
            CASE WHEN row_number() OVER (PARTITION BY a.incident_id, {_party_name("pm")} ORDER BY a.id) = 1
                THEN a.id END AS first_accuser
        FROM claims a
        JOIN attribution_party pm ON pm.id = a.made_by_id
        JOIN attribution_party pt ON pt.id = a.attributed_to_id
        WHERE a.stance IN ('attributes', 'endorses')
    ) a
    GROUP BY a.incident_id
),
accuses_j AS (
    SELECT ra.reaction_id, json_agg({_party("p")} ORDER BY p.name, p.id) AS j
    FROM attribution_reaction_accuses ra
    JOIN reactions r ON r.id = ra.reaction_id
    JOIN attribution_party p ON p.id = ra.party_id
    WHERE {_vis("p")}
    GROUP BY ra.reaction_id
),
reactions_j AS (
    SELECT r.incident_id, json_agg(json_build_object({_statement("r", "sp")},
        'party', {_party("pp")}, 'stance', r.stance, {_dated("r", "stated_on")},
        'answers', ac.num, 'accuses', coalesce(acc.j, '[]'::json)) ORDER BY r.id) AS j
    FROM reactions r
    JOIN n ON n.incident_id = r.incident_id AND n.source_id = r.source_id
    JOIN attribution_party pp ON pp.id = r.party_id
    LEFT JOIN attribution_party sp ON sp.id = r.speaker_id
    LEFT JOIN claims ac ON ac.id = r.attribution_id AND ac.incident_id = r.incident_id
    LEFT JOIN accuses_j acc ON acc.reaction_id = r.id
    GROUP BY r.incident_id
),
denials AS (
    SELECT d.incident_id, string_agg(d.name, '; ' ORDER BY d.first) AS names
    FROM (
        SELECT r.incident_id, {_party_name("pp")} AS name, min(r.id) AS first
        FROM reactions r JOIN attribution_party pp ON pp.id = r.party_id
        WHERE r.stance = 'denial'
        GROUP BY r.incident_id, {_party_name("pp")}
    ) d
    GROUP BY d.incident_id
),
relies_j AS (
    SELECT ro.consequence_id, json_agg(a.num ORDER BY a.num) AS j
    FROM attribution_consequence_relies_on ro
    JOIN measures c ON c.id = ro.consequence_id
    JOIN claims a ON a.id = ro.attribution_id AND a.incident_id = c.incident_id
    GROUP BY ro.consequence_id
),
measures_j AS (
    SELECT c.incident_id, json_agg(json_build_object({_statement("c", "sp")},
        'initiated_by', {_party("pi")}, 'target', CASE WHEN c.target_id IS NULL THEN NULL ELSE {_party("pt")} END,
        'kind', c.kind, 'status', c.status, {_dated("c", "announced_on")}, {_dated("c", "effective_on")},
        'legal_instrument', c.legal_instrument, 'description', c.description,
        'relies_on', coalesce(rj.j, '[]'::json)) ORDER BY c.id) AS j
    FROM measures c
    JOIN n ON n.incident_id = c.incident_id AND n.source_id = c.source_id
    JOIN attribution_party pi ON pi.id = c.initiated_by_id
    LEFT JOIN attribution_party pt ON pt.id = c.target_id
    LEFT JOIN attribution_party sp ON sp.id = c.speaker_id
    LEFT JOIN relies_j rj ON rj.consequence_id = c.id
    GROUP BY c.incident_id
),
kinds AS (
    SELECT k.incident_id, string_agg(k.kind, '; ' ORDER BY k.first) AS kinds
    FROM (SELECT incident_id, kind, min(id) AS first FROM measures GROUP BY incident_id, kind) k
    GROUP BY k.incident_id
),
sources_j AS (
    SELECT n.incident_id, json_agg(json_build_object(
        'url', coalesce(s.url, ''), 'title', s.title, 'publisher', s.publisher, 'kind', s.kind,
        'language', s.language, 'published_on', {_plain("s.published_on")},
        'published_on_precision', s.published_on_precision, 'retrieved_at', {_plain("s.retrieved_at")},
        'review_status', s.review_status, 'tlp', s.tlp, 'external_id', coalesce(s.external_id, '')
    ) ORDER BY n.num) AS j
    FROM n JOIN incidents_source s ON s.id = n.source_id
    GROUP BY n.incident_id
)
SELECT json_build_object({INCIDENT_FIELDS_SQL},
    'attributions', coalesce(cj.j, '[]'::json), 'reactions', coalesce(rj.j, '[]'::json),
    'consequences', coalesce(mj.j, '[]'::json), 'sources', coalesce(sj.j, '[]'::json),
    'attributed_to', coalesce(st.accused, ''), 'attributed_by', coalesce(st.accusers, ''),
    'first_attribution_on', {_plain("st.first_on")}, 'denied_by', coalesce(d.names, ''),
    'consequence_kinds', coalesce(k.kinds, ''), 'format_version', %(version)s::text
)::text
FROM inc i
LEFT JOIN claims_j cj ON cj.incident_id = i.id
LEFT JOIN reactions_j rj ON rj.incident_id = i.id
LEFT JOIN measures_j mj ON mj.incident_id = i.id
LEFT JOIN sources_j sj ON sj.incident_id = i.id
LEFT JOIN standing st ON st.incident_id = i.id
LEFT JOIN denials d ON d.incident_id = i.id
LEFT JOIN kinds k ON k.incident_id = i.id
ORDER BY i.id
"""


def _visibility(user) -> dict:
    params = {"tlp": list(tlp_allowed(clearance_of(user))), "review": list(_REVIEW_BY_ROLE[role_of(user)])}
    return {key: [str(value) for value in values] for key, values in params.items()}


def _rows(cursor, ids: list[int], user) -> Iterator[dict]:
    """The rows of these (visible) incidents, in id order, one statement."""
    cursor.execute(ROWS_SQL, {**_visibility(user), "ids": ids, "version": FORMAT_VERSION})
    for (text,) in cursor.fetchall():
        yield orjson.loads(text)


def dataset_rows_sql(incidents, *, user) -> Iterator[dict]:
    """The rows of the visible `incidents`, in id order, CHUNK incidents per statement."""
    ids = incidents.visible_to(user).order_by("pk").values_list("pk", flat=True)
    connection = connections[incidents.db]
    last = 0
    while True:
        chunk = list(ids.filter(pk__gt=last)[:CHUNK])
        if not chunk:
            return
        last = chunk[-1]
        with connection.cursor() as cursor:
            rows = list(_rows(cursor, chunk, user))
        yield from rows


# --- The stored public rows ---------------------------------------------------------------------------------
# Each incident's public row is stored written, beside its search document (IncidentSearch.csv_row/json_row,
# kept current by incidents.search_index). ROW_VERSION names the row format: rows built with another are
# rebuilt after `migrate` and never served.
ROW_VERSION = hashlib.sha256("\n".join([FORMAT_VERSION, *CSV_COLUMNS, ROWS_SQL]).encode()).hexdigest()[:16]
STREAM_BATCH = 2000  # rows fetched from the server-side cursor at a time


def written_public_rows(cursor, ids: list[int]) -> list[tuple[int, str, str]]:
    """(incident id, CSV line, JSON text) of each of these incidents: its anonymous reader's row, or two empty
    texts when the incident is not public."""
    from incidents.models import Incident

    public = AnonymousUser()
    shown = sorted(Incident.objects.visible_to(public).filter(pk__in=ids).values_list("pk", flat=True))
    written = dict(zip(shown, written_rows(_rows(cursor, shown, public)) if shown else [], strict=True))
    return [(pk, *written.get(pk, ("", ""))) for pk in ids]


def stored_rows(fmt: str, incidents, *, user) -> Iterator[WrittenRow | dict]:
    """The visible `incidents` in id order, as their stored public CSV lines or JSON texts, for a reader who
    sees only public records. The filtered incidents are joined to the stored rows and read through a
    server-side cursor; an incident whose row is missing or of another format version (not rebuilt yet) gets
    its row assembled as `dataset_rows_sql` does."""
    from incidents import search_index

    search_index.flush()  # rows marked earlier in this transaction
    column = {"csv": "csv_row", "json": "json_row"}[fmt]
    inner, params = incidents.visible_to(user).order_by().values("pk").query.sql_with_params()
    sql = f"""
        SELECT f.id, s.{column}, s.row_version FROM ({inner}) f (id)
        LEFT JOIN incidents_incidentsearch s ON s.incident_id = f.id ORDER BY f.id
    """
    connection = connections[incidents.db]
    with transaction.atomic(using=incidents.db):  # a server-side cursor streams only inside a transaction
        cursor = connection.chunked_cursor()
        try:
            cursor.execute(sql, params)
            missing: list[int] = []
            while batch := cursor.fetchmany(STREAM_BATCH):
                for pk, text, version in batch:
                    if text and version == ROW_VERSION:
                        if missing:
                            yield from _live(connection, missing, user)
                            missing = []
                        yield WrittenRow(text)
                    else:
                        missing.append(pk)
            if missing:
                yield from _live(connection, missing, user)
        finally:
            cursor.close()


def _live(connection, ids: list[int], user) -> Iterator[dict]:
    for start in range(0, len(ids), CHUNK):
        with connection.cursor() as cursor:
            rows = list(_rows(cursor, ids[start : start + CHUNK], user))
        yield from rows
