"""Dates with precision: a day, a month, a year or unknown, as CODEBOOK.md "Dates" describes.

A month-precise date is stored as the month's first day, a year-precise one as 1 January, an unknown
one as no date at all. These helpers check, format and compare such dates without inventing a day.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from attribution.codebook import DatePrecision

_RANK = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2, DatePrecision.UNKNOWN: 3}


def precision_field(verbose_name: str) -> models.CharField:
    """The companion field that says how precise a date field is."""
    return models.CharField(verbose_name, max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)


def precision_constraint(model_name: str, field: str) -> models.CheckConstraint:
    """No date means precision `unknown`, and `unknown` means no date."""
    has_date = models.Q(**{f"{field}__isnull": False}) & ~models.Q(**{f"{field}_precision": DatePrecision.UNKNOWN})
    no_date = models.Q(**{f"{field}__isnull": True, f"{field}_precision": DatePrecision.UNKNOWN})
    return models.CheckConstraint(condition=has_date | no_date, name=f"{model_name}_{field}_precision_matches_date")


def normalize_precision(value: dt.date | None, precision: str) -> str:
    """The precision a form should store: `unknown` without a date, `day` by default with one."""
    if value is None:
        return DatePrecision.UNKNOWN
    if precision == DatePrecision.UNKNOWN:
        return DatePrecision.DAY
    return precision


def date_errors(value: dt.date | None, precision: str, *, label: str) -> list[str]:
    """Messages for a date that is in the future or claims more precision than it has."""
    if value is None:
        return []
    errors = []
    if value > timezone.localdate():
        errors.append(f"The {label} {value.isoformat()} is in the future.")
    if precision == DatePrecision.MONTH and value.day != 1:
        errors.append(f"A month-precise {label} is stored as the month's first day, not {value.isoformat()}.")
    if precision == DatePrecision.YEAR and (value.month, value.day) != (1, 1):
        errors.append(f"A year-precise {label} is stored as 1 January, not {value.isoformat()}.")
    return errors


def normalize_precisions(instance: models.Model, fields: Iterable[str]) -> None:
    """Make each `<field>_precision` agree with its date (see `normalize_precision`); run before saving."""
    for field in fields:
        precision_attr = f"{field}_precision"
        setattr(
            instance, precision_attr, normalize_precision(getattr(instance, field), getattr(instance, precision_attr))
        )


def check_dates(instance: models.Model, fields: dict[str, str]) -> None:
    """Run `date_errors` for each `field: label` of a model instance; raise one ValidationError."""
    normalize_precisions(instance, fields)
    errors: dict[str, list[str]] = {}
    for field, label in fields.items():
        messages = date_errors(getattr(instance, field), getattr(instance, f"{field}_precision"), label=label)
        if messages:
            errors[field] = messages
    if errors:
        raise ValidationError(errors)


def format_date(value: dt.date | None, precision: str) -> str:
    """'15 July 2022', 'July 2022', '2022' or 'date unknown', never more precise than stored."""
    if value is None or precision == DatePrecision.UNKNOWN:
        return "date unknown"
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return f"{value:%B} {value.year}"
    return f"{value.day} {value:%B} {value.year}"


@dataclass(frozen=True)
class Lag:
    """How long after (or before) an anchor date something happened, at the coarser precision."""

    days: int | None  # exact only when both dates are day-precise
    text: str  # "54 days after", "about 2 months after", "the same day as"


def lag_between(anchor: dt.date, anchor_precision: str, when: dt.date, precision: str) -> Lag:
    """Describe `when` relative to `anchor` without claiming more precision than either date has."""
    coarsest = max((anchor_precision, precision), key=lambda p: _RANK[DatePrecision(p)])
    if coarsest == DatePrecision.DAY:
        days = (when - anchor).days
        if days == 0:
            return Lag(0, "the same day as")
        unit = "day" if abs(days) == 1 else "days"
        return Lag(days, f"{abs(days)} {unit} {'after' if days > 0 else 'before'}")
    if coarsest == DatePrecision.MONTH:
        months = (when.year - anchor.year) * 12 + when.month - anchor.month
        if months == 0:
            return Lag(None, "in the same month as")
        unit = "month" if abs(months) == 1 else "months"
        return Lag(None, f"about {abs(months)} {unit} {'after' if months > 0 else 'before'}")
    years = when.year - anchor.year
    if years == 0:
        return Lag(None, "in the same year as")
    unit = "year" if abs(years) == 1 else "years"
    return Lag(None, f"about {abs(years)} {unit} {'after' if years > 0 else 'before'}")


def sort_key(value: dt.date | None, precision: str) -> tuple:
    """Order dated things by date; at the same stored date the more precise one comes first.

    A month-precise "July 2022" is stored as 1 July, so it sorts before "15 July 2022";
    undated things go last.
    """
    if value is None:
        return (1, dt.date.max, 3)
    return (0, value, _RANK[DatePrecision(precision)])
