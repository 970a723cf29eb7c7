"""Full-text indexes over incidents (title, summary) and sources (title, text) (PostgreSQL only)."""

from django.db import migrations

from attribution.migration_operations import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [("incidents", "0001_initial")]

    operations = [
        CreateSearchIndex("incident", "incident_search", ["title", "summary"]),
        CreateSearchIndex("source", "source_search", ["title", "text"]),
    ]
