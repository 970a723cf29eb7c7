"""Writes shared by every reviewed record (parties, claims, reactions, consequences, incidents, sources)."""

from django.db import models, transaction

from attribution.codebook import ReviewStatus


def save_with_history(instance: models.Model, *, user=None, reason: str = "") -> models.Model:
    """Validate and save a record, recording who changed it and why in its history row."""
    instance.full_clean()
    instance._history_user = user
    instance._change_reason = reason or None
    instance.save()
    return instance


@transaction.atomic
def review_status_set(*, records: models.QuerySet, status: str, user=None) -> int:
    """Confirm or reject the drafts among `records`; others are left as they are. Returns how many changed."""
    if status not in (ReviewStatus.CONFIRMED, ReviewStatus.REJECTED):
        raise ValueError(f"A review sets confirmed or rejected, not {status!r}.")
    changed = 0
    for record in records.filter(review_status=ReviewStatus.DRAFT).select_for_update():
        record.review_status = status
        record._history_user = user
        record._change_reason = f"review: {status}"
        record.save(update_fields=["review_status", "updated_at"])
        changed += 1
    return changed
