"""Normalised forms of names used as lookup keys (aliases); pure functions, no database."""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize_name(name: str) -> str:
    """Case-, accent-, punctuation- and spacing-insensitive key: 'Mujahedin-e  Khalq' -> 'mujahedin e khalq'."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", stripped.casefold()).strip()
