from django.apps import AppConfig


class AttributionConfig(AppConfig):
    """Who said what about whom: parties, attribution claims, reactions and consequences."""

    name = "attribution"
    verbose_name = "Attribution"
    default_auto_field = "django.db.models.BigAutoField"
