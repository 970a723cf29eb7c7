"""Serializer fields shared by both apps' APIs."""

from rest_framework import serializers


class VisiblePrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """An id that must name a record the requesting user may see (others answer "does not exist")."""

    def get_queryset(self):
        request = self.context.get("request")
        return super().get_queryset().visible_to(request.user if request else None)


def visible_id_field(model, *, source: str, many: bool = False, required: bool = True, help_text: str = ""):
    """A write-only id (or list of ids) naming visible records of `model`, stored in `source`."""
    return VisiblePrimaryKeyRelatedField(
        queryset=model.objects.all(),
        source=source,
        write_only=True,
        many=many,
        required=required,
        allow_null=not required and not many,
        help_text=help_text,
    )


def code_list_field(choices, help_text: str = "") -> serializers.ListField:
    """A list of codes from one vocabulary."""
    return serializers.ListField(
        child=serializers.ChoiceField(choices=choices), required=False, help_text=help_text, max_length=50
    )
