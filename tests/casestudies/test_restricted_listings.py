"""A case study restricted to Communications: protected where it is listed, not only where it is served.

The audit found its title and summary on the case-study list, the home page, a profile page and the
network page. Each of those lists it now only to readers who may open it.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyPageFactory
from portal import roles
from portal.factories import UserFactory
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

TITLE = "Confidential restructuring at the harbour"
SUMMARY = "What went wrong when two units merged."


@pytest.fixture
def scene(index, related):
    person = related.person(title="Signe Berg")
    network = related.network(title="Harbour network")
    method = related.method(title="Merger dialogue")
    template = related.template(title="Merger checklist", related_method=method)
    restricted = CaseStudyPageFactory(
        parent=index,
        title=TITLE,
        summary=SUMMARY,
        network=network,
        methods_used=[method],
        contact_persons=[person],
        shareable_templates_used=[template],
    )
    CaseStudyPageFactory(parent=index, title="Open reflection rounds", network=network, contact_persons=[person])
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name=roles.COMMUNICATIONS)[0])
    return {"person": person, "network": network, "method": method, "case": restricted}


@pytest.fixture
def communications_client(client):
    return login_with_second_factor(client, UserFactory(username="carla", role=roles.COMMUNICATIONS))


def pages_to_check(scene, index):
    return {
        "case-study list": index.url,
        "home page": "/en/",
        "profile page": scene["person"].url,
        "network page": scene["network"].url,
        "method page": scene["method"].url,
    }


def test_an_employee_never_sees_the_restricted_case_study_listed(scene, index, employee_client):
    assert employee_client.get(scene["case"].url).status_code in (302, 403)
    for where, url in pages_to_check(scene, index).items():
        response = employee_client.get(url)
        assert response.status_code == 200, where
        html = response.content.decode()
        assert TITLE not in html, where
        assert SUMMARY not in html, where
    # The open case study is still there, so the lists themselves work.
    assert "Open reflection rounds" in employee_client.get(index.url).content.decode()
    assert "Open reflection rounds" in employee_client.get(scene["network"].url).content.decode()


def test_a_communications_member_sees_it_listed_everywhere(scene, index, communications_client):
    assert communications_client.get(scene["case"].url).status_code == 200
    for where, url in pages_to_check(scene, index).items():
        assert TITLE in communications_client.get(url).content.decode(), where


def test_the_case_study_list_names_no_restricted_network_or_method(index, related, employee_client):
    board = Group.objects.create(name="Board")
    network = related.network(title="Board network")
    method = related.method(title="Board method")
    for page in (network, method):
        PageViewRestriction.objects.create(page=page, restriction_type="groups").groups.add(board)
    CaseStudyPageFactory(parent=index, title="Open case", network=network, methods_used=[method])

    html = employee_client.get(index.url).content.decode()
    assert "Open case" in html
    # Neither in the card's key facts nor among the filter's options.
    assert "Board network" not in html
    assert "Board method" not in html
    case_html = employee_client.get(CaseStudyPageFactory._meta.model.objects.get(title="Open case").url)
    assert "Board network" not in case_html.content.decode()
    assert "Board method" not in case_html.content.decode()


def test_cards_kept_for_one_class_are_never_shown_to_another(index, related, employee_client, settings):
    """The list's cards are kept per permission class (IndexPage.page_cards): a Board member's card names
    the Board network, an employee's card of the same case study, read after it, does not."""
    settings.PAGE_CACHE = False  # Each view renders its page; the cards come from the shared parts.
    board = Group.objects.create(name="Board")
    network = related.network(title="Board network")
    PageViewRestriction.objects.create(page=network, restriction_type="groups").groups.add(board)
    CaseStudyPageFactory(parent=index, title="Open case", network=network)
    member = UserFactory(username="bodil")
    member.groups.add(board)
    member_client = Client()
    member_client.force_login(member)

    for _ in range(2):
        assert "Board network" in member_client.get(index.url).content.decode()
        html = employee_client.get(index.url).content.decode()
        assert "Open case" in html
        assert "Board network" not in html
