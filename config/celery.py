"""The Celery app of the background import workers (`celery -A config worker`)."""

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _load_slow_imports(**kwargs) -> None:
    """Load the STIX validator once per worker (its schemas take seconds to compile), not on the first job;
    CELERY_WORKER_PRELOAD_STIX_VALIDATOR=0 skips it (workers that import no STIX, such as the fault drills)."""
    if app.conf.get("worker_preload_stix_validator", True):
        import stix2validator  # noqa: F401
