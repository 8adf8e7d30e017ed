"""Methods under a password or login restriction, on the method list, the home page and the template library."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


def test_a_password_method_is_listed_only_after_its_password_is_entered(home, employee_client):
    methods = MethodIndexPageFactory(parent=home)
    library = ShareableTemplateIndexPageFactory(parent=home)
    secret = MethodPageFactory(parent=methods, title="Sealed method", summary="Only with the password.")
    ShareableTemplatePageFactory(parent=library, title="Open agenda", related_method=secret)
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type="password", password="letmein")
    urls = {"method list": methods.url, "home page": home.url, "template library": library.url}

    for where, url in urls.items():
        html = employee_client.get(url).content.decode()
        assert "Sealed method" not in html, where
        assert "Only with the password." not in html, where
    assert "Open agenda" in employee_client.get(library.url).content.decode()

    employee_client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, secret.pk]),
        {"password": "letmein", "return_url": secret.url},
    )
    for where, url in urls.items():
        assert "Sealed method" in employee_client.get(url).content.decode(), where


def test_a_login_restricted_method_is_listed_for_signed_in_employees(home, employee_client):
    methods = MethodIndexPageFactory(parent=home)
    PageViewRestriction.objects.create(
        page=MethodPageFactory(parent=methods, title="Staff method"), restriction_type="login"
    )
    assert "Staff method" in employee_client.get(methods.url).content.decode()
    assert "Staff method" in employee_client.get(home.url).content.decode()
