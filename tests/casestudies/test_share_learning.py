"""Sharing a learning from the front end: the form, submission into review in the author's language,
"My contributions" with each status, and the answer to "changes requested" without the admin."""

import re
from datetime import UTC, date, datetime, timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import WorkflowState

from casestudies.learning import start_draft
from casestudies.models import CaseStudyPage, LearningDraft
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from networks.factories import GatheringFactory, NetworkIndexPageFactory, NetworkPageFactory
from networks.models import Anchoring, Example
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import OrganisationFactory
from tests.casestudies.learning_fixtures import (
    ANSWERS,
    act,
    locale,
    reviewer_client,
    url,
)
from tests.utils import signed_in

pytestmark = pytest.mark.django_db
COMMENT = "Please name the unit's region."


def share(client, language, **changes):
    return client.post(url("share_learning", language), {**ANSWERS, **changes, "action": "submit"})


def test_the_form_asks_the_three_questions_in_the_readers_language(author):
    html = unescape(signed_in(author).get(url("share_learning", "en")).content.decode())
    assert "What do we do best when this kind of thing happens?" in html
    assert "What can we learn from it?" in html
    assert "What do we keep, and what do we develop, next time?" in html
    for field in ("title", "workplace", "activity", "date", "method", "network", "gathering", "example"):
        assert f'name="{field}"' in html


def test_gatherings_and_examples_are_dated_as_the_reader_writes_dates(author, indexes):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=indexes["sv"].get_parent()), title="Norrvik")
    # 23:30 UTC is half past midnight in Stockholm: the gathering is on 2 February there.
    start = datetime(2027, 2, 1, 23, 30, tzinfo=UTC)
    GatheringFactory(page=network, title="Vårträffen", start=start, end=start + timedelta(hours=3))
    example = Example.objects.create(
        network_key=network.translation_key, title="Kvällsmedicinen", description="-", language="sv"
    )
    unit = OrganisationFactory(name="Björken")
    Anchoring.objects.create(
        example=example, unit_key=unit.translation_key, taken_up_on=date(2027, 2, 3), group_said="-", language="sv"
    )
    html = unescape(signed_in(author).get(url("share_learning", "sv")).content.decode())
    assert "Vårträffen – Norrvik (2 februari 2027)</option>" in html
    assert "Kvällsmedicinen – Björken (3 februari 2027)</option>" in html
    assert "(2027-02-02)" not in html and "(2027-02-03)" not in html


def test_each_anchored_example_names_the_unit_that_took_it_up(author, indexes):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=indexes["sv"].get_parent()), title="Norrvik")
    title = "När en brukare vägrar ta sin medicin"
    example = Example.objects.create(network_key=network.translation_key, title=title, description="-", language="sv")
    solbacken = OrganisationFactory(name="Solbacken")
    # One unit in two languages: each reader sees its name in their own, as elsewhere on the site.
    birches = OrganisationFactory(name="Birch Grove care home")
    OrganisationFactory(name="Björkdungen", locale=locale("sv"), translation_key=birches.translation_key)
    gone = OrganisationFactory(name="Closed unit")
    for unit, day in ((solbacken, date(2026, 10, 5)), (birches, date(2026, 9, 27)), (gone, date(2026, 9, 1))):
        Anchoring.objects.create(
            example=example, unit_key=unit.translation_key, taken_up_on=day, group_said="-", language="sv"
        )
    gone.delete()
    client = signed_in(author)

    def labels(language):
        html = unescape(client.get(url("share_learning", language)).content.decode())
        field = html.split('name="example"')[1].split("</select>")[0]
        return re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", field)

    assert labels("sv") == [
        f"{title} – Solbacken (5 oktober 2026)",
        f"{title} – Björkdungen (27 september 2026)",
        # A unit deleted since is no name at all rather than a wrong one.
        f"{title} (1 september 2026)",
    ]
    assert labels("en")[1] == f"{title} – Birch Grove care home (Sept. 27, 2026)"


def test_the_form_needs_a_signed_in_user(client, roles):
    response = client.get(url("share_learning", "en"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_submission_creates_a_draft_case_study_in_the_authors_language_in_review(author, indexes):
    profiles = ResourcePersonIndexPageFactory(parent=indexes["sv"].get_parent())
    profile = ResourcePersonPageFactory(parent=profiles, title="Elin Berg", user=author)
    response = share(signed_in(author), "sv")
    assert response.status_code == 302 and response["Location"] == url("learning_contributions", "sv")

    page = CaseStudyPage.objects.get(title=ANSWERS["title"])
    assert page.locale == locale("sv")
    assert page.get_parent().pk == indexes["sv"].pk
    assert not page.live
    assert page.owner == author
    assert page.content_owner_id == profile.pk
    assert page.workflow_in_progress
    assert page.current_workflow_state.requested_by == author
    # The three answers are the page's three reflection sections; the context keeps workplace and activity.
    assert "We listen first." in page.lesson_what_we_do_best
    assert "Short reflections" in page.lesson_what_we_can_learn
    assert "shared checklist" in page.lesson_what_to_keep_or_develop
    assert "Northern advisory unit" in page.context and "Home visits" in page.context
    assert "Arbetsplats:" in page.context or "Workplace:" in page.context
    assert str(page.period_start) == "2026-03-12"
    draft = LearningDraft.objects.get()
    assert draft.case_study_id == page.pk and draft.state == LearningDraft.State.SUBMITTED
    assert draft.language == "sv"


def test_links_to_a_method_and_a_network_reach_the_case_study(author, indexes):
    home = indexes["en"].get_parent()
    method = MethodPageFactory(parent=MethodIndexPageFactory(parent=home), title="Developing reflection")
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Reflection network")
    client = signed_in(author)
    form = unescape(client.get(url("share_learning", "en") + f"?method={method.pk}&network=oops").content.decode())
    assert f'<option value="{method.pk}" selected>Developing reflection</option>' in form
    share(client, "en", method=method.pk, network=network.pk)
    page = CaseStudyPage.objects.get()
    assert list(page.methods_used.all()) == [method]
    assert page.network == network


def test_an_employee_without_admin_access_submits(author):
    assert not author.has_perm("wagtailadmin.access_admin")
    assert share(signed_in(author), "en").status_code == 302
    assert CaseStudyPage.objects.get().workflow_in_progress


def test_a_failed_submission_keeps_every_word(author):
    client = signed_in(author)
    response = client.post(url("share_learning", "en"), {**ANSWERS, "title": "", "action": "submit"})
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "This field is required." in html
    assert ANSWERS["learn"] in html and ANSWERS["keep_and_develop"] in html
    # And it is stored: a draft the author finds again.
    draft = LearningDraft.objects.get()
    assert draft.learn == ANSWERS["learn"] and draft.state == LearningDraft.State.DRAFT
    assert not CaseStudyPage.objects.exists()


def test_a_bad_date_is_explained_and_the_text_kept(author):
    response = signed_in(author).post(url("share_learning", "en"), {**ANSWERS, "date": "2999-01-01", "action": "save"})
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "The date cannot be in the future." in html and ANSWERS["best"] in html


def test_submissions_are_rate_limited_and_the_text_kept(author, monkeypatch):
    monkeypatch.setattr("casestudies.learning.drafts.SUBMIT_LIMIT", 1)
    client = signed_in(author)
    assert share(client, "en").status_code == 302
    response = share(client, "en", title="A second learning")
    assert response.status_code == 429
    assert "A second learning" in unescape(response.content.decode())
    assert LearningDraft.objects.filter(title="A second learning", state=LearningDraft.State.DRAFT).exists()


def test_status_labels_on_my_contributions_in_two_languages(author, reviewer):
    client = signed_in(author)
    start_draft(author, language="en", title="Still writing")
    share(client, "en")
    english = unescape(client.get(url("learning_contributions", "en")).content.decode())
    assert "Still writing" in english and "Draft" in english and "In review" in english
    swedish = unescape(client.get(url("learning_contributions", "sv")).content.decode())
    assert "Mina bidrag" in swedish
    assert "Utkast" in swedish and "I granskning" in swedish


def test_changes_requested_then_resubmitted_then_published(author, reviewer):
    client = signed_in(author)
    share(client, "en")
    page = CaseStudyPage.objects.get()
    admin = reviewer_client(reviewer)
    assert act(admin, page, "reject", COMMENT).status_code == 302

    # The author sees the reviewer's comment, on My contributions and on the form.
    listing = unescape(client.get(url("learning_contributions", "en")).content.decode())
    assert "Changes requested" in listing and COMMENT in listing
    draft = LearningDraft.objects.get()
    form = unescape(client.get(draft.get_edit_url("en")).content.decode())
    assert COMMENT in form and "Submit again for review" in form

    # They change it and submit again, from the front end: the same page, the same review resumed.
    changed = {**ANSWERS, "workplace": "Northern unit, Luleå", "action": "submit"}
    response = client.post(draft.get_edit_url("en"), changed)
    assert response.status_code == 302
    page.refresh_from_db()
    assert CaseStudyPage.objects.count() == 1
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Luleå" in page.get_latest_revision_as_object().context
    listing = unescape(client.get(url("learning_contributions", "en")).content.decode())
    assert "In review" in listing and COMMENT not in listing

    assert act(admin, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live and "Luleå" in page.context
    listing = unescape(client.get(url("learning_contributions", "en")).content.decode())
    assert "Published" in listing and f'href="{page.get_url()}"' in listing


def test_a_draft_in_review_cannot_be_changed(author):
    client = signed_in(author)
    share(client, "en")
    draft = LearningDraft.objects.get()
    response = client.post(draft.get_edit_url("en"), {**ANSWERS, "title": "Changed", "action": "save"})
    assert response.status_code == 302
    assert CaseStudyPage.objects.get().title == ANSWERS["title"]
    assert client.post(draft.get_autosave_url("en"), {"title": "Changed"}).status_code == 409
    # The author rereads what they sent: linked from "My contributions", shown without a form.
    assert f'<a href="{draft.get_edit_url("en")}">{ANSWERS["title"]}</a>' in client.get(
        url("learning_contributions", "en")
    ).content.decode()
    page = client.get(draft.get_edit_url("en")).content.decode()
    assert 'class="learning-form"' not in page
    assert "<h1>Your learning in review</h1>" in page and "Edit your learning" not in page
    assert "We listen first." in page and "Northern advisory unit" in page
    assert "Short reflections right after the visit work better than a long one later." in page
    assert "March 12, 2026" in page and "Keep the pairs; develop a shared checklist." in page


def test_query_count_of_the_form(author, django_assert_max_num_queries):
    client = signed_in(author)
    client.get(url("share_learning", "en"))
    with django_assert_max_num_queries(14):
        assert client.get(url("share_learning", "en")).status_code == 200
    draft = start_draft(author, language="en", title="Counting")
    client.get(draft.get_edit_url())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(draft.get_edit_url()).status_code == 200
    assert len(queries) <= 20, [query["sql"] for query in queries]


def test_query_count_of_my_contributions(author, django_assert_max_num_queries):
    client = signed_in(author)
    for number in range(5):
        share(client, "en", title=f"Learning {number}")
        start_draft(author, language="en", title=f"Draft {number}")
    client.get(url("learning_contributions", "en"))
    with django_assert_max_num_queries(12):
        assert client.get(url("learning_contributions", "en")).status_code == 200


@pytest.mark.parametrize("action", ["save", "submit"])
def test_an_empty_form_leaves_no_untitled_draft_behind(author, indexes, action):
    # Only the links (as the entry points fill them in) and nothing written: nothing to keep.
    methods = MethodIndexPageFactory(parent=indexes["en"].get_parent())
    method = MethodPageFactory(parent=methods, title="Reflection round")
    response = signed_in(author).post(url("share_learning", "sv"), {"method": method.pk, "action": action})
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "Inget är sparat än: skriv din lärdom först." in html
    assert f'<option value="{method.pk}" selected>' in html  # the choice is kept
    if action == "submit":
        assert "Det här fältet är obligatoriskt" in html  # what a submission needs is marked
    assert not LearningDraft.objects.exists()


def test_the_author_deletes_a_draft_after_being_asked(author, colleague):
    draft = start_draft(author, language="en", title="A false start", best="Half")
    draft.co_authors.add(colleague)
    client = signed_in(author)
    listing = unescape(client.get(url("learning_contributions", "sv")).content.decode())
    delete_url = url("share_learning_delete", "sv", draft.pk)
    assert f'href="{delete_url}"' in listing
    assert f'href="{delete_url}"' in client.get(url("share_learning_edit", "sv", draft.pk)).content.decode()
    question = unescape(client.get(delete_url).content.decode())
    assert "Ta bort utkastet?" in question and "‘A false start’" in question
    assert LearningDraft.objects.filter(pk=draft.pk).exists()  # asking deletes nothing
    # An invited colleague may write in it, not delete it; nor sees the link.
    other = signed_in(colleague)
    assert f'href="{delete_url}"' not in other.get(url("learning_contributions", "sv")).content.decode()
    assert other.post(delete_url).status_code == 302 and LearningDraft.objects.filter(pk=draft.pk).exists()
    response = client.post(delete_url, follow=True)
    assert response.redirect_chain[-1][0] == url("learning_contributions", "sv")
    assert "Utkastet ‘A false start’ är borttaget." in unescape(response.content.decode())
    assert not LearningDraft.objects.filter(pk=draft.pk).exists()


def test_a_submitted_learning_cannot_be_deleted(author, colleague):
    client = signed_in(author)
    share(client, "en")
    draft = LearningDraft.objects.get()
    delete_url = url("share_learning_delete", "en", draft.pk)
    assert f'href="{delete_url}"' not in client.get(url("learning_contributions", "en")).content.decode()
    assert client.post(delete_url).status_code == 302
    assert LearningDraft.objects.filter(pk=draft.pk).exists()
    # Someone else's draft stays as private as before: not found.
    assert signed_in(colleague).get(delete_url).status_code == 404


def test_sharing_from_a_gathering_links_its_network_too(author, indexes):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=indexes["en"].get_parent()), title="Norrvik")
    gathering = GatheringFactory(page=network, title="Spring gathering")
    client = signed_in(author)
    html = client.get(url("share_learning", "en"), {"gathering": str(gathering.translation_key)}).content.decode()
    assert f'<option value="{gathering.translation_key}" selected>' in html
    assert f'<option value="{network.pk}" selected>Norrvik</option>' in html
    # An address naming no gathering links nothing, and answers as usual.
    for key in ("not-a-key", "00000000-0000-0000-0000-000000000000"):
        response = client.get(url("share_learning", "en"), {"gathering": key})
        assert response.status_code == 200
        assert f'<option value="{network.pk}" selected>' not in response.content.decode()
