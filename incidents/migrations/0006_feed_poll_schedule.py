"""Schedule feed polling: a celery beat periodic task "Poll feeds" running incidents.tasks.poll_due_feeds
every 5 minutes (each feed keeps its own interval; the task polls only the feeds that are due).

The task and its interval are ordinary rows, editable in the admin (Periodic tasks). Reversing removes
the task, and the interval when no other task uses it.
"""

from django.db import migrations
from django.utils import timezone

TASK_NAME = "Poll feeds"
TASK = "incidents.tasks.poll_due_feeds"


def schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    every_5_minutes, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "task": TASK,
            "interval": every_5_minutes,
            "enabled": True,
            # A run that waited longer than one period is dropped: the next one polls the same feeds.
            "expire_seconds": 300,
            "description": "Polls the RSS/Atom feeds that are due; their new entries become report imports.",
        },
    )
    # Tell a running beat (DatabaseScheduler) to reload its schedule, as the model's signals would.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def unschedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    PeriodicTask.objects.filter(name=TASK_NAME, task=TASK).delete()
    IntervalSchedule.objects.filter(every=5, period="minutes", periodictask__isnull=True).delete()
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


class Migration(migrations.Migration):

    dependencies = [
        ("incidents", "0005_external_ids_feeds"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
