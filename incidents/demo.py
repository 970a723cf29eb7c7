"""The demo case: the July 2022 cyberattack on Albania's government, as structured and sourced data.

Facts, short quotes of officials and source metadata only (no article is copied). Quotes from the
news report carry their character offsets in that report's text, which is not stored here.
`load_demo` (see `demo_load`) loads it idempotently: a second run changes nothing.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import models, transaction

from attribution.codebook import ReviewStatus, Tlp
from attribution.models import Attribution, Consequence, Party, PartyAlias, Reaction
from attribution.normalize import normalize_name
from attribution.services import save_with_history
from incidents.models import CaseNote, Incident, IncidentSource, Source
from incidents.urlnorm import normalize_url

D = dt.date

PARTIES = [
    # key, name, kind, country, parent, aliases, description
    ("AL", "Albania", "state", "AL", None, ["Republic of Albania"], ""),
    ("AL-GOV", "Government of Albania", "government_body", "AL", "AL", ["Council of Ministers of Albania"], ""),
    (
        "AL-MOI",
        "Ministry of Interior of Albania",
        "government_body",
        "AL",
        "AL-GOV",
        ["Albanian Interior Ministry"],
        "",
    ),
    ("RAMA", "Edi Rama", "person", "AL", "AL-GOV", [], "Prime Minister of Albania."),
    ("IR", "Iran", "state", "IR", None, ["Islamic Republic of Iran", "Iran, Islamic Republic of"], ""),
    (
        "IR-MFA",
        "Ministry of Foreign Affairs of Iran",
        "government_body",
        "IR",
        "IR",
        ["Iranian Foreign Ministry", "Iran's foreign ministry"],
        "",
    ),
    (
        "KANAANI",
        "Nasser Kanaani",
        "person",
        "IR",
        "IR-MFA",
        ["Nasser Kanani"],
        "Spokesman of Iran's Ministry of Foreign Affairs.",
    ),
    (
        "MOIS",
        "Ministry of Intelligence and Security",
        "government_body",
        "IR",
        "IR",
        ["MOIS", "Ministry of Intelligence of Iran", "VAJA"],
        "Iran's civilian intelligence ministry.",
    ),
    ("KHATIB", "Esmail Khatib", "person", "IR", "MOIS", [], "Iran's Minister of Intelligence."),
    (
        "HLJ",
        "HomeLand Justice",
        "threat_group",
        "IR",
        "IR",
        [],
        "Persona that claimed the attacks on Albania and leaked stolen government data; said to act for Iran.",
    ),
    ("US", "United States", "state", "US", None, ["United States of America", "USA", "US"], ""),
    (
        "NSC",
        "National Security Council",
        "government_body",
        "US",
        "US",
        ["NSC", "White House National Security Council"],
        "",
    ),
    ("WATSON", "Adrienne Watson", "person", "US", "NSC", [], "Spokeswoman of the US National Security Council."),
    ("TREASURY", "US Department of the Treasury", "government_body", "US", "US", ["Treasury", "US Treasury"], ""),
    ("GB", "United Kingdom", "state", "GB", None, ["UK", "Britain", "Great Britain"], ""),
    ("NCSC", "National Cyber Security Centre", "government_body", "GB", "GB", ["NCSC", "UK NCSC"], ""),
    ("MICROSOFT", "Microsoft", "company", "US", None, ["Microsoft Corporation"], ""),
    ("MANDIANT", "Mandiant", "company", "US", None, [], ""),
    (
        "NATO",
        "NATO",
        "international_org",
        "",
        None,
        ["North Atlantic Treaty Organization", "North Atlantic Council"],
        "",
    ),
    (
        "MEK",
        "Mujahedin-e Khalq",
        "other",
        "",
        None,
        ["MEK", "Mujahideen e Khalq", "People's Mojahedin Organization of Iran", "PMOI"],
        "Iranian exile opposition group; about 3,000 members live at the Ashraf 3 camp in Albania.",
    ),
]

SEED_TITLE = "Iran decries Albania's move to snap diplomatic ties"
SOURCES = [
    # key, url, title, publisher, kind, published_on
    ("SEED", None, SEED_TITLE, "", "news", D(2022, 9, 7)),
    (
        "MANDIANT",
        None,
        "Likely Iranian Threat Actor Conducts Politically Motivated Disruptive Activity Against Albanian "
        "Government Organizations",
        "Mandiant",
        "vendor_report",
        D(2022, 8, 4),
    ),
    (
        "RAMA",
        None,
        "Statement by Prime Minister Edi Rama on the cyberattack of 15 July 2022",
        "Government of Albania",
        "government_statement",
        D(2022, 9, 7),
    ),
    (
        "NSC",
        "https://www.whitehouse.gov/briefing-room/statements-releases/2022/09/07/"
        "statement-by-nsc-spokesperson-adrienne-watson-on-irans-cyberattack-against-albania/",
        "Statement by NSC Spokesperson Adrienne Watson on Iran's Cyberattack against Albania",
        "The White House",
        "government_statement",
        D(2022, 9, 7),
    ),
    (
        "UK",
        None,
        "UK statement attributing the cyberattack on Albania to Iranian state-linked actors",
        "UK Foreign, Commonwealth & Development Office",
        "government_statement",
        D(2022, 9, 7),
    ),
    (
        "MICROSOFT",
        "https://www.microsoft.com/en-us/security/blog/2022/09/08/"
        "microsoft-investigates-iranian-attacks-against-the-albanian-government/",
        "Microsoft investigates Iranian attacks against the Albanian government",
        "Microsoft Security Blog",
        "vendor_report",
        D(2022, 9, 8),
    ),
    (
        "NATO",
        None,
        "Statement by the North Atlantic Council concerning the malicious cyber activities against Albania",
        "NATO",
        "government_statement",
        D(2022, 9, 8),
    ),
    (
        "TREASURY",
        "https://home.treasury.gov/news/press-releases/jy0941",
        "Treasury Sanctions Iranian Ministry of Intelligence and Minister for Malign Cyber Activities",
        "US Department of the Treasury",
        "government_statement",
        D(2022, 9, 9),
    ),
    (
        "AL-MOI",
        None,
        "Albanian Interior Ministry statement on the cyberattack on the border-control system (TIMS)",
        "Ministry of Interior of Albania",
        "government_statement",
        D(2022, 9, 10),
    ),
]

JULY = "albania-government-cyberattack-2022-07"
TIMS = "albania-border-control-cyberattack-2022-09"
INCIDENTS = [
    {
        "slug": JULY,
        "title": "Cyberattack on Albanian government services",
        "summary": (
            "On 15 July 2022 a destructive cyberattack brought Albanian government services to a halt, "
            "among them the e-Albania portal and many government websites. The attackers deployed ransomware "
            "and a disk wiper and stole government data, which a persona calling itself HomeLand Justice "
            "later leaked. After an investigation Albania attributed the attack to Iran on 7 September 2022 "
            "and severed diplomatic relations; the United States, the United Kingdom, Microsoft and NATO "
            "backed the attribution, and Iran denied it."
        ),
        "started_on": D(2022, 7, 15),
        "detected_on": D(2022, 7, 15),
        "types": ["disruption", "ransomware", "wiper", "data_theft"],
        "victim_countries": ["AL"],
        "target_categories": ["state_institutions"],
        "sector": "Government services (e-Albania portal, government websites)",
        "victims": ["AL-GOV"],
        "status": "contested",
        "severity": 5,
        "sources": ["SEED", "MANDIANT", "RAMA", "NSC", "UK", "MICROSOFT", "NATO", "TREASURY"],
    },
    {
        "slug": TIMS,
        "title": "Cyberattack on Albania's border-control system (TIMS)",
        "summary": (
            "On 9 September 2022 a cyberattack disrupted TIMS, the information system Albania's state police "
            "use to control the border. On 10 September the Interior Ministry attributed it to the same "
            "Iranian actors as the July attack on government services."
        ),
        "started_on": D(2022, 9, 9),
        "types": ["disruption"],
        "victim_countries": ["AL"],
        "target_categories": ["state_institutions"],
        "sector": "Border control (state police)",
        "victims": ["AL-MOI"],
        "status": "attributed",
        "severity": 3,
        "sources": ["AL-MOI"],
    },
]
RELATED = [(JULY, TIMS)]

ATTRIBUTIONS = [
    {
        "key": "MANDIANT",
        "incident": JULY,
        "made_by": "MANDIANT",
        "attributed_to": "IR",
        "source": "MANDIANT",
        "stated_on": D(2022, 8, 4),
        "attributor_type": "security_company",
        "channel": "technical_report",
        "level": "technical_cluster",
        "basis": ["technical_forensics", "malware"],
        "confidence_text": "moderate confidence",
        "confidence": "likely",
        "note": "Iran-aligned threat actors, not named as a state body.",
    },
    {
        "key": "ALBANIA",
        "incident": JULY,
        "made_by": "AL",
        "attributed_to": "IR",
        "source": "SEED",
        "speaker": "RAMA",
        "stated_on": D(2022, 9, 7),
        "attributor_type": "victim_government",
        "channel": "statement_with_measures",
        "level": "state",
        "basis": ["investigation"],
        "quote": "an investigation found that the attack was “orchestrated and sponsored by the Islamic Republic of "
        "Iran” with involvement of “four groups.”",
        "quote_start": 1178,
    },
    {
        "key": "US",
        "incident": JULY,
        "made_by": "NSC",
        "attributed_to": "IR",
        "source": "SEED",
        "speaker": "WATSON",
        "stated_on": D(2022, 9, 7),
        "attributor_type": "third_party_government",
        "channel": "political_statement",
        "level": "state",
        "basis": ["unstated"],
        "quote": "The US also blamed Iran for the July 15 cyberattack and hacking operations against Albania.",
        "quote_start": 1318,
    },
    {
        "key": "UK",
        "incident": JULY,
        "made_by": "NCSC",
        "attributed_to": "IR",
        "source": "UK",
        "stated_on": D(2022, 9, 7),
        "attributor_type": "third_party_government",
        "channel": "political_statement",
        "level": "state",
        "basis": ["intelligence"],
        "confidence_text": "almost certainly",
        "confidence": "almost_certain",
        "note": "Iranian state-linked actors.",
    },
    {
        "key": "MICROSOFT",
        "incident": JULY,
        "made_by": "MICROSOFT",
        "attributed_to": "MOIS",
        "source": "MICROSOFT",
        "stated_on": D(2022, 9, 8),
        "attributor_type": "security_company",
        "channel": "technical_report",
        "level": "state_body",
        "basis": ["technical_forensics", "infrastructure", "malware"],
        "confidence_text": "moderate confidence",
        "confidence": "likely",
        "note": "Actors linked to Iran's Ministry of Intelligence and Security.",
    },
    {
        "key": "NATO",
        "incident": JULY,
        "made_by": "NATO",
        "attributed_to": "IR",
        "source": "NATO",
        "stated_on": D(2022, 9, 8),
        "stance": "endorses",
        "attributor_type": "international_org",
        "channel": "political_statement",
        "level": "state",
        "basis": ["unstated"],
        "note": "The North Atlantic Council acknowledged the allies' attributions.",
    },
    {
        "key": "TIMS",
        "incident": TIMS,
        "made_by": "AL-MOI",
        "attributed_to": "IR",
        "source": "AL-MOI",
        "stated_on": D(2022, 9, 10),
        "attributor_type": "victim_government",
        "channel": "political_statement",
        "level": "state",
        "basis": ["investigation"],
        "note": "The same Iranian actors as in the July attack.",
    },
]

REACTIONS = [
    {
        "incident": JULY,
        "party": "IR",
        "stance": "denial",
        "answers": "ALBANIA",
        "source": "SEED",
        "speaker": "KANAANI",
        "stated_on": D(2022, 9, 7),
        "quote": "Kanaani, however, dismissed the allegations as “baseless,”",
        "quote_start": 1612,
    },
    {
        "incident": JULY,
        "party": "IR",
        "stance": "counter_accusation",
        "answers": "ALBANIA",
        "source": "SEED",
        "speaker": "KANAANI",
        "stated_on": D(2022, 9, 7),
        "quote": "He went on to attribute the allegations leveled by the Albanian authorities against Iran to "
        "“third parties”",
        "quote_start": 1800,
        "note": "The report reads “third parties” as an oblique reference to the US and Israel.",
    },
]

CONSEQUENCES = [
    {
        "incident": JULY,
        "initiated_by": "AL",
        "target": "IR",
        "kind": "severed_diplomatic_relations",
        "source": "SEED",
        "speaker": "RAMA",
        "announced_on": D(2022, 9, 7),
        "effective_on": D(2022, 9, 7),
        "status": "implemented",
        "relies_on": ["ALBANIA"],
        "quote": "Tirana decided to snap diplomatic ties with Iran",
        "quote_start": 426,
    },
    {
        "incident": JULY,
        "initiated_by": "AL",
        "target": "IR",
        "kind": "expelled_diplomats",
        "source": "SEED",
        "announced_on": D(2022, 9, 7),
        "effective_on": D(2022, 9, 8),
        "status": "implemented",
        "relies_on": ["ALBANIA"],
        "description": "Iranian diplomats and embassy staff given 24 hours to leave.",
        "quote": "ordered Iranian diplomats and embassy staff to leave the country within 24 hours",
        "quote_start": 479,
    },
    {
        "incident": JULY,
        "initiated_by": "US",
        "target": "IR",
        "kind": "pledged_response",
        "source": "SEED",
        "speaker": "WATSON",
        "announced_on": D(2022, 9, 7),
        "relies_on": ["US"],
        "quote": "they will take “further action to hold Iran accountable for actions that threaten the security of "
        "a US ally.”",
        "quote_start": 1501,
    },
    {
        "incident": JULY,
        "initiated_by": "TREASURY",
        "target": "MOIS",
        "kind": "sanctions",
        "source": "TREASURY",
        "announced_on": D(2022, 9, 9),
        "effective_on": D(2022, 9, 9),
        "status": "implemented",
        "legal_instrument": "EO 13694",
        "relies_on": ["US"],
        "description": "Designation of the ministry.",
    },
    {
        "incident": JULY,
        "initiated_by": "TREASURY",
        "target": "KHATIB",
        "kind": "sanctions",
        "source": "TREASURY",
        "announced_on": D(2022, 9, 9),
        "effective_on": D(2022, 9, 9),
        "status": "implemented",
        "legal_instrument": "EO 13694",
        "relies_on": ["US"],
        "description": "Designation of the minister.",
    },
]

NOTES = [
    (
        JULY,
        "Context: Albania hosts about 3,000 members of the Iranian opposition group MEK at the Ashraf 3 camp; "
        "Iran's foreign ministry raised this when it rejected the attribution.",
    ),
]


@dataclass
class DemoResult:
    """How many demo rows a run created, updated and found unchanged."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


class _Loader:
    """Creates each demo record unless an identical one exists; saves only what differs."""

    REASON = "load_demo"

    def __init__(self):
        self.result = DemoResult()

    def upsert(self, model: type[models.Model], lookup: dict, values: dict) -> models.Model:
        instance = model.objects.filter(**lookup).first()
        values = {**lookup, **values, "review_status": ReviewStatus.CONFIRMED, "tlp": Tlp.CLEAR}
        values = {key: value for key, value in values.items() if hasattr(model, key)}
        if instance is None:
            instance = model(**values)
            self.result.created += 1
        elif any(getattr(instance, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(instance, key, value)
            self.result.updated += 1
        else:
            self.result.unchanged += 1
            return instance
        return save_with_history(instance, reason=self.REASON)

    def set_m2m(self, manager, wanted: list[models.Model]) -> None:
        if {obj.pk for obj in manager.all()} != {obj.pk for obj in wanted}:
            manager.set(wanted)


def _source_lookup(url: str | None, title: str, published_on: dt.date) -> dict:
    if url:
        return {"normalized_url": normalize_url(url)}
    return {"url": None, "title": title, "published_on": published_on}


@transaction.atomic
def demo_load() -> DemoResult:
    """Load (or bring up to date) the Albania 2022 demo case; running it again changes nothing."""
    loader = _Loader()
    parties: dict[str, Party] = {}
    for key, name, kind, country, parent, aliases, description in PARTIES:
        parties[key] = loader.upsert(
            Party,
            {"name": name, "kind": kind},
            {"country": country, "parent": parties.get(parent), "description": description},
        )
        for alias in aliases:
            _alias_upsert(loader, parties[key], alias)
    sources = {
        key: loader.upsert(
            Source,
            _source_lookup(url, title, published_on),
            {
                "url": url,
                "title": title,
                "publisher": publisher,
                "kind": kind,
                "published_on": published_on,
                "language": "en",
            },
        )
        for key, url, title, publisher, kind, published_on in SOURCES
    }
    incidents = {spec["slug"]: _incident_upsert(loader, spec, parties, sources) for spec in INCIDENTS}
    for slug_a, slug_b in RELATED:
        if not incidents[slug_a].related_incidents.filter(pk=incidents[slug_b].pk).exists():
            incidents[slug_a].related_incidents.add(incidents[slug_b])
    claims = {spec["key"]: _attribution_upsert(loader, spec, parties, sources, incidents) for spec in ATTRIBUTIONS}
    for spec in REACTIONS:
        _reaction_upsert(loader, spec, parties, sources, incidents, claims)
    for spec in CONSEQUENCES:
        _consequence_upsert(loader, spec, parties, sources, incidents, claims)
    for slug, body in NOTES:
        loader.upsert(CaseNote, {"incident": incidents[slug], "body": body}, {})
    return loader.result


def _alias_upsert(loader: _Loader, party: Party, name: str) -> None:
    alias = PartyAlias.objects.filter(party=party, normalized=normalize_name(name)).first()
    if alias is None:
        save_with_history(PartyAlias(party=party, name=name), reason=_Loader.REASON)
        loader.result.created += 1
    else:
        loader.result.unchanged += 1


def _incident_upsert(loader: _Loader, spec: dict, parties: dict, sources: dict) -> Incident:
    values = {k: v for k, v in spec.items() if k not in ("slug", "victims", "sources")}
    incident = loader.upsert(Incident, {"slug": spec["slug"]}, values)
    loader.set_m2m(incident.victims, [parties[key] for key in spec["victims"]])
    for key in spec["sources"]:
        if not IncidentSource.objects.filter(incident=incident, source=sources[key]).exists():
            save_with_history(IncidentSource(incident=incident, source=sources[key]), reason=_Loader.REASON)
            loader.result.created += 1
    return incident


def _statement_values(spec: dict, parties: dict, skip: tuple[str, ...]) -> dict:
    """The plain fields of a statement spec, with its speaker resolved."""
    values = {k: v for k, v in spec.items() if k not in skip}
    values["speaker"] = parties.get(spec.get("speaker"))
    if "quote" in spec:
        values["quote_end"] = spec["quote_start"] + len(spec["quote"])
    return values


def _attribution_upsert(loader, spec, parties, sources, incidents) -> Attribution:
    lookup = {
        "incident": incidents[spec["incident"]],
        "made_by": parties[spec["made_by"]],
        "attributed_to": parties[spec["attributed_to"]],
        "source": sources[spec["source"]],
    }
    values = _statement_values(spec, parties, ("key", "incident", "made_by", "attributed_to", "source", "speaker"))
    return loader.upsert(Attribution, lookup, values)


def _reaction_upsert(loader, spec, parties, sources, incidents, claims) -> Reaction:
    lookup = {
        "incident": incidents[spec["incident"]],
        "party": parties[spec["party"]],
        "stance": spec["stance"],
        "source": sources[spec["source"]],
    }
    values = _statement_values(spec, parties, ("incident", "party", "stance", "source", "speaker", "answers"))
    values["attribution"] = claims[spec["answers"]]
    return loader.upsert(Reaction, lookup, values)


def _consequence_upsert(loader, spec, parties, sources, incidents, claims) -> Consequence:
    lookup = {
        "incident": incidents[spec["incident"]],
        "initiated_by": parties[spec["initiated_by"]],
        "target": parties[spec["target"]],
        "kind": spec["kind"],
        "source": sources[spec["source"]],
    }
    skip = ("incident", "initiated_by", "target", "kind", "source", "speaker", "relies_on")
    measure = loader.upsert(Consequence, lookup, _statement_values(spec, parties, skip))
    loader.set_m2m(measure.relies_on, [claims[key] for key in spec["relies_on"]])
    return measure
