"""What is alive on the home page, and the pictures and avatars on the cards of every listing."""

import re
from datetime import timedelta

import pytest
import wagtail_factories
from django.conf import settings
from django.utils import timezone

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from networks.factories import (
    GatheringFactory,
    NetworkIndexPageFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
    NetworkSpokespersonFactory,
    NetworkUpdatePageFactory,
)
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def picture(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return wagtail_factories.ImageFactory(title="Cover", file__width=800, file__height=600)


def section(html, heading_id):
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_home_shows_gatherings_updates_case_studies_and_templates_under_the_readers_prefix(
    home, employee_client, picture
):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Fjord network")
    GatheringFactory(page=network, title="Spring gathering", start=timezone.now() + timedelta(days=5))
    NetworkUpdatePageFactory(parent=network, title="Notes from the conference")
    case_index = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=case_index, title="Sensors at night", image=picture)
    CaseStudyPageFactory(parent=case_index, title="Without a picture")
    ShareableTemplatePageFactory(parent=ShareableTemplateIndexPageFactory(parent=home), title="Progress plan")

    html = employee_client.get("/sv/").content.decode()

    gatherings = section(html, "upcoming")
    assert "Spring gathering" in gatherings and "Fjord network" in gatherings
    assert re.search(r'href="/sv/[^"]*fjord-network/"', gatherings)
    updates = section(html, "latest-updates")
    assert "Notes from the conference" in updates and "Fjord network" in updates
    assert re.search(r'href="/sv/[^"]*notes-from-the-conference/"', updates)
    cases = section(html, "recent-cases")
    assert re.search(r'href="/sv/[^"]*sensors-at-night/"', cases)
    # The case study with a picture has a small rendition; the one without has no broken image.
    images = re.findall(r"<img [^>]*>", cases)
    assert len(images) == 1
    assert 'alt=""' in images[0] and 'loading="lazy"' in images[0] and 'width="480"' in images[0]
    assert "Without a picture" in cases
    templates = section(html, "recent-templates")
    assert re.search(r'href="/sv/[^"]*progress-plan/"', templates)


def test_an_update_names_its_network_in_the_readers_language(home, employee_client):
    from tests.multilingual import translate

    index = NetworkIndexPageFactory(parent=home)
    network = NetworkPageFactory(parent=index, title="The Norrvik experience network")
    NetworkUpdatePageFactory(parent=network, title="Final report: Björken (English)")
    for code, slug, title in (
        ("da", "netvaerk", "Norrvik-erfaringsnetværket"),
        ("nl", "netwerken", "Het Norrvik-netwerk"),
    ):
        translate(index, code, slug=slug)
        translate(network, code, slug="norrvik", title=title)

    for prefix, title in (("/da/", "Norrvik-erfaringsnetværket"), ("/nl/", "Het Norrvik-netwerk"), ("/en/", None)):
        updates = section(employee_client.get(prefix).content.decode(), "latest-updates")
        # The update is only in English; its network has the reader's version.
        assert "Final report: Björken (English)" in updates
        assert (title or "The Norrvik experience network") in updates
        assert title is None or "The Norrvik experience network" not in updates


def test_index_cards_show_the_picture_when_there_is_one(home, employee_client, picture):
    case_index = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=case_index, title="Pictured case", image=picture)
    CaseStudyPageFactory(parent=case_index, title="Plain case")
    method_index = MethodIndexPageFactory(parent=home)
    MethodPageFactory(parent=method_index, title="Pictured method", image=picture)
    network_index = NetworkIndexPageFactory(parent=home)
    NetworkPageFactory(parent=network_index, title="Pictured network", image=picture)

    for index, title in (
        (case_index, "Pictured case"),
        (method_index, "Pictured method"),
        (network_index, "Pictured network"),
    ):
        html = employee_client.get(index.url).content.decode()
        cards = re.findall(r"<article class=\"[^\"]*\">.*?</article>", html, re.S)
        pictured = [card for card in cards if title in card]
        assert len(pictured) == 1
        assert re.search(r'<img [^>]*class="card__image"[^>]*>', pictured[0]), index.url
        assert all("<img" not in card for card in cards if "Plain case" in card)


def test_people_get_a_photo_or_their_initials_in_lists(home, employee_client, picture):
    directory = ResourcePersonIndexPageFactory(parent=home)
    ResourcePersonPageFactory(parent=directory, title="Ingrid Solbakken", photo=picture)
    siv = ResourcePersonPageFactory(parent=directory, title="Siv Anna Lund")
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Coast network")
    organisation = OrganisationFactory(name="Harbour care")
    NetworkMemberFactory(page=network, organisation=organisation)
    NetworkSpokespersonFactory(page=network, person=siv, organisation=organisation)

    html = employee_client.get(directory.url).content.decode()
    assert (
        '<span class="avatar avatar--initials avatar--large person-card__photo person-card__photo--empty"'
        ' aria-hidden="true">SL</span>'
    ) in html
    photo = re.search(
        r'<img src="([^"]+)" width="96" height="96" alt="" class="avatar avatar--large person-card__photo"', html
    )
    assert photo, html
    # The 96 px rendition of the uploaded picture, from Wagtail's rendition store.
    assert ".fill-96x96" in photo.group(1) and photo.group(1).startswith(settings.MEDIA_URL)

    html = employee_client.get(network.url).content.decode()
    members = section(html, "members")
    assert '<span class="avatar avatar--initials" aria-hidden="true">SL</span>' in members
    assert "Siv Anna Lund" in members


def test_your_networks_costs_no_query_when_warm(home, employee, employee_client, picture, django_assert_num_queries):
    from networks.following import follow

    index = NetworkIndexPageFactory(parent=home)
    for number in range(3):
        network = NetworkPageFactory(parent=index, title=f"Network {number}", image=picture)
        GatheringFactory(page=network, title=f"Gathering {number}", start=timezone.now() + timedelta(days=number + 1))
        follow(employee, network)
    CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home), title="Pictured case", image=picture)
    employee_client.get("/en/")
    # The four every page pays; the reader's own list is kept per reader until anything changes, and the
    # cards' pictures' renditions come in one query (portal.renditions), not one lookup per picture.
    with django_assert_num_queries(5):
        html = employee_client.get("/en/").content.decode()
    assert all(f"Gathering {number}" in section(html, "your-networks") for number in range(3))
    assert section(html, "your-networks").count('class="card__image"') == 3
    assert "Pictured case" in html and html.count('class="card__image"') >= 4


def test_a_card_picture_in_a_private_collection_is_sent_only_to_those_it_is_for(home, client, settings, tmp_path):
    from tests.portal.media_library import build_media_library

    settings.MEDIA_ROOT = tmp_path
    settings.SENDFILE_ROOT = str(tmp_path)
    library = build_media_library()
    index = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=index, title="Board retreat", image=library.private_photo)

    urls = []
    for user in (library.employee, library.member):
        client.force_login(user)
        html = client.get(index.url).content.decode()
        urls.append(re.search(r'<img [^>]*class="card__image"[^>]*src="([^"]+)"', html)[1])
    # The card names the same rendition for both; the media view sends it to the group's member only.
    client.force_login(library.employee)
    assert client.get(urls[0]).status_code == 403
    client.force_login(library.member)
    assert client.get(urls[1]).status_code == 200
