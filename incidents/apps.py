from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """The case tracker: incidents, their sources and the researchers' notes."""

    name = "incidents"
    verbose_name = "Case tracker"
    default_auto_field = "django.db.models.BigAutoField"
