"""Query-string filters for incidents (django-filter); every filter looks only at what the user may see."""

import django_filters as filters

from attribution.codebook import (
    AttributionStance,
    AttributorType,
    CaseStatus,
    ConsequenceKind,
    IncidentType,
    ReactionStance,
    ReviewStatus,
    SourceKind,
    TargetCategory,
    Tlp,
)
from attribution.filters import ReviewFilterSet
from attribution.models import Attribution, Consequence, Reaction
from attribution.selectors import parties_matching
from incidents.models import CaseNote, Incident, Source
from incidents.selectors import incident_search

CLAIMING = [AttributionStance.ATTRIBUTES, AttributionStance.ENDORSES]


class IncidentFilter(filters.FilterSet):
    q = filters.CharFilter(
        method="filter_q",
        help_text="Full-text search over titles, summaries, quotes and sources (web-search syntax: "
        'words, "a phrase", OR, -word).',
    )
    slug = filters.CharFilter(help_text="The case's slug, e.g. albania-government-cyberattack-2022-07.")
    victim_country = filters.CharFilter(method="filter_victim_country", help_text="ISO 3166-1 alpha-2 code.")
    attributed_to = filters.CharFilter(
        method="filter_attributed_to",
        help_text="Party id, ISO country code or name/alias of the accused; includes parties under it "
        "(IR includes MOIS and HomeLand Justice).",
    )
    made_by = filters.CharFilter(method="filter_made_by", help_text="Party id, ISO code or name/alias of the accuser.")
    attributor_type = filters.ChoiceFilter(choices=AttributorType.choices, method="filter_attributor_type")
    occurred_after = filters.DateFilter(field_name="occurred_on", lookup_expr="gte")
    occurred_before = filters.DateFilter(field_name="occurred_on", lookup_expr="lte")
    attributed_after = filters.DateFilter(method="filter_attributed_after", help_text="A claim made on or after.")
    attributed_before = filters.DateFilter(method="filter_attributed_before", help_text="A claim made on or before.")
    type = filters.ChoiceFilter(choices=IncidentType.choices, method="filter_type", label="incident type")
    target_category = filters.ChoiceFilter(choices=TargetCategory.choices, method="filter_target_category")
    status = filters.ChoiceFilter(choices=CaseStatus.choices)
    has_denial = filters.BooleanFilter(method="filter_has_denial", help_text="A visible reaction denies it.")
    consequence_kind = filters.ChoiceFilter(choices=ConsequenceKind.choices, method="filter_consequence_kind")
    review_status = filters.ChoiceFilter(choices=ReviewStatus.choices)
    tlp = filters.ChoiceFilter(choices=Tlp.choices)

    class Meta:
        model = Incident
        fields = ["slug", "status", "review_status", "tlp"]

    @property
    def user(self):
        return getattr(self.request, "user", None)

    def _with(self, queryset, model, **conditions):
        """Incidents with at least one visible record of `model` meeting the conditions (the incidents filtered
        are visible ones, so the record's own incident needs no second visibility join)."""
        related = model.objects.visible_to(self.user, known_visible=("incident",)).filter(**conditions)
        related = related.values("incident_id")
        return queryset.filter(id__in=related)

    def filter_q(self, queryset, name, value):
        return incident_search(queryset, value, user=self.user) if value.strip() else queryset

    def filter_victim_country(self, queryset, name, value):
        return queryset.filter(victim_countries__has=value.strip().upper())

    def filter_attributed_to(self, queryset, name, value):
        parties = parties_matching(value, user=self.user)
        return self._with(queryset, Attribution, attributed_to__in=parties, stance__in=CLAIMING)

    def filter_made_by(self, queryset, name, value):
        return self._with(queryset, Attribution, made_by__in=parties_matching(value, user=self.user))

    def filter_attributor_type(self, queryset, name, value):
        return self._with(queryset, Attribution, attributor_type=value)

    def filter_attributed_after(self, queryset, name, value):
        return self._with(queryset, Attribution, stated_on__gte=value)

    def filter_attributed_before(self, queryset, name, value):
        return self._with(queryset, Attribution, stated_on__lte=value)

    def filter_type(self, queryset, name, value):
        return queryset.filter(types__has=value)

    def filter_target_category(self, queryset, name, value):
        return queryset.filter(target_categories__has=value)

    def filter_has_denial(self, queryset, name, value):
        denied = self._with(queryset, Reaction, stance=ReactionStance.DENIAL)
        return denied if value else queryset.exclude(id__in=denied.values("id"))

    def filter_consequence_kind(self, queryset, name, value):
        return self._with(queryset, Consequence, kind=value)


class SourceFilter(ReviewFilterSet):
    kind = filters.ChoiceFilter(choices=SourceKind.choices)
    published_after = filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_before = filters.DateFilter(field_name="published_on", lookup_expr="lte")
    url = filters.CharFilter(method="filter_url", help_text="Any spelling of the source's URL.")

    class Meta:
        model = Source
        fields = ["kind", "review_status", "tlp"]

    def filter_url(self, queryset, name, value):
        from incidents.urlnorm import normalize_url

        return queryset.filter(normalized_url=normalize_url(value))


class CaseNoteFilter(filters.FilterSet):
    # A plain id, not a choice of every incident: the choices would list (and a 400 would confirm) cases the
    # reader may not see.
    incident = filters.NumberFilter(field_name="incident_id", help_text="Id of the incident.")

    class Meta:
        model = CaseNote
        fields = ["incident"]
