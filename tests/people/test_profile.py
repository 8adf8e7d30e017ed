from datetime import date

import pytest
import vobject
from django.template.loader import render_to_string
from django.test import RequestFactory

import casestudies.factories as casestudies
import methods.factories as methods
import networks.factories as networks
from home.models import HomePage
from people.factories import ResourcePersonPageFactory
from people.models import ResourcePersonPage
from people.vcard import split_name

pytestmark = pytest.mark.django_db


def test_vcard_parses_with_the_right_details(person, employee_client):
    response = employee_client.get(f"{person.url}vcard/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="sigrid-lunde.vcf"'
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Sigrid Lunde"
    assert (card.n.value.given, card.n.value.family) == ("Sigrid", "Lunde")
    assert card.email.value == "sigrid.lunde@example.org"
    assert card.tel.value == "+47 22 33 44 55"
    assert card.org.value == [person.organisation.name]
    assert card.title.value == "Care coordinator"
    assert card.url.value == person.get_full_url()


def test_profile_shows_contact_card_and_the_message_form(person, employee_client):
    html = employee_client.get(person.url).content.decode()
    assert 'href="mailto:sigrid.lunde@example.org"' in html
    assert 'href="tel:+4722334455"' in html
    assert f'href="{person.url}vcard/"' in html
    assert f'action="{person.url}message/#send-message"' in html
    assert 'name="subject"' in html


@pytest.mark.parametrize("suffix", ["", "vcard/", "message/"])
def test_anonymous_visitors_get_no_contact_data(person, client, suffix):
    directory_url = person.get_parent().url
    for url in (f"{person.url}{suffix}", directory_url, f"{directory_url}autocomplete/?q=sig", "/en/search/?q=Sigrid"):
        response = client.get(url, follow=True)
        html = response.content.decode()
        assert response.redirect_chain[0][0].startswith("/en/accounts/login/")
        assert "sigrid.lunde@example.org" not in html
        assert "22 33 44 55" not in html
        assert "BEGIN:VCARD" not in html
    response = client.post(f"{person.url}message/", {"subject": "Hi", "body": "Anonymous message"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_contact_details_are_not_in_the_search_index(person):
    from wagtail.models import Page

    assert Page.objects.live().search("Sigrid").count() == 1
    assert Page.objects.live().search("sigrid.lunde@example.org").count() == 0
    assert "email" not in {field.field_name for field in ResourcePersonPage.get_search_fields()}


def test_profile_lists_networks_with_roles(person, employee_client):
    home = HomePage.objects.get(locale__language_code="en")
    index = networks.NetworkIndexPageFactory(parent=home)
    led = networks.NetworkPageFactory(parent=index, title="Reflective care")
    spoken = networks.NetworkPageFactory(parent=index, title="Home visits")
    joined = networks.NetworkPageFactory(parent=index, title="Quality circle")
    networks.NetworkFacilitatorFactory(page=led, person=person, role_title="Course leader")
    networks.NetworkSpokespersonFactory(page=spoken, person=person, organisation=person.organisation)
    networks.NetworkMemberFactory(page=joined, organisation=person.organisation)
    # Their workplace is a member of the network they speak for too: "spokesperson" says it all.
    networks.NetworkMemberFactory(page=spoken, organisation=person.organisation)
    draft = networks.NetworkPageFactory(parent=index, title="Unpublished network", live=False)
    networks.NetworkFacilitatorFactory(page=draft, person=person)

    response = employee_client.get(person.url)
    rows = [(entry["network"].title, entry["roles"]) for entry in response.context["networks"]]
    organisation = person.organisation.name
    assert rows == [
        ("Home visits", [f"spokesperson for {organisation}"]),
        ("Quality circle", [f"member, with {organisation}"]),
        ("Reflective care", ["Course leader"]),
    ]
    assert "Unpublished network" not in response.content.decode()


def test_profile_lists_case_studies_and_templates(person, employee_client):
    home = HomePage.objects.get(locale__language_code="en")
    case_index = casestudies.CaseStudyIndexPageFactory(parent=home)
    case = casestudies.CaseStudyPageFactory(parent=case_index, title="Reflection in home care")
    case.contact_persons.add(person)
    case.save()
    library = methods.ShareableTemplateIndexPageFactory(parent=home)
    methods.ShareableTemplatePageFactory(parent=library, title="Reflection agenda", publisher=person)

    html = employee_client.get(person.url).content.decode()
    assert '<h2 id="profile-case-studies">Case studies</h2>' in html
    assert f'href="{case.url}"' in html
    assert '<h2 id="profile-shareable-templates">Templates</h2>' in html
    assert "Reflection agenda" in html


def test_profile_query_count_does_not_grow_with_relations(person, employee_client, django_assert_num_queries):
    home = HomePage.objects.get(locale__language_code="en")
    index = networks.NetworkIndexPageFactory(parent=home)
    for number in range(12):
        network = networks.NetworkPageFactory(parent=index, title=f"Network {number}")
        networks.NetworkFacilitatorFactory(page=network, person=person)
        networks.NetworkMemberFactory(page=network, organisation=person.organisation)
    employee_client.get(person.url)
    # Every page's 4 (session, user, locale, view restrictions) and none of its own: the route below the
    # directory is kept with the routes (home.models.routes_itself), its lists come from the shared parts
    # (portal.fragments), read in one query when they are not kept (portal.together).
    with django_assert_num_queries(4):
        response = employee_client.get(person.url)
    assert len(response.context["networks"]) == 12


def test_owner_is_asked_to_confirm_old_details_and_confirms_with_one_click(person, client):
    from portal.factories import UserFactory

    user = UserFactory(username="sigrid")
    person.user = user
    person.last_reviewed = date(2020, 1, 1)
    person.save_revision().publish()
    client.force_login(user)

    html = client.get(person.url).content.decode()
    assert "Please confirm your details" in html
    # An owner the admin does not let in (an employee) is not sent to its login page, but told who can help.
    assert "/admin/my-profile/" not in html
    assert "If something has changed, tell the communications team: they keep your profile." in html
    # The button's address opened as a link (bookmarked, reloaded) leads to the profile and confirms nothing.
    response = client.get(f"{person.url}confirm-details/")
    assert response.status_code == 302 and response["Location"] == person.url
    person.refresh_from_db()
    assert person.last_reviewed == date(2020, 1, 1)
    response = client.post(f"{person.url}confirm-details/")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.last_reviewed == date.today()
    # A draft saved before the confirmation does not bring the old date back when it is published.
    person.latest_revision.publish()
    person.refresh_from_db()
    assert person.last_reviewed == date.today()
    assert person.get_latest_revision_as_object().last_reviewed == date.today()
    assert "Please confirm your details" not in client.get(person.url).content.decode()


def test_only_the_owner_sees_the_prompt_and_can_confirm(person, employee_client):
    person.last_reviewed = date(2020, 1, 1)
    person.save_revision().publish()
    assert "Please confirm your details" not in employee_client.get(person.url).content.decode()
    assert employee_client.post(f"{person.url}confirm-details/").status_code == 403
    person.refresh_from_db()
    assert person.last_reviewed == date(2020, 1, 1)


def test_contact_persons_include_shows_live_visible_cards(directory, person, django_assert_max_num_queries):
    ResourcePersonPageFactory(parent=directory, title="Hidden Hans", hidden_from_directory=True)
    ResourcePersonPageFactory(parent=directory, title="Draft Dora", live=False)
    people = ResourcePersonPage.objects.filter(pk__in=ResourcePersonPage.objects.values("pk"))
    request = RequestFactory().get("/")
    request.user = None
    # One of them reads the restrictions this reader fails, kept for their class after the first time.
    with django_assert_max_num_queries(6):
        html = render_to_string(
            "people/includes/contact_persons.html", {"persons": people, "heading": "Ask about this method"}, request
        )
    assert "<h2" in html
    assert "Ask about this method" in html
    assert 'class="person-card__name"' in html
    assert "Sigrid Lunde" in html
    assert "Hidden Hans" not in html
    assert "Draft Dora" not in html
    assert "example.org" not in html
    default = render_to_string("people/includes/contact_persons.html", {"persons": people, "heading_level": 3})
    assert "<h3" in default and "Ask a resource person" in default and "<h4" in default
    assert render_to_string("people/includes/contact_persons.html", {"persons": []}).strip() == ""


@pytest.mark.parametrize(
    ("name", "given", "family"),
    [
        ("Sanne de Wit", "Sanne", "de Wit"),
        ("Jan van der Berg", "Jan", "van der Berg"),
        ("Pieter van 't Hek", "Pieter", "van 't Hek"),
        ("Karin af Klint", "Karin", "af Klint"),
        ("Otto von Holt", "Otto", "von Holt"),
        ("Anna Maria Svensson", "Anna Maria", "Svensson"),
        ("De Vries", "De", "Vries"),
        ("Madonna", "Madonna", ""),
    ],
)
def test_vcard_family_names_keep_their_particles(name, given, family):
    assert split_name(name) == (given, family)
