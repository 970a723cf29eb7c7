"""Every list and detail endpoint runs the same number of queries for 1 row as for 25 rows."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from attribution.models import Attribution, Consequence, Party, PartyAlias, PartyExternalId, Reaction
from incidents.models import CaseNote, Incident, IncidentSource, Source

pytestmark = pytest.mark.django_db
OK = {"review_status": "confirmed", "tlp": "clear"}


def make_cases(count: int, start: int) -> list[Incident]:
    """`count` complete cases: claims, reactions, consequences, victims, related cases, sources, notes."""
    cases = []
    for n in range(start, start + count):
        state = Party.objects.create(name=f"State {n}", kind="state", country="IR", **OK)
        body = Party.objects.create(name=f"Body {n}", kind="government_body", country="IR", parent=state, **OK)
        PartyAlias.objects.create(party=body, name=f"B{n}")
        PartyExternalId.objects.create(party=body, system="other", value=f"x{n}")
        accuser = Party.objects.create(name=f"Accuser {n}", kind="state", country="AL", **OK)
        source = Source.objects.create(url=f"https://example.org/{n}", title=f"Report {n}", **OK)
        case = Incident.objects.create(slug=f"case-{n}", title=f"Case {n}", started_on=dt.date(2022, 7, 15), **OK)
        case.victims.add(accuser)
        if cases:
            case.related_incidents.add(cases[-1])
        IncidentSource.objects.create(incident=case, source=source)
        common = {"incident": case, "source": source, **OK}
        claims = [
            Attribution.objects.create(
                made_by=accuser, attributed_to=target, speaker=accuser, stated_on=dt.date(2022, 9, 7), **common
            )
            for target in (state, body)
        ]
        reaction = Reaction.objects.create(
            party=state, stance="denial", attribution=claims[0], stated_on=dt.date(2022, 9, 7), **common
        )
        reaction.accuses.add(accuser)
        measure = Consequence.objects.create(
            initiated_by=accuser, target=state, kind="sanctions", announced_on=dt.date(2022, 9, 9), **common
        )
        measure.relies_on.set(claims)
        CaseNote.objects.create(incident=case, body="note")
        cases.append(case)
    return cases


ENDPOINTS = ["incidents", "parties", "sources", "attributions", "reactions", "consequences", "notes", "stats"]
DETAILS = {
    "incidents": Incident,
    "parties": Party,
    "sources": Source,
    "attributions": Attribution,
    "reactions": Reaction,
    "consequences": Consequence,
    "notes": CaseNote,
}


@pytest.fixture
def client(api, make_user):
    """A signed-in researcher cleared for everything (the most expensive reader)."""
    return api.as_user(make_user("researcher", "red"))


def count_queries(client, url: str) -> int:
    client.get(url)  # warm caches that are per process (content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_list_queries_do_not_grow_with_rows(client, endpoint, django_assert_num_queries):
    url = f"/api/v1/{endpoint}/?page_size=100"
    make_cases(1, 0)
    one = count_queries(client, url)
    make_cases(24, 1)
    with django_assert_num_queries(one):
        response = client.get(url)
    if endpoint != "stats":
        assert len(response.json()["results"]) >= 25


@pytest.mark.parametrize("endpoint", DETAILS)
def test_detail_queries_do_not_grow_with_related_rows(client, endpoint, django_assert_num_queries):
    model = DETAILS[endpoint]
    make_cases(1, 0)
    first = model.objects.order_by("id").first()
    one = count_queries(client, f"/api/v1/{endpoint}/{first.pk}/")
    make_cases(24, 1)
    busiest = model.objects.order_by("-id").first()
    if endpoint == "incidents":  # many related cases, claims and sources on one incident
        busiest.related_incidents.add(*Incident.objects.exclude(pk=busiest.pk))
        for claim in Attribution.objects.exclude(incident=busiest)[:30]:
            Attribution.objects.filter(pk=claim.pk).update(incident=busiest)
    with django_assert_num_queries(one):
        client.get(f"/api/v1/{endpoint}/{busiest.pk}/")
