"""Chainable read-only filters for the case tracker."""

from django.db import models

from attribution.querysets import ReviewQuerySetMixin


class IncidentQuerySet(ReviewQuerySetMixin, models.QuerySet):
    """Incidents."""

    def open(self):
        return self.exclude(status="closed")


class SourceQuerySet(ReviewQuerySetMixin, models.QuerySet):
    """Sources."""
