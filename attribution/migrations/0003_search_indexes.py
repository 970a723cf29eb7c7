"""Full-text indexes over the quotes of claims, reactions and consequences (PostgreSQL only)."""

from django.db import migrations

from attribution.migration_operations import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [("attribution", "0002_initial")]

    operations = [
        CreateSearchIndex("attribution", "attribution_quote_search", ["quote"]),
        CreateSearchIndex("reaction", "reaction_quote_search", ["quote"]),
        CreateSearchIndex("consequence", "consequence_quote_search", ["quote"]),
    ]
