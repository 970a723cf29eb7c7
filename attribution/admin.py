"""Admin for parties and for claims, reactions and consequences as records of their own."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.html import format_html_join
from simple_history.admin import SimpleHistoryAdmin

from attribution.access import has_role, visibility_q
from attribution.codebook import ReviewStatus
from attribution.models import Attribution, Consequence, Party, PartyAlias, PartyExternalId, PossiblySameAs, Reaction
from attribution.services import review_status_set


class VisibleRowsMixin:
    """Only the rows the signed-in user may see (TLP clearance and review status, as in the API)."""

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)


class ReviewActionsMixin(VisibleRowsMixin):
    """Bulk actions that confirm or reject the drafts among the selected records."""

    actions = ["confirm_drafts", "reject_drafts"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not has_role(request.user, "reviewer"):
            actions.pop("confirm_drafts", None)
            actions.pop("reject_drafts", None)
        return actions

    def _review(self, request, queryset, status: str) -> None:
        changed = review_status_set(records=queryset, status=status, user=request.user)
        skipped = queryset.count() - changed
        note = f" ({skipped} not drafts, left unchanged)" if skipped else ""
        self.message_user(request, f"{changed} draft(s) marked {status}{note}.", messages.SUCCESS)

    @admin.action(description="Confirm selected drafts")
    def confirm_drafts(self, request, queryset):
        self._review(request, queryset, ReviewStatus.CONFIRMED)

    @admin.action(description="Reject selected drafts")
    def reject_drafts(self, request, queryset):
        self._review(request, queryset, ReviewStatus.REJECTED)


class StatementForm(forms.ModelForm):
    """Editing a quote clears its old offsets, so they are found again in the source text."""

    def clean(self):
        cleaned = super().clean()
        if "quote" in self.changed_data or "source" in self.changed_data:
            self.instance.quote_start = self.instance.quote_end = None
        return cleaned


class ConsequenceForm(StatementForm):
    """A consequence may rely only on claims about its own incident."""

    def clean(self):
        cleaned = super().clean()
        incident = cleaned.get("incident") or getattr(self.instance, "incident", None)
        if incident is not None:
            probe = Consequence(incident=incident)
            try:
                probe.check_relations(relies_on=cleaned.get("relies_on") or [])
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


# URLs typed without a scheme are https (Django 6's default, chosen now).
URL_FORM_FIELDS = {models.URLField: {"assume_scheme": "https"}}
STATEMENT_SEARCH = ["quote", "note", "incident__title", "source__title", "speaker__name"]
STATEMENT_READONLY = ["quote_start", "quote_end", "created_at", "updated_at"]
STATEMENT_FILTERS = ["review_status", "tlp"]


def party_search(prefix: str) -> list[str]:
    """Search a party relation by name and by alias."""
    return [f"{prefix}__name", f"{prefix}__aliases__name"]


# --- Parties ----------------------------------------------------------------------------------------
class PartyAliasInline(admin.TabularInline):
    model = PartyAlias
    extra = 0
    fields = ["name", "language"]


class PartyExternalIdInline(admin.TabularInline):
    model = PartyExternalId
    extra = 0
    formfield_overrides = URL_FORM_FIELDS
    fields = ["system", "value", "url"]


class PossiblySameAsInline(admin.TabularInline):
    model = PossiblySameAs
    fk_name = "party_a"
    extra = 0
    fields = ["party_b", "confidence", "source", "note"]
    autocomplete_fields = ["party_b", "source"]
    verbose_name = "possibly the same actor as"
    verbose_name_plural = "possibly the same actor as"


@admin.register(Party)
class PartyAdmin(ReviewActionsMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "parent", "alias_list", "review_status", "tlp"]
    list_filter = ["kind", "country", "review_status", "tlp"]
    search_fields = ["name", "aliases__name", "external_ids__value"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["children_list", "linked_from", "shared_names", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "country", "parent", "description", "references"]}),
        ("Tree and identity", {"fields": ["children_list", "linked_from", "shared_names"]}),
        ("Review", {"fields": [("review_status", "tlp"), ("created_at", "updated_at")]}),
    ]
    inlines = [PartyAliasInline, PartyExternalIdInline, PossiblySameAsInline]
    list_select_related = ["parent"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_list(self, obj: Party) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all())

    @admin.display(description="children")
    def children_list(self, obj: Party) -> str:
        return _party_links(obj.children.all()) if obj.pk else "-"

    @admin.display(description="linked as possibly the same by")
    def linked_from(self, obj: Party) -> str:
        if not obj.pk:
            return "-"
        return _party_links([link.party_a for link in obj.possibly_same_as_backlinks.select_related("party_a")])

    @admin.display(description="names shared with other parties (ambiguous)")
    def shared_names(self, obj: Party) -> str:
        """Names of this party that also name others ("Grizzly Steppe": APT28 and APT29): a text using one
        of them does not tell which actor it means."""
        if not obj.pk:
            return "-"
        own = {obj.normalized_name, *obj.aliases.values_list("normalized", flat=True)}
        others = Party.objects.exclude(pk=obj.pk).filter(
            models.Q(normalized_name__in=own) | models.Q(aliases__normalized__in=own)
        )
        rows = []
        for other in others.distinct().prefetch_related("aliases")[:50]:
            names = {other.normalized_name, *(alias.normalized for alias in other.aliases.all())} & own
            rows.append(
                (reverse("admin:attribution_party_change", args=[other.pk]), str(other), ", ".join(sorted(names)))
            )
        return format_html_join("; ", '<a href="{}">{}</a> ({})', rows) or "-"


def _party_links(parties) -> str:
    links = format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        ((reverse("admin:attribution_party_change", args=[party.pk]), str(party)) for party in parties),
    )
    return links or "-"


class AmbiguousAliasFilter(admin.SimpleListFilter):
    title = "ambiguity"
    parameter_name = "ambiguous"

    def lookups(self, request, model_admin):
        return [("yes", "Names several parties"), ("no", "Names one party")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(ambiguous=self.value() == "yes")
        return queryset


@admin.register(PartyAlias)
class PartyAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "party", "language", "ambiguous"]
    list_filter = [AmbiguousAliasFilter, "language"]
    search_fields = ["name", "party__name"]
    autocomplete_fields = ["party"]
    list_select_related = ["party"]

    def get_queryset(self, request):
        others = PartyAlias.objects.filter(normalized=OuterRef("normalized")).exclude(party=OuterRef("party"))
        visible = super().get_queryset(request).filter(visibility_q(request.user, "party__"))
        return visible.annotate(ambiguous=Exists(others))

    @admin.display(boolean=True, description="names several parties", ordering="ambiguous")
    def ambiguous(self, obj: PartyAlias) -> bool:
        return obj.ambiguous


@admin.register(PartyExternalId)
class PartyExternalIdAdmin(SimpleHistoryAdmin):
    formfield_overrides = URL_FORM_FIELDS

    def get_queryset(self, request):
        return super().get_queryset(request).filter(visibility_q(request.user, "party__"))

    list_display = ["value", "system", "party"]
    list_filter = ["system"]
    search_fields = ["value", "party__name"]
    autocomplete_fields = ["party"]
    list_select_related = ["party"]


@admin.register(PossiblySameAs)
class PossiblySameAsAdmin(SimpleHistoryAdmin):
    list_display = ["party_a", "party_b", "confidence", "source"]
    list_filter = ["confidence"]
    search_fields = [*party_search("party_a"), *party_search("party_b")]
    autocomplete_fields = ["party_a", "party_b", "source"]
    list_select_related = ["party_a", "party_b", "source"]

    def get_queryset(self, request):
        user = request.user
        return super().get_queryset(request).filter(visibility_q(user, "party_a__"), visibility_q(user, "party_b__"))


# --- Statements -------------------------------------------------------------------------------------
class StatementAdmin(ReviewActionsMixin, SimpleHistoryAdmin):
    """What the three statement admins share."""

    form = StatementForm
    readonly_fields = STATEMENT_READONLY
    show_full_result_count = False
    list_per_page = 50


@admin.register(Attribution)
class AttributionAdmin(StatementAdmin):
    list_display = ["incident", "made_by", "attributed_to", "stance", "stated_on", "confidence_text", "review_status"]
    list_filter = ["stance", "attributor_type", "channel", "level", "confidence", *STATEMENT_FILTERS]
    search_fields = [*STATEMENT_SEARCH, *party_search("made_by"), *party_search("attributed_to"), "confidence_text"]
    autocomplete_fields = ["incident", "made_by", "attributed_to", "speaker", "source"]
    list_select_related = ["incident", "made_by", "attributed_to"]
    date_hierarchy = "stated_on"
    fieldsets = [
        (None, {"fields": ["incident", "made_by", "attributed_to", "stance", ("stated_on", "stated_on_precision")]}),
        ("Claim", {"fields": ["attributor_type", "channel", "level", "basis", ("confidence_text", "confidence")]}),
        ("Source", {"fields": ["source", "speaker", "quote", ("quote_start", "quote_end"), "note"]}),
        ("Review", {"fields": [("review_status", "tlp"), ("created_at", "updated_at")]}),
    ]


@admin.register(Reaction)
class ReactionAdmin(StatementAdmin):
    list_display = ["incident", "party", "stance", "stated_on", "attribution", "review_status"]
    list_filter = ["stance", *STATEMENT_FILTERS]
    search_fields = [*STATEMENT_SEARCH, *party_search("party")]
    autocomplete_fields = ["incident", "party", "attribution", "accuses", "speaker", "source"]
    list_select_related = ["incident", "party", "attribution__made_by", "attribution__attributed_to"]
    date_hierarchy = "stated_on"
    fieldsets = [
        (
            None,
            {"fields": ["incident", "party", "stance", ("stated_on", "stated_on_precision"), "attribution", "accuses"]},
        ),
        ("Source", {"fields": ["source", "speaker", "quote", ("quote_start", "quote_end"), "note"]}),
        ("Review", {"fields": [("review_status", "tlp"), ("created_at", "updated_at")]}),
    ]


@admin.register(Consequence)
class ConsequenceAdmin(StatementAdmin):
    form = ConsequenceForm
    list_display = ["incident", "initiated_by", "kind", "target", "announced_on", "status", "review_status"]
    list_filter = ["kind", "status", *STATEMENT_FILTERS]
    search_fields = [*STATEMENT_SEARCH, *party_search("initiated_by"), *party_search("target"), "legal_instrument"]
    autocomplete_fields = ["incident", "initiated_by", "target", "relies_on", "speaker", "source"]
    list_select_related = ["incident", "initiated_by", "target"]
    date_hierarchy = "announced_on"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "incident",
                    "initiated_by",
                    "kind",
                    "target",
                    "status",
                    ("announced_on", "announced_on_precision"),
                    ("effective_on", "effective_on_precision"),
                    "legal_instrument",
                    "description",
                    "relies_on",
                ]
            },
        ),
        ("Source", {"fields": ["source", "speaker", "quote", ("quote_start", "quote_end"), "note"]}),
        ("Review", {"fields": [("review_status", "tlp"), ("created_at", "updated_at")]}),
    ]
