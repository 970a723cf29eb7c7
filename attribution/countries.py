"""ISO 3166-1 alpha-2 country codes with the short names people use (pycountry plus a few fixes)."""

from functools import cache

import pycountry
from django.core.exceptions import ValidationError

# pycountry's names are UN-style ("Russian Federation"); these are the names news and datasets use.
_SHORT_NAMES = {"RU": "Russia", "PS": "Palestine", "BO": "Bolivia", "LA": "Laos", "VN": "Vietnam"}
# Codes in wide use that ISO has not assigned (Kosovo uses the user-assigned XK).
_EXTRA = {"XK": "Kosovo"}


@cache
def country_names() -> dict[str, str]:
    """Map every accepted code to its short English name."""
    names = {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    names.update(_SHORT_NAMES)
    names.update(_EXTRA)
    return names


def country_choices() -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name, for form fields."""
    return sorted(country_names().items(), key=lambda item: item[1])


def country_name(code: str) -> str:
    """The short name of a code, or the code itself when unknown."""
    return country_names().get(code, code)


def validate_country_code(value: str) -> None:
    """Refuse anything that is not an accepted upper-case alpha-2 code."""
    if value not in country_names():
        raise ValidationError(
            "%(value)s is not an ISO 3166-1 alpha-2 country code (for example AL, IR, US).",
            code="invalid_country",
            params={"value": value},
        )


COUNTRY_CHOICES = country_choices()
