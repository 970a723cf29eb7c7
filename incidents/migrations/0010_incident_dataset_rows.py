"""The public dataset row of each incident beside its search document (PostgreSQL only; rows are built after
migrating: incidents.search_index), compressed with lz4 where the server has it (read back several times
faster than the default pglz when the export streams them)."""

from django.db import migrations, models

LZ4 = "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"


def compress_with_lz4(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(LZ4)
        if cursor.fetchone():
            schema_editor.execute(
                "ALTER TABLE incidents_incidentsearch "
                "ALTER COLUMN csv_row SET COMPRESSION lz4, ALTER COLUMN json_row SET COMPRESSION lz4"
            )


class Migration(migrations.Migration):

    dependencies = [
        ('incidents', '0009_incident_version'),
    ]

    operations = [
        migrations.AddField(
            model_name='incidentsearch',
            name='csv_row',
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name='incidentsearch',
            name='json_row',
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name='incidentsearch',
            name='row_version',
            field=models.CharField(blank=True, editable=False, max_length=16),
        ),
        migrations.RunPython(compress_with_lz4, migrations.RunPython.noop, elidable=False),
    ]
