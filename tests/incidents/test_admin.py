"""The researchers' admin: every page renders, the case shows whole, search, filters, review actions."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from attribution.models import Attribution, Party, PartyAlias, PartyExternalId, PossiblySameAs
from incidents.models import Feed, Incident
from incidents.services import importjob_create
from tests.factories import AttributionFactory, IncidentFactory, PartyFactory

pytestmark = pytest.mark.django_db


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_admin_page_renders_for_a_superuser(demo, owner, owner_client, rf):
    mandiant = Party.objects.get(name="Mandiant")
    PossiblySameAs.objects.create(party_a=mandiant, party_b=Party.objects.get(name="Microsoft"), note="test link")
    PartyExternalId.objects.create(party=mandiant, system="wikidata", value="Q-test")
    importjob_create(user=owner, text="The US blamed Iran for the cyberattack on July 15.")
    Feed.objects.create(name="Cyber news", url="https://news.example.org/rss.xml")
    walked = []
    for model, model_admin in admin.site._registry.items():
        request = rf.get("/admin/")
        request.user = owner
        obj = model_admin.get_queryset(request).first()
        pages = [admin_url(model, "changelist")]
        if model_admin.has_add_permission(request):  # some (sign-in attempts) are written by the system only
            pages.append(admin_url(model, "add"))
        if obj is not None:
            pages += [admin_url(model, "change", obj.pk), admin_url(model, "history", obj.pk)]
        for url in pages:
            response = owner_client.get(url)
            assert response.status_code == 200, f"{url} answered {response.status_code}"
        walked.append((model._meta.label, len(pages)))
    domain = [label for label, pages in walked if label.split(".")[0] in ("incidents", "attribution")]
    assert len(domain) == 13
    assert [label for label, pages in walked if label in domain and pages != 4] == []


def test_incident_page_shows_the_case_whole(demo, owner_client):
    page = owner_client.get(admin_url(Incident, "change", demo.pk)).content.decode()
    headings = {
        "attributions": "Attribution claims",
        "reactions": "Reactions of the accused",
        "consequences": "Consequences",
        "source_links": "Sources documenting the case",
        "notes": "Case notes",
    }
    for prefix, heading in headings.items():
        assert re.search(rf'<h2 id="{prefix}-heading" class="inline-heading">\s*{heading}\s*</h2>', page)
    assert "dismissed the allegations as “baseless,”" in page  # Iran's denial, inline
    assert "EO 13694" in page and "Severed diplomatic relations" in page
    assert 'class="case-timeline"' in page
    assert "attributed 54 days after the attack" in page
    assert "Related incident: Cyberattack on Albania&#x27;s border-control system (TIMS)" in page


def _changelist_titles(client, **params) -> set[str]:
    response = client.get(admin_url(Incident, "changelist"), params)
    assert response.status_code == 200
    return {incident.title for incident in response.context["cl"].result_list}


def test_search_finds_incidents_by_party_alias(demo, owner_client):
    assert _changelist_titles(owner_client, q="VAJA") == {demo.title}  # alias of MOIS, blamed by Microsoft
    assert _changelist_titles(owner_client, q="e-Albania") == {demo.title}  # summary
    assert _changelist_titles(owner_client, q="no such words anywhere") == set()


def test_changelist_filters(demo, owner_client):
    other = IncidentFactory(title="Espionage elsewhere", types=["espionage"], victim_countries=["US"])
    other.started_on = other.started_on.replace(year=2021)
    other.save()
    iran = Party.objects.get(name="Iran", kind="state")
    tims = "Cyberattack on Albania's border-control system (TIMS)"
    assert _changelist_titles(owner_client, type="wiper") == {demo.title}
    assert _changelist_titles(owner_client, victim_country="US") == {other.title}
    assert _changelist_titles(owner_client, attributed_to=iran.pk) == {demo.title, tims}
    mois = Party.objects.get(name="Ministry of Intelligence and Security")
    assert _changelist_titles(owner_client, attributed_to=mois.pk) == {demo.title}
    assert _changelist_titles(owner_client, year="2021") == {other.title}
    assert _changelist_titles(owner_client, status__exact="contested") == {demo.title}
    assert _changelist_titles(owner_client, review_status__exact="draft") == {other.title}
    assert _changelist_titles(owner_client, tlp__exact="clear") == {demo.title, tims, other.title}
    assert _changelist_titles(owner_client, target="state_institutions") == {demo.title, tims}


def test_filter_by_a_parent_party_includes_claims_against_its_groups(owner_client):
    state = PartyFactory(name="Statia", kind="state", country="RU")
    group = PartyFactory(name="Bear Cub", kind="threat_group", country="RU", parent=state)
    claim = AttributionFactory(attributed_to=group)
    assert _changelist_titles(owner_client, attributed_to=state.pk) == {claim.incident.title}


def test_bulk_confirm_changes_only_drafts_and_records_who(owner, owner_client):
    draft = AttributionFactory(review_status="draft")
    rejected = AttributionFactory(review_status="rejected")
    response = owner_client.post(
        admin_url(Attribution, "changelist"),
        {"action": "confirm_drafts", "_selected_action": [draft.pk, rejected.pk]},
        follow=True,
    )
    assert "1 draft(s) marked confirmed (1 not drafts, left unchanged)" in response.content.decode()
    draft.refresh_from_db()
    rejected.refresh_from_db()
    assert (draft.review_status, rejected.review_status) == ("confirmed", "rejected")
    latest = draft.history.first()
    assert (latest.history_user, latest.history_change_reason) == (owner, "review: confirmed")


def test_bulk_reject_on_incidents(owner_client):
    incident = IncidentFactory(review_status="draft")
    owner_client.post(admin_url(Incident, "changelist"), {"action": "reject_drafts", "_selected_action": [incident.pk]})
    incident.refresh_from_db()
    assert incident.review_status == "rejected"


def test_adding_an_attribution_inline_finds_the_quote_offsets(owner, owner_client):
    from tests.factories import SourceFactory

    source = SourceFactory(text="Officials said Iran was behind the attack.")
    iran, albania = PartyFactory(name="Iran"), PartyFactory(name="Albania", country="AL")
    data = {
        "title": "Test case",
        "slug": "test-case",
        "summary": "",
        "status": "new",
        "severity": "",
        "review_status": "draft",
        "tlp": "clear",
        "started_on": "2022-07-15",
        "started_on_precision": "day",
        "ended_on": "",
        "ended_on_precision": "day",
        "detected_on": "",
        "detected_on_precision": "day",
        "disclosed_on": "",
        "disclosed_on_precision": "day",
        "sector": "",
        "types": ["disruption"],
        "victim_countries": ["AL"],
        "attributions-TOTAL_FORMS": "1",
        "attributions-INITIAL_FORMS": "0",
        "attributions-0-made_by": albania.pk,
        "attributions-0-attributed_to": iran.pk,
        "attributions-0-stance": "attributes",
        "attributions-0-stated_on": "2022-09-07",
        "attributions-0-stated_on_precision": "day",
        "attributions-0-attributor_type": "victim_government",
        "attributions-0-channel": "political_statement",
        "attributions-0-level": "state",
        "attributions-0-confidence": "unstated",
        "attributions-0-source": source.pk,
        "attributions-0-quote": "Iran was behind the attack",
        "attributions-0-review_status": "draft",
        "attributions-0-tlp": "clear",
    }
    for prefix in ("source_links", "reactions", "consequences", "notes"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    response = owner_client.post(admin_url(Incident, "add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    claim = Attribution.objects.get(incident__slug="test-case")
    assert (claim.quote_start, claim.quote_end) == (15, 41)
    assert claim.history.first().history_user == owner


def test_party_admin_shows_children_and_ambiguous_aliases(demo, owner_client):
    iran = Party.objects.get(name="Iran", kind="state")
    page = owner_client.get(admin_url(Party, "change", iran.pk)).content.decode()
    assert "Ministry of Intelligence and Security" in page and "HomeLand Justice" in page
    other = PartyFactory(name="Another Gov", kind="government_body", country="US")
    PartyAlias.objects.create(party=other, name="NSC")
    listing = owner_client.get(admin_url(PartyAlias, "changelist"), {"ambiguous": "yes"})
    assert {alias.name for alias in listing.context["cl"].result_list} == {"NSC"}


def test_the_changelist_paginator_counts_a_filter_that_can_match_nothing(demo, settings):
    """An `IN ()` filter compiles to no SQL at all (EmptyResultSet): the estimated count is 0, not an error."""
    from attribution.paging import EstimatedCountPaginator

    paginator = EstimatedCountPaginator(Incident.objects.filter(id__in=[]).order_by("pk"), 20)
    assert paginator.count == 0 and paginator.num_pages == 1
    assert EstimatedCountPaginator(Incident.objects.order_by("pk"), 20).count == Incident.objects.count() > 0


def test_the_accused_filter_of_a_party_with_no_claims_lists_nothing(owner_client, demo):
    url = reverse("admin:incidents_incident_changelist")
    lone = PartyFactory()
    for value in (lone.pk, 987654321):  # a party nobody accused, an id no party has
        response = owner_client.get(url, {"attributed_to": value})
        assert response.status_code == 200, value
        assert list(response.context["cl"].result_list) == [] and response.context["cl"].result_count == 0
