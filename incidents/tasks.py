"""Background tasks: thin wrappers that take an id and call one service."""

from celery import shared_task

from incidents.services import importjob_claim, importjob_run


@shared_task(acks_late=True, reject_on_worker_lost=True)
def run_import_job(job_id: int) -> str:
    """Run one import job; a second delivery of the same message finds it taken and stops."""
    job = importjob_claim(job_id=job_id)
    if job is None:
        return "already taken"
    return importjob_run(job=job).status
