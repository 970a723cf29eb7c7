"""Hand-written SQL baselines: each returns, as JSON text from one query (psycopg2 + json_agg), the same data
as the endpoint it stands beside, under the same visibility rules (attribution/access.py: the row's TLP and
review status, and those of the rows it rests on). The bench times them in the same run as the endpoints.

Parameters: %(tlp)s and %(review)s are the markings and review statuses the user may see (for an anonymous
user ['clear'] and ['confirmed']; for a superuser every value).
"""

CLAIMING = "('attributes', 'endorses')"


def vis(alias: str) -> str:
    """The visibility condition of one row."""
    return f"{alias}.tlp = ANY(%(tlp)s) AND {alias}.review_status = ANY(%(review)s)"


def party_json(alias: str) -> str:
    return (
        f"json_build_object('id', {alias}.id, 'name', {alias}.name, 'kind', {alias}.kind, 'country', {alias}.country)"
    )


def source_json(alias: str) -> str:
    return (
        f"json_build_object('id', {alias}.id, 'title', {alias}.title, 'url', {alias}.url, "
        f"'publisher', {alias}.publisher, 'kind', {alias}.kind, 'published_on', {alias}.published_on, "
        f"'published_on_precision', {alias}.published_on_precision)"
    )


# Visible statements: their own marking and those of their source and parties (speaker/target when set).
CLAIMS = f"""
    FROM attribution_attribution a
    JOIN incidents_source a_s ON a_s.id = a.source_id
    JOIN attribution_party a_m ON a_m.id = a.made_by_id
    JOIN attribution_party a_t ON a_t.id = a.attributed_to_id
    LEFT JOIN attribution_party a_sp ON a_sp.id = a.speaker_id
    WHERE {vis("a")} AND {vis("a_s")} AND {vis("a_m")} AND {vis("a_t")} AND (a.speaker_id IS NULL OR {vis("a_sp")})"""
REACTIONS = f"""
    FROM attribution_reaction r
    JOIN incidents_source r_s ON r_s.id = r.source_id
    JOIN attribution_party r_p ON r_p.id = r.party_id
    LEFT JOIN attribution_party r_sp ON r_sp.id = r.speaker_id
    WHERE {vis("r")} AND {vis("r_s")} AND {vis("r_p")} AND (r.speaker_id IS NULL OR {vis("r_sp")})"""
CONSEQUENCES = f"""
    FROM attribution_consequence c
    JOIN incidents_source c_s ON c_s.id = c.source_id
    JOIN attribution_party c_i ON c_i.id = c.initiated_by_id
    LEFT JOIN attribution_party c_sp ON c_sp.id = c.speaker_id
    LEFT JOIN attribution_party c_t ON c_t.id = c.target_id
    WHERE {vis("c")} AND {vis("c_s")} AND {vis("c_i")} AND (c.speaker_id IS NULL OR {vis("c_sp")})
      AND (c.target_id IS NULL OR {vis("c_t")})"""

LIST_COLUMNS = f"""
    i.id, i.slug, i.title, i.occurred_on, i.occurred_on_precision, i.status, i.severity, i.types,
    i.victim_countries, i.target_categories,
    (SELECT count(*) {CLAIMS} AND a.incident_id = i.id) AS attribution_count,
    COALESCE((SELECT TRUE {REACTIONS} AND r.incident_id = i.id AND r.stance = 'denial' LIMIT 1), FALSE) AS has_denial,
    i.review_status, i.tlp, i.created_at, i.updated_at"""


def incident_page(where: str = "TRUE", ctes: str = "") -> str:
    """A page of visible incidents (newest id first, as the cursor pagination orders) with their list fields:
    the page first, then the per-row count and flag for its rows only (by index, row by row)."""
    return f"""{ctes + "," if ctes else "WITH"} page AS MATERIALIZED (
        SELECT * FROM incidents_incident i WHERE {vis("i")} AND {where} ORDER BY i.id DESC LIMIT %(size)s
    )
    SELECT coalesce(json_agg(t ORDER BY t.id DESC), '[]')::text FROM (SELECT {LIST_COLUMNS} FROM page i) t"""


LIST = incident_page()

# ?attributed_to=IR: every party of that country, and every party below them in the tree, that is visible;
# then incidents newest first, each checked for such a claim by index (a scalar subquery, evaluated per row).
FILTER = incident_page(
    where=f"(SELECT TRUE {CLAIMS} AND a.incident_id = i.id AND a.stance IN {CLAIMING} "
    "AND a.attributed_to_id = ANY((SELECT ids FROM parties)::bigint[]) LIMIT 1)",
    ctes=f"""WITH RECURSIVE tree AS (
        SELECT id FROM attribution_party WHERE country = %(country)s
        UNION SELECT p.id FROM attribution_party p JOIN tree ON p.parent_id = tree.id
    ),
    parties AS MATERIALIZED (
        SELECT array_agg(p.id) AS ids FROM attribution_party p WHERE p.id IN (SELECT id FROM tree) AND {vis("p")}
    )""",
)

# ?q=... (anonymous): the incident's stored public search document (incidents.search_index: its title and
# summary, its public statements' quotes, its public sources' titles and texts) behind its GIN index.
SEARCH = incident_page(
    where="i.id IN (SELECT d.incident_id FROM incidents_incidentsearch d, q WHERE d.document @@ q.query)",
    ctes="WITH q AS (SELECT websearch_to_tsquery('english', %(q)s) AS query)",
)

# The whole case, as GET /api/v1/incidents/{id}/ shows it (timeline: its events, dates and lags in days;
# the endpoint also words them, which SQL leaves out).
DETAIL = f"""
WITH i AS (SELECT * FROM incidents_incident i WHERE i.id = %(id)s AND {vis("i")}),
ca AS (
    SELECT a.*, {party_json("a_m")} AS made_by_j, {party_json("a_t")} AS attributed_to_j,
        CASE WHEN a_sp.id IS NULL THEN NULL ELSE {party_json("a_sp")} END AS speaker_j, {source_json("a_s")} AS source_j
    {CLAIMS} AND a.incident_id = %(id)s AND EXISTS (SELECT 1 FROM i)
),
cr AS (
    SELECT r.*, {party_json("r_p")} AS party_j,
        CASE WHEN r_sp.id IS NULL THEN NULL ELSE {party_json("r_sp")} END AS speaker_j,
        {source_json("r_s")} AS source_j,
        (SELECT a.id {CLAIMS} AND a.id = r.attribution_id) AS answers
    {REACTIONS} AND r.incident_id = %(id)s AND EXISTS (SELECT 1 FROM i)
),
cc AS (
    SELECT c.*, {party_json("c_i")} AS initiated_by_j,
        CASE WHEN c_t.id IS NULL THEN NULL ELSE {party_json("c_t")} END AS target_j, {source_json("c_s")} AS source_j,
        (SELECT coalesce(json_agg(a.id ORDER BY a.id), '[]') {CLAIMS}
            AND a.id IN (SELECT attribution_id FROM attribution_consequence_relies_on WHERE consequence_id = c.id)
        ) AS relies_on
    {CONSEQUENCES} AND c.incident_id = %(id)s AND EXISTS (SELECT 1 FROM i)
),
cited AS (
    SELECT l.source_id AS id FROM incidents_incidentsource l JOIN incidents_source s ON s.id = l.source_id
    WHERE l.incident_id = %(id)s AND {vis("s")}
    UNION SELECT source_id FROM ca UNION SELECT source_id FROM cr UNION SELECT source_id FROM cc
),
events AS (
    SELECT started_on AS day, started_on_precision AS precision, 'attack_started' AS kind, 0 AS kind_order,
        id AS record_id,
        TRUE AS anchor FROM i WHERE started_on IS NOT NULL
    UNION ALL SELECT detected_on, detected_on_precision, 'detected', 1, id, started_on IS NULL FROM i
        WHERE detected_on IS NOT NULL
    UNION ALL SELECT disclosed_on, disclosed_on_precision, 'disclosed', 2, id,
        started_on IS NULL AND detected_on IS NULL
        FROM i WHERE disclosed_on IS NOT NULL
    UNION ALL SELECT ended_on, ended_on_precision, 'attack_ended', 3, id, FALSE FROM i WHERE ended_on IS NOT NULL
    UNION ALL SELECT r2.occurred_on, r2.occurred_on_precision, 'related_incident', 4, r2.id, FALSE
        FROM incidents_incident_related_incidents rel JOIN incidents_incident r2 ON r2.id = rel.to_incident_id
        WHERE rel.from_incident_id = %(id)s AND {vis("r2")} AND r2.review_status <> 'rejected'
    UNION ALL SELECT stated_on, stated_on_precision, 'attribution', 5, id, FALSE FROM ca
        WHERE review_status <> 'rejected'
    UNION ALL SELECT stated_on, stated_on_precision, 'reaction', 6, id, FALSE FROM cr WHERE review_status <> 'rejected'
    UNION ALL SELECT announced_on, announced_on_precision, 'consequence', 7, id, FALSE FROM cc
        WHERE review_status <> 'rejected'
    UNION ALL SELECT effective_on, effective_on_precision, 'consequence_effective', 8, id, FALSE FROM cc
        WHERE review_status <> 'rejected' AND effective_on IS NOT NULL AND effective_on IS DISTINCT FROM announced_on
)
SELECT json_build_object(
    'id', i.id, 'slug', i.slug, 'title', i.title, 'summary', i.summary,
    'started_on', i.started_on, 'started_on_precision', i.started_on_precision,
    'ended_on', i.ended_on, 'ended_on_precision', i.ended_on_precision,
    'detected_on', i.detected_on, 'detected_on_precision', i.detected_on_precision,
    'disclosed_on', i.disclosed_on, 'disclosed_on_precision', i.disclosed_on_precision,
    'occurred_on', i.occurred_on, 'occurred_on_precision', i.occurred_on_precision,
    'types', i.types, 'victim_countries', i.victim_countries, 'target_categories', i.target_categories,
    'sector', i.sector, 'status', i.status, 'severity', i.severity,
    'assignee', (SELECT username FROM auth_user u WHERE u.id = i.assignee_id),
    'victims', (SELECT coalesce(json_agg({party_json("p")} ORDER BY p.name, p.id), '[]')
        FROM incidents_incident_victims v JOIN attribution_party p ON p.id = v.party_id
        WHERE v.incident_id = i.id AND {vis("p")}),
    'related_incidents', (SELECT coalesce(json_agg(json_build_object('id', r2.id, 'slug', r2.slug, 'title', r2.title,
            'occurred_on', r2.occurred_on, 'occurred_on_precision', r2.occurred_on_precision)
            ORDER BY r2.occurred_on DESC, r2.id DESC), '[]')
        FROM incidents_incident_related_incidents rel JOIN incidents_incident r2 ON r2.id = rel.to_incident_id
        WHERE rel.from_incident_id = i.id AND {vis("r2")}),
    'attributions', (SELECT coalesce(json_agg(json_build_object('id', id, 'made_by', made_by_j,
            'attributed_to', attributed_to_j, 'stance', stance, 'stated_on', stated_on,
            'stated_on_precision', stated_on_precision, 'attributor_type', attributor_type, 'channel', channel,
            'level', level, 'basis', basis, 'confidence_text', confidence_text, 'confidence', confidence,
            'quote', quote, 'source', source_j, 'speaker', speaker_j, 'review_status', review_status, 'tlp', tlp)
            ORDER BY stated_on, id), '[]') FROM ca),
    'reactions', (SELECT coalesce(json_agg(json_build_object('id', id, 'party', party_j, 'stance', stance,
            'stated_on', stated_on, 'stated_on_precision', stated_on_precision, 'answers', answers, 'quote', quote,
            'source', source_j, 'speaker', speaker_j, 'review_status', review_status, 'tlp', tlp)
            ORDER BY stated_on, id), '[]') FROM cr),
    'consequences', (SELECT coalesce(json_agg(json_build_object('id', id, 'initiated_by', initiated_by_j,
            'target', target_j, 'kind', kind, 'status', status, 'announced_on', announced_on,
            'announced_on_precision', announced_on_precision, 'effective_on', effective_on,
            'effective_on_precision', effective_on_precision, 'legal_instrument', legal_instrument,
            'relies_on', relies_on, 'quote', quote, 'source', source_j, 'review_status', review_status, 'tlp', tlp)
            ORDER BY announced_on, id), '[]') FROM cc),
    'sources', (SELECT coalesce(json_agg({source_json("s")} ORDER BY s.id), '[]')
        FROM incidents_source s WHERE s.id IN (SELECT id FROM cited)),
    'timeline', (SELECT coalesce(json_agg(json_build_object('date', day, 'precision',
            CASE WHEN day IS NULL THEN 'unknown' ELSE precision END, 'kind', kind, 'record_id', record_id,
            'lag_days', CASE WHEN NOT anchor AND precision = 'day' AND i.occurred_on_precision = 'day'
                THEN day - i.occurred_on END)
            ORDER BY day IS NULL, day,
                array_position(ARRAY['day', 'month', 'year', 'unknown']::varchar[], precision), kind_order, record_id),
            '[]') FROM events),
    'notes', '[]'::json,
    'review_status', i.review_status, 'tlp', i.tlp, 'created_at', i.created_at, 'updated_at', i.updated_at
)::text FROM i
"""

# /api/v1/stats/ over the visible incidents (state names are looked up in Python by the endpoint).
STATS = f"""
WITH inc AS (SELECT id, occurred_on, occurred_on_precision FROM incidents_incident i WHERE {vis("i")}),
claims AS (SELECT a.incident_id, a.stated_on, a.stated_on_precision, a_t.country
    {CLAIMS.replace("WHERE", "JOIN incidents_incident a_i ON a_i.id = a.incident_id WHERE", 1)}
    AND {vis("a_i")} AND a.stance IN {CLAIMING}),
measures AS (SELECT c.id, c.incident_id, c.kind, c.announced_on, c.announced_on_precision
    {CONSEQUENCES.replace("WHERE", "JOIN incidents_incident c_inc ON c_inc.id = c.incident_id WHERE", 1)}
    AND {vis("c_inc")}),
claim_lags AS (SELECT min(c.stated_on) - inc.occurred_on AS days FROM claims c JOIN inc ON inc.id = c.incident_id
    WHERE c.stated_on_precision = 'day' AND inc.occurred_on_precision = 'day' GROUP BY c.incident_id, inc.occurred_on),
measure_lags AS (SELECT min(m.announced_on) - inc.occurred_on AS days FROM measures m JOIN inc ON inc.id = m.incident_id
    WHERE m.announced_on_precision = 'day' AND inc.occurred_on_precision = 'day'
    GROUP BY m.incident_id, inc.occurred_on)
SELECT json_build_object(
    'incidents', (SELECT count(*) FROM inc),
    'per_year', (SELECT coalesce(json_agg(json_build_object('year', year, 'incidents', n) ORDER BY year), '[]')
        FROM (SELECT extract(year FROM occurred_on)::int AS year, count(*) AS n FROM inc
              WHERE occurred_on IS NOT NULL GROUP BY 1) y),
    'per_attributed_state', (SELECT coalesce(json_agg(json_build_object('country', country, 'incidents', n)
            ORDER BY n DESC, country), '[]')
        FROM (SELECT country, count(DISTINCT incident_id) AS n FROM claims WHERE country <> '' GROUP BY 1) s),
    'per_consequence_kind', (SELECT coalesce(json_agg(json_build_object('kind', kind, 'consequences', n,
            'incidents', m) ORDER BY n DESC, kind), '[]')
        FROM (SELECT kind, count(id) AS n, count(DISTINCT incident_id) AS m FROM measures GROUP BY 1) k),
    'median_days_to_first_attribution', (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM claim_lags),
    'median_days_to_first_consequence', (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM measure_lags),
    'measured', json_build_object('to_first_attribution', (SELECT count(*) FROM claim_lags),
        'to_first_consequence', (SELECT count(*) FROM measure_lags))
)::text
"""

# The admin changelist's data: the page (newest occurrence first), the total it shows, and its filters' choices.
ADMIN = f"""
SELECT json_build_object(
    'count', (SELECT count(*) FROM incidents_incident i WHERE {vis("i")}),
    'rows', (SELECT json_agg(t) FROM (
        SELECT id, title, occurred_on, occurred_on_precision, status, types, victim_countries, review_status, tlp
        FROM incidents_incident i WHERE {vis("i")} ORDER BY occurred_on DESC, id DESC LIMIT 50) t),
    'victim_countries', (SELECT json_agg(DISTINCT code) FROM incidents_incident,
        jsonb_array_elements_text(victim_countries) AS code),
    'accused', (SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name, p.id)
        FROM attribution_party p
        WHERE EXISTS (SELECT 1 FROM attribution_attribution a WHERE a.attributed_to_id = p.id)),
    'years', (SELECT json_agg(DISTINCT extract(year FROM occurred_on)::int) FROM incidents_incident
        WHERE occurred_on IS NOT NULL)
)::text
"""
