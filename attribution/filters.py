"""Query-string filters for the attribution resources (django-filter)."""

import django_filters as filters
from django.db.models import Q

from attribution.codebook import (
    AttributionStance,
    AttributorType,
    ConsequenceKind,
    PartyKind,
    ReactionStance,
    ReviewStatus,
    Tlp,
)
from attribution.models import Attribution, Consequence, Party, Reaction
from attribution.normalize import normalize_name
from attribution.selectors import parties_matching


class ReviewFilterSet(filters.FilterSet):
    review_status = filters.ChoiceFilter(choices=ReviewStatus.choices)
    tlp = filters.ChoiceFilter(choices=Tlp.choices)


class PartyFilter(ReviewFilterSet):
    kind = filters.ChoiceFilter(choices=PartyKind.choices)
    country = filters.CharFilter(help_text="ISO 3166-1 alpha-2 code.", method="filter_country")
    name = filters.CharFilter(method="filter_name", help_text="Name or alias (normalised exact match).")

    class Meta:
        model = Party
        fields = ["kind", "country", "name", "review_status", "tlp"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country=value.upper())

    def filter_name(self, queryset, name, value):
        key = normalize_name(value)
        return queryset.filter(Q(aliases__normalized=key) | Q(name__iexact=value.strip())).distinct()


class PartyRefFilter(filters.CharFilter):
    """A party by id, ISO country code or name/alias, with every party below it in the tree."""

    def __init__(self, *args, field_name: str, **kwargs):
        kwargs.setdefault("help_text", "Party id, ISO country code (IR) or name/alias; includes parties under it.")
        super().__init__(*args, field_name=field_name, method=self.filter_party, **kwargs)

    def filter_party(self, queryset, name, value):
        request = getattr(self.parent, "request", None)
        ids = parties_matching(value, user=request.user if request else None)
        return queryset.filter(**{f"{self.field_name}__in": ids})


class AttributionFilter(ReviewFilterSet):
    incident = filters.NumberFilter(field_name="incident_id")
    made_by = PartyRefFilter(field_name="made_by")
    attributed_to = PartyRefFilter(field_name="attributed_to")
    stance = filters.ChoiceFilter(choices=AttributionStance.choices)
    attributor_type = filters.ChoiceFilter(choices=AttributorType.choices)
    stated_after = filters.DateFilter(field_name="stated_on", lookup_expr="gte")
    stated_before = filters.DateFilter(field_name="stated_on", lookup_expr="lte")

    class Meta:
        model = Attribution
        fields = ["incident", "made_by", "attributed_to", "stance", "attributor_type", "review_status", "tlp"]


class ReactionFilter(ReviewFilterSet):
    incident = filters.NumberFilter(field_name="incident_id")
    party = PartyRefFilter(field_name="party")
    stance = filters.ChoiceFilter(choices=ReactionStance.choices)

    class Meta:
        model = Reaction
        fields = ["incident", "party", "stance", "review_status", "tlp"]


class ConsequenceFilter(ReviewFilterSet):
    incident = filters.NumberFilter(field_name="incident_id")
    initiated_by = PartyRefFilter(field_name="initiated_by")
    target = PartyRefFilter(field_name="target")
    kind = filters.ChoiceFilter(choices=ConsequenceKind.choices)

    class Meta:
        model = Consequence
        fields = ["incident", "initiated_by", "target", "kind", "review_status", "tlp"]
