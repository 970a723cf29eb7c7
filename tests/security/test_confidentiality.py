"""Confidentiality: a record above a reader's TLP clearance, or a draft for a reader who may not see drafts,
never reaches that reader, through any page, endpoint, filter, search, statistic, export, feed or admin screen,
not even as a count, and a hidden record is answered for exactly as one that does not exist (404, not 403).

The plant (`secrets`): a TLP:RED case with its own RED party (under Iran), source, claim, consequence and
notes, related to the public demo case; on the public case a RED claim (conftest's `plant_red`), a RED victim,
a RED note, an AMBER claim, consequence and source, and public records pointing at them (a counter-accusation
naming the AMBER group, a pledge resting on the AMBER claim, a reaction answering it); an AMBER denial on the
other public case; a draft case with a draft party, source and claim; draft statements on the public cases.
Every secret record carries marker words of its own (names, titles, quotes, URLs, notes).

The sweep walks the URL resolver, so a new route is swept, or the test says what it needs to sweep it: every
GET route with a public, every secret and an absent id or slug; the query parameters the OpenAPI schema and
the views' filters declare, set to values that match the secrets; every export format, every page; TAXII's
collections; for staff, every page of every domain model's admin (its own URLs), the choosers and the ZIP
export. Per persona (anonymous, a viewer, a researcher cleared for TLP:GREEN):
- no marker word appears in any answer (decoded; PDF text read with pypdf; ZIP members opened);
- each answer about a hidden record equals the answer about an absent one (its "twin");
- every answer that counts or selects is the same again after the hidden records are deleted (statuses, JSON,
  CSV, statistics, SVG charts, TAXII objects and manifests, admin lists and facet counts);
- the viewer's API answers are the anonymous reader's (the same records by design).
A reviewer cleared for TLP:RED is swept as the positive control: every marker reaches them through every kind
of channel, and every search word finds its secret, so the sweep cannot pass vacuously.

The admin hides a visible record's links to hidden ones; a last test saves the public case in the admin as
the researcher and checks that those links survive the save.
"""

import copy
import datetime as dt
import gzip
import io
import itertools
import json
import re
import zipfile
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.views.generic import RedirectView
from pypdf import PdfReader

from attribution.admin import visible_links
from attribution.models import Attribution, Consequence, Party, PartyAlias, Reaction
from incidents.filters import IncidentFilter
from incidents.models import CaseNote, Incident, IncidentSource, Source
from incidents.reports import FORMATS
from incidents.reports.overview import FIELDS as OVERVIEW_FIELDS
from incidents.roles import DOMAIN_APPS
from tests.conftest import SECRET, SECRET_WORDS

pytestmark = pytest.mark.django_db

D = dt.date
# Marker words of the TLP:RED and TLP:AMBER records: no persona below their marking may ever read them.
TLP_MARKERS = [
    "Zephyrcrest",  # RED incident: title and slug
    "Quarrelwick",  # RED incident: summary
    "Obsidianwren",  # RED party
    "Emberlatch",  # RED party: alias
    "Hollowmarsh",  # RED source: title, URL
    "Glimmerforge",  # RED claim: confidence words
    "Pellucidane",  # RED consequence: legal instrument
    "Gildermoor",  # CLEAR note on the RED incident
    "Ravenquill",  # RED note on the public case
    "Vesperholm",  # RED victim of the public case
    SECRET,  # RED claim on the public case (conftest's plant_red): quote
    SECRET_WORDS,  # ... and confidence words
    "Tallowmere",  # AMBER party, AMBER claim's quote
    "Saffronreach",  # AMBER source: title, URL
    "Cobaltfen",  # AMBER claim: confidence words
    "Pewterloch",  # AMBER consequence: legal instrument
    "Cinderhollow",  # AMBER source's link note on the public case
    "Duskmantle",  # AMBER denial on the other public case
]
# Marker words of drafts: researchers see them (their role reviews drafts); anonymous readers and viewers never.
DRAFT_MARKERS = [
    "Brindlemoss",  # draft incident: title and slug
    "Thistlegrove",  # draft incident: summary
    "Larkspurne",  # draft party
    "Fennelwisp",  # draft party: alias
    "Marrowfen",  # draft source: title, URL
    "Ashcombe",  # draft claim on the draft incident: confidence words
    "Wrenhallow",  # draft claim on the public case: quote
    "Thornquill",  # draft denial on the other public case
    "Ironmoss",  # draft consequence on the public case
]
# Words the search looks for (titles, summaries, quotes, source titles and texts), one or two per secret record.
# Words the search looks for, one per way a secret can match: a hidden case's title; on the public cases a RED
# and an AMBER claim's quote, an AMBER source's title (linked to the case), an AMBER and a draft denial's quote,
# a draft claim's quote; a draft case's title.
SEARCH_WORDS = [
    "Tallowmere",
    "Zephyrcrest",
    "Intercepted tasking order",
    "Saffronreach",
    "Duskmantle",
    "Wrenhallow",
    "Thornquill",
    "Brindlemoss",
]
PERSONAS = {"anonymous": None, "viewer": ("viewer", "clear"), "researcher": ("researcher", "green")}
CONTROL = ("reviewer", "red")
MAX_PAGES = 40  # a page walk longer than this is a loop


@dataclass
class Plant:
    """The planted secrets and the public records around them."""

    case: Incident  # the public demo case the secrets sit in
    other: Incident  # the other public case
    tlp_rows: list[models.Model] = field(default_factory=list)  # RED and AMBER records
    draft_rows: list[models.Model] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)  # query parameter -> values matching the secrets
    neighbours: list[models.Model] = field(default_factory=list)  # public records that link to secrets

    def rows(self, model: type[models.Model]) -> list[models.Model]:
        return [row for row in self.tlp_rows + self.draft_rows if type(row) is model]

    def tag(self, row: models.Model) -> str:
        """What a row is: "tlp" (RED or AMBER), "draft", or "" (public)."""
        return "tlp" if row in self.tlp_rows else "draft" if row in self.draft_rows else ""

    def public_ids(self, model: type[models.Model]) -> list:
        """Ids of public records to sweep: those next to the secrets, else the first two."""
        near = [row.pk for row in self.neighbours if type(row) is model]
        secret = [row.pk for row in self.rows(model)]
        return near or list(model.objects.exclude(pk__in=secret).order_by("pk").values_list("pk", flat=True)[:2])


def _create(rows: list, model, **values):
    row = model.objects.create(**values)
    rows.append(row)
    return row


@pytest.fixture
def secrets(demo, plant_red) -> Plant:
    """The demo case with the secrets planted (see the module docstring)."""
    other = Incident.objects.get(slug="albania-border-control-cyberattack-2022-09")
    plant = Plant(case=demo, other=other)
    party = {name: Party.objects.get(name=name) for name in ("Albania", "United States", "Iran", "Microsoft")}
    public_source = Source.objects.get(title__startswith="UK statement")
    red, amber = {"tlp": "red", "review_status": "confirmed"}, {"tlp": "amber", "review_status": "confirmed"}
    draft = {"tlp": "clear", "review_status": "draft"}
    tlp, drafts = [], []
    plant.tlp_rows, plant.draft_rows = tlp, drafts

    # TLP:RED: a case of its own, related to the public one, and RED records on the public case.
    red_case = _create(
        tlp, Incident, slug="zephyrcrest-pipeline-sabotage", title="Zephyrcrest sabotage of a pipeline",
        summary="Quarrelwick implants stopped the pumps.", started_on=D(2003, 3, 3), types=["sabotage"],
        victim_countries=["NZ"], target_categories=["critical_infrastructure"], status="investigating", **red,
    )  # fmt: skip
    red_party = _create(
        tlp, Party, name="Obsidianwren Unit", kind="threat_group", country="IR", parent=party["Iran"], **red
    )  # fmt: skip
    PartyAlias.objects.create(party=red_party, name="Emberlatch")
    red_source = _create(
        tlp, Source, url="https://vault.example.net/hollowmarsh-dossier", title="Hollowmarsh dossier",
        text="Obsidianwren operators planted Quarrelwick implants.", published_on=D(2003, 4, 4), **red,
    )  # fmt: skip
    red_claim = _create(
        tlp, Attribution, incident=red_case, made_by=party["United States"], attributed_to=red_party,
        source=red_source, quote="Obsidianwren operators planted Quarrelwick implants",
        confidence_text="Glimmerforge assessment", stated_on=D(2003, 4, 4), attributor_type="media", **red,
    )  # fmt: skip
    _create(
        tlp, Consequence, incident=red_case, initiated_by=party["United States"], target=red_party,
        kind="arrest", source=red_source, legal_instrument="Pellucidane warrant", announced_on=D(2003, 5, 5), **red,
    ).relies_on.add(red_claim)  # fmt: skip
    _create(tlp, CaseNote, incident=red_case, body="Gildermoor note on the pipeline", tlp="clear")
    _create(tlp, CaseNote, incident=demo, body="Ravenquill liaison note", tlp="red")
    victim = _create(tlp, Party, name="Vesperholm Directorate", kind="government_body", country="AL", **red)
    demo.victims.add(victim)
    demo.related_incidents.add(red_case)
    tlp.insert(0, plant_red)

    # TLP:AMBER on the public cases, and public statements pointing at the AMBER records.
    amber_party = _create(tlp, Party, name="Tallowmere Collective", kind="threat_group", country="BY", **amber)
    amber_source = _create(
        tlp, Source, url="https://amber.example.net/saffronreach-brief", title="Saffronreach brief",
        text="Tallowmere operators reused the wiper.", published_on=D(2022, 12, 24), **amber,
    )  # fmt: skip
    IncidentSource.objects.create(incident=demo, source=amber_source, note="Cinderhollow link note")
    amber_claim = _create(
        tlp, Attribution, incident=demo, made_by=party["Albania"], attributed_to=amber_party,
        source=amber_source, quote="Tallowmere operators reused the wiper", confidence_text="Cobaltfen estimate",
        stated_on=D(2022, 12, 24), attributor_type="other", **amber,
    )  # fmt: skip
    _create(
        tlp, Consequence, incident=demo, initiated_by=party["United States"], target=amber_party,
        kind="indictment", source=amber_source, legal_instrument="Pewterloch indictment",
        announced_on=D(2022, 12, 28), **amber,
    ).relies_on.add(amber_claim)  # fmt: skip
    _create(
        tlp, Reaction, incident=other, party=party["Iran"], stance="denial", source=public_source,
        quote="Duskmantle denial of the border attack", stated_on=D(2022, 9, 12), **amber,
    )  # fmt: skip
    accusation = Reaction.objects.get(incident=demo, stance="counter_accusation")
    accusation.accuses.add(amber_party)
    silence = Reaction.objects.create(
        incident=demo,
        party=party["Iran"],
        stance="no_comment",
        attribution=amber_claim,
        source=public_source,
        stated_on=D(2022, 12, 26),
        review_status="confirmed",
        tlp="clear",
    )  # fmt: skip  (a public reaction to an AMBER claim)
    pledge = Consequence.objects.get(incident=demo, kind="pledged_response")
    pledge.relies_on.add(amber_claim)

    # Drafts: a draft case with its own party and source, and draft statements on the public cases.
    draft_case = _create(
        drafts, Incident, slug="brindlemoss-defacement", title="Brindlemoss defacement",
        summary="Thistlegrove banners replaced the home page.", started_on=D(1999, 9, 9), types=["defacement"],
        victim_countries=["IS"], target_categories=["media"], status="new", **draft,
    )  # fmt: skip
    draft_party = _create(drafts, Party, name="Larkspurne Crew", kind="threat_group", country="CU", **draft)
    PartyAlias.objects.create(party=draft_party, name="Fennelwisp")
    draft_source = _create(
        drafts, Source, url="https://drafts.example.net/marrowfen-notes", title="Marrowfen notes",
        text="Larkspurne crew defaced the site.", published_on=D(1999, 10, 10), **draft,
    )  # fmt: skip
    _create(
        drafts, Attribution, incident=draft_case, made_by=party["Albania"], attributed_to=draft_party,
        source=draft_source, quote="Larkspurne crew defaced the site", confidence_text="Ashcombe guess",
        stated_on=D(1999, 10, 10), attributor_type="researcher", **draft,
    )  # fmt: skip
    _create(
        drafts, Attribution, incident=demo, made_by=party["Microsoft"], attributed_to=party["Iran"],
        source=public_source, quote="Wrenhallow tooling links the intrusion", stated_on=D(2023, 1, 15),
        attributor_type="researcher", **draft,
    )  # fmt: skip
    _create(
        drafts, Reaction, incident=other, party=party["Iran"], stance="denial", source=public_source,
        quote="Thornquill denial", stated_on=D(2022, 9, 13), **draft,
    )  # fmt: skip
    _create(
        drafts, Consequence, incident=demo, initiated_by=party["Albania"], target=party["Iran"],
        kind="protest_note", source=public_source, legal_instrument="Ironmoss note", announced_on=D(2023, 2, 2),
        **draft,
    )  # fmt: skip
    demo.related_incidents.add(draft_case)
    notes = CaseNote.objects.filter(incident=demo, tlp="clear")
    claim = Attribution.objects.filter(incident=demo, review_status="confirmed", tlp="clear").first()
    plant.neighbours = [demo, other, party["Iran"], party["Albania"], public_source, silence, pledge, claim, *notes]

    # The first value of each is the most telling (a secret statement on a public case); lists get them all.
    parties = ["Tallowmere Collective", red_party.pk, "Emberlatch", "BY", "Fennelwisp"]  # name, id, alias, country
    incidents = [demo.pk, other.pk, red_case.pk, draft_case.pk]
    after, before = ["2022-12-01", "1999-01-01"], ["2005-01-01"]
    plant.values = {
        name: [str(value) for value in values]
        for name, values in {
            "q": SEARCH_WORDS,
            "slug": [red_case.slug, draft_case.slug],
            "victim_country": ["NZ", "IS"],
            "attributed_to": parties,
            "made_by": parties,
            "party": parties,
            "initiated_by": parties,
            "target": parties,
            "name": ["Tallowmere Collective", "Emberlatch", "Obsidianwren Unit", "Larkspurne Crew", "Fennelwisp"],
            "country": ["BY", "NZ", "CU"],
            "attributor_type": ["other", "media", "researcher"],
            "occurred_after": after,
            "occurred_before": before,
            "attributed_after": after,
            "attributed_before": before,
            "stated_after": after,
            "stated_before": before,
            "published_after": after,
            "published_before": before,
            "type": ["sabotage", "defacement"],
            "target_category": ["critical_infrastructure", "media"],
            "status": ["investigating", "new"],
            "has_denial": ["true", "false"],
            "consequence_kind": ["indictment", "arrest", "protest_note"],
            "kind": ["indictment", "arrest", "protest_note", "threat_group", "government_body", "news"],
            "stance": ["denial", "attributes", "counter_accusation"],
            "review_status": ["draft", "confirmed", "rejected"],
            "tlp": ["amber", "red", "clear"],
            "incident": incidents,
            "url": [amber_source.url, red_source.url, draft_source.url],
            "ordering": ["-occurred_on", "title", "-updated_at", "name", "published_on"],
        }.items()
    }
    return plant


def remove(rows: list[models.Model]) -> None:
    """Delete planted records: statements and notes, then the links and cases, then sources and parties."""
    order = [Attribution, Reaction, Consequence, CaseNote, IncidentSource, Incident, Source, Party]
    IncidentSource.objects.filter(source__in=[row for row in rows if type(row) is Source]).delete()
    for model in order:
        model.objects.filter(pk__in=[row.pk for row in rows if type(row) is model]).delete()


# --- Reading answers ------------------------------------------------------------------------------------------
def readable(content: bytes) -> str:
    """The text of a body: PDF text (pypdf), every member of a ZIP, gzip unpacked, else UTF-8."""
    if content.startswith(b"%PDF-"):
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    if content.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "\n".join(f"== {name}\n{readable(archive.read(name))}" for name in sorted(archive.namelist()))
    if content.startswith(b"\x1f\x8b"):
        return readable(gzip.decompress(content))
    return content.decode()


def body_of(response) -> str:
    return readable(b"".join(response.streaming_content) if response.streaming else response.content)


def folded(text: str) -> str:
    """Lower case, whitespace runs as one space (PDF text breaks lines where the layout does)."""
    return " ".join(text.split()).lower()


# Per-request noise: generation times, random bundle ids, CSRF tokens, CSP nonces.
NOISE = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"), "<time>"),
    (re.compile(r"bundle--[0-9a-f-]{36}"), "bundle--<id>"),
    (re.compile(r'(csrfmiddlewaretoken" value=")[^"]+'), r"\1<token>"),
    (re.compile(r'("csrfToken": ")[^"]+'), r"\1<token>"),
    (re.compile(r'(nonce=")[^"]+'), r"\1<nonce>"),
]


def normalized(text: str) -> str:
    for pattern, replacement in NOISE:
        text = pattern.sub(replacement, text)
    return text


# --- What to ask ----------------------------------------------------------------------------------------------
ABSENT = "absent"  # the tag of a path value naming a record that does not exist
SENTINELS = {
    "pk": "987654",
    "object_id": "987654",
    "slug": "no-such-case",
    "collection_id": "00000000-0000-5000-8000-000000000000",
    "stix": "incident--00000000-0000-5000-8000-000000000000",
}


@dataclass(frozen=True)
class Probe:
    """One GET: a path and its query; `walk` follows the answer's next pages (DRF cursor or TAXII `next`).

    A path naming a secret record has `hidden` "tlp" or "draft", and a `twin`: the same request for a record that
    does not exist (`swaps`: secret value -> the twin's); to a reader the secret is hidden from, both must answer
    alike. A twin itself has `hidden` ABSENT."""

    path: str
    params: tuple[tuple[str, str], ...] = ()
    walk: bool = False
    hidden: str = ""
    twin: str = ""
    swaps: tuple[tuple[str, str], ...] = ()

    def label(self) -> str:
        return self.path + ("?" + "&".join(f"{k}={v}" for k, v in self.params) if self.params else "")


def tagged_probes(name: str, values: dict[str, list[tuple[str, str]]], walk: bool = False) -> list[Probe]:
    """A probe for every combination of tagged path values ((value, tag) per parameter), each secret one with
    its twin (the secret values replaced by their parameter's sentinel, which `values` must hold too)."""
    found = []
    for combo in itertools.product(*values.values()):
        kwargs = {param: value for param, (value, _) in zip(values, combo, strict=True)}
        tags = {tag for _, tag in combo}
        hidden = next((tag for tag in ("tlp", "draft", ABSENT) if tag in tags), "")
        named = [param for param, (_, tag) in zip(values, combo, strict=True) if tag]  # not a public record
        twin = {**kwargs, **{param: next(v for v, tag in values[param] if tag == ABSENT) for param in named}}
        swaps = tuple((str(kwargs[param]), str(twin[param])) for param in named if kwargs[param] != twin[param])
        twin_label = reverse(name, kwargs=twin) if hidden in ("tlp", "draft") else ""
        found.append(Probe(reverse(name, kwargs=kwargs), walk=walk, hidden=hidden, twin=twin_label, swaps=swaps))
    return found


@dataclass(frozen=True)
class Route:
    """One URL pattern outside the admin: its reversible name, path parameters and view."""

    name: str | None
    params: tuple[str, ...]
    callback: object
    text: str

    @property
    def view(self):
        return getattr(self.callback, "cls", None) or getattr(self.callback, "view_class", None)

    @property
    def action(self) -> str | None:
        """The viewset action a GET runs (None for other views); '' when the route takes no GET."""
        actions = getattr(self.callback, "actions", None)
        return None if actions is None else actions.get("get", "")


def routes() -> list[Route]:
    """Every URL pattern of the site outside the admin, from the resolver."""
    found = []

    def walk(patterns, namespaces: list[str], prefix: str, params: tuple[str, ...]):
        for entry in patterns:
            text, own = prefix + str(entry.pattern), params + tuple(entry.pattern.regex.groupindex)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, namespaces + [entry.namespace] * bool(entry.namespace), text, own)
            elif "admin" not in namespaces:
                assert isinstance(entry, URLPattern)
                name = ":".join([*namespaces, entry.name]) if entry.name else None
                found.append(Route(name, own, entry.callback, text))

    walk(get_resolver().url_patterns, [], "", ())
    return found


# Unnamed routes cannot be reversed: the paths that stand for them.
UNNAMED_PATHS = {"": ["/"], "taxii2/^(?P<rest>.*)$": ["/taxii2/no-such-resource/", "/taxii2/cases/zephyrcrest/"]}
# Query parameters answered by walking the pages instead.
PAGING = {"cursor", "page_size", "limit", "next"}
EXTRA_QUERY = {  # the query parameters of pages outside the API schema
    "cases:overview": [*OVERVIEW_FIELDS, "page"],
    "taxii:objects": ["match[type]", "match[id]"],  # the manifest lists the same objects
}
# The incident filters that look at statements (claims, reactions, consequences, sources): where the incident
# list's other filters (the case's own fields) are swept too, the same incidents are filtered by the same code.
STATEMENT_FILTERS = {
    "q",
    "attributed_to",
    "made_by",
    "attributor_type",
    "attributed_after",
    "attributed_before",
    "has_denial",
    "consequence_kind",
}
WALKED = {"taxii:objects"}
# Routes swept with every value of every query parameter; the others take the first (the most telling) value of
# each: their filters are the same code (party references, choices) over rows already filtered by visibility.
EVERY_VALUE = {"incident-list"}
# How many of a path parameter's public values a route is swept with (secret and absent ones always): one object
# of a collection is found by the same code in every collection (which objects each holds is swept by walking
# them all); the other public case's reports are the API's (incident-report), from the same context builder.
PUBLIC_ONLY = {
    ("taxii:object", "collection_id"): 1,
    ("taxii:versions", "collection_id"): 1,
    ("cases:report", "slug"): 1,
}


def schema_parameters(client: Client) -> dict[str, dict[str, list | None]]:
    """Query parameters (with their enums) of each GET operation in the OpenAPI schema, by view name."""
    schema = json.loads(client.get("/api/schema/", {"format": "json"}).content)
    found = {}
    for path, operations in schema["paths"].items():
        if "get" in operations:
            match = resolve(re.sub(r"\{\w+\}", "1", path))
            found[match.view_name] = {
                p["name"]: p.get("schema", {}).get("enum")
                for p in operations["get"].get("parameters", [])
                if p["in"] == "query"
            }
    return found


def stix_ids(cleared_user) -> dict[str, str]:
    """STIX ids of a public object, of a draft one and of a TLP:RED or AMBER one (an incident each)."""
    from django.contrib.auth.models import AnonymousUser

    from incidents.datasets import stix_cases
    from incidents.reports.stix import case_objects

    def incidents(user) -> set[str]:
        contexts = stix_cases(Incident.objects.all(), user=user)
        return {obj["id"] for context in contexts for obj in case_objects(context) if obj["type"] == "incident"}

    uncleared = copy.copy(cleared_user)  # a reviewer cleared for TLP:CLEAR only, as incidents.taxii caps a reader
    uncleared.__dict__["_access_cache"] = ("reviewer", "clear")
    public, with_drafts, everything = incidents(AnonymousUser()), incidents(uncleared), incidents(cleared_user)
    [draft], [tlp] = with_drafts - public, everything - with_drafts
    return {"public": min(public), "draft": draft, "tlp": tlp}


def model_of(view) -> type[models.Model]:
    return getattr(view, "model", None) or view.serializer_class.Meta.model


def probes(plant: Plant, schema: dict, stix: dict[str, str]) -> list[Probe]:
    """Every GET of every route outside the admin, with public, secret and absent ids; on the first (public)
    one, every query parameter set to values that match the secrets (see EVERY_VALUE)."""
    from incidents.taxii import LEVELS, PUBLIC

    cases = [plant.case, plant.other, *plant.rows(Incident)]
    path_values = {
        "slug": [(case.slug, plant.tag(case)) for case in cases] + [(SENTINELS["slug"], ABSENT)],
        # PDF once, through the API's report (below): the same printout of the same context as report.html
        "fmt": [(fmt, "") for fmt in [*FORMATS, "exe"] if fmt != "pdf"],
        "collection_id": [(PUBLIC.id, ""), (LEVELS["red"].id, "tlp")]
        + [(c.id, "" if level in ("clear", "green") else "tlp") for level, c in LEVELS.items() if level != "red"]
        + [(SENTINELS["collection_id"], ABSENT)],
        "object_id": [
            (stix["public"], ""),
            (stix["tlp"], "tlp"),
            (stix["draft"], "draft"),
            (SENTINELS["stix"], ABSENT),
        ],
    }
    query_values = {
        **plant.values,
        "page": ["2"],
        "match[type]": ["incident"],
        "match[id]": [f"{stix['tlp']},{stix['draft']}"],
    }
    found = []
    for route in routes():
        if route.action == "":
            continue  # no GET on this route (confirm, reject)
        if route.name is None:
            assert route.text in UNNAMED_PATHS, f"Unnamed route {route.text!r}: add the paths to sweep to UNNAMED_PATHS"
            found += [Probe(path) for path in UNNAMED_PATHS[route.text]]
            continue
        values = {param: _path_values(route, param, plant, path_values) for param in route.params}
        if "format" in values and "pk" in values:  # the browsable API's page of a record: of a public one (a
            values["pk"] = [value for value in values["pk"] if not value[1]]  # hidden one's 404 is the JSON's)
        walk = route.action == "list" or route.name in WALKED
        found += tagged_probes(route.name, values, walk and "format" not in values)
        if "format" in route.params:
            continue  # a format suffix (incidents.api): its queries are swept on the route without one
        path = reverse(route.name, kwargs={param: first[0] for param, (first, *_) in values.items()})
        for name in sorted(_query_names(route, schema) - PAGING):
            enum = schema.get(route.name, {}).get(name)
            assert name in query_values or enum, f"{path} takes ?{name}=: add values that match the secrets"
            chosen = [str(v) for v in enum] if name == "format" else query_values[name]
            every = name == "format" or route.name in EVERY_VALUE
            found += [Probe(path, ((name, value),)) for value in (chosen if every else chosen[:1])]
    return found


def _path_values(route: Route, param: str, plant: Plant, path_values: dict) -> list[tuple[str, str]]:
    """(value, tag) of a path parameter: public first (swept with every query), then secret, then absent."""
    if param == "pk":
        model = model_of(route.view)
        rows = [(pk, "") for pk in plant.public_ids(model)] + [(row.pk, plant.tag(row)) for row in plant.rows(model)]
        return rows + [(SENTINELS["pk"], ABSENT)]
    if param == "format":  # a format suffix; .json is the route without one
        return [(r.format, "") for r in route.view.renderer_classes if r.format != "json"]
    assert param in path_values, f"Route {route.text!r} takes <{param}>: add values for it to the sweep"
    public = [value for value in path_values[param] if not value[1]]
    return public[: PUBLIC_ONLY.get((route.name, param))] + [value for value in path_values[param] if value[1]]


def _query_names(route: Route, schema: dict) -> set[str]:
    """The query parameters a route takes: in the schema, in the view's filters, and those of the non-API pages.
    Filters are swept where they select what is listed or counted (lists, statistics), and on a case's detail
    (a 200 where there was a 404 is a leak); the dataset and other details apply the same filter code to the
    same visible rows and are swept in every format instead."""
    names = set(schema.get(route.name, {})) | set(EXTRA_QUERY.get(route.name, []))
    if route.name == "cases:overview":  # the incident list's filters, on the overview's own form
        names = (names & STATEMENT_FILTERS) | {"page"}
    initkwargs = getattr(route.callback, "initkwargs", {})  # an action may switch the filters off
    filterset = initkwargs.get("filterset_class", getattr(route.view, "filterset_class", None))
    if filterset is None or not (route.action in (None, "list") or route.name == "incident-detail"):
        return names
    if filterset is IncidentFilter and route.name != "incident-list":  # statistics, a case's detail, the dataset
        return names | (STATEMENT_FILTERS if route.name != "dataset" else set())
    return names | set(filterset.base_filters)


# What to type into a chooser of each kind of record: a hidden one's name, and a draft's.
CHOOSER_TERMS = {
    Incident: ["Zephyrcrest", "Brindlemoss"],
    Party: ["Tallowmere", "Larkspurne"],
    Source: ["Saffronreach", "Marrowfen"],
    Attribution: ["Tallowmere", "Larkspurne"],
}


def admin_probes(plant: Plant) -> list[Probe]:
    """Every page of every domain model's admin (its own URLs, with a public, the secret and an absent id, and
    their latest history versions); each changelist plain, with facet counts and searched; the choosers."""
    found, choosers = [Probe(reverse("admin:index"))], {}
    for app in sorted({model._meta.app_label for model in admin.site._registry}):
        found.append(Probe(reverse("admin:app_list", args=[app])))
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in DOMAIN_APPS:
            continue  # users, groups, tokens, schedules: for admins only (roles give the others no permission)
        ids = [(pk, "") for pk in plant.public_ids(model)[:1]] + [(row.pk, plant.tag(row)) for row in plant.rows(model)]
        history = getattr(model, "history", None)
        # A secret's latest version, and a public one's where it links to other records (its form shows them).
        linking = bool(visible_links(model, None))
        versions = [
            (pk, version, tag)
            for pk, tag in (ids if history else [])
            if tag or linking
            for version in history.filter(id=pk).order_by("-history_id").values_list("history_id", flat=True)[:1]
        ]
        absent = [(SENTINELS["pk"], ABSENT)]
        for pattern in model_admin.urls:
            regex, name = pattern.pattern.regex, f"admin:{pattern.name}"
            if regex.groups == 0:
                found.append(Probe(reverse(name)))
            elif "object_id" in regex.groupindex and pattern.name:
                # Nobody swept may delete: a 403 before any lookup, for the public record only.
                shown = ids[:1] if pattern.name.endswith("_delete") else ids + absent
                found += tagged_probes(name, {"object_id": shown})
            elif "object_id" in regex.groupindex:
                assert pattern.callback.view_class is RedirectView  # the old "<id>/" to "<id>/change/": no content
            else:
                assert regex.groups == 2 and pattern.name, f"Add admin URL {pattern.pattern} to the sweep"
                twin = reverse(name, args=[SENTINELS["pk"]] * 2)  # simple_history's one version of a record
                found.append(Probe(twin, hidden=ABSENT))
                for pk, version, tag in versions:
                    swaps = ((str(pk), SENTINELS["pk"]), (str(version), SENTINELS["pk"])) if tag else ()
                    found.append(
                        Probe(reverse(name, args=[pk, version]), hidden=tag, twin=twin * bool(tag), swaps=swaps)
                    )
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        # The list shows every visible row already (one page): a search narrows it; facets count it.
        found += [Probe(changelist, (("_facets", "True"),)), Probe(changelist, (("q", "Tallowmere"),))]
        for owner in [model_admin, *model_admin.inlines]:
            for field_name in owner.autocomplete_fields:
                remote = owner.model._meta.get_field(field_name).remote_field
                choosers.setdefault((remote.model, str(remote.limit_choices_to)), (owner.model._meta, field_name))
    for (model, _), (meta, field_name) in choosers.items():  # the answer depends on the chosen model's admin
        query = (("app_label", meta.app_label), ("model_name", meta.model_name), ("field_name", field_name))
        for term in CHOOSER_TERMS.get(model, [""]):
            found.append(Probe(reverse("admin:autocomplete"), (*query, ("term", term))))
    incidents = reverse("admin:incidents_incident_changelist")
    filters = [("attributed_to", row.pk) for row in plant.rows(Party)] + [("victim_country", "NZ"), ("year", 2003)]
    found += [Probe(incidents, ((name, str(value)),)) for name, value in filters]
    return list(dict.fromkeys(found))


# --- Sweeping -------------------------------------------------------------------------------------------------
def fetch(client: Client, probe: Probe) -> list[tuple[int, str]]:
    """(status, text) of the answer, and of each next page when the probe walks."""
    taxii = probe.path.startswith("/taxii2/")
    params = dict(probe.params) | (({"limit": "40"} if taxii else {"page_size": "5"}) if probe.walk else {})
    response = client.get(probe.path, params)
    answers = []
    while True:
        client.cookies.pop("messages", None)  # "… doesn't exist" is for the page it redirects to, not the next probe
        text = body_of(response) + (f"\nLocation: {response['Location']}" if response.has_header("Location") else "")
        answers.append((response.status_code, text))
        if not probe.walk or response.status_code != 200:
            return answers
        data = json.loads(text)
        assert len(answers) < MAX_PAGES, f"{probe.label()}: more than {MAX_PAGES} pages"
        if taxii and data.get("more"):
            response = client.get(probe.path, {**params, "next": data["next"]})
        elif not taxii and data.get("next"):
            response = client.get(data["next"])
        else:
            return answers


def markers_in(text: str, markers: list[str], probe: Probe) -> list[str]:
    """The markers in an answer, leaving out those the probe itself sent (a search box shows its words)."""
    sent = [folded(value) for _, value in probe.params]
    body = folded(text)
    return [m for m in markers if folded(m) in body and not any(folded(m) in v or v in folded(m) for v in sent if v)]


Answers = dict[str, list[tuple[int, str]]]


def sweep(client: Client, plan: list[Probe], hidden: list[str], persona: str = "") -> Answers:
    """Every probe's answers (normalised); fails listing every answer that shows a hidden marker or crashed."""
    answers, leaks = {}, []
    for probe in plan:
        pages = fetch(client, probe)
        for status, text in pages:
            if status >= 500:
                leaks.append(f"{probe.label()} answered {status}: {text[:300]}")
            elif shown := markers_in(text, hidden, probe):
                leaks.append(f"{probe.label()} ({status}) shows {shown}: …{_around(text, shown[0])}…")
        answers[probe.label()] = [(status, normalized(text)) for status, text in pages]
    assert not leaks, f"{persona}: {len(leaks)} answers show secrets:\n" + "\n".join(leaks[:25])
    return answers


def _around(text: str, marker: str) -> str:
    at = folded(text).find(folded(marker))
    flat = " ".join(text.split())
    return flat[max(at - 200, 0) : at + 200]


def compared(plan: list[Probe]) -> list[Probe]:
    """The probes whose answers may not change when the secrets go: those that count or select (lists and their
    pages, every query: filters, searches, formats; statistics, datasets, the overview's charts, TAXII
    manifests and objects, JSON reports, admin lists and choosers). A page of one record (API details, the
    browsable API, HTML, Markdown, PDF and STIX reports, admin record pages, whose history grows when planted
    rows are deleted) shows no count its JSON or list does not; it is checked for markers (and twins) only."""
    return [probe for probe in plan if _carries_counts(probe)]


COUNTING = {"stats", "dataset", "cases:overview", "taxii:collections", "taxii:manifest"}


def _carries_counts(probe: Probe) -> bool:
    path, params = probe.path, dict(probe.params)
    if path.startswith("/admin/"):
        name = resolve(path).url_name or ""
        return name in ("index", "app_list", "autocomplete") or name.endswith("_changelist")
    if path.endswith(".api") or params.get("format") == "api":
        return False
    if "/report" in path:
        return channel_of(probe.label()) == "report.json"
    return bool(params) or probe.walk or resolve(path).view_name in COUNTING


def differences(with_secrets: Answers, without: Answers) -> str:
    """What changed, per probe: the first differing page, shortened around the first differing character."""
    lines = []
    for label, pages in with_secrets.items():
        if pages != without[label]:
            for (status_a, a), (status_b, b) in itertools.zip_longest(pages, without[label], fillvalue=(None, "")):
                if (status_a, a) != (status_b, b):
                    at = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
                    lines.append(f"{label}: {status_a} vs {status_b} without the secrets: …{a[at - 150 : at + 150]!r}")
                    lines.append(f"   without the secrets: …{b[at - 150 : at + 150]!r}")
                    break
    return "\n".join(lines[:20]) + (f"\n(and {len(lines) // 2 - 10} more)" if len(lines) > 20 else "")


# --- The tests --------------------------------------------------------------------------------------------------
@pytest.fixture
def sign_in(make_user, settings):
    """`sign_in((role, clearance))`: a client and its staff user with that role and clearance (None: anonymous)."""
    settings.API_THROTTLE_ANON = settings.API_THROTTLE_USER = "100000/minute"  # the sweep is one fast reader

    def login(spec: tuple[str, str] | None):
        client, user = Client(), None
        if spec is not None:
            user = make_user(*spec)
            user.is_staff = True  # so that the admin's own rules are swept too
            user.save()
            client.force_login(user)
        return client, user

    return login


def sweep_plans(secrets: Plant, client: Client, cleared_user) -> dict[str, list[Probe]]:
    """Each persona's probes. Anonymous: the site, with every query; its admin is the sign-in page wherever it
    knocks (three probes show it). The researcher: the same and the whole admin. The viewer: the admin, and the
    site without queries (other than formats): its records are the anonymous reader's (confirmed TLP:CLEAR),
    which the test checks answer for answer, so the queries would repeat the anonymous ones. The PDF report is
    the HTML report printed (WeasyPrint), the same for every reader: its text is read for the anonymous reader
    and the control; the others' HTML reports are read. TAXII's public collection is read as an anonymous
    reader whoever asks (incidents.taxii.reader_of): it is swept for the anonymous reader; the signed-in
    personas' own collections for them."""
    from incidents.taxii import PUBLIC

    site, admin_pages = probes(secrets, schema_parameters(client), stix_ids(cleared_user)), admin_probes(secrets)
    bare = [probe for probe in site if {name for name, _ in probe.params} <= {"format"}]
    printed = [probe for probe in site if ("format", "pdf") not in probe.params]  # the PDF: see below
    own = [probe for probe in printed if PUBLIC.id not in probe.path]  # TAXII's public collection: see below
    return {
        "anonymous": site + [probe for probe in admin_pages if not probe.params][:3],
        "viewer": [probe for probe in bare if probe in own] + admin_pages,
        "researcher": own + admin_pages,
        "control": control_plan(site + admin_pages),
    }


HIDDEN = {"anonymous": {"tlp", "draft"}, "viewer": {"tlp", "draft"}, "researcher": {"tlp"}}  # researchers see drafts


def test_no_secret_reaches_an_uncleared_reader_not_even_as_a_count(secrets, sign_in):
    """Anonymous, viewer and uncleared researcher: no marker anywhere; a hidden record answered for as an absent
    one; the viewer's answers the anonymous reader's; and nothing countable changes when the secrets go."""
    readers = {persona: sign_in(spec)[0] for persona, spec in PERSONAS.items()}
    plans = sweep_plans(secrets, readers["anonymous"], sign_in(CONTROL)[1])
    first = {}
    for persona, client in readers.items():  # the control's plan is the last test's
        markers = TLP_MARKERS + (DRAFT_MARKERS if "draft" in HIDDEN[persona] else [])
        first[persona] = sweep(client, plans[persona], markers, persona)

        # A hidden record is answered for as one that does not exist: 404 where a 404 is due, never 403.
        twins = [probe for probe in plans[persona] if probe.hidden in HIDDEN[persona]]
        answers = first[persona]
        unlike = [p.label() for p in twins if blind(answers[p.label()], p) != blind(answers[p.twin], p)]
        assert not unlike, (
            f"{persona}: {len(unlike)} answers about hidden records differ from absent ones: {unlike[:9]}"
        )
    assert any("Brindlemoss" in text for pages in first["researcher"].values() for _, text in pages)  # not blind
    for persona in ("viewer", "researcher"):  # the admin's "Export case reports (zip)" of the public and secret cases
        archive = exported(readers[persona], [secrets.case, *secrets.rows(Incident)])
        shown = markers_in(archive, TLP_MARKERS + (DRAFT_MARKERS if "draft" in HIDDEN[persona] else []), Probe(""))
        assert "== albania-government-cyberattack-2022-07.pdf" in archive and not shown, f"{persona}'s zip: {shown}"

    # A viewer sees what an anonymous reader sees (the API's records; notes, reports' audience and TAXII aside).
    shared = [p.label() for p in plans["viewer"] if p.path.startswith("/api/v1/") and _same_for_a_viewer(p)]
    unlike = [label for label in shared if first["viewer"][label] != first["anonymous"][label]]
    assert not unlike, f"The viewer's answers differ from an anonymous reader's: {unlike[:9]}"

    # Nothing countable changes when the hidden records are gone: for the researcher once RED and AMBER go, for
    # the others once the drafts go too (the viewer's API answers are the anonymous reader's, checked above).
    remove(secrets.tlp_rows)
    _assert_unchanged("researcher", readers, plans, first)
    remove(secrets.draft_rows)
    plans["viewer"] = [probe for probe in plans["viewer"] if probe.path.startswith("/admin/")]
    for persona in ("anonymous", "viewer"):
        _assert_unchanged(persona, readers, plans, first)


def exported(client: Client, cases: list[Incident]) -> str:
    """The text of the admin's ZIP of case reports of these cases (every format, PDF text read)."""
    changelist = reverse("admin:incidents_incident_changelist")
    selected = {"action": "export_case_reports", "_selected_action": [case.pk for case in cases]}
    response = client.post(changelist, selected)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip", response.content[:300]
    return body_of(response)


def _same_for_a_viewer(probe: Probe) -> bool:
    """API answers with nothing of the reader in them: not the signed-in only ones (notes, imports), a case's
    detail (its notes), reports (their audience), the browsable API (the user's name)."""
    match = resolve(probe.path)
    browsable = ".api" in probe.path or ("format", "api") in probe.params
    signed_in_only = getattr(getattr(match.func, "cls", None), "read_requires_login", False)
    return not (browsable or signed_in_only or match.view_name in ("incident-detail", "incident-report"))


def _assert_unchanged(persona: str, readers: dict, plans: dict, first: dict) -> None:
    kept = [probe for probe in compared(plans[persona]) if probe.hidden not in HIDDEN[persona] | {ABSENT}]
    without = sweep(readers[persona], kept, [], persona)
    changed = differences({probe.label(): first[persona][probe.label()] for probe in kept}, without)
    assert not changed, f"What {persona} sees depends on the secrets:\n{changed}"


def blind(pages: list[tuple[int, str]], probe: Probe) -> list[tuple[int, str]]:
    """The answer without the ids and slugs the probe and its twin asked for (an error may name what was asked;
    removed from both answers, a number that merely coincides is removed from both too)."""
    for token in {value for pair in probe.swaps for value in pair}:
        pages = [(status, re.sub(rf"(?<![\w-]){re.escape(token)}(?![\w-])", "<asked>", text)) for status, text in pages]
    return pages


def test_a_cleared_reviewer_sees_the_secrets_everywhere(secrets, sign_in):
    """The positive control: the sweep shows a TLP:RED reviewer every marker, through every channel, and its
    search words and filter values find the secrets (the queries are swept on the incident list only: the
    other routes take the same filters)."""
    client, user = sign_in(CONTROL)
    incidents = reverse("incident-list")
    plan = sweep_plans(secrets, client, user)["control"]
    answers = sweep(client, plan, [])
    answers["admin zip"] = [(200, exported(client, [secrets.case, secrets.rows(Incident)[0]]))]  # and the RED case
    for word in SEARCH_WORDS:
        assert json.loads(answers[Probe(incidents, (("q", word),)).label()][0][1])["results"], f"q={word} finds nothing"
    shown: dict[str, set[str]] = {}
    for label, pages in answers.items():
        channel = shown.setdefault(channel_of(label), set())
        channel.update(m for m in TLP_MARKERS + DRAFT_MARKERS for _, text in pages if folded(m) in folded(text))
    assert set().union(*shown.values()) == set(TLP_MARKERS + DRAFT_MARKERS)
    for name in CHANNELS:
        assert shown[name] & set(TLP_MARKERS), f"{name} shows no TLP marker to a cleared reviewer"
        assert shown[name] & set(DRAFT_MARKERS), f"{name} shows no draft to a reviewer"


def test_saving_a_case_in_the_admin_keeps_the_links_its_editor_may_not_see(secrets, sign_in):
    """The admin hides a case's links to hidden records from the form; saving the form must not drop them."""
    client, _ = sign_in(PERSONAS["researcher"])
    url = reverse("admin:incidents_incident_change", args=[secrets.case.pk])
    data = posted(client.get(url)) | {"summary": "Edited by a researcher cleared for TLP:GREEN."}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response

    case = Incident.objects.get(pk=secrets.case.pk)
    assert case.summary == data["summary"]
    red_case, draft_case = secrets.rows(Incident)
    assert {red_case, draft_case} <= set(case.related_incidents.all())
    assert Party.objects.get(name="Vesperholm Directorate") in case.victims.all()
    assert case.source_links.filter(source__title="Saffronreach brief").exists()
    amber_party, amber_claim = Party.objects.get(name="Tallowmere Collective"), Attribution.objects.get(tlp="amber")
    assert amber_party in Reaction.objects.get(incident=case, stance="counter_accusation").accuses.all()
    assert Reaction.objects.get(incident=case, stance="no_comment").attribution == amber_claim
    assert amber_claim in Consequence.objects.get(incident=case, kind="pledged_response").relies_on.all()
    assert case.attributions.filter(tlp="red").count() == 1 and case.notes.filter(tlp="red").count() == 1


def posted(page) -> dict:
    """What a browser posts back from an admin change page left as it is: every form field's value, a choice of
    records only among those the page offers (a hidden record is no option, so a browser cannot send it)."""
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name, form_field in form.fields.items():
            value = form[name].value()
            values = value if isinstance(value, list | tuple) else [value]
            offered = getattr(form_field, "queryset", None)
            if offered is not None and name != "id":
                values = [v for v in values if v not in (None, "") and offered.filter(pk=v).exists()]
            values = [str(v) for v in values if v is not None and v is not False]  # an empty field, an unticked box
            if values:
                data[form.add_prefix(name)] = values if isinstance(value, list | tuple) else values[0]
    return data


def control_plan(plan: list[Probe]) -> list[Probe]:
    """What the control reads: the lists (walked), the incident list's queries, every report, dataset, statistic
    and case page in every format, TAXII's public and RED collections, and the admin's lists and case pages."""
    from incidents.taxii import LEVELS

    between = [LEVELS[level].id for level in ("clear", "green", "amber", "amber_strict")]
    kept = []
    for probe in plan:
        name = resolve(probe.path).view_name
        if probe.hidden == ABSENT or any(level in probe.path for level in between):
            continue
        if name.startswith("admin:"):
            keep = name.endswith("_changelist") and not probe.params or name == "admin:incidents_incident_change"
        elif name.startswith("taxii:"):
            keep = name == "taxii:objects" and not probe.params
        else:
            keep = name == "incident-list" or (not name.endswith("-detail") and set(dict(probe.params)) <= {"format"})
        if keep:
            kept.append(probe)
    return kept


CHANNELS = [
    "api",
    "report.html",
    "report.pdf",
    "report.md",
    "report.json",
    "report.stix",
    "dataset.csv",
    "dataset.json",
    "dataset.stix",
    "cases",
    "taxii",
    "admin",
    "admin zip",
]


def channel_of(label: str) -> str:
    """The kind of output a probe reads: the API, a report format, a dataset format, the case pages, TAXII, admin."""
    if not label.startswith("/"):
        return label  # not a GET: the admin's ZIP export
    path, _, query = label.partition("?")
    fmt = dict(pair.split("=", 1) for pair in query.split("&") if "=" in pair).get("format")
    if "/report" in path:
        return f"report.{path.rsplit('.', 1)[1] if '/report.' in path else fmt or 'json'}"
    if path.startswith("/api/v1/dataset"):
        return f"dataset.{path.rsplit('.', 1)[1] if '/dataset.' in path else fmt or 'csv'}"
    return {"api": "api", "cases": "cases", "taxii2": "taxii", "admin": "admin"}.get(path.split("/")[1], "other")
