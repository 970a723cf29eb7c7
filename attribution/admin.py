"""Admin for parties and for claims, reactions and consequences as records of their own."""

import dataclasses

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html_join
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from attribution.access import has_role, sees_everything, visibility_q
from attribution.codebook import ReviewStatus
from attribution.models import Attribution, Consequence, Party, PartyAlias, PartyExternalId, PossiblySameAs, Reaction
from attribution.paging import EstimatedCountPaginator
from attribution.services import review_status_set


class VisibleRowsMixin:
    """Only the rows the signed-in user may see (TLP clearance and review status, as in the API); large
    changelists are paged on the planner's row estimate instead of a whole-table count.

    A visible row may still point at rows the user may not see (a case related to a TLP:RED case, a
    counter-accusation naming an AMBER group): those links are left out of its page, its forms, its inlines
    and its change history, kept when the user saves it, and the history of a row the user may not see is a
    404 (simple_history would otherwise show it, and let it be reverted)."""

    paginator = EstimatedCountPaginator

    def get_queryset(self, request):
        rows = super().get_queryset(request).visible_to(request.user)
        links = visible_links(self.model, request.user)
        if not isinstance(self, admin.options.InlineModelAdmin):  # a changelist: the links it has a column for
            links = [link for link in links if link.prefetch_through in getattr(self, "list_display", ())]
        return rows.prefetch_related(*links)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            models.prefetch_related_objects([obj], *visible_links(self.model, request.user))
            obj.admin_reader = request.user  # for read-only fields computed from related rows (a case's timeline)
        return obj

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if _is_marked(db_field.related_model) and "queryset" not in kwargs:
            kwargs["queryset"] = db_field.related_model.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if _is_marked(db_field.related_model) and "queryset" not in kwargs:
            kwargs["queryset"] = db_field.related_model.objects.visible_to(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        keep_hidden_keys(form, request.user)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Many-to-many links are saved with set(), which changes only the links the prefetch showed: hidden ones stay.
        for inline_form in [f for formset in formsets for f in formset.forms if f not in formset.deleted_forms]:
            keep_hidden_keys(inline_form, request.user)
        super().save_related(request, form, formsets, change)

    def history_view(self, request, object_id, extra_context=None):
        self._history_visible_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._history_visible_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(self, request, historical_record):
        return VisibleHistoryHelper(self.model, historical_record, user=request.user)

    def _history_visible_or_404(self, request, object_id) -> None:
        """A row's history is for those who may see the row; a deleted row's for those who may see every row."""
        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
            if self.get_queryset(request).filter(pk=pk).exists():
                return
            if sees_everything(request.user) and not self.model._default_manager.filter(pk=pk).exists():
                return
        except ValidationError:
            pass
        raise Http404("No such record.")


def _is_marked(model) -> bool:
    """Whether rows of `model` carry a visibility of their own (their queryset has `visible_to`)."""
    return hasattr(model._default_manager.none(), "visible_to")


def _link_fields(model) -> list:
    """Relations of `model` that may point at rows a reader may not see: its many-to-many fields, and the foreign
    keys its visibility does not rest on (a reaction's answered claim, a party's parent)."""
    rows = model._default_manager.none()
    required = {*getattr(rows, "REQUIRED_RELATIONS", ()), *getattr(rows, "OPTIONAL_RELATIONS", ())}
    keys = [f for f in model._meta.fields if f.many_to_one and f.name not in required]
    return [f for f in [*keys, *model._meta.many_to_many] if _is_marked(f.related_model)]


def visible_links(model, user) -> list[models.Prefetch]:
    """Prefetches that make a row's links show only the rows the user may see (a foreign key to a hidden row
    reads None; select_related in a changelist it would be shown, so such columns are not select_related)."""
    found = []
    for field in _link_fields(model):
        rows = field.related_model.objects.visible_to(user)
        found.append(models.Prefetch(field.name, rows.select_related(*getattr(rows, "REQUIRED_RELATIONS", ()))))
    return found


def keep_hidden_keys(form, user) -> None:
    """Put back the foreign keys a form emptied because their target is hidden from the user (it offered no choice)."""
    instance = form.instance
    if instance.pk is None:
        return
    for field in [f for f in _link_fields(type(instance)) if f.many_to_one and f.name in form.fields]:
        stored = type(instance)._default_manager.filter(pk=instance.pk).values_list(field.attname, flat=True).first()
        hidden = stored is not None and not field.related_model.objects.visible_to(user).filter(pk=stored).exists()
        if hidden and getattr(instance, field.attname) is None:
            setattr(instance, field.attname, stored)


class VisibleHistoryHelper(HistoricalRecordContextHelper):
    """A change history's differences without the linked rows the reader may not see (a change to hidden links
    only is left out)."""

    def __init__(self, model, historical_record, *, user):
        super().__init__(model, historical_record)
        self.user = user

    def context_for_delta_changes(self, delta):
        changes = []
        for change in delta.changes:
            field = self.model._meta.get_field(change.field)
            if field.is_relation and _is_marked(field.related_model):
                old, new = self._masked(field, change.old), self._masked(field, change.new)
                if old == new:
                    continue
                change = dataclasses.replace(change, old=old, new=new)
            changes.append(change)
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=changes))

    def _masked(self, field, value):
        """A foreign key's target, or a many-to-many link's rows, as the reader may see them."""
        if field.many_to_many:
            name = get_m2m_reverse_field_name(field)
            pks = [row[name].pk for row in value]
            visible = set(
                field.related_model.objects.visible_to(self.user).filter(pk__in=pks).values_list("pk", flat=True)
            )
            return [row for row in value if row[name].pk in visible]
        if value is None or not field.related_model.objects.visible_to(self.user).filter(pk=value.pk).exists():
            return None
        return value


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
        selected = queryset.count()  # before the change: under the "draft" filter the rows no longer match after
        changed = review_status_set(records=queryset, status=status, user=request.user)
        skipped = selected - changed
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

    def get_queryset(self, request):  # links to hidden parties or sources stay out of the form (kept on save)
        source = models.Q(source__isnull=True) | visibility_q(request.user, "source__")
        return super().get_queryset(request).filter(source, visibility_q(request.user, "party_b__"))


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
    list_select_related = []  # the parent column is prefetched as the user may see it (VisibleRowsMixin)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_list(self, obj: Party) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all())

    @admin.display(description="children")
    def children_list(self, obj: Party) -> str:
        return _party_links(obj.children.visible_to(_reader(obj))) if obj.pk else "-"

    @admin.display(description="linked as possibly the same by")
    def linked_from(self, obj: Party) -> str:
        if not obj.pk:
            return "-"
        links = obj.possibly_same_as_backlinks.filter(visibility_q(_reader(obj), "party_a__")).select_related("party_a")
        return _party_links([link.party_a for link in links])

    @admin.display(description="names shared with other parties (ambiguous)")
    def shared_names(self, obj: Party) -> str:
        """Names of this party that also name others ("Grizzly Steppe": APT28 and APT29): a text using one
        of them does not tell which actor it means."""
        if not obj.pk:
            return "-"
        own = {obj.normalized_name, *obj.aliases.values_list("normalized", flat=True)}
        others = (
            Party.objects.visible_to(_reader(obj))
            .exclude(pk=obj.pk)
            .filter(models.Q(normalized_name__in=own) | models.Q(aliases__normalized__in=own))
        )
        rows = []
        for other in others.distinct().prefetch_related("aliases")[:50]:
            names = {other.normalized_name, *(alias.normalized for alias in other.aliases.all())} & own
            rows.append(
                (reverse("admin:attribution_party_change", args=[other.pk]), str(other), ", ".join(sorted(names)))
            )
        return format_html_join("; ", '<a href="{}">{}</a> ({})', rows) or "-"


def _reader(obj):
    """Who reads the page: set by the admin's get_object; a past version's page shows what anyone may see."""
    return getattr(obj, "admin_reader", None)


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
        source = models.Q(source__isnull=True) | visibility_q(user, "source__")
        return (
            super()
            .get_queryset(request)
            .filter(source, visibility_q(user, "party_a__"), visibility_q(user, "party_b__"))
        )


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
    list_select_related = ["incident", "party"]  # the answered claim: prefetched as the user may see it
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
