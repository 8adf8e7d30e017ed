"""'Your networks' on the home page lists the networks the reader facilitates or speaks for, not only the
ones they follow or have a team in; a change of facilitator or spokesperson shows at once, page cache on."""

import pytest
from django.utils import translation

from home.models import HomePage
from networks.factories import NetworkFacilitatorFactory, NetworkIndexPageFactory, NetworkPageFactory
from networks.factories import NetworkSpokespersonFactory as Spokesperson
from networks.models import NetworkFollow, NetworkPage, NetworkSpokesperson
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import EmployeeFactory, OrganisationFactory
from tests.multilingual import locale, translate
from tests.utils import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="The Norrvik experience network")
    # The spokesperson's profile is written in Norwegian, under the Norwegian directory.
    norwegian_home = HomePage.objects.get(locale__language_code="nb")
    people = ResourcePersonIndexPageFactory(parent=norwegian_home, slug="ressurspersoner", locale=locale("nb"))
    return network, people


def your_networks(client, prefix="/en/"):
    html = client.get(prefix).content.decode()
    if 'id="your-networks"' not in html:
        return None
    return html.split('id="your-networks"')[1].split("</section>")[0]


def profile(people, user):
    return ResourcePersonPageFactory(parent=people, locale=people.locale, user=user)


def test_a_spokesperson_who_follows_nothing_finds_their_network(setting, settings):
    assert settings.PAGE_CACHE
    network, people = setting
    spokesperson, other = EmployeeFactory(username="ola"), EmployeeFactory(username="eva")
    Spokesperson(page=network, person=profile(people, spokesperson))
    assert not NetworkFollow.objects.exists()

    for _ in range(2):  # The second round is served from the page cache.
        assert "The Norrvik experience network" in your_networks(signed_in(spokesperson))
        assert your_networks(signed_in(other)) is None
    with translation.override("nb"):
        heading = translation.gettext("Your networks")
    norwegian = signed_in(spokesperson).get("/nb/").content.decode()
    assert heading in norwegian and "The Norrvik experience network" in norwegian


def test_a_facilitator_finds_the_network_in_any_language_of_their_profile(setting):
    network, people = setting
    facilitator, other = EmployeeFactory(username="mette"), EmployeeFactory(username="eva")
    translate(people, "en", slug="people")
    norwegian = profile(people, None)
    # The network's row names the Norwegian profile; the English translation carries the account.
    english = translate(norwegian, "en", slug="mette")
    english.user = facilitator
    english.save()
    NetworkFacilitatorFactory(page=network, person=norwegian)

    assert "The Norrvik experience network" in your_networks(signed_in(facilitator))
    assert your_networks(signed_in(other)) is None


def test_a_new_spokesperson_shows_and_the_former_one_no_longer_does(setting):
    network, people = setting
    former, new = EmployeeFactory(username="ola"), EmployeeFactory(username="kari")
    Spokesperson(page=network, person=profile(people, former))
    new_profile = profile(people, new)
    assert "The Norrvik experience network" in your_networks(signed_in(former))
    assert your_networks(signed_in(new)) is None  # both pages kept (caching/page_cache.py)

    # An editor names the new spokesperson and publishes the network.
    network = NetworkPage.objects.get(pk=network.pk)
    network.spokespersons = [NetworkSpokesperson(person=new_profile, organisation=OrganisationFactory())]
    network.save_revision().publish()

    assert your_networks(signed_in(former)) is None
    assert "The Norrvik experience network" in your_networks(signed_in(new))


def test_each_readers_networks_come_from_one_kept_sql(setting, settings):
    """Without the shared cache the home page asks for the reader's networks and plans on every view; the
    SQL is the same for every reader, with their id as its parameters, so it is compiled once."""
    from home.awaiting import read_awaiting
    from home.followed import own_network_keys
    from portal import compiled

    settings.FRAGMENT_CACHE = False
    compiled.forget()
    network, people = setting
    spokesperson, follower, other = (EmployeeFactory(username=name) for name in ("ola", "kari", "eva"))
    Spokesperson(page=network, person=profile(people, spokesperson))
    NetworkFollow.objects.create(user=follower, network=network)

    assert own_network_keys(spokesperson) == [network.translation_key]
    assert own_network_keys(follower) == [network.translation_key]
    assert own_network_keys(other) == []
    assert read_awaiting("en", other) == []
    kept = [key for key in compiled._entries() if key[0] in ("own-network-keys", "plans-waiting")]
    assert kept == [("own-network-keys",), ("plans-waiting",)]
