"""After rating, the confirmation is where the reader lands: inside the rating section (#rating), once."""

import re

import pytest

from methods.factories import MethodPageFactory

pytestmark = pytest.mark.django_db

THANKS = "Thank you. Your rating has been saved."


def test_the_confirmation_is_inside_the_rating_section_and_not_at_the_top(method_index, employee_client):
    method = MethodPageFactory(parent=method_index, title="Reflection meeting")
    response = employee_client.post(method.url + "rate/", {"score": "5"})
    location = response["Location"]
    assert location.endswith(method.url + "#rating")

    html = employee_client.get(location.split("#")[0]).content.decode()
    assert html.count(THANKS) == 1
    # The fragment #rating names the section; the browser scrolls there and starts the focus there.
    start = html.index('<section id="rating"')
    rating = html[start : html.index("</section>", start)]
    status = re.search(r'<div class="messages method-rating__confirmation" role="status">(.*?)</div>', rating, re.S)
    assert status is not None and THANKS in status.group(1)
    # Before the form, so it is the first thing read in the section.
    assert rating.index(THANKS) < rating.index("<form")
    assert "Your score is 5." in rating
    # The top of the page, out of view after the jump, does not repeat it.
    assert THANKS not in html[:start]
    # Shown once: the next visit is quiet.
    assert THANKS not in employee_client.get(method.url).content.decode()

