"""The STIX vocabulary the importer reads: types, markings, confidence bands, opinion mappings."""

import re

from attribution.codebook import (
    AttributionStance,
    Confidence,
    ExternalIdSystem,
    ReactionStance,
    Tlp,
)
from attribution.normalize import normalize_name

REASON = "STIX bundle import"
STIX = ExternalIdSystem.STIX
CONSEQUENCE_PROPERTY = "x_attribution_consequence"
PRECISION_PROPERTY = "x_attribution_date_precision"
MAX_LISTED = 50  # validator messages listed on a refused bundle

_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
STIX_ID = re.compile(rf"^([a-z0-9][a-z0-9-]*[a-z0-9])--{_UUID}$")
STIX_TYPE = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")

LOCATION, IDENTITY = "location", "identity"
GROUP_TYPES = ("intrusion-set", "threat-actor")
PARTY_TYPES = (LOCATION, IDENTITY, *GROUP_TYPES)
INCIDENT_TYPES = ("incident", "campaign")
READ_TYPES = (*PARTY_TYPES, *INCIDENT_TYPES, "report", "relationship", "opinion", "note")
CONTEXT_TYPES = ("malware",)  # counted as context, not stored
SAME_AS_RELATIONSHIPS = ("revoked-by", "duplicate-of")
LOCATED_RELATIONSHIPS = ("located-at", "originates-from")
FINER_THAN_COUNTRY = ("administrative_area", "city", "street_address", "postal_code", "latitude", "longitude")

# TLP markings by their fixed STIX ids (TLP 1.0 in STIX 2.x, TLP 2.0 from OASIS cti-stix-common-objects).
TLP_MARKINGS = {
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": Tlp.CLEAR,  # TLP:WHITE
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": Tlp.GREEN,
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": Tlp.AMBER,
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": Tlp.RED,
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": Tlp.CLEAR,
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": Tlp.GREEN,
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": Tlp.AMBER,
    "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003": Tlp.AMBER_STRICT,
    "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": Tlp.RED,
}
TLP_ORDER = list(Tlp.values)
TLP_WORDS = {"white": Tlp.CLEAR, "clear": Tlp.CLEAR, "green": Tlp.GREEN, "amber": Tlp.AMBER, "red": Tlp.RED}
TLP_WORDS.update({"amber+strict": Tlp.AMBER_STRICT, "amber_strict": Tlp.AMBER_STRICT})

# Organisations known by name (identity_class "organization" says nothing more about them).
INTERNATIONAL_ORGS = {
    normalize_name(name)
    for name in (
        "NATO",
        "North Atlantic Treaty Organization",
        "European Union",
        "EU",
        "United Nations",
        "UN",
        "OSCE",
        "Council of the European Union",
        "European Commission",
        "Interpol",
        "Europol",
        "G7",
    )
}
# STIX 0-100 confidence -> the codebook's estimative scale; the upper bounds are the ICD-203 ranges, so
# the STIX "DNI scale" values (5, 15, 30, 50, 70, 85, 95) come back as the words they stand for.
CONFIDENCE_BANDS = (
    (5, Confidence.ALMOST_NO_CHANCE),
    (19, Confidence.VERY_UNLIKELY),
    (44, Confidence.UNLIKELY),
    (55, Confidence.ROUGHLY_EVEN),
    (79, Confidence.LIKELY),
    (94, Confidence.VERY_LIKELY),
    (100, Confidence.ALMOST_CERTAIN),
)
OPINION_REACTIONS = {
    "strongly-disagree": ReactionStance.DENIAL,
    "disagree": ReactionStance.DENIAL,
    "neutral": ReactionStance.AMBIGUOUS,
    "agree": ReactionStance.ACKNOWLEDGEMENT,
    "strongly-agree": ReactionStance.ACKNOWLEDGEMENT,
}
OPINION_STANCES = {  # an opinion by anyone but the accused: a claim of its own about the same accused
    "strongly-disagree": AttributionStance.CONTESTS,
    "disagree": AttributionStance.CONTESTS,
    "agree": AttributionStance.ENDORSES,
    "strongly-agree": AttributionStance.ENDORSES,
}
UNKNOWN_ATTRIBUTOR = ("Unknown attributor", (ExternalIdSystem.OTHER, "stix:unknown-attributor"))


class _Skip(Exception):
    """An object that is not imported for a reason that is no fault of the bundle (counted, not listed)."""


class _Problem(Exception):
    """An object that cannot be imported: listed in the problems with its id."""
