"""The permission matrix: roles x read/write/review x TLP levels, across every endpoint, search, stats, filters.

Each "world" is a complete case (incident, source, parties, claim, reaction, consequence, note) marked
with one TLP level and one review status. A persona must see exactly the worlds its role and clearance
allow, everywhere, and nothing else, not even in counts.
"""

import datetime as dt

import pytest

from attribution.models import Attribution, Consequence, Party, Reaction
from incidents.models import CaseNote, Incident, Source

pytestmark = pytest.mark.django_db

TLPS = ["clear", "green", "amber", "amber_strict", "red"]
WORLDS = [(tlp, "confirmed") for tlp in TLPS] + [("clear", "draft"), ("clear", "rejected")]
# persona: (role, clearance)
PERSONAS = {
    "anonymous": ("anonymous", "clear"),
    "viewer-clear": ("viewer", "clear"),
    "viewer-amber": ("viewer", "amber"),
    "researcher-green": ("researcher", "green"),
    "researcher-red": ("researcher", "red"),
    "reviewer-amber": ("reviewer", "amber"),
    "admin-amber": ("admin", "amber"),
    "superuser": ("admin", "red"),
}
REVIEW_SEEN = {
    "anonymous": {"confirmed"},
    "viewer": {"confirmed"},
    "researcher": {"confirmed", "draft"},
    "reviewer": {"confirmed", "draft", "rejected"},
    "admin": {"confirmed", "draft", "rejected"},
}
ENDPOINTS = {
    "incidents": Incident,
    "parties": Party,
    "sources": Source,
    "attributions": Attribution,
    "reactions": Reaction,
    "consequences": Consequence,
    "notes": CaseNote,
}


def key(tlp: str, review: str) -> str:
    return f"{tlp}-{review}"


def marker(tlp: str, review: str) -> str:
    return f"zq{TLPS.index(tlp)}{review[:3]}"  # one searchable word per world


def expected(persona: str, endpoint: str = "") -> set[str]:
    role, clearance = PERSONAS[persona]
    if endpoint == "notes" and role == "anonymous":
        return set()
    return {
        key(tlp, review)
        for tlp, review in WORLDS
        if TLPS.index(tlp) <= TLPS.index(clearance) and review in REVIEW_SEEN[role]
    }


@pytest.fixture
def world(db):
    """Every world's records, by endpoint and world key."""
    records: dict[str, dict[str, object]] = {name: {} for name in ENDPOINTS}
    for tlp, review in WORLDS:
        k, word = key(tlp, review), marker(tlp, review)
        marks = {"tlp": tlp, "review_status": review}
        incident = Incident.objects.create(slug=k, title=f"Case {word}", started_on=dt.date(2022, 7, 15), **marks)
        source = Source.objects.create(url=f"https://example.org/{k}", title=f"Report {k}", **marks)
        accuser = Party.objects.create(name=f"Accuser {k}", kind="state", country="AL", **marks)
        accused = Party.objects.create(name=f"Accused {k}", kind="state", country="IR", **marks)
        common = {"incident": incident, "source": source, **marks}
        claim = Attribution.objects.create(
            made_by=accuser, attributed_to=accused, quote=f"blamed {word}", stated_on=dt.date(2022, 9, 7), **common
        )
        reaction = Reaction.objects.create(
            party=accused,
            stance="denial",
            attribution=claim,
            quote=f"denied {word}",
            stated_on=dt.date(2022, 9, 7),
            **common,
        )
        measure = Consequence.objects.create(
            initiated_by=accuser, target=accused, kind="sanctions", announced_on=dt.date(2022, 9, 9), **common
        )
        note = CaseNote.objects.create(incident=incident, body=f"note {word}", tlp=tlp)
        for name, record in [
            ("incidents", incident),
            ("sources", source),
            ("attributions", claim),
            ("reactions", reaction),
            ("consequences", measure),
            ("notes", note),
        ]:
            records[name][k] = record
        records["parties"][k] = accused
        records["parties"][f"{k}-accuser"] = accuser
    # A RED claim inside the CLEAR case: it must never show in that case to anyone uncleared.
    clear_case = records["incidents"][key("clear", "confirmed")]
    red_party = Party.objects.create(
        name="Accused hidden", kind="state", country="KP", tlp="red", review_status="confirmed"
    )
    Attribution.objects.create(
        incident=clear_case,
        source=records["sources"][key("clear", "confirmed")],
        made_by=records["parties"][f"{key('clear', 'confirmed')}-accuser"],
        attributed_to=red_party,
        quote="zqhidden",
        stated_on=dt.date(2022, 9, 8),
        tlp="red",
        review_status="confirmed",
    )
    records["red_party"] = red_party
    return records


@pytest.fixture
def as_persona(api, make_user, django_user_model):
    def login(persona: str):
        role, clearance = PERSONAS[persona]
        if role == "anonymous":
            return api.as_user(None)
        if persona == "superuser":
            user = django_user_model.objects.create_superuser(username=persona, password="pw")
        else:
            user = make_user(role, clearance, username=persona)
        return api.as_user(user)

    return login


def seen_keys(response, records: dict) -> set[str]:
    """World keys of the rows in a list response (accuser parties count as their world)."""
    assert response.status_code == 200, response.content
    ids = {row["id"] for row in response.json()["results"]}
    return {k.removesuffix("-accuser") for k, record in records.items() if record.pk in ids}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_lists_and_details_show_exactly_what_the_persona_may_see(world, as_persona, persona, endpoint):
    client = as_persona(persona)
    records = world[endpoint]
    response = client.get(f"/api/v1/{endpoint}/", {"page_size": 200})
    if endpoint == "notes" and persona == "anonymous":
        assert response.status_code == 401
        return
    assert seen_keys(response, records) == expected(persona, endpoint)
    for k, record in records.items():
        detail = client.get(f"/api/v1/{endpoint}/{record.pk}/")
        assert detail.status_code == (200 if k.removesuffix("-accuser") in expected(persona, endpoint) else 404), k


@pytest.mark.parametrize("persona", PERSONAS)
def test_search_stats_and_filters_never_reveal_more(world, as_persona, persona):
    client = as_persona(persona)
    allowed = expected(persona)
    for tlp, review in WORLDS:
        found = client.get("/api/v1/incidents/", {"q": marker(tlp, review)}).json()["results"]
        assert bool(found) == (key(tlp, review) in allowed), (tlp, review)
        accused = world["parties"][key(tlp, review)]
        by_party = client.get("/api/v1/incidents/", {"attributed_to": accused.pk}).json()["results"]
        assert bool(by_party) == (key(tlp, review) in allowed)
    denied = {row["slug"] for row in client.get("/api/v1/incidents/", {"has_denial": "true"}).json()["results"]}
    assert denied == allowed
    stats = client.get("/api/v1/stats/").json()
    assert stats["incidents"] == len(allowed)
    assert sum(row["consequences"] for row in stats["per_consequence_kind"]) == len(allowed)
    states = {row["country"]: row["incidents"] for row in stats["per_attributed_state"]}
    assert states.get("IR", 0) == len(allowed)
    is_red_cleared = PERSONAS[persona][1] == "red"
    assert ("KP" in states) == is_red_cleared
    hidden = client.get("/api/v1/incidents/", {"q": "zqhidden"}).json()["results"]
    assert bool(hidden) == is_red_cleared
    by_hidden = client.get("/api/v1/incidents/", {"attributed_to": world["red_party"].pk}).json()["results"]
    assert bool(by_hidden) == is_red_cleared


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_red_claim_inside_a_clear_case_stays_hidden(world, as_persona, persona):
    clear_case = world["incidents"][key("clear", "confirmed")]
    client = as_persona(persona)
    detail = client.get(f"/api/v1/incidents/{clear_case.pk}/").json()
    accused = {claim["attributed_to"]["name"] for claim in detail["attributions"]}
    cleared = PERSONAS[persona][1] == "red"
    assert ("Accused hidden" in accused) == cleared
    assert all(event["label"].find("Accused hidden") < 0 for event in detail["timeline"]) != cleared
    row = next(r for r in client.get("/api/v1/incidents/").json()["results"] if r["id"] == clear_case.pk)
    assert row["attribution_count"] == (2 if cleared else 1)
    assert (client.get("/api/v1/parties/resolve/", {"name": "Accused hidden"}).json() != []) == cleared


# --- Writes and reviews ------------------------------------------------------------------------------
WRITE_STATUS = {
    "anonymous": 401,
    "viewer-clear": 403,
    "viewer-amber": 403,
    "researcher-green": 201,
    "researcher-red": 201,
    "reviewer-amber": 201,
    "admin-amber": 201,
    "superuser": 201,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_create_and_what_review_status_they_get(db, as_persona, persona):
    client = as_persona(persona)
    body = {"title": f"New case by {persona}", "slug": f"new-{persona}", "review_status": "confirmed"}
    response = client.post("/api/v1/incidents/", body)
    assert response.status_code == WRITE_STATUS[persona], response.content
    if response.status_code == 201:
        reviewer = PERSONAS[persona][0] in ("reviewer", "admin")
        assert response.json()["review_status"] == ("confirmed" if reviewer else "draft")
    else:
        assert not Incident.objects.filter(slug=f"new-{persona}").exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_update_delete_and_review(world, as_persona, persona):
    role, clearance = PERSONAS[persona]
    client = as_persona(persona)
    draft = world["incidents"][key("clear", "draft")]
    visible = key("clear", "draft") in expected(persona)
    patch = client.patch(f"/api/v1/incidents/{draft.pk}/", {"summary": "edited"})
    confirm = client.post(f"/api/v1/incidents/{draft.pk}/confirm/")
    note = world["notes"][key("clear", "draft")]
    delete = client.delete(f"/api/v1/notes/{note.pk}/")
    if role in ("anonymous", "viewer"):
        assert {patch.status_code, confirm.status_code, delete.status_code} <= {401, 403}
        return
    assert patch.status_code == (200 if visible else 404)
    if role == "researcher":
        assert confirm.status_code == 403 and delete.status_code == 403
        refused = client.patch(f"/api/v1/incidents/{draft.pk}/", {"review_status": "confirmed"})
        assert refused.status_code == 400 and "reviewers" in refused.json()["review_status"][0]
    else:
        assert confirm.status_code == 200 and confirm.json()["review_status"] == "confirmed"
        assert client.post(f"/api/v1/incidents/{draft.pk}/confirm/").status_code == 409  # no longer a draft
        assert delete.status_code == 204
    red = world["incidents"][key("red", "confirmed")]
    assert client.patch(f"/api/v1/incidents/{red.pk}/", {"summary": "x"}).status_code == (
        200 if clearance == "red" else 404
    )


@pytest.mark.parametrize("persona", ["researcher-green", "reviewer-amber"])
def test_no_one_marks_or_links_above_their_clearance(world, as_persona, persona):
    client = as_persona(persona)
    too_high = client.post("/api/v1/incidents/", {"title": "Secret", "slug": "secret", "tlp": "red"})
    assert too_high.status_code == 400 and "clearance" in too_high.json()["tlp"][0]
    red_case = world["incidents"][key("red", "confirmed")]
    clear = key("clear", "confirmed")
    body = {
        "incident_id": red_case.pk,
        "source_id": world["sources"][clear].pk,
        "party_id": world["parties"][clear].pk,
        "stance": "denial",
    }
    linked = client.post("/api/v1/reactions/", body)
    assert linked.status_code == 400 and "incident_id" in linked.json()
    assert not Incident.objects.filter(slug="secret").exists()


def creation_bodies(world) -> dict[str, dict]:
    """A valid new record for every endpoint, resting on the CLEAR confirmed world."""
    k = key("clear", "confirmed")
    incident, source = world["incidents"][k], world["sources"][k]
    accuser, accused = world["parties"][f"{k}-accuser"], world["parties"][k]
    statement = {"incident_id": incident.pk, "source_id": source.pk}
    return {
        "incidents": {"title": "A new case", "slug": "a-new-case"},
        "parties": {"name": "New group", "kind": "threat_group"},
        "sources": {"title": "A new report", "url": "https://example.org/new"},
        "attributions": {**statement, "made_by_id": accuser.pk, "attributed_to_id": accused.pk},
        "reactions": {**statement, "party_id": accused.pk, "stance": "denial"},
        "consequences": {**statement, "initiated_by_id": accuser.pk, "kind": "condemnation"},
        "notes": {"incident_id": incident.pk, "body": "A new lead."},
    }


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_who_may_create_and_delete_on_every_endpoint(world, as_persona, persona, endpoint):
    role = PERSONAS[persona][0]
    client = as_persona(persona)
    model = ENDPOINTS[endpoint]
    before = model.objects.count()
    created = client.post(f"/api/v1/{endpoint}/", creation_bodies(world)[endpoint])
    expected_create = {"anonymous": 401, "viewer": 403}.get(role, 201)
    assert created.status_code == expected_create, created.content
    assert model.objects.count() == before + (1 if expected_create == 201 else 0)
    if expected_create == 201 and endpoint != "notes":
        assert created.json()["review_status"] == ("draft" if role == "researcher" else model().review_status)
    record = world[endpoint][key("clear", "confirmed")]
    if role in ("anonymous", "viewer", "researcher"):
        expected_delete = 401 if role == "anonymous" else 403
    else:  # sources and parties are still referenced by the world's claims: a conflict, nothing deleted
        expected_delete = 409 if endpoint in ("sources", "parties") else 204
    deleted = client.delete(f"/api/v1/{endpoint}/{record.pk}/")
    assert deleted.status_code == expected_delete, deleted.content
    assert model.objects.filter(pk=record.pk).exists() == (expected_delete != 204)
