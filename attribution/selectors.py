"""Use-case reads over parties: the tree below a party, and parties by id, country code or name."""

import re

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from attribution.models import Party
from attribution.normalize import normalize_name

_ISO2 = re.compile(r"^[A-Za-z]{2}$")


def party_descendant_ids(party_ids: list[int]) -> set[int]:
    """The given parties and every party below them in the tree (Iran -> MOIS -> its threat groups)."""
    if not party_ids:
        return set()
    below = Party.objects.filter(id__in=_tree_below(party_ids)).values_list("id", flat=True)
    return {int(pk) for pk in party_ids} | set(below)


def _tree_below(party_ids: list[int]) -> RawSQL:
    """The ids of these parties and of every party below them, as one recursive query (PostgreSQL, SQLite)."""
    table = connection.ops.quote_name(Party._meta.db_table)
    roots = ", ".join(["%s"] * len(party_ids))
    sql = (
        f"WITH RECURSIVE tree(id) AS (SELECT id FROM {table} WHERE id IN ({roots}) "
        f"UNION SELECT child.id FROM {table} child JOIN tree ON child.parent_id = tree.id) SELECT id FROM tree"
    )
    return RawSQL(sql, [int(pk) for pk in party_ids])


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
    else:  # a country code some party has, else a name or alias (also a two-letter one)
        same_country = Party.objects.filter(country=value.upper()) if _ISO2.match(value) else Party.objects.none()
        roots = list(same_country.values_list("id", flat=True))
        roots = roots or list(party_resolve(value, user=user).values_list("id", flat=True))
    if not roots:
        return set()
    return set(Party.objects.visible_to(user).filter(id__in=_tree_below(roots)).values_list("id", flat=True))
