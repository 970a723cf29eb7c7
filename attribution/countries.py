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


# Names datasets and news use that pycountry does not hold.
_OTHER_NAMES = {
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "USA": "US",
    "U.S.": "US",
    "U.S.A.": "US",
    "America": "US",
    "United States of America": "US",
    "DPRK": "KP",
    "PRC": "CN",
    "Turkey": "TR",
    "Czech Republic": "CZ",
    "Ivory Coast": "CI",
    "Macedonia": "MK",
    "Burma": "MM",
    "Swaziland": "SZ",
    "Cape Verde": "CV",
    "Vatican": "VA",
    "Holy See": "VA",
    "Kosovo": "XK",
    "Palestine": "PS",
}


@cache
def _codes_by_name() -> dict[str, str]:
    from attribution.normalize import normalize_name

    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name", "alpha_3"):
            value = getattr(country, attr, None)
            if value:
                codes.setdefault(normalize_name(value), country.alpha_2)
    for code, name in {**_SHORT_NAMES, **_EXTRA}.items():
        codes[normalize_name(name)] = code
    for name, code in _OTHER_NAMES.items():
        codes[normalize_name(name)] = code
    return codes


def country_code(name: str) -> str | None:
    """The alpha-2 code of a country named in any usual way — "Iran", "Iran (Islamic Republic of)",
    "Iran, Islamic Republic of", "IRN", "IR", "UK" — or None when it names no country."""
    from attribution.normalize import normalize_name

    text = (name or "").strip()
    if len(text) == 2 and text.isalpha() and text.isupper() and text in country_names():
        return text
    key = normalize_name(text)
    code = _codes_by_name().get(key)
    if code is None and key.startswith("the "):  # "The Philippines", "the Netherlands"
        code = _codes_by_name().get(key[4:])
    return code
