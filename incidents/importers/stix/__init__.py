"""STIX 2.1 (and 2.0) bundles: groups, identities, countries, incidents, claims, denials, consequences.

The bundle is read whole first: it must be JSON, a bundle (or one lone STIX object), every object must
carry a well-formed type and id, and every object the importer reads is checked by stix2-validator
(schemas and MUST rules; SHOULD rules, custom objects and custom properties are allowed). An invalid
bundle is refused whole with the validator's reasons; nothing is written.

Then each object is written in its own transaction, in an order that lets references resolve: locations,
identities and groups; incidents and campaigns; reports; relationships; opinions; notes. An object that
cannot be imported (a reference that is neither in the bundle nor stored, a rule of the model broken) is
listed in the problems with its id and skipped; the rest imports. Every record keeps the STIX id it came
from (`PartyExternalId` system "stix", `external_id` "stix:<id>" on the others), so a second run over
the same bundle creates and updates nothing. Objects of other types are counted per type and skipped.
See docs (STIX import) for the mapping, written down beside the `x_attribution_consequence` property.
"""

from incidents.importers.stix.bundle import Bundle, read_bundle
from incidents.importers.stix.importer import import_stix

__all__ = ["Bundle", "import_stix", "read_bundle"]
