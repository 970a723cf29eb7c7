from django.apps import AppConfig
from django.db.models.signals import post_migrate


class IncidentsConfig(AppConfig):
    """The case tracker: incidents, their sources and the researchers' notes."""

    name = "incidents"
    verbose_name = "Case tracker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from incidents.roles import ensure_role_groups

        post_migrate.connect(ensure_role_groups, sender=self, dispatch_uid="incidents.ensure_role_groups")
