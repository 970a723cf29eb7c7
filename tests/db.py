"""Helpers for asserting what the database itself refuses."""

import contextlib

import pytest
from django.db import IntegrityError, transaction


@contextlib.contextmanager
def refused_by_database():
    """The block must raise IntegrityError; a savepoint keeps the test's transaction usable."""
    with pytest.raises(IntegrityError), transaction.atomic():
        yield
