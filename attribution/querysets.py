"""Chainable read-only filters for attribution models."""

from django.db import models

from attribution.codebook import ReviewStatus


class ReviewQuerySetMixin:
    """Filters shared by every reviewed record."""

    def confirmed(self):
        return self.filter(review_status=ReviewStatus.CONFIRMED)

    def drafts(self):
        return self.filter(review_status=ReviewStatus.DRAFT)

    def not_rejected(self):
        return self.exclude(review_status=ReviewStatus.REJECTED)


class PartyQuerySet(ReviewQuerySetMixin, models.QuerySet):
    """Parties."""


class StatementQuerySet(ReviewQuerySetMixin, models.QuerySet):
    """Attributions, reactions and consequences."""
