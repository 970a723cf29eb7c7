"""The public search document of each incident, with its GIN index (PostgreSQL only; documents are
filled after migrating: incidents.search_index), and the data generation sequence (incidents.api_cache)."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from attribution.migration_operations import CreateGinIndex


def create_generation_sequence(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE SEQUENCE IF NOT EXISTS incidents_data_generation")


def drop_generation_sequence(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP SEQUENCE IF EXISTS incidents_data_generation")


class Migration(migrations.Migration):

    dependencies = [
        ('incidents', '0007_feed_entry_history'),
    ]

    operations = [
        migrations.CreateModel(
            name='IncidentSearch',
            fields=[
                ('incident', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search', serialize=False, to='incidents.incident')),
                ('document', django.contrib.postgres.search.SearchVectorField(null=True)),
                ('refreshed_at', models.DateTimeField(auto_now=True)),
            ],
            options={
                'verbose_name': 'incident search document',
            },
        ),
        CreateGinIndex("incidentsearch", "incident_search_document", "document"),
        # The data generation that keys cached anonymous API answers (incidents.api_cache).
        migrations.RunPython(create_generation_sequence, drop_generation_sequence, elidable=False),
    ]
