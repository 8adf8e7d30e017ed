"""Communications' list of questions and comments in the Swedish admin: headings and languages are named, not coded."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from discussion import rules
from discussion.models import Comment
from tests.discussion.conftest import prefer
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

LONG = "Hur gör ni när halva gruppen sitter på distans? " * 10


def table(html):
    soup = BeautifulSoup(html, "html.parser").select_one("main table")
    headings = [th.get_text(" ", strip=True) for th in soup.select("thead th")]
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in soup.select("tbody tr")]
    return headings, [dict(zip(headings, row, strict=True)) for row in rows]


def test_the_swedish_list_has_capitalised_headings_language_names_and_short_texts(client, method, reader, moderator):
    rules.post(reader, method, kind="question", body=LONG)
    rules.post(reader, method, kind="comment", body="Virker det også online?")
    Comment.objects.filter(body__startswith="Virker").update(language="da")
    Comment.objects.filter(body=LONG).update(language="sv")
    prefer(moderator, "sv")
    login_with_second_factor(client, moderator)

    headings, rows = table(client.get(reverse("discussion_comment:index")).content.decode())

    assert headings == ["Text", "Sida", "Författare", "Typ", "Språk", "Läge", "Skrivet"]
    assert {row["Språk"] for row in rows} == {"Svenska", "Danska"}
    texts = {row["Text"] for row in rows}
    assert "Virker det også online?" in texts
    # A long text is cut to an excerpt that keeps the column narrow enough for a phone.
    (excerpt,) = texts - {"Virker det også online?"}
    assert excerpt.endswith("…") and len(excerpt) <= 80


def test_the_language_filter_offers_the_languages_by_name(client, method, reader, moderator):
    rules.post(reader, method, kind="comment", body="Virker det også online?")
    Comment.objects.update(language="da")
    prefer(moderator, "sv")
    login_with_second_factor(client, moderator)
    html = client.get(reverse("discussion_comment:index")).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    choices = soup.select('input[type="radio"][name="language"]')
    assert choices, "a box to type a language code into"
    names = [soup.select_one(f'label[for="{choice["id"]}"]').get_text(strip=True) for choice in choices]
    assert "Danska" in names and "Svenska" in names
    listed = client.get(reverse("discussion_comment:index"), {"language": "da"}).content.decode()
    assert "Virker det også online?" in listed
