"""Chainable read-only filters for the case tracker, including what a user may see."""

from django.db import connection, models
from django.db.models.expressions import RawSQL

from attribution.access import clearance_of, role_of, tlp_allowed, visibility_q
from attribution.codebook import ReactionStance
from attribution.querysets import ReviewQuerySetMixin

_LIST_COUNTS: dict[tuple, tuple] = {}


def _list_counts_sql(model, user) -> tuple[tuple[str, list], tuple[str, list]]:
    """(SQL, params) of a list row's claim count and denial flag for this user, correlated to the outer
    incident table by name. What a user sees depends on their role and clearance only (attribution.access),
    so the SQL is compiled once per role, clearance and database, and kept."""
    from attribution.models import Attribution, Reaction

    key = (connection.alias, connection.vendor, role_of(user), clearance_of(user))
    if key not in _LIST_COUNTS:
        quote = connection.ops.quote_name
        outer_id = RawSQL(f"{quote(model._meta.db_table)}.{quote(model._meta.pk.column)}", ())
        claims = (
            Attribution.objects.visible_to(user, known_visible=("incident",))
            .filter(incident_id=outer_id)
            .order_by()
            .values("incident")
            .annotate(n=models.Count("id"))
            .values("n")
        )
        first_denial = (
            Reaction.objects.visible_to(user, known_visible=("incident",))
            .filter(incident_id=outer_id, stance=ReactionStance.DENIAL)
            .order_by()
            .annotate(flag=models.Value(True))
            .values("flag")[:1]
        )
        count_sql, count_params = claims.query.get_compiler(connection=connection).as_sql()
        denial_sql, denial_params = first_denial.query.get_compiler(connection=connection).as_sql()
        _LIST_COUNTS[key] = (
            (f"COALESCE(({count_sql}), 0)", list(count_params)),
            (f"COALESCE(({denial_sql}), false)", list(denial_params)),
        )
    return _LIST_COUNTS[key]


# The columns of an incident a list row shows (IncidentListSerializer) and the list may be ordered by.
LIST_COLUMNS = (
    "id", "slug", "title", "occurred_on", "occurred_on_precision", "status", "severity", "types",
    "victim_countries", "target_categories", "review_status", "tlp", "created_at", "updated_at",
)  # fmt: skip


# Columns of a party and of a source that a case never shows (its summaries: attribution.api.serializers).
_PARTY_UNSHOWN = ("normalized_name", "description", "references", "parent", "created_at", "updated_at")
_SOURCE_UNSHOWN = (
    "text", "normalized_url", "author", "language", "content_sha256", "retrieved_at", "reliability",
    "external_id", "created_at", "updated_at",
)  # fmt: skip


class IncidentQuerySet(ReviewQuerySetMixin, models.QuerySet):
    """Incidents."""

    def with_list_relations(self, user):
        """Per-row counts for lists, from the claims and reactions the user may see (no extra query per row).

        Both are correlated to the outer, already visible incident, so they skip its visibility join; the
        denial flag is a LIMIT 1 scalar subquery, which PostgreSQL runs per row of the page (an EXISTS here
        is planned as a hashed subplan over every denial in the table). Their SQL is compiled once per kind of
        reader (`_list_counts_sql`): compiling them took half the time of a page of ten."""
        count, denial = _list_counts_sql(self.model, user)
        rows = self.annotate(
            attribution_count=RawSQL(*count, output_field=models.IntegerField()),
            has_denial=RawSQL(*denial, output_field=models.BooleanField()),
        )
        return rows.only(*LIST_COLUMNS)  # a list row's columns (not the summary, the other dates, …)

    def with_api_relations(self, user):
        """The whole case: visible claims, reactions, consequences, victims, related incidents, sources, notes."""
        from attribution.models import Attribution, Consequence, Party, Reaction
        from incidents.models import CaseNote, IncidentSource, Source

        def visible(model):
            return model.objects.visible_to(user)

        # A case shows its sources' and parties' summaries: the other columns of the joined rows (a source's
        # text is kilobytes) are neither read nor compiled into every prefetch (a third of a case's time).
        def of_case(model):  # statements of the (visible) case: their incident's visibility is known
            known = ("incident",)
            rows = model.objects.visible_to(user, known_visible=known).with_api_relations(user, without=known)
            unshown = {Party: _PARTY_UNSHOWN, Source: _SOURCE_UNSHOWN}
            joined = [(name, model._meta.get_field(name).related_model) for name in rows.query.select_related]
            return rows.defer(*(f"{name}__{column}" for name, to in joined for column in unshown.get(to, ())))

        links = IncidentSource.objects.filter(source__in=visible(Source)).select_related("source").order_by("id")
        links = links.defer(*(f"source__{column}" for column in _SOURCE_UNSHOWN))
        return self.select_related("assignee").prefetch_related(
            models.Prefetch("attributions", of_case(Attribution), "visible_attributions"),
            models.Prefetch("reactions", of_case(Reaction), "visible_reactions"),
            models.Prefetch("consequences", of_case(Consequence), "visible_consequences"),
            models.Prefetch("victims", visible(Party), "visible_victims"),
            models.Prefetch("related_incidents", visible(self.model), "visible_related"),
            models.Prefetch("source_links", links, "visible_source_links"),
            models.Prefetch("notes", visible(CaseNote).select_related("author"), "visible_notes"),
        )


class SourceQuerySet(ReviewQuerySetMixin, models.QuerySet):
    """Sources."""

    def with_api_relations(self, user):
        return self


class CaseNoteQuerySet(models.QuerySet):
    """Researchers' notes: for signed-in users only, within their clearance, on incidents they may see."""

    def visible_to(self, user):
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(visibility_q(user, "incident__"), tlp__in=tlp_allowed(clearance_of(user)))

    def with_api_relations(self, user):
        return self.select_related("incident", "author")


class ImportJobQuerySet(models.QuerySet):
    """Import jobs: researchers see their own, reviewers and admins everyone's."""

    def visible_to(self, user):
        from attribution.access import has_role

        if user is None or not user.is_authenticated:
            return self.none()
        return self if has_role(user, "reviewer") else self.filter(created_by=user)

    def with_api_relations(self, user):
        return self.select_related("created_by")
