"""Chainable read-only filters for attribution models, including what a user may see."""

from django.db import models

from attribution.access import visibility_q


class ReviewQuerySetMixin:
    """Filters shared by every reviewed record."""

    # Related rows that must be visible for a row to be visible; nullable ones in OPTIONAL_RELATIONS.
    REQUIRED_RELATIONS: tuple[str, ...] = ()
    OPTIONAL_RELATIONS: tuple[str, ...] = ()

    def visible_to(self, user, *, known_visible: tuple[str, ...] = ()):
        """Rows the user may see: their marking and review status, and those of the rows they rest on.

        `known_visible` names required relations already checked by the caller (e.g. "incident" in a
        subquery correlated to a visible incident), whose joins are then left out."""
        condition = visibility_q(user)
        for relation in self.REQUIRED_RELATIONS:
            if relation in known_visible:
                continue
            condition &= visibility_q(user, f"{relation}__")
        for relation in self.OPTIONAL_RELATIONS:
            condition &= models.Q(**{f"{relation}__isnull": True}) | visibility_q(user, f"{relation}__")
        return self.filter(condition)


class PartyQuerySet(ReviewQuerySetMixin, models.QuerySet):
    """Parties."""

    def with_api_relations(self, user):
        """Aliases, external ids, and the parent and children the user may see."""
        visible = self.model.objects.visible_to(user)
        return self.prefetch_related(
            "aliases",
            "external_ids",
            models.Prefetch("parent", queryset=visible),
            models.Prefetch("children", queryset=visible, to_attr="visible_children"),
        )


class StatementQuerySet(ReviewQuerySetMixin, models.QuerySet):
    """Attributions, reactions and consequences."""

    def with_api_relations(self, user, *, without: tuple[str, ...] = ()):
        """The statement with its incident, source, speaker and parties (all visible by `visible_to`);
        `without` leaves out relations the caller already holds (the incident, in a case's prefetch)."""
        relations = [r for r in (*self.REQUIRED_RELATIONS, *self.OPTIONAL_RELATIONS) if r not in without]
        return self.select_related(*relations)


class AttributionQuerySet(StatementQuerySet):
    REQUIRED_RELATIONS = ("incident", "source", "made_by", "attributed_to")
    OPTIONAL_RELATIONS = ("speaker",)


class ReactionQuerySet(StatementQuerySet):
    REQUIRED_RELATIONS = ("incident", "source", "party")
    OPTIONAL_RELATIONS = ("speaker",)

    def with_api_relations(self, user, *, without: tuple[str, ...] = ()):
        """…plus the answered claim and the counter-accused parties, when the user may see them."""
        claims = self.model._meta.get_field("attribution").related_model.objects.visible_to(user)
        parties = self.model._meta.get_field("party").related_model.objects.visible_to(user)
        return (
            super()
            .with_api_relations(user, without=without)
            .prefetch_related(models.Prefetch("attribution", queryset=claims), models.Prefetch("accuses", parties))
        )


class ConsequenceQuerySet(StatementQuerySet):
    REQUIRED_RELATIONS = ("incident", "source", "initiated_by")
    OPTIONAL_RELATIONS = ("speaker", "target")

    def with_api_relations(self, user, *, without: tuple[str, ...] = ()):
        """…plus the claims it relies on that the user may see."""
        claims = self.model._meta.get_field("relies_on").related_model.objects.visible_to(user)
        return (
            super()
            .with_api_relations(user, without=without)
            .prefetch_related(models.Prefetch("relies_on", queryset=claims))
        )
