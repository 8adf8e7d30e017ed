"""A learning's drafts: autosave, who may see them, invited colleagues and their e-mail, start_draft for
other apps, and the entry points that lead to the form."""

import json
from html import unescape

import pytest
from django.utils import translation

from casestudies.learning import start_draft
from casestudies.models import LearningDraft
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from tests.casestudies.learning_fixtures import (
    ANSWERS,
    url,
)
from tests.utils import signed_in

pytestmark = pytest.mark.django_db


def test_autosave_creates_the_draft_then_updates_it(author):
    client = signed_in(author)
    response = client.post(url("share_learning_autosave_new", "nl"), {"title": "Half a thought", "best": "We"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["saved"] and answer["message"].startswith("Opgeslagen") or answer["message"].startswith("Saved")
    draft = LearningDraft.objects.get(pk=answer["id"])
    assert draft.author == author and draft.language == "nl" and draft.best == "We"
    assert answer["edit_url"] == f"/nl/share/{draft.pk}/"
    response = client.post(answer["autosave_url"], {"title": "Half a thought", "best": "We listen first."})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.best == "We listen first." and LearningDraft.objects.count() == 1


def test_autosave_keeps_no_draft_without_writing(author):
    """As "Save draft": a date or a method picked, or a letter typed and deleted, makes no empty draft."""
    client = signed_in(author)
    for fields in ({"date": "2026-03-12"}, {"title": "   ", "best": ""}, {}):
        response = client.post(url("share_learning_autosave_new", "sv"), fields)
        assert response.status_code == 200 and response.json() == {"saved": False, "message": ""}
    assert not LearningDraft.objects.exists()
    response = client.post(url("share_learning_autosave_new", "sv"), {"date": "2026-03-12", "learn": "Ask first."})
    assert response.json()["saved"] and LearningDraft.objects.get().learn == "Ask first."


def test_autosave_explains_bad_input_and_needs_csrf(author):
    client = signed_in(author)
    response = client.post(url("share_learning_autosave_new", "en"), {"date": "next tuesday"})
    assert response.status_code == 400
    assert "date" in json.loads(response.content)["errors"]
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(author)
    assert strict.post(url("share_learning_autosave_new", "en"), {"title": "x"}).status_code == 403


def test_autosave_is_rate_limited(author, monkeypatch):
    monkeypatch.setattr("casestudies.learning.drafts.AUTOSAVE_LIMIT", 2)
    client = signed_in(author)
    draft = start_draft(author, language="en")
    codes = [client.post(draft.get_autosave_url(), {"title": f"t{n}"}).status_code for n in range(4)]
    assert codes[:2] == [200, 200] and codes[-1] == 429


def test_nobody_else_sees_an_unsubmitted_draft(author, colleague):
    draft = start_draft(author, language="en", title="Private thoughts", best="Only mine")
    other = signed_in(colleague)
    assert other.get(draft.get_edit_url()).status_code == 404
    assert other.post(draft.get_edit_url(), {**ANSWERS, "action": "save"}).status_code == 404
    assert other.post(draft.get_autosave_url(), {"title": "Mine now"}).status_code == 404
    assert "Private thoughts" not in other.get(url("learning_contributions", "en")).content.decode()
    draft.refresh_from_db()
    assert draft.title == "Private thoughts"


def test_an_invited_colleague_edits_and_is_told_in_their_language(author, colleague, mailoutbox):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(colleague)
    profile.preferred_language = "nl"
    profile.save()
    draft = start_draft(author, language="en", title="Reflection after the audit")
    owner = signed_in(author)
    response = owner.post(draft.get_edit_url(), {"action": "invite", "colleague": "NOOR@example.org"})
    assert response.status_code == 302
    assert list(draft.co_authors.all()) == [colleague]
    [mail] = mailoutbox
    assert mail.to == ["noor@example.org"]
    assert f"/nl/share/{draft.pk}/" in mail.body
    with translation.override("nl"):
        assert "Elin Berg" in mail.subject

    invited = signed_in(colleague)
    page = unescape(invited.get(draft.get_edit_url()).content.decode())
    assert "Reflection after the audit" in page and "Elin Berg invited you" in page
    assert "Reflection after the audit" in invited.get(url("learning_contributions", "en")).content.decode()
    response = invited.post(draft.get_edit_url(), {**ANSWERS, "learn": "Noor's addition", "action": "save"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.learn == "Noor's addition"
    # Only the author submits and invites; the colleague's text is kept.
    response = invited.post(draft.get_edit_url(), {**ANSWERS, "learn": "Noor again", "action": "submit"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.learn == "Noor again" and draft.state == LearningDraft.State.DRAFT


def test_invitations_explain_bad_input(author):
    draft = start_draft(author, language="en")
    client = signed_in(author)
    response = client.post(draft.get_edit_url(), {"action": "invite", "colleague": "nobody@example.org"})
    assert response.status_code == 400
    assert "No active colleague has this username or e-mail address." in unescape(response.content.decode())
    response = client.post(draft.get_edit_url(), {"action": "invite", "colleague": "elin"})
    assert "You are already the author of this learning." in unescape(response.content.decode())


def test_start_draft_for_other_apps(author):
    draft = start_draft(author, language="sv", title="Från mötet", learn="Vi lärde oss", activity="Möte")
    assert draft.get_edit_url() == f"/sv/share/{draft.pk}/"
    response = signed_in(author).get(draft.get_edit_url())
    assert response.status_code == 200
    assert "Vi lärde oss" in unescape(response.content.decode())
    assert start_draft(author, language="xx").language == "en"


def test_entry_points_preselect_the_page(author, indexes, settings):
    home = indexes["en"].get_parent()
    method = MethodPageFactory(parent=MethodIndexPageFactory(parent=home), title="Developing reflection")
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Reflection network")
    client = signed_in(author)
    assert f'href="/en/share/?method={method.pk}"' in client.get(method.get_url()).content.decode()
    assert f'href="/en/share/?network={network.pk}"' in client.get(network.get_url()).content.decode()
    assert 'href="/en/share/"' in client.get(home.get_url()).content.decode()
    account = client.get(url("account", "en")).content.decode()
    assert 'href="/en/contributions/"' in account


def test_query_parameters_fall_back_to_defaults(author):
    client = signed_in(author)
    for query in ("?method=abc", "?network=99999", "?gathering=not-a-uuid", "?example=-1", "?method="):
        assert client.get(url("share_learning", "en") + query).status_code == 200


def test_a_gathering_offers_a_learning_that_links_to_it(author, indexes):
    from networks.factories import GatheringFactory

    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=indexes["en"].get_parent()), title="Reflection")
    gathering = GatheringFactory(page=network, title="Spring gathering")
    client = signed_in(author)
    html = unescape(client.get(f"{network.url}gatherings/{gathering.translation_key}/").content.decode())
    link = f"/en/share/?gathering={gathering.translation_key}"
    assert f'href="{link}"' in html
    form = unescape(client.get(link).content.decode())
    assert f'<option value="{gathering.translation_key}" selected>Spring gathering – Reflection' in form
    response = client.post(link, {**ANSWERS, "gathering": str(gathering.translation_key), "action": "save"})
    assert response.status_code == 302
    assert LearningDraft.objects.get().gathering_key == gathering.translation_key


def test_drafts_are_not_shared_through_the_page_cache(author, colleague, page_cache):
    """Both are employees, one permission class: neither page may be served from another's copy."""
    start_draft(author, language="en", title="Elin's own learning")
    mine = signed_in(author)
    assert "Elin's own learning" in unescape(mine.get(url("learning_contributions", "en")).content.decode())
    theirs = signed_in(colleague)
    for name in ("learning_contributions", "share_learning"):
        response = theirs.get(url(name, "en"))
        assert "Elin's own learning" not in unescape(response.content.decode())
        assert response.get("X-Page-Cache") != "hit"
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
