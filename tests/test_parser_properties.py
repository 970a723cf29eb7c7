"""Property tests for every parser: whatever it is given — random bytes, random JSON, documents of the right
shape with wrong values, mutated copies of small valid documents — it succeeds or fails the documented way
with a message, never with another exception; and an import that fails has written nothing.

The date parsers (news text, EuRepoC, STIX, CFR, MISP, the product's CSV, page metadata) keep their precision
rules; extraction on arbitrary text never crashes, quotes what the text says, and a report store that fails
leaves no rows. FUZZ_SCALE=<factor> runs more examples, from a random seed (CI runs the default, derandomized).
"""

import copy
import csv
import datetime as dt
import io
import json
import os
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from attribution.codebook import DatePrecision, PartyKind
from attribution.dates import format_date, lag_between, sort_key
from attribution.extraction import extract_report
from attribution.extraction.text import find_dates
from incidents.documents import DocumentError, document_from_bytes, parse_date
from incidents.importers import ImportFailure, ImportResult, Progress, cfr, csvdataset, eurepoc
from incidents.importers.actors import import_actors
from incidents.importers.datasets import import_dataset
from incidents.importers.misp import EventError, _event_date, import_misp_event
from incidents.importers.stix import import_stix
from incidents.importers.stix.mapping import _loose_dated, _seen
from incidents.importers.stix.vocab import _Problem

pytestmark = pytest.mark.django_db

SCALE = float(os.environ.get("FUZZ_SCALE", "1"))  # FUZZ_SCALE=20: twenty times the examples, a random seed


def fuzz(examples: int = 25):
    """Bounded, reproducible examples; the `db` fixture is shared by the examples (each rolls back its own)."""
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- Row counts and one import attempt ----------------------------------------------------------------------
def table_counts() -> dict[str, int]:
    """Rows in every table of every model (history and many-to-many tables included), in one query."""
    tables = sorted(
        {model._meta.db_table for model in apps.get_models(include_auto_created=True) if model._meta.managed}
    )
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))


@contextmanager
def undone():
    """Everything written inside is rolled back afterwards, so every example meets the same database."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@dataclass
class Attempt:
    outcome: ImportResult | ImportFailure
    written: dict[str, int]  # rows added (or removed) per table

    def nothing_written_unless(self, imported: int, *, besides: tuple[str, ...] = ()) -> None:
        """An import that imported no item wrote nothing (but the tables `besides`): every item is written
        whole in its own transaction, or not at all."""
        if not imported:
            assert not set(self.written) - set(besides), f"no item imported, yet rows were written: {self.written}"


def attempt(importer, content: bytes, options: dict | None = None) -> Attempt:
    """Run an importer: it returns a result or raises ImportFailure with a message, and then wrote nothing.
    Any other exception fails the property. The database is left as it was found."""
    progress = Progress(lambda percent, message: None)
    with undone():
        before = table_counts()
        try:
            outcome = importer(content, options=dict(options or {}), user=None, progress=progress)
        except ImportFailure as failure:
            assert str(failure).strip(), "an ImportFailure without a message"
            assert all(isinstance(problem, str) and problem for problem in failure.problems)
            outcome = failure
        else:
            assert isinstance(outcome, ImportResult)
            assert all(isinstance(problem, str) and problem.strip() for problem in outcome.problems), outcome.problems
            assert all(isinstance(n, int) and n >= 0 for n in outcome.counts.values()), outcome.counts
            json.dumps(outcome.details)  # stored on the job as JSON
        after = table_counts()
    written = {table: after[table] - before[table] for table in before if after[table] != before[table]}
    if isinstance(outcome, ImportFailure):
        assert not written, f"a refused input wrote rows: {written}"
    return Attempt(outcome, written)


# --- Strategies ---------------------------------------------------------------------------------------------
UUID = "8a4c2b1e-9f3d-4c55-8e0a-1b2c3d4e5f60"
# fmt: off
TRICKY = [
    "", " ", "\x00", "\u202e", "💥", "a" * 300, "2022-07-15", "2022-13-45", "0001-01-01", "9999-12-31", "2999-01-01",
    "2022-07-15T03:00:00.000Z", "2022-07-15T03:00:00Z", "0001-01-01T00:00:00.000Z", "-1", "99999999999999999999999",
    "1e400", "NaN", "null", "[]", "{}", "['Albania', ['Iran']]", "[[[[", "tlp:red", "tlp:amber+strict",
    'misp-galaxy:threat-actor="APT34"', 'estimative-language:likelihood-probability="likely"',
    'admiralty-scale:source-reliability="a"', "https://example.org/a", "http://127.0.0.1/", "javascript:alert(1)",
    "Iran", "Iran (Islamic Republic of)", "Korea (Democratic People's Republic of)", "IR", "XX", "state",
    "government_body", "threat_group", "attributed-to", "Albania; Iran", "3/7/2022", "2/30/2022", "12/31/9999",
    UUID, "G0049", "<script>alert(1)</script>", "Robert'); DROP TABLE incidents;--", "\r\n", '"', "Espionage",
    "Government", "Denial", "Sanctions",
]
# fmt: on
TEXT = st.sampled_from(TRICKY) | st.text(max_size=20)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT
)


def _containers(inner):
    return st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4)


JSON = st.recursive(SCALARS, _containers, max_leaves=12)


def _paths(doc, path=()):
    yield path
    children = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in children:
        yield from _paths(value, (*path, key))


@st.composite
def mutated(draw, doc):
    """A copy of `doc` with one to four of its values replaced (by any JSON value), removed or duplicated."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(list(_paths(doc))))
        if not path:
            doc = draw(JSON)
            continue
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        key, action = path[-1], draw(st.sampled_from(["replace", "replace", "remove", "duplicate"]))
        if action == "replace":
            parent[key] = draw(JSON)
        elif action == "remove":
            del parent[key]
        elif isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        else:
            parent[key] = [parent[key], copy.deepcopy(parent[key])]
    return doc


def as_json(doc) -> bytes:
    return json.dumps(doc).encode()


def deep(depth: int) -> bytes:
    """JSON nested deeper than the decoder (or any recursive reader) goes."""
    return b"[" * depth + b"]" * depth


def flipped(content: bytes):
    """`content` with a few bytes overwritten, inserted or cut."""

    @st.composite
    def build(draw):
        data = bytearray(content)
        for _ in range(draw(st.integers(min_value=1, max_value=6))):
            at = draw(st.integers(min_value=0, max_value=max(len(data) - 1, 0)))
            action = draw(st.sampled_from(["set", "insert", "cut"]))
            if action == "set" and data:
                data[at] = draw(st.integers(0, 255))
            elif action == "insert":
                data[at:at] = draw(st.binary(min_size=1, max_size=8))
            else:
                del data[at : at + draw(st.integers(1, 16))]
        return bytes(data)

    return build()


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


@st.composite
def mutated_table(draw, rows: list[list[str]]):
    """A copy of a CSV table (header first) with cells replaced, rows cut short or given extra cells, a
    column dropped, or a row repeated."""
    rows = [list(row) for row in rows]
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        number = draw(st.integers(min_value=0, max_value=len(rows) - 1))
        row = rows[number]
        action = draw(st.sampled_from(["cell", "cell", "cell", "short", "long", "drop_column", "repeat"]))
        if action == "cell" and row:
            row[draw(st.integers(0, len(row) - 1))] = draw(TEXT)
        elif action == "short" and row:
            del row[draw(st.integers(0, len(row) - 1)) :]
        elif action == "long":
            row.extend(draw(st.lists(TEXT, min_size=1, max_size=3)))
        elif action == "drop_column" and rows[0]:
            column = draw(st.integers(0, len(rows[0]) - 1))
            rows = [r[:column] + r[column + 1 :] for r in rows]
        elif action == "repeat":
            rows.append(list(row))
    return rows


# --- Small valid documents ----------------------------------------------------------------------------------
def sdo(kind: str, number: int, **props) -> dict:
    stamp = "2022-09-07T10:00:00.000Z"
    uuid = f"{number:08d}-0000-4000-8000-{number:012d}"
    return {"type": kind, "spec_version": "2.1", "id": f"{kind}--{uuid}", "created": stamp, "modified": stamp, **props}


def stix_bundle() -> dict:
    """An incident on Albania blamed on a group acting for Iran, Iran's denial, a severance and a vendor report."""
    albania_at = sdo("location", 1, name="Albania", country="AL")
    agency = sdo("identity", 2, name="National Agency", identity_class="organization", sectors=["government-national"])
    iran = sdo("identity", 3, name="Iran", identity_class="organization")
    group = sdo("intrusion-set", 4, name="HomeLand Justice", aliases=["Homeland Justice Team"])
    incident = sdo("incident", 5, name="Attack on Albania", first_seen="2022-07-15T03:00:00.000Z")
    claim = sdo(
        "relationship",
        6,
        relationship_type="attributed-to",
        source_ref=incident["id"],
        target_ref=group["id"],
        created_by_ref=agency["id"],
        confidence=85,
        description="The attack was carried out by HomeLand Justice.",
    )
    located = sdo(
        "relationship", 7, relationship_type="located-at", source_ref=agency["id"], target_ref=albania_at["id"]
    )
    denial = sdo("opinion", 8, opinion="strongly-disagree", object_refs=[claim["id"]], created_by_ref=iran["id"])
    consequence = {
        "kind": "severed_diplomatic_relations",
        "initiated_by_ref": agency["id"],
        "target_ref": iran["id"],
        "announced_on": "2022-09",
        "relies_on_refs": [claim["id"]],
    }
    severance = sdo(
        "note", 9, content="Ties severed.", object_refs=[incident["id"]], x_attribution_consequence=consequence
    )
    report = sdo(
        "report",
        10,
        name="HomeLand Justice strikes",
        published="2022-09-08T00:00:00.000Z",
        report_types=["threat-report"],
        object_refs=[incident["id"], claim["id"]],
        external_references=[{"source_name": "Vendor", "url": "https://vendor.example/report"}],
    )
    objects = [albania_at, agency, iran, group, incident, claim, located, denial, severance, report]
    return {"type": "bundle", "id": f"bundle--{UUID}", "objects": objects}


def misp_event() -> dict:
    return {
        "Event": {
            "uuid": UUID,
            "info": "Wiper attack on a ministry",
            "date": "2022-07-18",
            "Orgc": {"name": "Example Security", "uuid": "11111111-2222-3333-4444-555555555555"},
            "Tag": [{"name": "tlp:green"}, {"name": 'estimative-language:likelihood-probability="likely"'}],
            "Galaxy": [
                {
                    "type": "threat-actor",
                    "GalaxyCluster": [
                        {
                            "type": "threat-actor",
                            "value": "HomeLand Justice",
                            "uuid": "22222222-3333-4444-5555-666666666666",
                            "meta": {"synonyms": ["Homeland Justice Team"], "country": "IR"},
                        }
                    ],
                }
            ],
            "Attribute": [
                {"type": "link", "category": "External analysis", "value": "https://example.org/r", "comment": "c"},
                {"type": "text", "category": "External analysis", "value": "Government services went down."},
                {"type": "url", "category": "Network activity", "value": "http://evil.example/payload"},
            ],
            "Object": [{"name": "report", "Attribute": [{"type": "text", "category": "Other", "value": "x"}]}],
        }
    }


def galaxy() -> dict:
    second = "33333333-4444-5555-6666-777777777777"
    return {
        "type": "threat-actor",
        "name": "Threat Actor",
        "values": [
            {
                "value": "HomeLand Justice",
                "uuid": UUID,
                "description": "Wiper operators[1].",
                "meta": {
                    "synonyms": ["Homeland Justice Team", "HLJ"],
                    "country": "IR",
                    "cfr-suspected-state-sponsor": "Iran (Islamic Republic of)",
                    "refs": ["https://example.org/hlj"],
                    "external_id": "G9999",
                },
                "related": [{"dest-uuid": second, "type": "similar"}],
            },
            {"value": "Storm-0842", "uuid": second, "meta": {"synonyms": ["HLJ"]}},
        ],
    }


CFR_HEADER = ["Title", "Date", "Affiliations", "Description", "Response", "Victims", "Sponsor", "Type", "Category"]
# fmt: off
CFR_TABLE = [
    [*CFR_HEADER, "Sources_1", "Sources_2"],
    ["Attack on Albanian government services", "7/15/2022", "HomeLand Justice", "A wiper hit e-services.",
     "Denial https://mfa.ir/statement", "Albania", "Iran (Islamic Republic of)", "Sabotage, Data destruction",
     "Government", "https://news.example.org/a", "https://vendor.example.com/r"],
    ["Espionage on a ministry", "1/20/2022", "APT 99", "", "Sanctions https://home.treasury.gov/x",
     "Germany, Ministry", "China", "Espionage", "Government, Private sector", "", ""],
]
EUREPOC_GLOBAL = [
    ["ID", "name", "description", "start_date", "end_date", "incident_type", "receiver_name", "receiver_country",
     "receiver_category", "initiator_country", "number_of_political_responses", "political_response_date",
     "political_response_type", "political_response_type_subcode", "political_response_country",
     "political_response_actor", "number_of_legal_responses", "sources_url"],
    ["7", "Hackers disrupted a ministry", "A disruption.", "2022-07-15", "2022-07-21",
     "Disruption; Data theft & Doxing", "[['Ministry of Things'], ['Government']]", "['Albania', 'Albania']",
     "[['State institutions / political system']]", "['Iran, Islamic Republic of']", "1", "2022-09-06",
     "State Actors: Stabilizing measures", "Statement by head of state/head of government", "Albania",
     "Albanian Government", "0", "['https://news.example.org/a']"],
]
EUREPOC_CLAIMS = [
    ["incident_ID", "attribution_ID", "attribution_date", "attribution_type", "attribution_basis",
     "attributing_actor", "attributing_country", "attributed_initiator", "attributed_initiator_country",
     "attributed_initiator_category"],
    ["7", "24.0", "2022-09-07", "Political statement / report (e.g., on government / state agency websites)",
     "Attribution by receiver government / state entity", "Edi Rama (Prime Minister)", "Albania",
     "HomeLand Justice", "Iran, Islamic Republic of", "State"],
    ["7", "24.0", "2022-09-07", "Political statement / report (e.g., on government / state agency websites)",
     "Attribution by third-party", "Council of ministers", "Albania", "HomeLand Justice",
     "Iran, Islamic Republic of", "State"],
]
# fmt: on


def eurepoc_zip(global_rows: list[list[str]], claim_rows: list[list[str]] | None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("EuRepoC_Global_Database.csv", csv_bytes(global_rows))
        if claim_rows is not None:
            zipped.writestr("EuRepoC_Attribution_dataset.csv", csv_bytes(claim_rows))
    return buffer.getvalue()


# --- Every importer on random bytes and random JSON ---------------------------------------------------------
IMPORTERS = {
    "actors": (import_actors, {}),
    "stix": (import_stix, {}),
    "misp_event": (import_misp_event, {}),
    "csv": (import_dataset, {"format": "csv"}),
    "cfr": (import_dataset, {"format": "cfr"}),
    "eurepoc": (import_dataset, {"format": "eurepoc"}),
}


# How many items (actors, STIX objects, events, rows) an import took in; the tables written besides its items.
IMPORTED = {
    "actors": lambda result: sum(result.counts[key] for key in ("created", "updated", "unchanged")),
    "stix": lambda result: sum(result.details.get("imported", {}).values()),
    "misp_event": lambda result: len(result.details.get("imported", [])),
    "csv": lambda result: result.counts["rows"],
    "cfr": lambda result: result.details.get("imported", 0),
    "eurepoc": lambda result: result.counts["rows"],
}
BESIDES = {"eurepoc": ("incidents_source", "incidents_historicalsource")}  # the dataset's own source record


def imported(kind: str, done: Attempt) -> ImportResult | ImportFailure:
    """The attempt's outcome, once checked that an import which took in no item wrote nothing."""
    if isinstance(done.outcome, ImportResult):
        done.nothing_written_unless(IMPORTED[kind](done.outcome), besides=BESIDES.get(kind, ()))
    return done.outcome


@pytest.fixture
def offline_validator(monkeypatch):
    """stix2-validator must never go online (the importer turns its remote checks off)."""
    import stix2validator.validator

    def refuse(*args, **kwargs):
        raise AssertionError("the STIX validator tried to go online")

    monkeypatch.setattr(stix2validator.validator.requests, "get", refuse)


@pytest.mark.parametrize("kind", list(IMPORTERS))
@fuzz()
@given(content=st.binary(max_size=400) | JSON.map(as_json))
@example(content=deep(100_000))
@example(content=b'{"values": ' + deep(5_000) + b"}")
@example(content=b"\xef\xbb\xbf")
def test_any_bytes_or_json_are_imported_or_refused_with_a_message(kind, content, offline_validator):
    importer, options = IMPORTERS[kind]
    imported(kind, attempt(importer, content, options))


# --- JSON importers: documents of the right shape with wrong values, and mutated valid documents ------------
# fmt: off
STIX_TYPES = [
    "location", "identity", "intrusion-set", "threat-actor", "incident", "campaign", "report", "opinion", "note",
    "relationship", "malware", "marking-definition", "x-custom",
]
# fmt: on
STIX_ID = st.builds(
    lambda kind, n: f"{kind}--{n:08d}-0000-4000-8000-{n:012d}", st.sampled_from(STIX_TYPES), st.integers(1, 6)
)
STAMP = st.sampled_from(["2022-09-07T10:00:00.000Z", "2022-07-01T05:00:00.000Z", "1900-01-01T00:00:00.000Z"]) | TEXT
STIX_OBJECT = st.builds(
    lambda kind, n, props: {**sdo(kind, n), **props},
    st.sampled_from(STIX_TYPES),
    st.integers(1, 6),
    st.fixed_dictionaries(
        {},
        optional={
            "name": TEXT,
            "country": st.sampled_from(["AL", "IR", "XX", "al"]) | TEXT,
            "identity_class": st.sampled_from(["organization", "individual", "class"]),
            "sectors": st.lists(st.sampled_from(["government-national", "technology", "defense"]), max_size=2),
            "aliases": st.lists(TEXT, max_size=3),
            "first_seen": STAMP,
            "last_seen": STAMP,
            "x_attribution_date_precision": st.dictionaries(st.sampled_from(["first_seen", "last_seen"]), TEXT),
            "relationship_type": st.sampled_from(["attributed-to", "targets", "located-at", "duplicate-of", "uses"]),
            "source_ref": STIX_ID,
            "target_ref": STIX_ID,
            "created_by_ref": STIX_ID,
            "object_refs": st.lists(STIX_ID, min_size=1, max_size=3),
            "object_marking_refs": st.lists(
                st.sampled_from(["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"])
            ),
            "confidence": st.integers(-5, 105),
            "opinion": st.sampled_from(["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]),
            "published": STAMP,
            "report_types": st.just(["threat-report"]),
            "content": TEXT,
            "description": TEXT,
            "external_references": st.lists(
                st.fixed_dictionaries({"source_name": TEXT}, optional={"url": TEXT, "external_id": TEXT}), max_size=2
            ),
            "x_attribution_consequence": st.dictionaries(
                st.sampled_from(
                    [
                        "kind",
                        "initiated_by_ref",
                        "target_ref",
                        "announced_on",
                        "effective_on",
                        "status",
                        "relies_on_refs",
                    ]
                ),
                TEXT | STIX_ID | st.lists(STIX_ID, max_size=2),
            ),
        },
    ),
)


@fuzz()
@given(
    bundle=st.builds(
        lambda objects: {"type": "bundle", "id": f"bundle--{UUID}", "objects": objects},
        st.lists(STIX_OBJECT, max_size=8),
    )
    | mutated(stix_bundle())
)
@example(bundle={**stix_bundle(), "objects": [{**sdo("identity", 2, name="x"), "created": None}]})  # validator crashed
def test_a_stix_bundle_of_wrong_values_imports_or_is_refused_whole(bundle, offline_validator):
    imported("stix", attempt(import_stix, as_json(bundle)))


def test_the_valid_stix_bundle_imports(offline_validator):
    """The document the mutations start from is itself sound (else they would test only refusals)."""
    result = attempt(import_stix, as_json(stix_bundle())).outcome
    assert isinstance(result, ImportResult) and result.counts["created"] > 5 and not result.problems, result


MISP_TAGS = (
    st.sampled_from(
        [
            "tlp:red",
            "tlp:white",
            "TLP:AMBER",
            'misp-galaxy:threat-actor="Sofacy"',
            'admiralty-scale:information-credibility="2"',
            'osint:source-type="blog-post"',
        ]
    )
    | TEXT
)
MISP_ATTRIBUTE = st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(["link", "url", "text", "comment"]) | JSON,
        "category": st.sampled_from(["External analysis", "Network activity"]) | JSON,
        "value": TEXT | JSON,
        "comment": TEXT | JSON,
        "deleted": st.booleans() | JSON,
        "Tag": st.lists(st.fixed_dictionaries({"name": MISP_TAGS})) | JSON,
    },
)
MISP_EVENT = st.fixed_dictionaries(
    {"uuid": st.just(UUID) | TEXT, "info": TEXT | JSON},
    optional={
        "date": TEXT | JSON,
        "publish_timestamp": st.integers(-(2**65), 2**65).map(str) | JSON,
        "Orgc": st.fixed_dictionaries({}, optional={"name": TEXT | JSON, "uuid": st.just(UUID) | TEXT}) | JSON,
        "Org": JSON,
        "Tag": st.lists(st.fixed_dictionaries({"name": MISP_TAGS})) | JSON,
        "EventTag": st.lists(st.fixed_dictionaries({"Tag": st.fixed_dictionaries({"name": MISP_TAGS})})) | JSON,
        "Galaxy": st.lists(
            st.fixed_dictionaries(
                {"type": st.sampled_from(["threat-actor", "mitre-intrusion-set", "tool"]) | JSON},
                optional={
                    "GalaxyCluster": st.lists(
                        JSON
                        | st.fixed_dictionaries(
                            {"value": TEXT | JSON}, optional={"uuid": TEXT, "meta": JSON, "type": TEXT}
                        ),
                        max_size=3,
                    )
                },
            ),
            max_size=2,
        )
        | JSON,
        "Attribute": st.lists(MISP_ATTRIBUTE, max_size=4) | JSON,
        "Object": st.lists(
            st.fixed_dictionaries(
                {}, optional={"Attribute": st.lists(MISP_ATTRIBUTE, max_size=2) | JSON, "deleted": JSON}
            )
        )
        | JSON,
        "EventReport": st.lists(st.fixed_dictionaries({}, optional={"content": TEXT | JSON, "deleted": JSON})) | JSON,
    },
)


@fuzz()
@given(
    document=MISP_EVENT.map(lambda event: {"Event": event})
    | st.lists(MISP_EVENT, min_size=1, max_size=3).map(lambda events: {"response": [{"Event": e} for e in events]})
    | mutated(misp_event())
)
@example(document={"Event": {**misp_event()["Event"], "Attribute": True, "Tag": 7, "Galaxy": [{"GalaxyCluster": 1}]}})
def test_a_misp_event_of_wrong_values_imports_or_is_refused_whole(document):
    imported("misp_event", attempt(import_misp_event, as_json(document)))


def test_the_valid_misp_event_imports():
    result = attempt(import_misp_event, as_json(misp_event())).outcome
    assert isinstance(result, ImportResult) and result.counts["created"] > 3 and not result.problems, result


GALAXY_VALUE = st.fixed_dictionaries(
    {
        "value": TEXT | JSON,
        "uuid": st.sampled_from([UUID, UUID.upper(), "33333333-4444-5555-6666-777777777777"]) | TEXT,
    },
    optional={
        "description": TEXT | JSON,
        "meta": st.fixed_dictionaries(
            {},
            optional={
                "synonyms": st.lists(TEXT, max_size=4) | JSON,
                "country": TEXT | JSON,
                "cfr-suspected-state-sponsor": TEXT | JSON,
                "refs": st.lists(TEXT, max_size=3) | JSON,
                "external_id": TEXT | JSON,
            },
        )
        | JSON,
        "related": st.lists(
            st.fixed_dictionaries({"dest-uuid": st.just(UUID) | TEXT, "type": st.just("similar") | TEXT})
        )
        | JSON,
    },
)


@fuzz()
@given(
    document=st.fixed_dictionaries({"values": st.lists(GALAXY_VALUE, max_size=5)}, optional={"type": TEXT | JSON})
    | mutated(galaxy())
)
def test_a_galaxy_of_wrong_values_imports_or_is_refused_whole(document):
    imported("actors", attempt(import_actors, as_json(document)))


def test_the_valid_galaxy_imports():
    result = attempt(import_actors, as_json(galaxy())).outcome
    assert isinstance(result, ImportResult) and result.counts["created"] == 2 and not result.problems, result


# --- Datasets: the product's CSV, CFR, EuRepoC --------------------------------------------------------------
@pytest.fixture
def exported_table(demo, owner) -> list[list[str]]:
    """The demo case as the product's dataset CSV (export_dataset --format csv), as rows of cells."""
    from incidents.datasets import csv_lines, dataset_incidents
    from incidents.models import Incident

    text = "".join(csv_lines(dataset_incidents(Incident.objects.filter(pk=demo.pk), user=owner)))
    return list(csv.reader(io.StringIO(text)))


@st.composite
def mutated_export(draw, table: list[list[str]]):
    """The export with cells changed; a JSON cell (claims, reactions, consequences, sources) mutated as JSON."""
    rows = [list(row) for row in table]
    row = rows[1]
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        column = draw(st.integers(0, len(row) - 1))
        try:
            value = json.loads(row[column])
        except ValueError:
            row[column] = draw(TEXT)
        else:
            row[column] = json.dumps(draw(mutated(value)))
    return draw(mutated_table(rows)) if draw(st.booleans()) else rows


@pytest.mark.parametrize("strict", [False, True])
@fuzz()
@given(data=st.data())
def test_the_products_csv_with_wrong_cells_imports_row_by_row_or_is_refused_whole(data, strict, exported_table):
    rows = data.draw(mutated_export(exported_table))
    outcome = imported("csv", attempt(import_dataset, csv_bytes(rows), {"format": "csv", "strict": strict}))
    assert not (strict and isinstance(outcome, ImportResult) and outcome.problems)  # strict: all or nothing


@pytest.mark.parametrize("strict", [False, True])
@fuzz()
@given(rows=mutated_table(CFR_TABLE))
def test_a_cfr_table_with_wrong_cells_imports_row_by_row_or_is_refused_whole(rows, strict):
    outcome = imported("cfr", attempt(import_dataset, csv_bytes(rows), {"format": "cfr", "strict": strict}))
    assert not (strict and isinstance(outcome, ImportResult) and outcome.problems)


@fuzz()
@given(
    global_rows=mutated_table(EUREPOC_GLOBAL),
    claim_rows=st.none() | mutated_table(EUREPOC_CLAIMS),
    packed=st.booleans(),
    strict=st.booleans(),
)
@example(  # cells beyond the header (a broken quote) crashed the reading of claims
    global_rows=[EUREPOC_GLOBAL[0], [*EUREPOC_GLOBAL[1], "extra"]],
    claim_rows=[EUREPOC_CLAIMS[0], [*EUREPOC_CLAIMS[1], "extra"], EUREPOC_CLAIMS[2][:3]],
    packed=True,
    strict=False,
)
def test_eurepoc_tables_with_wrong_cells_import_row_by_row_or_are_refused_whole(
    global_rows, claim_rows, packed, strict
):
    content = eurepoc_zip(global_rows, claim_rows) if packed or claim_rows else csv_bytes(global_rows)
    outcome = imported("eurepoc", attempt(import_dataset, content, {"format": "eurepoc", "strict": strict}))
    assert not (strict and isinstance(outcome, ImportResult) and outcome.problems)


def damaged(position: int) -> bytes:
    data = bytearray(eurepoc_zip(EUREPOC_GLOBAL, EUREPOC_CLAIMS))
    data[position] = 0xFF
    return bytes(data)


@fuzz()
@given(content=flipped(eurepoc_zip(EUREPOC_GLOBAL, EUREPOC_CLAIMS)))
@example(content=damaged(28))  # headers damaged so that zipfile raised zlib.error, EOFError,
@example(content=damaged(29))  # NotImplementedError and ValueError (not BadZipFile): each crashed the import
@example(content=damaged(769))
@example(content=damaged(929))
def test_a_damaged_eurepoc_archive_imports_or_is_refused_whole(content):
    imported("eurepoc", attempt(import_dataset, content, {"format": "eurepoc"}))


@pytest.mark.parametrize(
    ("kind", "content"),
    [("csv", None), ("cfr", csv_bytes(CFR_TABLE)), ("eurepoc", eurepoc_zip(EUREPOC_GLOBAL, EUREPOC_CLAIMS))],
    ids=["csv", "cfr", "eurepoc"],
)
def test_the_valid_tables_import(kind, content, exported_table):
    if content is None:  # the export of the demo case, its slug changed so that it is a new incident
        rows = [list(row) for row in exported_table]
        rows[1][rows[0].index("slug")] = "a-new-incident-2022"
        content = csv_bytes(rows)
    result = attempt(import_dataset, content, {"format": kind}).outcome
    assert isinstance(result, ImportResult) and result.counts["created"] > 0 and not result.problems, result


# --- Dates with precision -----------------------------------------------------------------------------------
# fmt: off
DATE_WORDS = [
    "15 July 2022", "July 15th, 2022", "July 15", "15 July", "Sept. 3", "May", "may", "in May 2021", "31 February",
    "Feb 29", "29 February 2021", "1 Jan", "Monday", "on Sunday", "yesterday", "today", "last week", "last month",
    "last year", "December of 2015", "2022", "0 March", "99 June 2022",
]
# fmt: on
DATE_TEXT = st.lists(st.sampled_from(DATE_WORDS) | st.text(max_size=8), max_size=8).map(" ".join)
PUBLISHED = st.none() | st.dates() | st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 31)])


@fuzz(200)
@given(text=DATE_TEXT, published=PUBLISHED)
@example(text="yesterday, last month, last year and on Monday", published=dt.date.min)
def test_dates_in_news_text_are_real_days_at_their_stated_precision(text, published):
    for found in find_dates(text, published):
        assert 0 <= found.start < found.end <= len(text)
        assert found.precision in ("day", "month", "year")
        if found.precision == "month":
            assert found.value.day == 1
        if found.precision == "year":
            assert (found.value.month, found.value.day) == (1, 1)
        span = text[found.start : found.end]
        if published is not None and not any(char.isdigit() and len(span) >= 4 for char in span[-4:]):
            assert found.value <= published, (span, found, published)  # no year written: not after publication


@fuzz(200)
@given(value=TEXT | st.dates().map(str) | st.datetimes().map(lambda moment: moment.isoformat() + "Z"))
def test_a_metadata_date_is_read_or_ignored(value):
    assert parse_date(value) is None or isinstance(parse_date(value), dt.date)


@fuzz(200)
@given(value=JSON | STAMP | st.datetimes().map(lambda moment: moment.isoformat() + "Z"), hint=JSON)
def test_a_stix_timestamp_gives_a_date_with_its_precision_or_none(value, hint):
    day, precision = _seen(value, hint)
    assert (day is None) == (precision == DatePrecision.UNKNOWN)
    if precision == DatePrecision.MONTH:
        assert day.day == 1
    if precision == DatePrecision.YEAR:
        assert (day.month, day.day) == (1, 1)


@fuzz(200)
@given(value=JSON | st.sampled_from(["2022", "2022-07", "2022-02-30", "0000", "2022-00", "2022-07-15"]))
def test_a_stix_consequence_date_is_read_at_its_written_precision_or_refused(value):
    try:
        dated = _loose_dated("announced_on", value)
    except _Problem as problem:
        assert "announced_on" in str(problem)
        return
    day, precision = dated["announced_on"], dated["announced_on_precision"]
    assert (day is None) == (precision == DatePrecision.UNKNOWN)


@fuzz(200)
@given(value=TEXT | st.dates().map(str), timestamp=JSON)
def test_a_misp_event_date_is_a_day_or_refused_with_a_reason(value, timestamp):
    try:
        day = _event_date({"date": value, "publish_timestamp": timestamp})
    except EventError as error:
        assert "date" in str(error)
    else:
        assert day is None or isinstance(day, dt.date)


SLASHED = st.builds(lambda m, d, y: f"{m}/{d}/{y}", st.integers(0, 13), st.integers(0, 32), st.integers(0, 10000))


@fuzz(200)
@given(value=TEXT | SLASHED)
def test_a_cfr_date_is_a_past_day_or_refused_with_a_reason(value):
    try:
        day = cfr._reported(value)
    except cfr.RowError as error:
        assert "date" in str(error)
    else:
        assert day <= dt.date.today() + dt.timedelta(days=1)  # (the server's day may be ahead of UTC)


@fuzz(200)
@given(value=TEXT | st.dates().map(str) | st.datetimes().map(str))
def test_a_eurepoc_date_keeps_the_precision_its_form_implies(value):
    day, precision = eurepoc._date(value)
    assert (day is None) == (precision == DatePrecision.UNKNOWN)
    if day is not None:
        assert precision == ("year" if (day.month, day.day) == (1, 1) else "month" if day.day == 1 else "day")


@fuzz(200)
@given(value=st.none() | TEXT | st.dates().map(str) | st.datetimes().map(str))
def test_a_dataset_csv_date_is_read_or_refused_with_the_value_in_the_message(value):
    for parse in (csvdataset._date, csvdataset._moment):
        try:
            parsed = parse(value)
        except ValueError as error:
            assert repr(value.strip()) in str(error)
        else:
            assert parsed is None or isinstance(parsed, dt.date)


PRECISIONS = st.sampled_from(list(DatePrecision.values))


@fuzz(200)
@given(anchor=st.dates(), anchor_precision=PRECISIONS, when=st.dates(), precision=PRECISIONS)
def test_formatting_and_lags_never_claim_more_precision_than_the_dates_have(anchor, anchor_precision, when, precision):
    text = format_date(when, precision)
    if precision == DatePrecision.YEAR:
        assert text == str(when.year)
    if precision in (DatePrecision.DAY, DatePrecision.MONTH):
        assert str(when.year) in text and (precision == DatePrecision.DAY) == text[0].isdigit()
    known = {DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR}
    if anchor_precision in known and precision in known:
        lag = lag_between(anchor, anchor_precision, when, precision)
        assert lag.text
        both_days = anchor_precision == precision == DatePrecision.DAY
        assert (lag.days is not None) == both_days
        if both_days:
            assert lag.days == (when - anchor).days
    assert sort_key(when, precision) < sort_key(None, precision)


# --- Extraction and the report store ------------------------------------------------------------------------
# fmt: off
NEWS_WORDS = [
    "Albania", "Iran", "Iranian", "Tehran", "the United States", "Microsoft", "MOIS", "APT34", "NATO",
    "HomeLand Justice", "blamed", "attributed the attack to", "denied", "rejected the accusation as baseless",
    "said", "on Monday", "last week", "on 15 July", "in July 2022", "sanctions on", "expelled",
    "severed diplomatic ties with", "cyberattack", "hackers", '"', "“", "”", ".", ",", "\n", "\n\n", "no evidence",
    "the ministry said", "he added", "Foreign Ministry spokesman Nasser Kanaani", "charged", "indicted",
    "officers of", "on behalf of", "pro-Russian", "Feb. 30", "yesterday", "held", "responsible", "was blamed on",
    "the ambassador was summoned", "Mr.", "e.g.", "—", "(", ")", "'s",
]
# fmt: on
NEWS_TEXT = st.lists(st.sampled_from(NEWS_WORDS) | st.text(max_size=6), max_size=60).map(" ".join)
PARTY_KINDS = set(PartyKind.values)


def assert_sound_extraction(text: str, result) -> None:
    document = json.loads(json.dumps(result.as_dict()))  # JSON-ready, as --dry-run prints it
    statements = [*document["attributions"], *document["reactions"], *document["consequences"]]
    for item in statements:
        assert text[item["quote_start"] : item["quote_end"]] == item["quote"], item
        for key in ("made_by", "attributed_to", "party", "initiated_by", "target"):
            party = item.get(key)
            if party is not None:
                assert party["name"].strip() and party["kind"] in PARTY_KINDS, party
                assert party["country"] is None or len(party["country"]) == 2, party
    for incident in document["incidents"]:
        assert incident["date_precision"] in ("day", "month", "year")


@fuzz(60)
@given(text=NEWS_TEXT | st.text(max_size=300), published=PUBLISHED)
@example(text="Albania blamed Iran yesterday.\n\nIran denied it last month, on Monday.", published=dt.date.min)
@example(text="Albania blamed Iran on 31 December.", published=dt.date.max)
@example(text="The cyberattack on 1 January hit Albania.", published=dt.date(1, 1, 2))
def test_extraction_on_any_text_quotes_the_text_and_is_deterministic(text, published):
    first = extract_report(text, published=published)
    assert_sound_extraction(text, first)
    assert extract_report(text, published=published).as_dict() == first.as_dict()


@fuzz(30)
@given(text=NEWS_TEXT, published=PUBLISHED)
def test_storing_the_extraction_of_any_text_writes_all_of_it_or_nothing(text, published):
    from incidents.importing import extract_from, read_report, report_store

    with undone():
        before = table_counts()
        try:
            report = read_report(text=text, published=published)
            report_store(report, extract_from(report))
        except ValidationError as error:  # the documented refusal (a future date, a rule of the models)
            assert error.messages
            assert table_counts() == before


@fuzz()
@given(
    content=st.binary(max_size=300) | NEWS_TEXT.map(str.encode),
    name=st.sampled_from(["report.txt", "report.html", "report.pdf", "report"]),
)
def test_an_uploaded_report_is_read_or_refused_with_a_message(content, name):
    try:
        document = document_from_bytes(content, name=name)
    except DocumentError as error:
        assert str(error).strip()
    else:
        assert isinstance(document.text, str)
