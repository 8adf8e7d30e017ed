"""Advisory regressions, permissions: drafts, revisions, history, copies and translations of pages a user
may not edit stay closed to them, in every admin view that shows or copies a page's content.

The users are Erfa's roles as `manage.py setup_roles` sets them up: a network facilitator may edit no
case study, a resource person no network they do not facilitate, an employee nothing in the admin.
Communications, who may edit both, get each view, so every refusal below is one the view can give.
"""

import json
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import OverridableSegment, StringSegment, Translation, TranslationSource

from casestudies.factories import CaseStudyPageFactory
from networks.factories import NetworkPageFactory
from portal.roles import COMMUNICATIONS, NETWORK_FACILITATORS, RESOURCE_PERSONS
from tests.portal.advisories import UNSAFE_URLS, link_targets, member_of, runs_script, setup_indexes_and_roles
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LIVE_TITLE = "Reflection after home visits"
DRAFT_TITLE = "Unannounced reorganisation of the care units"


@pytest.fixture
def setup(site_tree):
    indexes = setup_indexes_and_roles()
    case_study = CaseStudyPageFactory(parent=indexes["case_studies"], title=LIVE_TITLE, slug="reflection")
    first = case_study.get_latest_revision() or case_study.save_revision()
    case_study.title = DRAFT_TITLE
    draft = case_study.save_revision()
    network = NetworkPageFactory(parent=indexes["networks"], title=LIVE_TITLE, slug="network")
    network.title = DRAFT_TITLE
    network_draft = network.save_revision()
    return {
        "indexes": indexes,
        "case_study": Page.objects.get(pk=case_study.pk).specific,
        "first": first,
        "draft": draft,
        "network": Page.objects.get(pk=network.pk).specific,
        "network_draft": network_draft,
    }


def client_for(client_class, user):
    return login_with_second_factor(client_class(), user)


@pytest.fixture
def users(setup):
    return {
        "facilitator": member_of(NETWORK_FACILITATORS, "frida"),
        "resource": member_of(RESOURCE_PERSONS, "rune"),
        "communications": member_of(COMMUNICATIONS, "kaja"),
    }


@pytest.fixture
def clients(users, django_user_model):
    from django.test import Client

    from portal.factories import EmployeeFactory

    return {name: client_for(Client, user) for name, user in users.items()} | {
        "employee": client_for(Client, EmployeeFactory(username="elin")),
        "anonymous": Client(),
    }


def assert_refused(response, url):
    """A refusal: 403, or a redirect (to the login or the dashboard) that never shows the draft."""
    html = response.content.decode()
    assert DRAFT_TITLE not in html, f"{url} showed the draft"
    assert response.status_code == 403 or response.redirect_chain or response.status_code == 302, (
        f"{url} answered {response.status_code}"
    )


def draft_views(page, first, draft):
    """Every admin view that shows a page's unpublished content, with its method."""
    return [
        ("get", reverse("wagtailadmin_pages:edit", args=[page.pk])),
        ("get", reverse("wagtailadmin_pages:view_draft", args=[page.pk])),
        ("get", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])),
        ("post", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])),
        ("get", reverse("wagtailadmin_pages:revisions_view", args=[page.pk, draft.pk])),
        ("get", reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, draft.pk])),
        ("get", reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", draft.pk])),
        ("get", reverse("wagtailadmin_pages:revisions_index", args=[page.pk])),
        ("get", reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, draft.pk])),
        ("get", reverse("wagtailadmin_pages:history", args=[page.pk])),
        ("get", reverse("wagtailadmin_pages:history_results", args=[page.pk])),
        ("get", reverse("wagtailadmin_pages:workflow_history", args=[page.pk])),
    ]


def test_preview_revisions_and_history_of_a_page_one_may_not_edit_are_refused(setup, clients):
    """Advisory classes: preview without permission; revisions and history without permission
    (Wagtail 7.0.7 / 7.3.2 security fixes "Improper permission handling when comparing revisions" and
    "... when viewing page history"; CVE-2020-11001, GHSA-v2wc-pfq2-5cm6, for the comparison view).

    A facilitator on a case study's draft, a resource person on a network's draft, an employee and an
    anonymous visitor on both: every preview, draft, revision, comparison and history view refuses."""
    cases = [
        ("facilitator", setup["case_study"], setup["first"], setup["draft"]),
        ("resource", setup["network"], setup["network"].revisions.order_by("pk").first(), setup["network_draft"]),
        ("employee", setup["case_study"], setup["first"], setup["draft"]),
        ("anonymous", setup["network"], setup["network"].revisions.order_by("pk").first(), setup["network_draft"]),
    ]
    for who, page, first, draft in cases:
        client = clients[who]
        for method, url in draft_views(page, first, draft):
            response = getattr(client, method)(url, follow=True)
            assert_refused(response, f"{who} {method.upper()} {url}")


def test_communications_get_the_same_preview_and_revision_views(setup, clients):
    """The positive control: the views above do show the draft to someone who may edit the page."""
    page, draft = setup["case_study"], setup["draft"]
    client = clients["communications"]
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, draft.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, setup["first"].pk, draft.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert DRAFT_TITLE in response.content.decode(), url


def test_the_front_end_shows_only_the_published_version(setup, clients):
    """Advisory class: preview without permission, on the front end: a draft is never served there."""
    for page in (setup["case_study"], setup["network"]):
        html = clients["employee"].get(page.url).content.decode()
        assert LIVE_TITLE in html
        assert DRAFT_TITLE not in html
    never_published = CaseStudyPageFactory(parent=setup["indexes"]["case_studies"], title=DRAFT_TITLE, live=False)
    assert clients["employee"].get(f"/en/case-studies/{never_published.slug}/").status_code == 404


def copy_form(parent, title="Copied"):
    return {
        "new_title": title,
        "new_slug": "copied-page",
        "new_parent_page": parent.pk,
        "copy_subpages": "",
        "publish_copies": "",
        "alias": "",
    }


def test_copying_a_page_one_may_not_edit_is_refused(setup, clients):
    """Advisory class: copy of a page you can't see or edit (Wagtail 7.0.7 / 7.3.2 security fix
    "Improper permission handling when copying pages").

    A facilitator may add networks under the network index, but not copy there a network they do not
    facilitate, which would hand them its draft; nor copy a case study anywhere."""
    networks = setup["indexes"]["networks"]
    attempts = [
        ("facilitator", setup["network"], networks),
        ("facilitator", setup["case_study"], networks),
        ("resource", setup["network"], setup["indexes"]["case_studies"]),
        ("employee", setup["case_study"], setup["indexes"]["case_studies"]),
    ]
    for who, page, parent in attempts:
        url = reverse("wagtailadmin_pages:copy", args=[page.pk])
        assert_refused(clients[who].get(url, follow=True), f"{who} GET {url}")
        assert_refused(clients[who].post(url, copy_form(parent), follow=True), f"{who} POST {url}")
        assert not Page.objects.filter(slug="copied-page").exists(), f"{who} copied {page}"

    # The same form does copy for someone who may edit the page: the refusals above are refusals.
    response = clients["communications"].post(
        reverse("wagtailadmin_pages:copy", args=[setup["network"].pk]), copy_form(networks)
    )
    assert response.status_code == 302
    assert Page.objects.filter(slug="copied-page").exists()


@pytest.fixture
def translation(setup, admin_user):
    """The case study's draft, being translated into Swedish, as Communications start it."""
    swedish = Locale.objects.get(language_code="sv")
    index = setup["indexes"]["case_studies"]
    index.copy_for_translation(swedish).save_revision().publish()
    case_study = setup["case_study"].get_latest_revision_as_object()
    source, _ = TranslationSource.get_or_create_from_instance(case_study)
    translation = Translation.objects.create(source=source, target_locale=swedish)
    translation.save_target(user=admin_user)
    return translation


def translation_views(translation, page):
    target = translation.get_target_instance()
    string = StringSegment.objects.filter(source=translation.source).first()
    override = OverridableSegment.objects.filter(source=translation.source).first()
    views = [
        ("get", reverse("wagtail_localize:submit_page_translation", args=[page.pk])),
        ("post", reverse("wagtail_localize:submit_page_translation", args=[page.pk])),
        ("get", reverse("wagtail_localize:update_translations", args=[translation.source.pk])),
        ("post", reverse("wagtail_localize:update_translations", args=[translation.source.pk])),
        ("get", reverse("wagtailadmin_pages:edit", args=[target.pk])),
        ("get", reverse("wagtail_localize:download_pofile", args=[translation.pk])),
        ("post", reverse("wagtail_localize:machine_translate", args=[translation.pk])),
        ("get", reverse("wagtail_localize:preview_translation", args=[translation.pk])),
        ("post", reverse("wagtail_localize:stop_translation", args=[translation.pk])),
        ("get", reverse("wagtail_localize:convert_to_alias", args=[target.pk])),
        ("post", reverse("wagtail_localize:convert_to_alias", args=[target.pk])),
        ("get", reverse("erfa_submit_translation", args=[target.pk])),
        ("post", reverse("erfa_submit_translation", args=[target.pk])),
    ]
    if string:
        views.append(("put", reverse("wagtail_localize:edit_string_translation", args=[translation.pk, string.pk])))
    if override:
        views.append(("put", reverse("wagtail_localize:edit_override", args=[translation.pk, override.pk])))
    return views


def test_translating_a_page_one_may_not_edit_is_refused(translation, setup, clients):
    """Advisory class: translate without permission (wagtail-localize's submit, sync, edit, PO file,
    machine translation, preview, stop and convert-to-alias views; CVE-2024-32882's class of per-object
    permission bypass, and CVE-2026-28223, GHSA-p4v8-rw59-93cq, for the translate action).

    A facilitator may not translate, sync or edit the translation of a case study, nor read its draft
    through the PO file or the translation preview; the translation stays as it was."""
    page = setup["case_study"]
    target = translation.get_target_instance()
    for who in ("facilitator", "employee", "anonymous"):
        client = clients[who]
        for method, url in translation_views(translation, page):
            kwargs = {"follow": True}
            if method == "put":
                kwargs.update(data="value=Hijacked", content_type="application/x-www-form-urlencoded")
                kwargs.pop("follow")
            response = getattr(client, method)(url, **kwargs)
            assert response.status_code != 200 or response.redirect_chain, f"{who} {method.upper()} {url}"
            assert DRAFT_TITLE not in response.content.decode(), f"{who} {method.upper()} {url}"
            assert b"Hijacked" not in response.content
    translation.refresh_from_db()
    assert translation.enabled
    assert Translation.objects.filter(source__object_id=page.translation_key).count() == 1
    assert not Page.objects.filter(pk=target.pk, alias_of__isnull=False).exists()
    assert target.get_latest_revision_as_object().title != "Hijacked"


def test_communications_may_open_the_translation_editor(translation, clients):
    """The positive control: the editor and the PO file open for someone who may translate the page."""
    client = clients["communications"]
    target = translation.get_target_instance()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).status_code == 200
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert DRAFT_TITLE in response.content.decode()


def test_a_translators_link_override_cannot_become_a_script_link(translation, clients):
    """Advisory class: `javascript:` links in rich text (CVE-2021-29434, GHSA-wq5h-f9p5-q7fx), through
    wagtail-localize: a link in rich text is an "overridable segment" a translator may change, outside
    the rich text editor that checks link URLs on save. A script URL given there never reaches the
    translated page (portal/link_overrides.py); its draft, which reviewers preview, keeps the source's link."""
    page = translation.source.get_source_instance()
    page.context = '<p><a href="https://example.org/report">The report</a></p>'
    page.save_revision().publish()
    translation.source.update_from_db()
    override = OverridableSegment.objects.get(source=translation.source, context__path__startswith="context")
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, override.pk])
    target = translation.get_target_instance()
    reviewer = clients["communications"]

    def override_with(address):
        response = reviewer.put(
            url, data=urlencode({"value": address}), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in {200, 201}, response.content
        translation.save_target(publish=True)
        draft = reviewer.get(reverse("wagtailadmin_pages:view_draft", args=[target.pk])).content.decode()
        assert "The report" in draft
        latest = Page.objects.get(pk=target.pk).specific.get_latest_revision_as_object()
        return latest.context, draft

    for address in [*UNSAFE_URLS, "&#106;avascript:alert(1)"]:
        stored, draft = override_with(address)
        assert stored == '<p><a href="https://example.org/report">The report</a></p>', address
        assert [link for link in link_targets(draft) if runs_script(link)] == [], address

    # A web address is still a translation of the link.
    stored, draft = override_with("https://example.org/rapport")
    assert stored == '<p><a href="https://example.org/rapport">The report</a></p>'
    assert "https://example.org/rapport" in link_targets(draft)


def test_translation_props_escape_a_scripted_page_title(translation, setup, clients):
    """Advisory class: XSS in translation titles (CVE-2026-28223, GHSA-p4v8-rw59-93cq): the translation
    editor draws the page title from server-rendered JSON props; with a payload in the title, the
    page has the title as data, never as markup. Erfa's heading swap (translation_title.js) writes text."""
    payload = 'Erfa<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    page = setup["case_study"]
    page.title = payload
    page.save_revision().publish()
    translation.source.update_from_db()
    target = translation.get_target_instance()
    response = clients["communications"].get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html and "<img src=x onerror=alert(2)>" not in html
    props = unescape(html.split('class="js-translation-editor" data-props="', 1)[1].split('"', 1)[0])
    assert "Erfa<script>alert(1)</script>" in props  # the title is there, as JSON data
    json.loads(props)
    script = (ROOT / "moderation/static/moderation/translation_title.js").read_text()
    assert "headings[i].textContent = translated" in script and "innerHTML" not in script
