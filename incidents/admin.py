"""Admin for researchers: the whole case on one incident page, plus sources and notes."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.text import smart_split, unescape_string_literal
from simple_history.admin import SimpleHistoryAdmin

from attribution.access import clearance_of, role_of, sees_everything, visibility_q
from attribution.admin import (
    URL_FORM_FIELDS,
    ConsequenceForm,
    ReviewActionsMixin,
    StatementForm,
    VisibleRowsMixin,
)
from attribution.codebook import IncidentType, TargetCategory
from attribution.countries import country_name
from attribution.models import Attribution, Consequence, Party, Reaction
from attribution.selectors import party_descendant_ids
from incidents import api_cache
from incidents.importers.datasets import DATASET_FORMATS
from incidents.models import CaseNote, Clearance, ImportJob, Incident, IncidentSource, Source
from incidents.reports import FORMATS
from incidents.reports.archive import case_reports_zip
from incidents.selectors import timeline_from_records
from incidents.services import (
    ImportQueueUnavailable,
    IncidentChanged,
    import_queue_check,
    importjob_create,
    importjob_input_problem,
    importjob_options,
    incident_version_lock,
)

# Quotes and notes are short: keep each inline compact so the whole case fits on one page.
COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 90})}}
STATEMENT_SOURCE_FIELDS = ["source", "speaker", "quote", ("quote_start", "quote_end"), "note", ("review_status", "tlp")]


# --- Inlines: the case on one page -----------------------------------------------------------------
class IncidentSourceInline(admin.TabularInline):
    model = IncidentSource
    extra = 0
    fields = ["source", "note"]
    autocomplete_fields = ["source"]
    verbose_name_plural = "sources documenting the case"

    def get_queryset(self, request):  # links to hidden sources stay out of the form, and so are kept on save
        return super().get_queryset(request).filter(source__in=Source.objects.visible_to(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "source":
            kwargs["queryset"] = Source.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class StatementInline(VisibleRowsMixin, admin.StackedInline):
    """What the claim, reaction and consequence inlines share."""

    formfield_overrides = COMPACT_TEXT
    form = StatementForm
    extra = 0
    readonly_fields = ["quote_start", "quote_end"]


class AttributionInline(StatementInline):
    model = Attribution
    autocomplete_fields = ["made_by", "attributed_to", "speaker", "source"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("made_by", "stance", "attributed_to"),
                    ("stated_on", "stated_on_precision"),
                    ("attributor_type", "channel", "level"),
                    "basis",
                    ("confidence_text", "confidence"),
                    *STATEMENT_SOURCE_FIELDS,
                ]
            },
        ),
    ]
    verbose_name_plural = "attribution claims"


class ReactionInline(StatementInline):
    model = Reaction
    autocomplete_fields = ["party", "attribution", "accuses", "speaker", "source"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("party", "stance"),
                    ("stated_on", "stated_on_precision"),
                    "attribution",
                    "accuses",
                    *STATEMENT_SOURCE_FIELDS,
                ]
            },
        ),
    ]
    verbose_name_plural = "reactions of the accused"


class ConsequenceInline(StatementInline):
    model = Consequence
    form = ConsequenceForm
    autocomplete_fields = ["initiated_by", "target", "relies_on", "speaker", "source"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("initiated_by", "kind", "target"),
                    "status",
                    ("announced_on", "announced_on_precision"),
                    ("effective_on", "effective_on_precision"),
                    "legal_instrument",
                    "description",
                    "relies_on",
                    *STATEMENT_SOURCE_FIELDS,
                ]
            },
        ),
    ]


class CaseNoteInline(VisibleRowsMixin, admin.StackedInline):
    formfield_overrides = COMPACT_TEXT
    model = CaseNote
    extra = 0
    fields = ["body", "tlp", "author", "created_at"]
    readonly_fields = ["author", "created_at"]


def admin_search_words(search_term: str) -> list[str]:
    """The words of an admin search, as Django splits them ("quoted phrases" kept whole)."""
    words = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        words.append(bit)
    return words


def visible_timeline(incident: Incident, user) -> list:
    """The case's timeline from the records the user may see (as on the case page; None: the public view)."""

    def rows(related, *parties):
        return related.visible_to(user).select_related(*parties)

    return timeline_from_records(
        incident,
        attributions=rows(incident.attributions, "made_by", "attributed_to"),
        reactions=rows(incident.reactions, "party"),
        consequences=rows(incident.consequences, "initiated_by", "target"),
        related=rows(incident.related_incidents),
    )


# --- Changelist filters -----------------------------------------------------------------------------
def cached_choices(request, name: str, compute) -> list:
    """A filter's choices, computed once per data generation and visibility class: they change only when the
    data does (every write advances the generation, incidents.api_cache), and every user of one role and
    clearance sees the same records. Computed on every view when answers are not cached (SQLite, or
    API_CACHE_SECONDS=0)."""
    if not hasattr(request, "choices_generation"):  # read once for all the filters of the page
        request.choices_generation = api_cache.generation()
    current = request.choices_generation
    if current is None:
        return compute()
    user = request.user
    key = f"admin-choices:{name}:{current}:{role_of(user)}:{clearance_of(user)}"
    choices = cache.get(key)
    if choices is None:
        choices = compute()
        cache.set(key, choices, settings.API_CACHE_SECONDS)
    return choices


class ChoiceListFilter(admin.SimpleListFilter):
    """Incidents whose list field holds the chosen code."""

    field_name = ""
    codes: list[tuple[str, str]] = []

    def lookups(self, request, model_admin):
        return self.codes

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.field_name}__has": self.value()})
        return queryset


class IncidentTypeFilter(ChoiceListFilter):
    title = "incident type"
    parameter_name = "type"
    field_name = "types"
    codes = IncidentType.choices


class TargetCategoryFilter(ChoiceListFilter):
    title = "target category"
    parameter_name = "target"
    field_name = "target_categories"
    codes = TargetCategory.choices


class VictimCountryFilter(ChoiceListFilter):
    title = "victim country"
    parameter_name = "victim_country"
    field_name = "victim_countries"

    def lookups(self, request, model_admin):
        def countries():
            # Distinct combinations, not rows (the model's ordering would otherwise make every row distinct).
            combos = model_admin.get_queryset(request).order_by().values_list("victim_countries", flat=True)
            codes = {code for combo in combos.distinct() for code in combo or []}
            return sorted(((code, country_name(code)) for code in codes), key=lambda item: item[1])

        return cached_choices(request, self.parameter_name, countries)


class AttributedToFilter(admin.SimpleListFilter):
    """Incidents attributed to a party or to any party below it (Iran includes MOIS)."""

    title = "attributed to"
    parameter_name = "attributed_to"

    def lookups(self, request, model_admin):
        return cached_choices(request, self.parameter_name, lambda: self._accused_tops(request.user))

    @staticmethod
    def _accused_tops(user) -> list[tuple[str, str]]:
        # The tops of the party tree that have been accused (states, unaffiliated groups); a party further
        # down is chosen through its top, or with ?attributed_to=<id>. For a user who sees every record the
        # claims' visibility joins (incident, source, parties, speaker) would keep every row: they are left
        # out, and the EXISTS becomes an index lookup per party instead of a scan of every claim.
        claims = Attribution.objects.all() if sees_everything(user) else Attribution.objects.visible_to(user)
        accused = claims.filter(attributed_to=models.OuterRef("pk"))
        tops = Party.objects.visible_to(user).filter(models.Exists(accused), parent__isnull=True).order_by("name")
        return [(str(party.pk), str(party)) for party in tops.only("pk", "name", "kind", "country")]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        party_ids = party_descendant_ids([int(self.value())])
        claims = Attribution.objects.visible_to(request.user).filter(attributed_to__in=party_ids)
        return queryset.filter(pk__in=claims.values("incident"))


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        # Every year from the latest to the earliest (two index lookups, not a scan for distinct years).
        span = model_admin.get_queryset(request).aggregate(
            first=models.Min("occurred_on"), last=models.Max("occurred_on")
        )
        if span["first"] is None:
            return []
        return [(str(year), str(year)) for year in range(span["last"].year, span["first"].year - 1, -1)]

    def queryset(self, request, queryset):
        if (self.value() or "").isdigit():
            return queryset.filter(occurred_on__year=int(self.value()))
        return queryset


# --- Incident ---------------------------------------------------------------------------------------
class WrappedFilteredSelectMultiple(FilteredSelectMultiple):
    """The two-box selector for a plain choice list; the wrapper keeps the field's label where it belongs
    (SelectFilter2.js prepends the selector to the select's parent)."""

    def render(self, name, value, attrs=None, renderer=None):
        return format_html('<div class="related-widget-wrapper">{}</div>', super().render(name, value, attrs, renderer))


class IncidentForm(forms.ModelForm):
    """The incident form; it carries the version it was opened at and refuses to save over a newer one."""

    # Posted back as it was rendered; a post without it (a page from before versions) is not checked.
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    class Meta:
        model = Incident
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown
        widgets = {"victim_countries": WrappedFilteredSelectMultiple("countries", is_stacked=False)}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("version") is None:
            cleaned["version"] = self.instance.version
        elif self.instance.pk is not None:
            try:  # a savepoint inside the admin's transaction: the row stays locked until this save is done
                with transaction.atomic():
                    incident_version_lock(incident=Incident(pk=self.instance.pk), expected=cleaned["version"])
            except IncidentChanged as error:
                raise ValidationError(error.message, code="stale_version") from None
        return cleaned


@admin.register(Incident)
class IncidentAdmin(ReviewActionsMixin, SimpleHistoryAdmin):
    form = IncidentForm
    list_display = ["title", "occurred", "status", "type_list", "victim_list", "review_status", "tlp"]
    list_filter = [
        "status",
        IncidentTypeFilter,
        VictimCountryFilter,
        AttributedToFilter,
        YearFilter,
        TargetCategoryFilter,
        "review_status",
        "tlp",
    ]
    search_fields = ["title", "summary", "slug"]  # and the parties of visible claims and victims: see below
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["victims", "related_incidents", "assignee"]
    readonly_fields = ["occurred", "timeline", "created_at", "updated_at"]
    show_full_result_count = False
    list_per_page = 50
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "version",  # hidden: the version the form was opened at (optimistic locking)
                    "title",
                    "slug",
                    "summary",
                    ("status", "severity"),
                    "assignee",
                    ("review_status", "tlp"),
                ]
            },
        ),
        (
            "When",
            {
                "fields": [
                    ("started_on", "started_on_precision"),
                    ("ended_on", "ended_on_precision"),
                    ("detected_on", "detected_on_precision"),
                    ("disclosed_on", "disclosed_on_precision"),
                    "occurred",
                ]
            },
        ),
        (
            "What and whom",
            {"fields": ["types", "victim_countries", "target_categories", "sector", "victims", "related_incidents"]},
        ),
        ("Timeline (derived from the dates and the records below)", {"fields": ["timeline"]}),
        ("Record", {"fields": [("created_at", "updated_at")], "classes": ["collapse"]}),
    ]
    inlines = [IncidentSourceInline, AttributionInline, ReactionInline, ConsequenceInline, CaseNoteInline]
    actions = [*ReviewActionsMixin.actions, "export_case_reports"]

    def get_search_results(self, request, queryset, search_term):
        """Every word must be in the title, summary or slug, or name (or be an alias of) a party of a claim about
        the case or a victim of it, among those the user may see: a hidden claim must not make a case match."""
        user = request.user
        for word in admin_search_words(search_term):
            parties = Party.objects.visible_to(user).filter(
                models.Q(name__icontains=word) | models.Q(aliases__name__icontains=word)
            )
            claims = Attribution.objects.visible_to(user).filter(
                models.Q(attributed_to__in=parties) | models.Q(made_by__in=parties)
            )
            victims = Incident.victims.through.objects.filter(party__in=parties)
            own = models.Q(title__icontains=word) | models.Q(summary__icontains=word) | models.Q(slug__icontains=word)
            queryset = queryset.filter(
                own | models.Q(pk__in=claims.values("incident")) | models.Q(pk__in=victims.values("incident"))
            )
        return queryset, False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        formats = [(fmt, spec.label) for fmt, spec in FORMATS.items()]  # the "Case report" download links
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), "case_report_formats": formats}
        )

    @admin.action(description="Export case reports (zip)", permissions=["view"])
    def export_case_reports(self, request, queryset):
        try:
            archive = case_reports_zip(queryset, user=request.user)
        except ValidationError as error:
            self.message_user(request, error.messages[0], messages.ERROR)
            return None
        response = HttpResponse(archive, content_type="application/zip")
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename="case-reports.zip")
        return response

    @admin.display(description="occurred", ordering="occurred_on")
    def occurred(self, obj: Incident) -> str:
        return obj.occurred_display()

    @admin.display(description="types")
    def type_list(self, obj: Incident) -> str:
        labels = dict(IncidentType.choices)
        return ", ".join(labels.get(code, code) for code in obj.types)

    @admin.display(description="victims")
    def victim_list(self, obj: Incident) -> str:
        return ", ".join(obj.victim_countries)

    @admin.display(description="timeline")
    def timeline(self, obj: Incident) -> str:
        if not obj.pk:
            return "Save the case to see its timeline."
        reader = getattr(obj, "admin_reader", None)  # set by get_object; a past version's page shows the public view
        return render_to_string("admin/incidents/timeline.html", {"events": visible_timeline(obj, reader)})

    def save_model(self, request, obj, form, change):
        if change:  # checked again where the row is written, in case the form was validated outside a transaction
            incident_version_lock(incident=obj, expected=form.cleaned_data["version"])
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is CaseNote:
            for note in formset.save(commit=False):
                note.author = note.author or request.user
                note.save()
            for note in formset.deleted_objects:
                note.delete()
            return
        super().save_formset(request, form, formset, change)


# --- Sources, notes ---------------------------------------------------------------------------------
@admin.register(Source)
class SourceAdmin(ReviewActionsMixin, SimpleHistoryAdmin):
    formfield_overrides = URL_FORM_FIELDS
    list_display = ["title", "publisher", "kind", "published", "url", "review_status", "tlp"]
    list_filter = ["kind", "reliability", "language", "review_status", "tlp"]
    search_fields = ["title", "publisher", "url", "normalized_url", "author"]
    date_hierarchy = "published_on"
    readonly_fields = ["normalized_url", "content_sha256", "created_at", "updated_at"]
    show_full_result_count = False
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "url",
                    "title",
                    "publisher",
                    "author",
                    ("kind", "language"),
                    ("published_on", "published_on_precision"),
                    "reliability",
                ]
            },
        ),
        ("Text", {"fields": ["text", "retrieved_at"]}),
        ("Keys", {"fields": ["normalized_url", "content_sha256"], "classes": ["collapse"]}),
        ("Review", {"fields": [("review_status", "tlp"), ("created_at", "updated_at")]}),
    ]

    @admin.display(description="published", ordering="published_on")
    def published(self, obj: Source) -> str:
        return obj.published_display()


@admin.register(CaseNote)
class CaseNoteAdmin(VisibleRowsMixin, SimpleHistoryAdmin):
    list_display = ["incident", "excerpt", "author", "tlp", "created_at"]
    list_filter = ["tlp"]
    search_fields = ["body", "incident__title"]
    autocomplete_fields = ["incident"]
    readonly_fields = ["author", "created_at", "updated_at"]
    list_select_related = ["incident", "author"]

    @admin.display(description="note")
    def excerpt(self, obj: CaseNote) -> str:
        return obj.body[:80]

    def save_model(self, request, obj, form, change):
        obj.author = obj.author or request.user
        super().save_model(request, obj, form, change)


@admin.register(IncidentSource)
class IncidentSourceAdmin(SimpleHistoryAdmin):
    """Reachable for its history; edited on the incident page."""

    list_display = ["incident", "source", "note"]
    search_fields = ["incident__title", "source__title"]
    autocomplete_fields = ["incident", "source"]
    list_select_related = ["incident", "source"]

    def get_queryset(self, request):
        user = request.user
        return super().get_queryset(request).filter(visibility_q(user, "incident__"), visibility_q(user, "source__"))

    def get_model_perms(self, request):
        return {}  # hidden from the index: links are edited inline on the incident page


# --- Users: role groups are edited as usual; the TLP clearance sits on the user page ---------------------
class ClearanceInline(admin.StackedInline):
    model = Clearance
    can_delete = False
    verbose_name_plural = "TLP clearance (records marked above it are invisible to this user)"


admin.site.unregister(User)


@admin.register(User)
class UserWithClearanceAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, ClearanceInline]


# --- Imports ----------------------------------------------------------------------------------------------
class ImportForm(forms.ModelForm):
    """Import one input: a URL, an uploaded file or pasted text; a report unless another kind is chosen."""

    kind = forms.ChoiceField(
        choices=ImportJob.Kind.choices,
        initial=ImportJob.Kind.REPORT,
        required=False,
        help_text="A report to draft claims from, or a structured file (e.g. MISP galaxy clusters for actors).",
    )
    input_url = forms.URLField(required=False, max_length=2000, assume_scheme="https", label="URL")
    upload = forms.FileField(
        required=False, help_text="A .txt, .html or .pdf report, or the structured file of the chosen kind."
    )
    published = forms.DateField(required=False, help_text="Publication date (for 'on Wednesday' and the like).")
    title = forms.CharField(required=False, max_length=500)
    format = forms.ChoiceField(
        choices=[("", "---------"), *DATASET_FORMATS],
        required=False,
        help_text="Datasets only: CFR CSV, or EuRepoC (a ZIP of the global and attribution CSVs).",
    )
    strict = forms.BooleanField(required=False, help_text="Datasets only: import nothing unless every row is sound.")

    class Meta:
        model = ImportJob
        fields = ["kind", "input_url", "input_text"]
        labels = {"input_text": "Or paste the text"}

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        problem = importjob_input_problem(
            url=cleaned.get("input_url") or "",
            upload_size=upload.size if upload else None,
            text=cleaned.get("input_text") or "",
        )
        if problem:
            self.add_error("upload" if problem[0] == "upload" else None, problem[1])
        try:
            cleaned["options"] = importjob_options(
                kind=cleaned.get("kind") or ImportJob.Kind.REPORT,
                dataset_format=cleaned.get("format") or "",
                strict=cleaned.get("strict") or False,
            )
        except ValidationError as error:
            self.add_error("format", error)
        if not self.errors:
            try:
                import_queue_check()
            except ImportQueueUnavailable:
                self.add_error(None, ValidationError(ImportQueueUnavailable.message, code="queue_unavailable"))
        return cleaned


@admin.register(ImportJob)
class ImportJobAdmin(SimpleHistoryAdmin):
    """Import a report from the admin ("Add import job") and follow its progress."""

    formfield_overrides = URL_FORM_FIELDS
    list_display = ["id", "input", "status", "progress_bar", "count_summary", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["input_url", "input_name", "progress_message"]
    readonly_fields = [
        "kind",
        "input_url",
        "input_name",
        "input_text",
        "options",
        "status",
        "progress_bar",
        "progress_message",
        "counts",
        "errors",
        "result",
        "created_by",
        "task_id",
        "attempts",
        "created_at",
        "started_at",
        "finished_at",
    ]
    list_select_related = ["created_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ImportForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["kind", "input_url", "upload", "input_text", "published", "title", "format", "strict"]
        return self.readonly_fields

    def add_view(self, request, form_url="", extra_context=None):
        """The import form; while the broker is down it comes back with the error and HTTP 503 (nothing saved)."""
        try:
            response = super().add_view(request, form_url, extra_context)
        except ImportQueueUnavailable as error:  # the broker went down between the form's check and the save
            return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
        adminform = (getattr(response, "context_data", None) or {}).get("adminform")
        if adminform is not None and adminform.form.has_error(NON_FIELD_ERRORS, "queue_unavailable"):
            response.status_code = 503
            response["Retry-After"] = "30"
        return response

    def save_model(self, request, obj, form, change):
        if change:
            return
        data = form.cleaned_data
        upload = data.get("upload")
        job = importjob_create(
            user=request.user,
            url=data.get("input_url") or "",
            text=data.get("input_text") or "",
            upload=upload.read() if upload else None,
            upload_name=upload.name if upload else "",
            published=data.get("published"),
            title=data.get("title") or "",
            kind=data.get("kind") or ImportJob.Kind.REPORT,
            options=data.get("options") or None,
        )
        obj.pk, obj.input_name = job.pk, job.input_name  # the "was added" message names the job by them

    def save_related(self, request, form, formsets, change):
        pass  # the job has no related rows to save

    def has_change_permission(self, request, obj=None):
        return (
            False
            if obj is not None and obj.status in ("queued", "running")
            else super().has_change_permission(request, obj)
        )

    @admin.display(description="input")
    def input(self, obj: ImportJob) -> str:
        return obj.input_url or obj.input_name or (obj.input_text[:60] + "…")

    @admin.display(description="progress")
    def progress_bar(self, obj: ImportJob) -> str:
        return format_html(
            '<progress max="100" value="{}"></progress> {}% {}', obj.progress, obj.progress, obj.progress_message
        )

    @admin.display(description="counts")
    def count_summary(self, obj: ImportJob) -> str:
        return ", ".join(f"{value} {key}" for key, value in obj.counts.items() if value) or "-"


from incidents import admin_feeds  # noqa: E402, F401 (registers the Feed admin)
