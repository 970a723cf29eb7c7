"""Admin of the RSS/Atom feeds polled for new reports: the list, "Poll now", and the entries each one delivered."""

from django.contrib import admin, messages
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from attribution.admin import URL_FORM_FIELDS
from incidents.feeds import feed_poll_safely
from incidents.models import Feed, FeedEntry
from incidents.urlnorm import is_web_url

RECENT_ENTRIES = 50


class RecentEntriesFormSet(BaseInlineFormSet):
    """Only the most recent entries: a feed polled for a year has delivered thousands."""

    def get_queryset(self):
        if not hasattr(self, "_recent"):
            self._recent = super().get_queryset()[:RECENT_ENTRIES]
        return self._recent


class FeedEntryInline(admin.TabularInline):
    """The entries a feed delivered, read-only, each with the import job it became."""

    model = FeedEntry
    formset = RecentEntriesFormSet
    fields = ["title", "link", "published_on", "import_job", "seen_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = f"entries (the {RECENT_ENTRIES} most recent)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("job")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="link")
    def link(self, obj: FeedEntry) -> str:
        if not obj.url:
            return "-"
        if not is_web_url(obj.url):  # as Django's admin does for URLFields: no link to another scheme
            return obj.url
        return format_html('<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', obj.url, obj.url)

    @admin.display(description="import job")
    def import_job(self, obj: FeedEntry) -> str:
        if obj.job is None:
            return "none (already imported or queued)"
        url = reverse("admin:incidents_importjob_change", args=[obj.job.pk])
        return format_html('<a href="{}">Import {}</a> ({})', url, obj.job.pk, obj.job.get_status_display())


@admin.register(Feed)
class FeedAdmin(SimpleHistoryAdmin):
    """Feeds whose new entries become report imports; "Poll now" polls the selected ones at once."""

    formfield_overrides = URL_FORM_FIELDS
    list_display = ["name", "url", "interval", "active", "last_polled_at", "last_status", "error"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    actions = ["poll_now"]
    readonly_fields = [
        "last_polled_at",
        "last_status",
        "last_error",
        "entry_count",
        "etag",
        "last_modified",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["name", "url", ("interval_minutes", "active")]}),
        ("Last poll", {"fields": ["last_polled_at", "last_status", "last_error", "entry_count"]}),
        (
            "Record",
            {
                "fields": [("etag", "last_modified"), "created_by", ("created_at", "updated_at")],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [FeedEntryInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request, queryset):
        for feed in queryset.order_by("id"):
            poll = feed_poll_safely(feed=feed)
            level = {"failed": messages.ERROR, "skipped": messages.WARNING}.get(poll.outcome, messages.SUCCESS)
            self.message_user(request, f"{feed.name}: {poll.line()}", level)

    @admin.display(description="interval", ordering="interval_minutes")
    def interval(self, obj: Feed) -> str:
        return f"{obj.interval_minutes} min"

    @admin.display(description="last error")
    def error(self, obj: Feed) -> str:
        return obj.last_error if len(obj.last_error) <= 100 else obj.last_error[:100] + "…"

    @admin.display(description="entries")
    def entry_count(self, obj: Feed) -> str:
        return f"{obj.entries.count():,} in all" if obj.pk else "-"
