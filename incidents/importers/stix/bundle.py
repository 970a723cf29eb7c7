"""Reading a bundle whole and checking it (JSON, envelope, ids, stix2-validator) before anything is written."""

import json
from dataclasses import dataclass, field

from incidents.importers import ImportFailure
from incidents.importers.stix.mapping import _location_country, _modified, _relationship_role, _strings
from incidents.importers.stix.vocab import (
    MAX_LISTED,
    READ_TYPES,
    STIX_ID,
    STIX_TYPE,
    TLP_MARKINGS,
    TLP_WORDS,
)


# --- Reading and validating -------------------------------------------------------------------------------
@dataclass
class Bundle:
    """A bundle read whole: its objects by id (the latest version of each), in bundle order."""

    id: str
    version: str
    objects: dict[str, dict]
    total: int
    report_of: dict[str, str] = field(default_factory=dict)  # object id -> id of the first report listing it
    located: dict[str, str] = field(default_factory=dict)  # party object id -> country of its location
    markings: dict[str, str] = field(default_factory=dict)  # marking-definition id -> TLP code
    report_authors: set[str] = field(default_factory=set)  # created_by_ref of the bundle's reports

    def of_type(self, *types: str) -> list[dict]:
        return [obj for obj in self.objects.values() if obj["type"] in types]


def read_bundle(content: bytes) -> Bundle:
    """The bundle in `content`, checked; ImportFailure (nothing written) when it is not a sound one."""
    data = _json(content)
    bundle_id, version, objects = _envelope(data)
    _check_objects(objects)
    read = [obj for obj in objects if _is_read(obj)]
    _validate(data, read, version)
    latest: dict[str, dict] = {}
    for obj in objects:
        known = latest.get(obj["id"])
        if known is None or _modified(obj) >= _modified(known):
            latest[obj["id"]] = obj
    bundle = Bundle(id=bundle_id, version=version, objects=latest, total=len(objects))
    _index(bundle)
    return bundle


def _json(content: bytes):
    if not content.strip():
        raise ImportFailure("The file is empty: expected a STIX bundle (JSON).")
    try:
        return json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:  # RecursionError: nested too deep
        raise ImportFailure(f"Not a JSON file: {error}.") from error


def _envelope(data) -> tuple[str, str, list]:
    """(bundle id, STIX version, objects) of a bundle, or of a lone STIX object taken as a bundle of one."""
    if isinstance(data, dict) and data.get("type") == "bundle":
        objects = data.get("objects", [])
        if not isinstance(objects, list):
            raise ImportFailure('Not a STIX bundle: its "objects" is not a list.')
        version = "2.0" if data.get("spec_version") == "2.0" else "2.1"
        return str(data.get("id", "")), version, objects
    if isinstance(data, dict) and isinstance(data.get("id"), str) and STIX_ID.match(data["id"]):
        version = "2.1" if "spec_version" in data else "2.0"
        return f"bundle--{data['id'].split('--', 1)[1]}", version, [data]
    raise ImportFailure('Not a STIX bundle: expected a JSON object with "type": "bundle" and its "objects".')


def _check_objects(objects: list) -> None:
    """Every object is a JSON object with a STIX type; an object the importer does not read (and so the
    validator does not check) must still carry an id of its type."""
    problems = []
    for position, obj in enumerate(objects, start=1):
        kind = obj.get("type") if isinstance(obj, dict) else None
        ident = obj.get("id") if isinstance(obj, dict) else None
        if not isinstance(obj, dict):
            problems.append(f"object {position}: not a JSON object")
        elif not isinstance(kind, str) or not STIX_TYPE.match(kind):
            problems.append(f"object {position}: no valid STIX type ({kind!r})")
        elif _is_read(obj):
            continue
        elif not isinstance(ident, str) or not STIX_ID.match(ident) or ident.split("--", 1)[0] != kind:
            problems.append(f"object {position} ({kind}): id {ident!r} is not of the form {kind}--<UUID>")
    if problems:
        raise ImportFailure(
            f"The STIX bundle is not valid: {len(problems):,} object(s) without a valid type or id.",
            problems[:MAX_LISTED],
        )


def _is_read(obj: dict) -> bool:
    """Whether the importer reads the object (and so the validator checks it)."""
    if obj["type"] == "relationship":
        return not isinstance(obj.get("relationship_type"), str) or _relationship_role(obj) is not None
    return obj["type"] in READ_TYPES


def _validate(data, read: list[dict], version: str) -> None:
    """stix2-validator over the bundle's envelope and the objects the importer reads: JSON schemas and
    MUST rules; every SHOULD rule off ("all"), so custom objects and properties pass."""
    from stix2validator import ValidationOptions, validate_parsed_json

    envelope = {key: value for key, value in data.items() if key != "objects"} if data.get("type") == "bundle" else {}
    if envelope:
        checked = {**envelope, "objects": read} if read else envelope
    elif read:
        checked = read[0]
    else:
        return
    try:
        results = validate_parsed_json(checked, ValidationOptions(version=version, disabled="all"))
    except Exception as error:  # the validator itself gives up on some malformed objects (a null "type"…)
        raise ImportFailure(
            f"The STIX bundle is not valid (stix2-validator, STIX {version}): {error or type(error).__name__}."
        ) from error
    errors = [str(error) for result in _as_list(results) for error in result.errors]
    if errors:
        raise ImportFailure(
            f"The STIX bundle is not valid (stix2-validator, STIX {version}): {len(errors):,} error(s).",
            errors[:MAX_LISTED],
        )


def _as_list(results) -> list:
    return results if isinstance(results, list) else [results]


def _index(bundle: Bundle) -> None:
    """What later objects need to know of earlier ones: which report lists an object, where a party is
    located, what each marking means."""
    for report in bundle.of_type("report"):
        if isinstance(report.get("created_by_ref"), str):
            bundle.report_authors.add(report["created_by_ref"])
        for ref in _strings(report.get("object_refs")):
            bundle.report_of.setdefault(ref, report["id"])
    for obj in bundle.of_type("relationship"):
        if _relationship_role(obj) == "located":
            location = bundle.objects.get(obj["target_ref"])
            code = _location_country(location) if location else None
            if code:
                bundle.located.setdefault(obj["source_ref"], code)
    bundle.markings = dict(TLP_MARKINGS)
    for marking in bundle.of_type("marking-definition"):
        tlp = _marking_tlp(marking)
        if tlp:
            bundle.markings[marking["id"]] = tlp


def _marking_tlp(marking: dict) -> str | None:
    definition = marking.get("definition")
    if marking.get("definition_type") == "tlp" and isinstance(definition, dict):
        return TLP_WORDS.get(str(definition.get("tlp", "")).lower())
    name = str(marking.get("name", ""))
    return TLP_WORDS.get(name[4:].lower()) if name.upper().startswith("TLP:") else None
