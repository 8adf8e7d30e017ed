"""Advisory regressions, cross-site scripting: script links and unescaped titles and block values.

Every payload goes into Erfa's own fields and blocks, and the pages that show them, front end and
admin, are checked for the payload as text and never as markup or a runnable link.
"""

import json
from pathlib import Path

import pytest
import wagtail_factories
from django import forms
from django.test import Client
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from casestudies.factories import CaseStudyPageFactory
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from methods.models import MethodHandbook
from networks.blocks import UpdateBodyBlock
from networks.factories import NetworkPageFactory, NetworkUpdatePageFactory
from networks.models import Gathering
from people.factories import ResourcePersonPageFactory
from portal.factories import OrganisationFactory, TopicFactory
from portal.models import Organisation
from tests.portal.advisories import (
    ESCAPED,
    PAYLOAD,
    RAW_MARKUP,
    UNSAFE_URLS,
    assert_escaped,
    english_home,
    link_targets,
    runs_script,
    setup_indexes_and_roles,
)
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def indexes(site_tree):
    return setup_indexes_and_roles()


def contentstate_with_links(urls):
    """Draftail's JSON for one paragraph per URL, each a link: what the admin's rich text editor posts."""
    blocks, entities = [], {}
    for number, url in enumerate(urls):
        text = f"Link number {number}"
        blocks.append(
            {
                "key": f"k{number}",
                "text": text,
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(text), "key": number}],
            }
        )
        entities[str(number)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
    return json.dumps({"blocks": blocks, "entityMap": entities})


def edit_form_data(client, page):
    """The page's edit form as the admin draws it, ready to post back."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return querydict_from_html(html, form_id="page-edit-form")


# --- javascript: links ---------------------------------------------------------------------------


def test_script_links_posted_in_rich_text_never_reach_the_front_end(indexes, admin_user, employee_client):
    """Advisory class: `javascript:` URLs in rich text (CVE-2021-29434, GHSA-wq5h-f9p5-q7fx).

    An editor can post the admin form directly, bypassing the editor's own URL check; the links in a
    case study's rich text field and in a paragraph block of its story are cleaned on save, so the
    published page links nowhere dangerous. The one https link shows that links do survive."""
    admin_client = login_with_second_factor(Client(), admin_user)
    page = CaseStudyPageFactory(parent=indexes["case_studies"], title="Links in rich text")
    urls = [*UNSAFE_URLS, "https://example.org/safe"]
    data = edit_form_data(admin_client, page)
    data["context"] = contentstate_with_links(urls)
    story = streamfield([("paragraph", contentstate_with_links(urls))])
    for key, value in nested_form_data({"what_was_done": story}).items():
        data[key] = value
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]

    page.refresh_from_db()
    html = employee_client.get(page.url).content.decode()
    targets = link_targets(html)
    assert [url for url in targets if runs_script(url)] == []
    assert targets.count("https://example.org/safe") == 2  # the field's and the block's
    for number in range(len(UNSAFE_URLS)):
        assert html.count(f"Link number {number}") == 2  # the text stays, only the target goes


@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_link_fields_refuse_script_urls(url):
    """Advisory class: `javascript:` URLs in link fields (CVE-2021-29434's class, for Erfa's URL fields).

    A method's handbook link, a gathering's online link and an organisation's website are URL fields;
    the admin forms built from them refuse anything but web addresses."""
    for field in (
        MethodHandbook._meta.get_field("link"),
        Gathering._meta.get_field("online_link"),
        Organisation._meta.get_field("website"),
    ):
        with pytest.raises(forms.ValidationError):
            field.formfield().clean(url)
        assert field.formfield().clean("https://example.org/x") == "https://example.org/x"


def test_the_embed_block_refuses_script_urls():
    """Advisory class: `javascript:` URLs in URL blocks. The network update's embed block takes a URL;
    one that no oEmbed provider knows, as a script URL, is refused before anything is stored."""
    embed = UpdateBodyBlock().child_blocks["embed"]
    for url in UNSAFE_URLS:
        with pytest.raises(Exception) as error:
            embed.clean(embed.to_python(url))
        assert type(error.value).__name__ in {"ValidationError", "EmbedNotFoundException", "StreamBlockValidationError"}


def test_the_organisation_admin_form_refuses_a_script_website(indexes, admin_client):
    """Advisory class: `javascript:` URLs in link fields, through the snippet admin (CVE-2021-29434's class)."""
    url = reverse("wagtailsnippets_portal_organisation:add")
    response = admin_client.post(url, {"name": "Scripted workplace", "kind": "other", "website": "javascript:alert(1)"})
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Scripted workplace").exists()
    response = admin_client.post(url, {"name": "Safe workplace", "kind": "other", "website": "https://example.org/"})
    assert response.status_code == 302
    assert Organisation.objects.get(name="Safe workplace").website == "https://example.org/"


# --- Unescaped titles and block values -----------------------------------------------------------


@pytest.fixture
def payload_content(indexes):
    """Every kind of editor text Erfa renders, each holding the payload: page titles, summaries, every
    block of every stream, snippet names and document and image titles."""
    topic = TopicFactory(name=f"Topic {PAYLOAD}")
    organisation = OrganisationFactory(name=f"Workplace {PAYLOAD}")
    image = wagtail_factories.ImageFactory(title=f"Image {PAYLOAD}")
    document = wagtail_factories.DocumentFactory(title=f"Document {PAYLOAD}")
    figure = {"image": {"image": image.pk, "decorative": False, "alt_text": f"Alt {PAYLOAD}"}, "caption": PAYLOAD}

    case_study = CaseStudyPageFactory(
        parent=indexes["case_studies"],
        title=f"Case {PAYLOAD}",
        summary=f"Summary {PAYLOAD}",
        quote_text=PAYLOAD,
        quote_role=PAYLOAD,
        quote_organisation=PAYLOAD,
    )
    case_study.what_was_done = [
        {"type": "milestone", "value": {"title": PAYLOAD, "when": PAYLOAD, "description": "<p>Plain.</p>"}},
        {"type": "image", "value": figure},
        {"type": "quote", "value": {"text": PAYLOAD, "attribution": PAYLOAD}},
    ]
    case_study.topics.add(topic)
    case_study.organisations.add(organisation)
    case_study.save_revision().publish()

    network = NetworkPageFactory(parent=indexes["networks"], title=f"Network {PAYLOAD}", region=PAYLOAD)
    network.save_revision().publish()
    update = NetworkUpdatePageFactory(parent=network, title=f"Update {PAYLOAD}")
    update.body = [
        {"type": "image", "value": figure},
        {"type": "quote", "value": {"text": PAYLOAD, "attribution": PAYLOAD}},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {"type": "document", "value": {"document": document.pk, "title": f"Block title {PAYLOAD}"}},
    ]
    update.save_revision().publish()

    method = MethodPageFactory(
        parent=MethodIndexPageFactory(parent=english_home()),
        title=f"Method {PAYLOAD}",
        motives_for_organisation=[("motive", PAYLOAD)],
        motives_for_employees=[("motive", PAYLOAD)],
        steps=[("step", {"title": PAYLOAD, "what_to_do": "<p>Do.</p>", "time_needed": PAYLOAD})],
    )
    method.save_revision().publish()

    person = ResourcePersonPageFactory(parent=indexes["people"], title=f"Person {PAYLOAD}", organisation=organisation)
    person.topics.add(topic)
    person.save_revision().publish()
    return {
        "case_study": case_study,
        "update": update,
        "method": method,
        "person": person,
        "network": network,
        "topic": topic,
        "organisation": organisation,
        "image": image,
        "document": document,
    }


def test_front_end_pages_show_titles_and_every_block_value_escaped(payload_content, employee_client):
    """Advisory class: unescaped block and title output (CVE-2021-32681, GHSA-xfrw-hxr5-ghqf: plain-text
    blocks through include_block; CVE-2023-28836, GHSA-5286-f2rf-35c2: titles in views).

    Milestone, quote, figure, document and step blocks, the motives' plain CharBlocks, page titles,
    topic and organisation names, and document titles all show as text on their pages."""
    for name in ("case_study", "update", "method", "person", "network"):
        page = payload_content[name]
        html = employee_client.get(page.url).content.decode()
        assert_escaped(html, page.url)
    story = employee_client.get(payload_content["case_study"].url).content.decode()
    assert f"Topic {ESCAPED}" in story and f"Workplace {ESCAPED}" in story
    update = employee_client.get(payload_content["update"].url).content.decode()
    assert f"Document {ESCAPED}" in update and f"Block title {ESCAPED}" in update
    assert f'alt="Alt {ESCAPED}"' in update
    method = employee_client.get(payload_content["method"].url).content.decode()
    assert method.count(f"<li>{ESCAPED}</li>") == 2  # both lists of motives


def test_listings_and_search_show_titles_escaped(payload_content, employee_client):
    """Advisory class: unescaped title output in listings (CVE-2023-28836, GHSA-5286-f2rf-35c2)."""
    case_study = payload_content["case_study"]
    for url in (case_study.get_parent().url, english_home().url, "/en/search/?q=Erfa"):
        html = employee_client.get(url).content.decode()
        assert_escaped(html, url)
        assert f"Case {ESCAPED}" in html, url


def test_autocomplete_answers_titles_as_json_data_that_the_page_writes_as_text(payload_content, employee_client):
    """Advisory class: unescaped title output, in the autocomplete endpoint.

    The title comes back intact as JSON data, served as JSON that browsers never sniff as HTML, and the
    script that draws the suggestions writes text, never markup (no innerHTML anywhere in Erfa's scripts)."""
    response = employee_client.get("/en/search/autocomplete/", {"q": "Case"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    titles = [result["title"] for result in response.json()["results"]]
    assert f"Case {PAYLOAD}" in titles
    script = (ROOT / "portal/static/portal/autocomplete.js").read_text()
    assert "textContent" in script
    for path in ROOT.glob("*/static/**/*.js"):
        source = path.read_text()
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
            assert sink not in source, f"{path.relative_to(ROOT)} writes markup with {sink}"


def admin_pages(content):
    case_study = content["case_study"]
    first = case_study.revisions.order_by("pk").first()
    case_study.title = f"Changed {PAYLOAD}"
    latest = case_study.save_revision()
    return [
        reverse("wagtailadmin_explore", args=[case_study.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[case_study.pk]),
        reverse("wagtailadmin_pages:history", args=[case_study.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[case_study.pk, first.pk, latest.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[case_study.pk, latest.pk]),
        reverse("wagtailadmin_pages:edit", args=[content["update"].pk]),
        reverse("wagtailadmin_pages:edit", args=[content["method"].pk]),
        reverse("wagtailadmin_pages:search") + "?q=Case",
        # The listings as the menu opens them, on the editor's language (portal/wagtail_hooks.py).
        reverse("wagtailsnippets_portal_topic:list") + "?locale=en",
        reverse("wagtailsnippets_portal_topic:edit", args=[content["topic"].pk]),
        reverse("wagtailsnippets_portal_organisation:list") + "?locale=en",
        reverse("wagtailsnippets_portal_organisation:edit", args=[content["organisation"].pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:edit", args=[content["document"].pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:edit", args=[content["image"].pk]),
    ]


def test_admin_listings_edit_and_history_pages_show_the_payload_escaped(payload_content, admin_client):
    """Advisory class: unescaped title output in the admin (CVE-2020-11001, GHSA-v2wc-pfq2-5cm6: revision
    comparison; CVE-2023-28836, GHSA-5286-f2rf-35c2: admin views showing page and document titles)."""
    for url in admin_pages(payload_content):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for markup in RAW_MARKUP:
            assert markup not in html, f"unescaped {markup!r} in {url}"
        assert "Erfa&lt;script&gt;" in html or "Erfa\\u003Cscript\\u003E" in html, url


def test_stream_values_are_stored_as_given_and_escaped_only_on_output(payload_content):
    """The payload is kept as the editor typed it (no lossy filtering on save): escaping on output is
    the one defence, which the tests above check page by page."""
    body = payload_content["update"].body
    assert isinstance(body, StreamValue)
    assert body[1].value["text"] == PAYLOAD
