"""Chainable read-only filters for the case tracker, including what a user may see."""

from django.db import models
from django.db.models.functions import Coalesce

from attribution.access import clearance_of, tlp_allowed, visibility_q
from attribution.codebook import ReactionStance
from attribution.querysets import ReviewQuerySetMixin


class IncidentQuerySet(ReviewQuerySetMixin, models.QuerySet):
    """Incidents."""

    def with_list_relations(self, user):
        """Per-row counts for lists, from the claims and reactions the user may see (no extra query per row).

        Both are correlated to the outer, already visible incident, so they skip its visibility join; the
        denial flag is a LIMIT 1 scalar subquery, which PostgreSQL runs per row of the page (an EXISTS here
        is planned as a hashed subplan over every denial in the table)."""
        from attribution.models import Attribution, Reaction

        claims = (
            Attribution.objects.visible_to(user, known_visible=("incident",))
            .filter(incident=models.OuterRef("pk"))
            .order_by()
            .values("incident")
            .annotate(n=models.Count("id"))
            .values("n")
        )
        first_denial = (
            Reaction.objects.visible_to(user, known_visible=("incident",))
            .filter(incident=models.OuterRef("pk"), stance=ReactionStance.DENIAL)
            .order_by()
            .annotate(flag=models.Value(True))
            .values("flag")[:1]
        )
        return self.annotate(
            attribution_count=Coalesce(models.Subquery(claims), 0),
            has_denial=Coalesce(models.Subquery(first_denial, output_field=models.BooleanField()), False),
        )

    def with_api_relations(self, user):
        """The whole case: visible claims, reactions, consequences, victims, related incidents, sources, notes."""
        from attribution.models import Attribution, Consequence, Party, Reaction
        from incidents.models import CaseNote, IncidentSource, Source

        def visible(model):
            return model.objects.visible_to(user)

        def of_case(model):  # statements of the (visible) case: their incident's visibility is known
            known = ("incident",)
            return model.objects.visible_to(user, known_visible=known).with_api_relations(user, without=known)

        links = IncidentSource.objects.filter(source__in=visible(Source)).select_related("source").order_by("id")
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
