"""A read-only TAXII 2.1 server at /taxii2/: the cases as STIX 2.1 objects, as each reader may see them.

Discovery (`/taxii2/`), one API root (`/taxii2/cases/`), its collections, and per collection `objects/`
(with `added_after`, `limit`, `next`, `match[id|type|version|spec_version]`), `objects/<id>/`,
`objects/<id>/versions/` and `manifest/`. Objects are the case reports' STIX objects
(`incidents.reports.stix`), built from the report contexts, so a collection never holds a record above its
reader's clearance, nor drafts for readers who may not see drafts, nor rejected records.

Collections: "Confirmed public cases" (what an anonymous reader sees: confirmed TLP:CLEAR records), open to
anyone; and for a signed-in user one collection per TLP level up to their clearance ("Cases up to
TLP:AMBER": what they may see with that clearance, drafts included for researchers and above).
Authentication: HTTP Basic, the API's token (`Authorization: Token …`) or the admin's session. Requests
and answers use `application/taxii+json;version=2.1`; an Accept header that excludes it gets 406; every
error is a TAXII error message. See docs/case-reports.md, "TAXII 2.1".
"""

import base64
import binascii
import copy
import datetime as dt
import json
import uuid
from dataclasses import dataclass

from dateutil.parser import isoparse
from django.contrib.auth import authenticate
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.urls import path, re_path, reverse
from django.views.decorators.csrf import csrf_exempt

from attribution.access import TLP_ORDER, clearance_of, role_of
from attribution.codebook import Tlp
from incidents.datasets import stix_cases
from incidents.models import Incident
from incidents.reports.stix import MEDIA_TYPE as STIX_MEDIA_TYPE
from incidents.reports.stix import NAMESPACE, SPEC_VERSION, case_objects, object_version

TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1"
API_ROOT = "cases"
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


@dataclass(frozen=True)
class Collection:
    """A collection: the public one (`level` None: what anyone may see), or a signed-in user's view capped at
    a TLP level."""

    id: str
    title: str
    description: str
    level: str | None = None

    def info(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "can_read": True,
            "can_write": False,
            "media_types": [STIX_MEDIA_TYPE],
        }


PUBLIC = Collection(
    str(uuid.uuid5(NAMESPACE, "taxii-collection|public")),
    "Confirmed public cases",
    "Confirmed TLP:CLEAR cases, claims, reactions, consequences and sources: what anyone may see.",
)
LEVELS = {
    level.value: Collection(
        str(uuid.uuid5(NAMESPACE, f"taxii-collection|{level.value}")),
        f"Cases up to {level.label}",
        f"The cases as you may see them with a clearance of {level.label}: records marked up to {level.label} "
        "(drafts too when your role lets you see drafts).",
        level.value,
    )
    for level in TLP_ORDER
}


def collections_for(user) -> list[Collection]:
    """The public collection, and for a signed-in user one per TLP level up to their clearance."""
    if user is None or not user.is_authenticated:
        return [PUBLIC]
    clearance = clearance_of(user)
    return [PUBLIC, *(LEVELS[level] for level in TLP_ORDER[: TLP_ORDER.index(Tlp(clearance)) + 1])]


def reader_of(collection: Collection, user):
    """Whose view the collection is: an anonymous reader's, or the user's with the clearance capped."""
    if collection.level is None:
        return AnonymousUser()
    reader = copy.copy(user)
    # attribution.access keeps (role, clearance) of a user object in this cache: the copy sees less.
    reader.__dict__["_access_cache"] = (role_of(user), collection.level)
    return reader


def collection_objects(collection: Collection, user) -> list[dict]:
    """Every STIX object of the cases in the collection, once each, ordered by version (the date added) and id."""
    found: dict[str, dict] = {}
    for context in stix_cases(Incident.objects.all(), user=reader_of(collection, user)):
        for obj in case_objects(context):
            known = found.get(obj["id"])
            if known is None or object_version(obj) > object_version(known):
                found[obj["id"]] = obj
    return sorted(found.values(), key=_position)


def _position(obj: dict) -> tuple[str, str]:
    return object_version(obj), obj["id"]


# --- Protocol ---------------------------------------------------------------------------------------------
class TaxiiError(Exception):
    """Answered as a TAXII error message with this HTTP status."""

    def __init__(self, status: int, title: str, description: str = "", headers: dict | None = None):
        super().__init__(title)
        self.status, self.title, self.description, self.headers = status, title, description, headers or {}

    def response(self) -> HttpResponse:
        body = {"title": self.title, "http_status": str(self.status)}
        if self.description:
            body["description"] = self.description
        response = _answer(body, status=self.status)
        for name, value in self.headers.items():
            response[name] = value
        return response


def _answer(body: dict, *, status: int = 200) -> HttpResponse:
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=TAXII_MEDIA_TYPE)
    response["Cache-Control"] = "private, no-store"  # per reader, and possibly marked
    response["Vary"] = "Accept, Authorization, Cookie"
    return response


def _accepts_taxii(request: HttpRequest) -> bool:
    """Whether the Accept header admits TAXII 2.1 (no header admits anything)."""
    header = request.headers.get("Accept", "").strip()
    if not header:
        return True
    for item in header.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        values = dict(param.partition("=")[::2] for param in params)
        if values.get("q", "1").strip() in ("0", "0.0", "0.00", "0.000"):
            continue
        version = values.get("version", "2.1").strip().strip('"')
        if media.lower() in ("*/*", "application/*", "application/taxii+json") and version == "2.1":
            return True
    return False


def _user(request: HttpRequest):
    """The requesting user: HTTP Basic, the API's token, or the session; anonymous without credentials.
    Wrong credentials are a 401."""
    header = request.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    challenge = {"WWW-Authenticate": 'Basic realm="TAXII", charset="UTF-8"'}
    if scheme.lower() == "basic":
        try:
            username, sep, password = base64.b64decode(credentials.strip(), validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            sep = ""
        user = authenticate(request, username=username, password=password) if sep else None
        if user is None or not user.is_active:
            raise TaxiiError(401, "Authentication failed", "Wrong user name or password.", challenge)
        return user
    if scheme.lower() == "token":
        from rest_framework.authtoken.models import Token

        token = Token.objects.select_related("user").filter(key=credentials.strip()).first()
        if token is None or not token.user.is_active:
            raise TaxiiError(401, "Authentication failed", "Invalid token.", challenge)
        return token.user
    if header:
        raise TaxiiError(401, "Authentication failed", "Use HTTP Basic or a token.", challenge)
    return request.user if request.user.is_authenticated else AnonymousUser()


def taxii_view(view):
    """GET only, TAXII media type, authentication, and every error as a TAXII error message."""

    @csrf_exempt
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            if request.method not in ("GET", "HEAD"):
                status = 403 if view.__name__ in ("objects", "object_by_id") else 405
                raise TaxiiError(
                    status, "Read-only", "This TAXII server serves GET requests only.", {"Allow": "GET, HEAD"}
                )
            if not _accepts_taxii(request):
                raise TaxiiError(406, "Not acceptable", f"This server answers in {TAXII_MEDIA_TYPE} only.")
            return view(request, _user(request), *args, **kwargs)
        except TaxiiError as error:
            return error.response()

    wrapped.__name__ = view.__name__
    return wrapped


def _collection(user, collection_id: str) -> Collection:
    for collection in collections_for(user):
        if collection.id == collection_id:
            return collection
    raise TaxiiError(404, "No such collection", f"No collection {collection_id} is open to you.")


# --- Filters and pages ------------------------------------------------------------------------------------
def _timestamp(value: str, name: str) -> dt.datetime:
    try:
        moment = isoparse(value)
    except (ValueError, OverflowError) as error:
        raise TaxiiError(400, f"Bad {name}", f"{value!r} is not a timestamp.") from error
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _matching(objects: list[dict], request: HttpRequest) -> list[dict]:
    """The objects the request's filters admit: added_after, match[id], match[type], match[version],
    match[spec_version] (other filters are ignored)."""
    params = request.GET
    if params.get("added_after"):
        after = _timestamp(params["added_after"], "added_after")
        objects = [obj for obj in objects if isoparse(object_version(obj)) > after]
    for name, key in (("match[id]", "id"), ("match[type]", "type")):
        if params.get(name):
            wanted = {value.strip() for value in params[name].split(",")}
            objects = [obj for obj in objects if obj[key] in wanted]
    versions = {value.strip() for value in params.get("match[version]", "last").split(",")}
    if not versions & {"last", "first", "all"}:  # one version of each object is served: it is first and last
        moments = {_timestamp(value, "match[version]") for value in versions}
        objects = [obj for obj in objects if isoparse(object_version(obj)) in moments]
    spec_versions = {value.strip() for value in params.get("match[spec_version]", SPEC_VERSION).split(",")}
    if SPEC_VERSION not in spec_versions:
        objects = []
    return objects


def _encode_next(obj: dict) -> str:
    return base64.urlsafe_b64encode("|".join(_position(obj)).encode()).decode().rstrip("=")


def _decode_next(token: str) -> tuple[str, str]:
    try:
        version, sep, object_id = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode().partition("|")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        sep = ""
    if not sep:
        raise TaxiiError(400, "Bad next", "The next parameter is not one this server gave.")
    return version, object_id


def _page(objects: list[dict], request: HttpRequest) -> tuple[list[dict], bool, str | None]:
    """(the page, whether more follow, the `next` token) after the `next` position, at most `limit` long."""
    raw = request.GET.get("limit", "")
    try:
        limit = min(int(raw), MAX_LIMIT) if raw else DEFAULT_LIMIT
    except ValueError:
        limit = 0
    if limit < 1:
        raise TaxiiError(400, "Bad limit", f"limit must be a whole number from 1 (at most {MAX_LIMIT} are served).")
    if request.GET.get("next"):
        position = _decode_next(request.GET["next"])
        objects = [obj for obj in objects if _position(obj) > position]
    page = objects[:limit]
    more = len(objects) > limit
    return page, more, _encode_next(page[-1]) if more else None


def _paged_answer(page: list[dict], more: bool, token: str | None, key: str, items: list) -> HttpResponse:
    body: dict = {"more": more}
    if token:
        body["next"] = token
    if items:
        body[key] = items
    response = _answer(body)
    if page:
        response["X-TAXII-Date-Added-First"] = object_version(page[0])
        response["X-TAXII-Date-Added-Last"] = object_version(page[-1])
    return response


# --- Endpoints --------------------------------------------------------------------------------------------
@taxii_view
def discovery(request: HttpRequest, user) -> HttpResponse:
    root = request.build_absolute_uri(reverse("taxii:api-root"))
    return _answer(
        {
            "title": "Cyber-incident attribution tracker",
            "description": "Cases, attribution claims, reactions and consequences as STIX 2.1, read-only.",
            "default": root,
            "api_roots": [root],
        }
    )


@taxii_view
def api_root(request: HttpRequest, user) -> HttpResponse:
    return _answer(
        {
            "title": "Cases",
            "description": "One collection of confirmed public cases; signed-in users also get one per TLP level "
            "up to their clearance.",
            "versions": [TAXII_MEDIA_TYPE],
            "max_content_length": 0,  # nothing can be posted
        }
    )


@taxii_view
def collections(request: HttpRequest, user) -> HttpResponse:
    return _answer({"collections": [collection.info() for collection in collections_for(user)]})


@taxii_view
def collection(request: HttpRequest, user, collection_id: str) -> HttpResponse:
    return _answer(_collection(user, collection_id).info())


@taxii_view
def objects(request: HttpRequest, user, collection_id: str) -> HttpResponse:
    found = _matching(collection_objects(_collection(user, collection_id), user), request)
    page, more, token = _page(found, request)
    return _paged_answer(page, more, token, "objects", page)


@taxii_view
def object_by_id(request: HttpRequest, user, collection_id: str, object_id: str) -> HttpResponse:
    found = [obj for obj in collection_objects(_collection(user, collection_id), user) if obj["id"] == object_id]
    if not found:
        raise TaxiiError(404, "No such object", f"No object {object_id} in this collection.")
    page, more, token = _page(_matching(found, request), request)
    return _paged_answer(page, more, token, "objects", page)


@taxii_view
def versions(request: HttpRequest, user, collection_id: str, object_id: str) -> HttpResponse:
    found = [obj for obj in collection_objects(_collection(user, collection_id), user) if obj["id"] == object_id]
    if not found:
        raise TaxiiError(404, "No such object", f"No object {object_id} in this collection.")
    page, more, token = _page(_matching(found, request), request)
    return _paged_answer(page, more, token, "versions", [object_version(obj) for obj in page])


@taxii_view
def manifest(request: HttpRequest, user, collection_id: str) -> HttpResponse:
    found = _matching(collection_objects(_collection(user, collection_id), user), request)
    page, more, token = _page(found, request)
    entries = [
        {
            "id": obj["id"],
            "date_added": object_version(obj),
            "version": object_version(obj),
            "media_type": STIX_MEDIA_TYPE,
        }
        for obj in page
    ]
    return _paged_answer(page, more, token, "objects", entries)


@taxii_view
def not_found(request: HttpRequest, user, rest: str = "") -> HttpResponse:
    raise TaxiiError(404, "Not found", "No such TAXII resource.")


app_name = "taxii"
_COLLECTION = f"{API_ROOT}/collections/<str:collection_id>/"
urlpatterns = [
    path("", discovery, name="discovery"),
    path(f"{API_ROOT}/", api_root, name="api-root"),
    path(f"{API_ROOT}/collections/", collections, name="collections"),
    path(_COLLECTION, collection, name="collection"),
    path(f"{_COLLECTION}objects/", objects, name="objects"),
    path(f"{_COLLECTION}objects/<str:object_id>/", object_by_id, name="object"),
    path(f"{_COLLECTION}objects/<str:object_id>/versions/", versions, name="versions"),
    path(f"{_COLLECTION}manifest/", manifest, name="manifest"),
    re_path(r"^(?P<rest>.*)$", not_found),
]
