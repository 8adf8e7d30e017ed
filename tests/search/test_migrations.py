"""The query log moved from the home app to the search app: a database from before keeps its rows."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("home", "0002_searchqueryday")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_logged_queries_and_their_permissions_survive_the_move():
    old_apps = migrate(BEFORE)
    assert "search_searchqueryday" not in connection.introspection.table_names()
    old_log = old_apps.get_model("home", "SearchQueryDay")
    old_log.objects.create(date=datetime.date(2026, 11, 2), language="sv", query="nätverk", hits=4, zero_result_hits=1)
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    Permission = old_apps.get_model("auth", "Permission")
    Group = old_apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(app_label="home", model="searchqueryday")
    view, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="view_searchqueryday", defaults={"name": "Can view search query"}
    )
    Group.objects.create(name="Communications").permissions.add(view)

    new_apps = migrate(latest())

    log = new_apps.get_model("search", "SearchQueryDay")
    assert list(log.objects.values_list("language", "query", "hits", "zero_result_hits")) == [("sv", "nätverk", 4, 1)]
    assert "home_searchqueryday" not in connection.introspection.table_names()
    group = new_apps.get_model("auth", "Group").objects.get(name="Communications")
    assert list(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("search", "view_searchqueryday")
    ]
