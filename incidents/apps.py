from django.apps import AppConfig
from django.db.models.signals import post_migrate


class IncidentsConfig(AppConfig):
    """The case tracker: incidents, their sources and the researchers' notes."""

    name = "incidents"
    verbose_name = "Case tracker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from incidents import api_cache, search_index
        from incidents.roles import ensure_role_groups

        post_migrate.connect(ensure_role_groups, sender=self, dispatch_uid="incidents.ensure_role_groups")
        post_migrate.connect(_fill_search_documents, sender=self, dispatch_uid="incidents.search_documents")
        search_index.connect()
        api_cache.connect()


def _fill_search_documents(using="default", **kwargs) -> None:
    """Incidents that have no public search document yet (an upgrade, a restored backup) get one."""
    from django.db import connections

    from incidents import search_index

    if connections[using].vendor == "postgresql" and using == "default":
        search_index.fill_missing()
