"""A JSON list of codes from one vocabulary, with a portable `has` lookup (PostgreSQL and SQLite)."""

import json
from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class ChoiceListField(models.JSONField):
    """A list of distinct codes, each from `choices` (a list or a callable returning one).

    The choices are checked in Python and offered by the form field; they are deliberately left out
    of migrations when they come from a callable (the country list changes with pycountry).
    """

    def __init__(self, *args, item_choices: list | Callable | None = None, widget=None, **kwargs):
        self.item_choices = item_choices
        self.widget = widget
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.item_choices is not None and not callable(self.item_choices):
            kwargs["item_choices"] = list(self.item_choices)
        return name, path, args, kwargs

    def get_item_choices(self) -> list[tuple[str, str]]:
        choices = self.item_choices() if callable(self.item_choices) else self.item_choices
        return list(choices or [])

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError("Expected a list of codes.", code="invalid")
        allowed = {code for code, _ in self.get_item_choices()}
        unknown = [item for item in value if item not in allowed]
        if unknown:
            raise ValidationError(
                "Unknown code(s) for %(field)s: %(codes)s.",
                code="invalid_choice",
                params={"field": self.verbose_name, "codes": ", ".join(unknown)},
            )
        if len(set(value)) != len(value):
            raise ValidationError("A code appears twice in %(field)s.", params={"field": self.verbose_name})

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.get_item_choices(),
            "coerce": str,
            "required": not self.blank,
            "widget": self.widget or forms.CheckboxSelectMultiple,
            "label": self.verbose_name.capitalize(),
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        # Bypass JSONField.formfield, which would force a JSON text area.
        return models.Field.formfield(self, **defaults)


@ChoiceListField.register_lookup
class Has(models.Lookup):
    """`field__has="code"`: the list contains the code."""

    lookup_name = "has"

    def get_prep_lookup(self):
        return self.rhs

    def as_sql(self, compiler, connection):  # SQLite and others with JSON1
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value = %s)", [*lhs_params, self.rhs]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} @> %s::jsonb", [*lhs_params, json.dumps([self.rhs])]


def external_id_field() -> models.CharField:
    """The record's identifier in the bundle or dataset it was imported from ("stix:incident--…",
    "eurepoc:incident:1502"): how a re-import finds it again. NULL when the record was not imported.

    A plain CharField (not a subclass) so that history tables copy it without its uniqueness."""
    return models.CharField(
        "external id",
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="Identifier in the bundle or dataset the record was imported from; re-imports find it by this.",
    )
