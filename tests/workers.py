"""What tests that start Celery worker processes share: the test database's address for those processes,
and this process publishing (not running) tasks on a queue of the test's own, with job leases and Redis
visibility timeouts of seconds so that a killed worker's job is handed on quickly."""

import contextlib
import uuid

from django.db import connection

from config.celery import app as celery_app

LEASE_SECONDS = 4  # the job lease and Redis's visibility timeout in these tests (production: 210 s and 1 h)


def database_url() -> str:
    """The test database, as DATABASE_URL for another process."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_settings(queue: str) -> dict[str, str]:
    """The environment a worker process needs besides its settings module: the database, its queue, short leases."""
    return {
        "DATABASE_URL": database_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "CELERY_VISIBILITY_TIMEOUT": str(LEASE_SECONDS),
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
        "CELERY_UNACKED_MUTEX_EXPIRE": "2",  # a worker killed while restoring must not block the next for long
        "IMPORT_JOB_LEASE_SECONDS": str(LEASE_SECONDS),
        "IMPORT_ALLOW_PRIVATE_ADDRESSES": "1",
    }


def new_queue(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@contextlib.contextmanager
def publishing_to(queue: str, settings):
    """This process queues tasks on `queue` for the workers (instead of running them eagerly), with their lease."""
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.task_default_queue)
    conf.task_always_eager, conf.task_default_queue = False, queue
    settings.IMPORT_JOB_LEASE_SECONDS = LEASE_SECONDS
    try:
        yield
    finally:
        conf.task_always_eager, conf.task_default_queue = saved
