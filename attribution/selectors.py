"""Use-case reads over parties."""

from attribution.models import Party


def party_descendant_ids(party_ids: list[int]) -> set[int]:
    """The given parties and every party below them in the tree (Iran -> MOIS -> its threat groups)."""
    found = set(party_ids)
    frontier = set(party_ids)
    while frontier:
        frontier = set(Party.objects.filter(parent__in=frontier).values_list("id", flat=True)) - found
        found |= frontier
    return found
