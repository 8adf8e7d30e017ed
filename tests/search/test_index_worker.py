"""Search indexing runs in the task worker (search/indexing.py): a publish queues it, db_worker does it."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from methods.models import MethodPage

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())


def found(client, words):
    response = client.get("/en/search/", {"q": words})
    assert response.status_code == 200
    return response.content.decode()


def queued_index_updates():
    return DBTaskResult.objects.filter(task_path="search.indexing.update_search_index", status="READY").count()


def test_a_published_page_is_searchable_once_the_worker_indexed_it_not_before(site_tree, client, employee):
    methods = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    client.force_login(employee)
    with override_settings(TASKS=DATABASE_TASKS):
        page = MethodPageFactory(parent=methods, title="Quillwort mapping")
        page.save_revision().publish()
        assert queued_index_updates() >= 1
        assert "Quillwort mapping" not in found(client, "quillwort")

        run_worker()
        assert queued_index_updates() == 0
        assert "Quillwort mapping" in found(client, "quillwort")

        MethodPage.objects.get(pk=page.pk).delete()
        run_worker()
        assert "Quillwort mapping" not in found(client, "quillwort")


def test_with_immediate_tasks_a_publish_is_searchable_at_once(site_tree, client, employee):
    methods = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    client.force_login(employee)
    page = MethodPageFactory(parent=methods, title="Sundew circle")
    page.save_revision().publish()
    assert DBTaskResult.objects.count() == 0
    assert "Sundew circle" in found(client, "sundew")
    page.unpublish()
    assert "Sundew circle" not in found(client, "sundew")


def test_a_publish_queues_one_index_update_and_none_of_wagtails_own(site_tree):
    """Wagtail's handlers would queue a task per save that finds no backend to update: a wasted row and run."""
    methods = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    with override_settings(TASKS=DATABASE_TASKS):
        page = MethodPageFactory(parent=methods, title="Quillwort mapping")
        DBTaskResult.objects.all().delete()
        page.save_revision().publish()
        paths = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert "search.indexing.update_search_index" in paths
    assert not [path for path in paths if path.startswith("modelsearch.")]
