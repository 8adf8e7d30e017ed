"""The search query log moves to the search app; its table is renamed and its rows stay.

The database keeps the table under search's name; the home app's state forgets the
model, which search/migrations/0001_initial takes over without touching the table.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_searchqueryday"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name="SearchQueryDay", table="search_searchqueryday")],
            state_operations=[migrations.DeleteModel(name="SearchQueryDay")],
        ),
    ]
