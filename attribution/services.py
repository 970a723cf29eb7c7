"""Writes shared by every reviewed record (parties, claims, reactions, consequences, incidents, sources).

A `user` of None means the system itself (commands, imports), which is bound by the model's rules
only; a user is also bound by their role and clearance (attribution/access.py).
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction

from attribution.access import has_role, may_mark
from attribution.codebook import ReviewStatus
from attribution.models import PartyAlias, PartyExternalId
from attribution.normalize import normalize_name


def save_with_history(instance: models.Model, *, user=None, reason: str = "") -> models.Model:
    """Validate and save a record, recording who changed it and why in its history row."""
    instance.full_clean()
    instance._history_user = user
    instance._change_reason = reason or None
    instance.save()
    return instance


def _check_user_may_write(instance: models.Model, data: dict, user, *, creating: bool) -> None:
    """Markings above the user's clearance are refused; only reviewers set a review status."""
    if user is None:
        return
    if "tlp" in data and not may_mark(user, data["tlp"]):
        raise ValidationError({"tlp": "You may not mark a record above your own TLP clearance."})
    if not hasattr(instance, "review_status") or has_role(user, "reviewer"):
        return
    if creating:
        data["review_status"] = ReviewStatus.DRAFT  # a researcher's records start as drafts
    elif data.get("review_status", instance.review_status) != instance.review_status:
        raise ValidationError({"review_status": "Only reviewers confirm or reject records."})


def _set_relations(instance: models.Model, relations: dict[str, list]) -> None:
    check = getattr(instance, "check_relations", None)
    if check is not None:
        check(**relations)
    for name, values in relations.items():
        getattr(instance, name).set(values)


@transaction.atomic
def record_create(
    *,
    model: type[models.Model],
    data: dict,
    user=None,
    relations: dict | None = None,
    reason: str = "created through the API",
) -> models.Model:
    """Create one record from plain field values (and many-to-many `relations`), checked and with history."""
    return _write(model(), data, user, relations, reason, creating=True)


@transaction.atomic
def record_update(
    *,
    instance: models.Model,
    data: dict,
    user=None,
    relations: dict | None = None,
    reason: str = "changed through the API",
) -> models.Model:
    """Change fields (and many-to-many `relations`) of one record, checked and with history."""
    return _write(instance, data, user, relations, reason, creating=False)


def _write(instance, data: dict, user, relations: dict | None, reason: str, *, creating: bool):
    data = dict(data)
    _check_user_may_write(instance, data, user, creating=creating)
    for field, value in data.items():
        setattr(instance, field, value)
    save_with_history(instance, user=user, reason=reason)
    _set_relations(instance, relations or {})
    return instance


@transaction.atomic
def record_delete(*, instance: models.Model, user=None, reason: str = "deleted through the API") -> None:
    """Delete one record; its history keeps who deleted it. Protected references raise ProtectedError."""
    instance._history_user = user
    instance._change_reason = reason
    instance.delete()


@transaction.atomic
def party_names_set(
    *, party, aliases: list[str] | None = None, external_ids: list[dict] | None = None, user=None
) -> None:
    """Make a party's aliases and external ids exactly the given ones (others are removed)."""
    if aliases is not None:
        wanted = {normalize_name(name): name.strip() for name in aliases}
        for alias in party.aliases.all():
            if alias.normalized not in wanted:
                record_delete(instance=alias, user=user)
        existing = set(party.aliases.values_list("normalized", flat=True))
        for key, name in wanted.items():
            if key not in existing:
                save_with_history(PartyAlias(party=party, name=name), user=user, reason="alias added")
    if external_ids is not None:
        wanted_ids = {(item["system"], item["value"]): item for item in external_ids}
        for ext in party.external_ids.all():
            if (ext.system, ext.value) not in wanted_ids:
                record_delete(instance=ext, user=user)
        existing_ids = set(party.external_ids.values_list("system", "value"))
        for key, item in wanted_ids.items():
            if key not in existing_ids:
                ext = PartyExternalId(party=party, system=item["system"], value=item["value"], url=item.get("url", ""))
                save_with_history(ext, user=user, reason="external id added")


# What a confirmed statement needs to be seen: the parties it names and its source.
NEEDED_BY_STATEMENT = ("source", "made_by", "attributed_to", "party", "initiated_by", "target", "speaker")


@transaction.atomic
def review_status_set(*, records: models.QuerySet, status: str, user=None) -> int:
    """Confirm or reject the drafts among `records`; others are left as they are. Returns how many changed.

    Confirming a claim, reaction or consequence also confirms the draft parties and source it names,
    so a confirmed statement never rests on records the public cannot see.
    """
    if status not in (ReviewStatus.CONFIRMED, ReviewStatus.REJECTED):
        raise ValueError(f"A review sets confirmed or rejected, not {status!r}.")
    changed = 0
    drafts = records.model.objects.filter(pk__in=records.values("pk"), review_status=ReviewStatus.DRAFT)
    for record in drafts.select_for_update():
        _set_review(record, status, user)
        changed += 1
        if status == ReviewStatus.CONFIRMED:
            for name in NEEDED_BY_STATEMENT:
                needed = getattr(record, name, None) if hasattr(type(record), name) else None
                if needed is not None and needed.review_status == ReviewStatus.DRAFT:
                    _set_review(needed, status, user, reason=f"needed by confirmed {record._meta.verbose_name}")
    return changed


def _set_review(record: models.Model, status: str, user, reason: str = "") -> None:
    record.review_status = status
    record._history_user = user
    record._change_reason = reason or f"review: {status}"
    record.save(update_fields=["review_status", "updated_at"])
