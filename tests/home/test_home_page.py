from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from networks.factories import GatheringFactory, NetworkIndexPageFactory, NetworkPageFactory
from tests.utils import PageTestCase

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


def test_home_page_tree_allows_exactly_the_five_sections():
    checker = PageTestCase()
    checker.assertAllowedSubpageTypes(
        HomePage,
        {
            apps_model("networks.NetworkIndexPage"),
            apps_model("people.ResourcePersonIndexPage"),
            apps_model("casestudies.CaseStudyIndexPage"),
            apps_model("methods.MethodIndexPage"),
            apps_model("methods.ShareableTemplateIndexPage"),
        },
    )


def apps_model(label):
    from django.apps import apps

    return apps.get_model(label)


def test_home_page_lists_sections_news_and_coming_gatherings(employee_client, home):
    case_index = CaseStudyIndexPageFactory(parent=home, title="Case studies", show_in_menus=True)
    method_index = MethodIndexPageFactory(parent=home, title="Methods", show_in_menus=True)
    network_index = NetworkIndexPageFactory(parent=home, title="Networks", show_in_menus=True)
    CaseStudyPageFactory(parent=case_index, title="Night-time sensors in home care")
    MethodPageFactory(parent=method_index, title="Developing reflection")
    network = NetworkPageFactory(parent=network_index, title="Norrvik network")
    GatheringFactory(page=network, title="Kick-off", start=timezone.now() + timedelta(days=7))
    GatheringFactory(page=network, title="Long past", start=timezone.now() - timedelta(days=70))

    html = employee_client.get("/en/").content.decode()

    nav = html.split('class="main-navigation"')[1].split("</nav>")[0]
    assert ">Case studies<" in nav and ">Methods<" in nav and ">Networks<" in nav
    assert "Night-time sensors in home care" in html
    assert "Developing reflection" in html
    assert "Kick-off" in html
    assert "Long past" not in html


def test_pages_missing_in_a_language_are_listed_in_their_own_language(employee_client, home):
    method_index = MethodIndexPageFactory(parent=home, title="Methods")
    MethodPageFactory(parent=method_index, title="Developing reflection")
    swedish_home = home.get_translation(Locale.objects.get(language_code="sv"))

    html = employee_client.get(swedish_home.url).content.decode()

    assert "Developing reflection" in html
    assert '<span class="language-marker" lang="en">(English)</span>' in html


def test_home_page_query_count_does_not_grow_with_content(employee_client, home, django_assert_num_queries):
    case_index = CaseStudyIndexPageFactory(parent=home)
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home))

    def add(count, start=0):
        for number in range(start, start + count):
            published = timezone.now() - timedelta(days=100 - number)  # The higher the number, the newer.
            CaseStudyPageFactory(parent=case_index, title=f"Case {number}", first_published_at=published)
            GatheringFactory(page=network, start=timezone.now() + timedelta(days=number + 1))

    # Only the four every page pays (session, user, locale, view restrictions): the lists are shared parts.
    for start, count in ((0, 3), (3, 27)):
        add(count, start=start)
        employee_client.get("/en/")  # Warm: publishing made the shared parts (portal/fragments.py) stale.
        with django_assert_num_queries(4):
            html = employee_client.get("/en/").content.decode()
        assert f"Case {start + count - 1}" in html  # The newest is announced.
