"""The search query log, taken over from the home app with its rows (see home 0003).

The table already exists under this app's name, so only Django's state learns the model.
Its content type is moved rather than recreated, so that permissions granted on it stay.
"""

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    old = ContentType.objects.using(db).filter(app_label="home", model="searchqueryday")
    if ContentType.objects.using(db).filter(app_label="search", model="searchqueryday").exists():
        # Created by an earlier run of post_migrate; the old one's permissions are then orphans.
        old.delete()
    else:
        old.update(app_label="search")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label="search", model="searchqueryday").update(app_label="home")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_move_searchqueryday_to_search"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchQueryDay",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("date", models.DateField(db_index=True, verbose_name="date")),
                        ("language", models.CharField(max_length=8, verbose_name="language")),
                        ("query", models.CharField(max_length=200, verbose_name="query")),
                        ("hits", models.PositiveIntegerField(default=0, verbose_name="searches")),
                        (
                            "zero_result_hits",
                            models.PositiveIntegerField(default=0, verbose_name="searches without results"),
                        ),
                    ],
                    options={
                        "verbose_name": "search query",
                        "verbose_name_plural": "search queries",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("date", "language", "query"), name="home_search_query_day_unique"
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
