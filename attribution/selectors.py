"""Use-case reads over parties: the tree below a party, and parties by id, country code or name."""

import re

from django.db.models import Q, QuerySet

from attribution.models import Party
from attribution.normalize import normalize_name

_ISO2 = re.compile(r"^[A-Za-z]{2}$")


def party_descendant_ids(party_ids: list[int]) -> set[int]:
    """The given parties and every party below them in the tree (Iran -> MOIS -> its threat groups)."""
    found = set(party_ids)
    frontier = set(party_ids)
    while frontier:
        frontier = set(Party.objects.filter(parent__in=frontier).values_list("id", flat=True)) - found
        found |= frontier
    return found


def party_resolve(name: str, *, user=None) -> QuerySet[Party]:
    """Visible parties whose name or one alias matches `name` (normalised); several when it is ambiguous."""
    key = normalize_name(name)
    if not key:
        return Party.objects.none()
    matches = Party.objects.filter(Q(normalized_name=key) | Q(aliases__normalized=key)).values("id")
    return Party.objects.visible_to(user).filter(id__in=matches).order_by("name", "id")


def parties_matching(value: str, *, user=None) -> set[int]:
    """Ids for a filter value: a party id, an ISO country code (every party of that country) or a name or
    alias; each with the parties below it in the tree, restricted to what the user may see."""
    value = value.strip()
    if value.isdigit():
        roots = [int(value)]
    elif _ISO2.match(value) and Party.objects.filter(country=value.upper()).exists():
        roots = list(Party.objects.filter(country=value.upper()).values_list("id", flat=True))
    else:
        roots = list(party_resolve(value, user=user).values_list("id", flat=True))
    ids = party_descendant_ids(roots)
    return set(Party.objects.visible_to(user).filter(id__in=ids).values_list("id", flat=True))
