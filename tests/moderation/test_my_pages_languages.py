""" "My pages in review" tells an original and its translation apart: each row carries its language,
labelled as on Wagtail's dashboard, in the author's language."""

import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.moderation.conftest import client_for
from tests.moderation.test_review_experience import submit
from tests.moderation.test_template_journey import act
from tests.moderation.test_translation_flow import start_translation

pytestmark = pytest.mark.django_db


def rows(client):
    """(title, language label, state) of each row, as the author reads them."""
    html = unescape(client.get(reverse("erfa_my_pages_in_review")).content.decode())
    found = []
    for cell, state in re.findall(
        r'<tr class="erfa-review-row"[^>]*>\s*<td>(.*?)</td>\s*<td>\s*<strong class="erfa-review-state">(.*?)</strong>',
        html,
        re.S,
    ):
        title = re.search(r"<a [^>]*>(.*?)</a>", cell, re.S).group(1)
        label = re.search(r'<span class="w-status w-status--label">(.*?)</span>', cell, re.S)
        found.append((" ".join(title.split()), label and " ".join(label.group(1).split()), " ".join(state.split())))
    return sorted(found)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                ("Agenda for reflection meetings", "English", "Published"),
                ("Agenda for reflection meetings", "Swedish", "In review"),
            ],
        ),
        (
            "da",
            [
                ("Agenda for reflection meetings", "Engelsk", "Offentliggjort"),
                ("Agenda for reflection meetings", "Svensk", "Til gennemgang"),
            ],
        ),
    ],
)
def test_an_original_and_its_translation_in_review_are_told_apart_by_language(
    language, expected, library, resource_user, communications_user
):
    author = client_for(resource_user)
    page, _document = submit(author, library)
    act(client_for(communications_user), page, "approve")
    target = start_translation(author, page, url_name="erfa_translate_page")
    assert author.post(reverse("erfa_submit_translation", args=[target.pk])).status_code == 302

    profile = UserProfile.get_for_user(resource_user)
    profile.preferred_language = language
    profile.save()
    assert rows(client_for(resource_user)) == sorted(expected)
