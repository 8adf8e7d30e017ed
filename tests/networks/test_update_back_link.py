"""An update's way back to its network keeps the reader in their language, also on an update shown in English."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory, NetworkUpdatePageFactory
from portal.i18n import reader_page_url
from tests.utils import link_href

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(site_tree):
    english = HomePage.objects.get(locale__language_code="en")
    return NetworkPageFactory(parent=NetworkIndexPageFactory(parent=english), title="The Norrvik network")


def test_an_update_shown_in_english_leads_back_to_the_readers_version_of_the_network(network, employee_client):
    update = NetworkUpdatePageFactory(parent=network, title="Final report")
    norwegian = network.copy_for_translation(Locale.objects.get(language_code="nb"), copy_parents=True)
    norwegian.title = "Norrvik-nettverket"
    norwegian.save_revision().publish()
    with translation.override("nb"):
        address = reader_page_url(update, None)
    assert address.startswith("/nb/en/")  # the update has no Norwegian version: shown in English

    html = employee_client.get(address).content.decode()
    assert link_href(html, "Tilbake til Norrvik-nettverket") == norwegian.url
    assert "The Norrvik network" not in html


def test_an_update_leads_back_to_its_own_network_where_the_network_has_no_other_version(network, employee_client):
    update = NetworkUpdatePageFactory(parent=network, title="Final report")
    with translation.override("nb"):
        address = reader_page_url(update, None)
        network_address = reader_page_url(network, None)

    html = employee_client.get(address).content.decode()
    assert link_href(html, "Tilbake til The Norrvik network") == network_address
