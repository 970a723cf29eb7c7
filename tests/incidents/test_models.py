"""Incidents and sources: derived dates, database constraints, deduplication keys."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from incidents.models import Incident, Source
from incidents.urlnorm import normalize_url
from tests.db import refused_by_database
from tests.factories import IncidentFactory, SourceFactory

D = dt.date


@pytest.mark.django_db
def test_occurred_on_is_the_start_else_detection_else_disclosure():
    incident = IncidentFactory(
        started_on=None, detected_on=D(2022, 7, 1), detected_on_precision="month", disclosed_on=D(2022, 7, 17)
    )
    assert (incident.occurred_on, incident.occurred_on_precision) == (D(2022, 7, 1), "month")
    incident.started_on = D(2022, 7, 15)
    incident.save()
    assert (incident.occurred_on, incident.occurred_on_precision) == (D(2022, 7, 15), "day")
    incident.started_on = incident.detected_on = incident.disclosed_on = None
    incident.save()
    assert (incident.occurred_on, incident.occurred_on_precision) == (None, "unknown")


@pytest.mark.django_db
def test_database_refuses_an_end_before_the_start():
    incident = IncidentFactory(started_on=D(2022, 7, 15))
    with refused_by_database():
        Incident.objects.filter(pk=incident.pk).update(ended_on=D(2022, 7, 14), ended_on_precision="day")
    Incident.objects.filter(pk=incident.pk).update(ended_on=D(2022, 7, 15), ended_on_precision="day")


@pytest.mark.django_db
def test_clean_accepts_a_coarser_end_in_the_start_month_and_refuses_one_before():
    incident = IncidentFactory(started_on=D(2022, 7, 15))
    incident.ended_on, incident.ended_on_precision = D(2022, 7, 1), "month"
    incident.full_clean()  # "July 2022" may end after the 15th
    incident.save()
    incident.ended_on = D(2022, 6, 1)
    with pytest.raises(ValidationError, match="before the start"):
        incident.full_clean()


@pytest.mark.django_db
def test_incident_dates_may_not_be_in_the_future():
    incident = IncidentFactory()
    incident.disclosed_on = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="future"):
        incident.full_clean()


@pytest.mark.django_db
def test_incident_types_and_countries_are_checked_against_their_vocabularies():
    incident = IncidentFactory.build(types=["disruption", "cyberwar"], victim_countries=["Albania"])
    with pytest.raises(ValidationError) as error:
        incident.full_clean()
    assert "cyberwar" in str(error.value) and "Albania" in str(error.value)


@pytest.mark.django_db
def test_has_lookup_finds_incidents_by_one_code_of_a_list():
    wiper = IncidentFactory(types=["disruption", "wiper"], victim_countries=["AL", "ME"])
    IncidentFactory(types=["espionage"], victim_countries=["US"])
    assert list(Incident.objects.filter(types__has="wiper")) == [wiper]
    assert list(Incident.objects.filter(victim_countries__has="ME")) == [wiper]
    assert not Incident.objects.filter(types__has="wipe").exists()


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        (
            "HTTPS://WWW.Example.ORG:443/News/Story/?utm_source=x&b=2&a=1#part",
            "https://www.example.org/News/Story?a=1&b=2",
        ),
        ("http://example.org", "http://example.org/"),
        ("http://example.org:8080/a/?fbclid=1", "http://example.org:8080/a"),
    ],
)
def test_normalize_url(raw, normalized):
    assert normalize_url(raw) == normalized


@pytest.mark.django_db
def test_database_refuses_two_sources_with_the_same_normalized_url():
    SourceFactory(url="https://www.example.org/story?id=7")
    with refused_by_database():
        Source.objects.create(url="https://WWW.example.org/story/?id=7&utm_medium=rss#top", title="Copy")


@pytest.mark.django_db
def test_sources_without_url_are_allowed_but_need_a_title():
    Source.objects.create(url=None, title="Uploaded statement")
    Source.objects.create(url=None, title="Another uploaded statement")
    with refused_by_database():
        Source.objects.create(url=None, title="")
    with pytest.raises(ValidationError, match="URL or a title"):
        Source(url="  ", title="").full_clean()


@pytest.mark.django_db
def test_database_refuses_two_sources_with_the_same_text():
    first = SourceFactory(text="The same wire story.\n")
    assert first.content_sha256 and len(first.content_sha256) == 64
    SourceFactory(text="")  # no text: no hash, no clash
    SourceFactory(text="")
    with refused_by_database():
        SourceFactory(text="  The same wire story.")


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["started_on", "ended_on", "detected_on", "disclosed_on", "occurred_on"])
def test_every_incident_date_has_a_consistent_precision(field):
    incident = IncidentFactory(started_on=None)
    with refused_by_database():
        Incident.objects.filter(pk=incident.pk).update(**{field: D(2022, 7, 15), f"{field}_precision": "unknown"})


@pytest.mark.django_db
def test_a_source_is_linked_to_an_incident_once():
    from incidents.models import IncidentSource

    link = IncidentSource.objects.create(incident=IncidentFactory(), source=SourceFactory())
    with refused_by_database():
        IncidentSource.objects.create(incident=link.incident, source=link.source)


@pytest.mark.django_db
def test_case_notes_are_not_empty():
    from tests.factories import CaseNoteFactory

    with refused_by_database():
        CaseNoteFactory(body="")
