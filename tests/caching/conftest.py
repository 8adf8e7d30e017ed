"""The scenes the page-cache tests share."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory


@pytest.fixture
def home(site_tree):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def board_scene(home):
    """A listing and a case study only the Board group may see (a group that needs no second factor)."""
    title = "Board minutes on the harbour merger"
    index = CaseStudyIndexPageFactory(parent=home)
    secret = CaseStudyPageFactory(parent=index, title=title)
    board = Group.objects.create(name="Board")
    PageViewRestriction.objects.create(page=secret, restriction_type="groups").groups.add(board)
    return {"index": index, "secret": secret, "board": board, "title": title}
