"""Rendered anonymous answers (incidents.api_cache.CachedAnswerMiddleware, PostgreSQL): a hit carries every
header the full answer had, costs only the data generation, still counts against the anonymous throttles,
and is never given to a signed-in reader or kept for another renderer."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from incidents.models import Incident
from tests.conftest import require_service

pytestmark = pytest.mark.django_db(transaction=True)

GENERATION = "SELECT last_value FROM incidents_data_generation"
# Headers every answer of the case must carry, whether computed or served from the cache.
HEADERS = [
    "Content-Type",
    "ETag",
    "Vary",
    "Allow",
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Content-Length",
]


@pytest.fixture
def case(settings):
    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "cached answers are keyed by a PostgreSQL sequence")
    from incidents.demo import demo_load

    settings.API_CACHE_SECONDS = 300
    cache.clear()
    demo_load()
    yield Incident.objects.get(slug="albania-government-cyberattack-2022-07")
    cache.clear()


def _queries(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")]


def test_a_hit_has_every_header_and_the_same_body_for_one_query(case, client):
    url = f"/api/v1/incidents/{case.pk}/"
    first = client.get(url, HTTP_ACCEPT="application/json")
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as captured:
        hit = client.get(url, HTTP_ACCEPT="application/json")
    assert _queries(captured) == [GENERATION]
    # answered before the session and authentication middleware: no user was ever attached to the request
    assert not hasattr(hit.wsgi_request, "user")
    assert hit.status_code == 200 and hit.content == first.content
    for name in HEADERS:
        assert first.has_header(name), name
        assert hit[name] == first[name], name
    assert sorted(hit.headers) == sorted(first.headers)
    assert hit["ETag"] == f'"{case.version}"' and "Accept" in hit["Vary"]


def test_reads_that_are_not_cached_do_not_ask_for_the_generation(case, client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/api/v1/incidents/").status_code == 200
        assert client.get("/api/v1/parties/").status_code == 200
    assert GENERATION not in _queries(captured)
    assert not hasattr(client.get(f"/api/v1/incidents/{case.pk}/report/").wsgi_request, "api_generation")


def test_a_write_is_seen_at_once(case, client):
    url = f"/api/v1/incidents/{case.pk}/"
    client.get(url)
    assert client.get(url).json()["title"] == case.title
    case.title = "Cyberattack on Albanian government services (revised)"
    case.save()
    again = client.get(url)
    assert again.json()["title"] == case.title and again["ETag"] == f'"{case.version}"'


def test_hits_count_against_the_anonymous_throttle(case, client, settings):
    url = f"/api/v1/incidents/{case.pk}/"
    client.get(url)  # cached before the limit is lowered
    cache.delete_many([k for k in _throttle_keys()])
    settings.API_THROTTLE_ANON = "3/minute"
    answers = [client.get(url) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[3].json()["detail"].startswith("Request was throttled")
    assert int(answers[3]["Retry-After"]) > 0
    # another address has its own allowance
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200


def _throttle_keys():
    return ["throttle_anon_127.0.0.1", "throttle_user_127.0.0.1"]


def test_signed_in_readers_never_get_the_cached_answer(case, client, api, make_user, plant_red_on):
    url = f"/api/v1/incidents/{case.pk}/"
    anonymous = client.get(url).json()
    assert client.get(url).json() == anonymous  # now cached
    reader = make_user("viewer", "red")
    api.as_user(reader)
    secret_ids = {plant_red_on.pk}
    with_token = api.get(url).json()
    assert secret_ids <= {c["id"] for c in with_token["attributions"]}
    assert not secret_ids & {c["id"] for c in anonymous["attributions"]}
    client.force_login(reader)  # a session cookie: DRF decides, the cache is not asked
    assert secret_ids <= {c["id"] for c in client.get(url).json()["attributions"]}


def test_only_json_is_kept_rendered(case, client):
    url = f"/api/v1/incidents/{case.pk}/"
    client.get(url, HTTP_ACCEPT="text/html")
    page = client.get(url, HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert hasattr(page.wsgi_request, "user")  # went through the whole stack (its data from the data cache)
    # the same case in JSON: computed (from the data cache) once, then answered from the rendered cache
    assert hasattr(client.get(url, HTTP_ACCEPT="application/json").wsgi_request, "user")
    assert not hasattr(client.get(url, HTTP_ACCEPT="application/json").wsgi_request, "user")


@pytest.fixture
def plant_red_on(case):
    """A confirmed TLP:RED claim on the case, which anonymous readers must never see."""
    from attribution.models import Attribution

    claim = Attribution.objects.filter(incident=case).first()
    claim.pk = None
    claim.tlp = "red"
    claim.review_status = "confirmed"
    claim.save()
    return claim


# --- The admin changelist's filter choices, cached per data generation and visibility class ---------------------
def _accused_choices(client) -> dict[str, str]:
    response = client.get("/admin/incidents/incident/")
    assert response.status_code == 200
    spec = next(s for s in response.context["cl"].filter_specs if getattr(s, "parameter_name", "") == "attributed_to")
    return {name: value for value, name in spec.lookup_choices}


def test_admin_filter_choices_follow_writes_and_each_readers_clearance(case, owner, make_user, client):
    from tests.factories import AttributionFactory, PartyFactory

    hidden = PartyFactory(name="Hiddenland", kind="state", country="", review_status="confirmed")
    AttributionFactory(incident=case, attributed_to=hidden, review_status="confirmed", tlp="red")
    client.force_login(owner)
    assert "Hiddenland" in _accused_choices(client)
    with CaptureQueriesContext(connection) as captured:
        _accused_choices(client)
    assert not any('"attribution_party"."name"' in q for q in _queries(captured) if "EXISTS" in q)  # cached

    researcher = make_user("researcher", "green")  # below RED: never offered Hiddenland, whatever is cached
    researcher.is_staff = True
    researcher.save()
    client.force_login(researcher)
    assert "Hiddenland" not in _accused_choices(client)
    assert "Iran" in _accused_choices(client)

    client.force_login(owner)  # a write: the choices are computed again
    later = PartyFactory(name="Laterland", kind="state", country="", review_status="confirmed")
    AttributionFactory(incident=case, attributed_to=later, review_status="confirmed")
    assert {"Hiddenland", "Laterland"} <= set(_accused_choices(client))
    later.tlp = "red"
    later.save()
    client.force_login(researcher)
    assert "Laterland" not in _accused_choices(client)
