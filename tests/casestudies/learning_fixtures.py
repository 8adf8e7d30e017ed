"""Shared set-up for the "Share a learning" tests: case-study indexes in English and Swedish, the roles
and the review workflow, employees and a Communications reviewer."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from casestudies.factories import CaseStudyIndexPageFactory
from home.models import HomePage
from portal.factories import EmployeeFactory, UserFactory
from portal.roles import COMMUNICATIONS
from tests.utils import login_with_second_factor

ANSWERS = {
    "title": "Reflection after the spring home visits",
    "workplace": "Northern advisory unit",
    "activity": "Home visits with new advisers",
    "date": "2026-03-12",
    "best": "We listen first.",
    "learn": "Short reflections right after the visit work better than a long one later.",
    "keep_and_develop": "Keep the pairs; develop a shared checklist.",
}


@pytest.fixture
def indexes(site_tree):
    english = HomePage.objects.get(locale__language_code="en")
    swedish = HomePage.objects.get(locale__language_code="sv")
    return {
        "en": CaseStudyIndexPageFactory(parent=english),
        "sv": CaseStudyIndexPageFactory(parent=swedish, title="Fallstudier", slug="fallstudier"),
    }


@pytest.fixture
def roles(indexes):
    call_command("setup_roles", stdout=io.StringIO())


@pytest.fixture
def author(roles):
    return EmployeeFactory(username="elin", first_name="Elin", last_name="Berg", email="elin@example.org")


@pytest.fixture
def colleague(roles):
    return EmployeeFactory(username="noor", first_name="Noor", last_name="Visser", email="noor@example.org")


@pytest.fixture
def reviewer(roles):
    user = UserFactory(username="kaja", first_name="Kaja", last_name="Verhoef")
    user.groups.add(Group.objects.get(name=COMMUNICATIONS))
    return user



def reviewer_client(user):
    return login_with_second_factor(Client(), user)


def url(name, language="en", *args):
    with translation.override(language):
        return reverse(name, args=args)


def locale(code):
    return Locale.objects.get(language_code=code)


def act(client, page, action, comment=""):
    """A reviewer's decision from the admin's review dialog, as Wagtail posts it."""
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]), {"comment": comment}
    )
