"""Writes of the case tracker that go beyond one row."""

from django.db import transaction

from attribution.services import record_delete, save_with_history
from incidents.models import Incident, IncidentSource, Source


@transaction.atomic
def incident_sources_set(*, incident: Incident, sources: list[Source], user=None) -> None:
    """Make the sources linked to a case exactly `sources` (links to sources the user cannot see are kept)."""
    from attribution.access import visibility_q

    wanted = {source.pk for source in sources}
    visible_links = incident.source_links.filter(visibility_q(user, "source__")) if user else incident.source_links
    for link in visible_links.all():
        if link.source_id not in wanted:
            record_delete(instance=link, user=user, reason="source unlinked")
    linked = set(incident.source_links.values_list("source_id", flat=True))
    for source in sources:
        if source.pk not in linked:
            save_with_history(IncidentSource(incident=incident, source=source), user=user, reason="source linked")
