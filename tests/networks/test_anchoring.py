"""Examples carried home: who records examples and anchorings, and what the network page shows of them."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from networks.anchoring import anchorings_since, examples_since
from networks.models import Anchoring, Example
from portal.factories import EmployeeFactory
from portal.i18n import reader_page_url
from tests.networks.anchoring_setup import anchor, build, example
from tests.utils import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(network, network_index, directory):
    return build(network, network_index, directory)


def examples_section(html):
    return html.split('<section id="examples"')[1].split("</section>")[0] if 'id="examples"' in html else ""


def unit_row(html, name):
    """The list item of one unit under the first example."""
    section = examples_section(html)
    return next(item for item in section.split('<li class="anchoring__unit') if name in item)


def anchor_url(cast, made):
    return f"{cast.network.url}examples/{made.pk}/anchor/"


def test_the_facilitator_records_an_example_and_every_unit_is_not_yet_anchored(cast):
    client = signed_in(cast.facilitator)
    html = client.get(cast.network.url).content.decode()
    assert f'href="{cast.network.url}examples/new/"' in examples_section(html)

    form = client.get(cast.network.url + "examples/new/").content.decode()
    assert f'value="{cast.gathering.translation_key}" selected' in form  # the latest gathering that has started

    response = client.post(
        cast.network.url + "examples/new/",
        {"title": "Handover between shifts", "description": "A short standing handover.", "gathering": ""},
        follow=True,
    )

    made = Example.objects.get()
    assert response.redirect_chain == [(f"{cast.network.url}#example-{made.pk}", 302)]
    assert (made.network_key, made.language, made.recorded_by) == (cast.network.translation_key, "en", cast.facilitator)
    section = examples_section(response.content.decode())
    assert "Handover between shifts" in section
    assert "Anchored in 0 of 2 units" in section
    assert "Not yet anchored" in unit_row(response.content.decode(), "Björken ward")
    assert "Not yet anchored" in unit_row(response.content.decode(), "Home care West")
    # The facilitator is not a unit's spokesperson: no unit offers them its anchoring form.
    assert "Record your unit’s anchoring" not in section
    assert client.get(anchor_url(cast, made)).status_code == 403


def test_a_spokesperson_records_an_example_too(cast):
    response = signed_in(cast.speaker_b).post(
        cast.network.url + "examples/new/",
        {"title": "A relative who calls daily", "description": "A weekly planned call.", "gathering": ""},
    )
    assert response.status_code == 302
    assert Example.objects.get().recorded_by == cast.speaker_b


def test_a_spokesperson_anchors_for_their_unit_and_the_page_shows_it(cast):
    made = example(cast.network)
    client = signed_in(cast.speaker_a)
    html = client.get(cast.network.url).content.decode()
    own_link = f'href="{anchor_url(cast, made)}?unit={cast.unit_a.translation_key}"'
    assert own_link in unit_row(html, "Björken ward")
    assert "Record your unit’s anchoring" in unit_row(html, "Björken ward")
    assert "Record your unit’s anchoring" not in unit_row(html, "Home care West")

    form = client.get(f"{anchor_url(cast, made)}?unit={cast.unit_a.translation_key}").content.decode()
    assert "Björken ward" in form
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in form

    day = timezone.localdate() - timedelta(days=3)
    response = client.post(
        anchor_url(cast, made),
        {"unit": str(cast.unit_a.translation_key), "taken_up_on": day.isoformat(), "group_said": "Everyone knew it."},
        follow=True,
    )

    assert response.redirect_chain == [(f"{cast.network.url}#example-{made.pk}", 302)]
    html = response.content.decode()
    assert "Anchored in 1 of 2 units" in examples_section(html)
    row = unit_row(html, "Björken ward")
    assert "Anchored" in row and f'datetime="{day:%Y-%m-%d}"' in row
    assert "Everyone knew it." in unit_row(html, "Björken ward")
    assert "Update your unit’s anchoring" in unit_row(html, "Björken ward")
    assert "Not yet anchored" in unit_row(html, "Home care West")


def test_the_units_second_spokesperson_updates_the_same_anchoring(cast):
    made = example(cast.network)
    anchor(made, cast.unit_a, said="First words.")
    response = signed_in(cast.speaker_a2).post(
        anchor_url(cast, made),
        {"unit": str(cast.unit_a.translation_key), "taken_up_on": timezone.localdate(), "group_said": "Second words."},
    )
    assert response.status_code == 302
    assert list(Anchoring.objects.values_list("group_said", "recorded_by")) == [("Second words.", cast.speaker_a2.pk)]


def test_a_spokesperson_may_not_record_for_another_unit(cast):
    made = example(cast.network)
    client = signed_in(cast.speaker_a)
    other = str(cast.unit_b.translation_key)
    assert client.get(f"{anchor_url(cast, made)}?unit={other}").status_code == 403
    response = client.post(
        anchor_url(cast, made), {"unit": other, "taken_up_on": timezone.localdate(), "group_said": "Not ours."}
    )
    assert response.status_code == 403
    assert not Anchoring.objects.exists()


@pytest.mark.parametrize("who", ["employee", "other_facilitator"])
def test_readers_without_a_role_in_the_network_record_nothing(cast, who):
    user = EmployeeFactory() if who == "employee" else cast.other_facilitator
    made = example(cast.network)
    client = signed_in(user)
    html = client.get(cast.network.url).content.decode()
    assert "Refused evening medicine" in examples_section(html)
    assert "Record an example" not in html
    assert "Record your unit’s anchoring" not in html

    assert client.get(cast.network.url + "examples/new/").status_code == 403
    assert client.post(cast.network.url + "examples/new/", {"title": "x", "description": "y"}).status_code == 403
    assert client.get(anchor_url(cast, made)).status_code == 403
    post = {"unit": str(cast.unit_a.translation_key), "taken_up_on": timezone.localdate(), "group_said": "x"}
    assert client.post(anchor_url(cast, made), post).status_code == 403
    assert Example.objects.count() == 1 and not Anchoring.objects.exists()


def test_anonymous_readers_are_sent_to_sign_in(cast):
    made = example(cast.network)
    client = signed_in(None)
    for url in (cast.network.url + "examples/new/", anchor_url(cast, made)):
        response = client.post(url, {"title": "x", "description": "y"})
        assert response.status_code == 302 and "login" in response["Location"]
    assert Example.objects.count() == 1 and not Anchoring.objects.exists()


def test_an_example_of_another_network_is_not_found_here(cast):
    elsewhere = example(cast.other_network)
    assert signed_in(cast.speaker_a).get(anchor_url(cast, elsewhere)).status_code == 404


def test_a_future_date_is_refused(cast):
    made = example(cast.network)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = signed_in(cast.speaker_a).post(
        anchor_url(cast, made),
        {"unit": str(cast.unit_a.translation_key), "taken_up_on": tomorrow, "group_said": "Soon."},
    )
    assert response.status_code == 200
    assert "The date cannot be in the future." in response.content.decode()
    assert not Anchoring.objects.exists()


def test_an_anchoring_links_a_case_study_the_reader_may_see(cast, home):
    cases = CaseStudyIndexPageFactory(parent=home)
    shown = CaseStudyPageFactory(parent=cases, title="Night-time supervision")
    hidden = CaseStudyPageFactory(parent=cases, title="Board-only case")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([Group.objects.create(name="Board")])
    made = example(cast.network)
    client = signed_in(cast.speaker_a)
    form = client.get(anchor_url(cast, made)).content.decode()
    assert "Night-time supervision" in form and "Board-only case" not in form

    post = {"unit": str(cast.unit_a.translation_key), "taken_up_on": timezone.localdate(), "group_said": "Yes."}
    refused = client.post(anchor_url(cast, made), {**post, "case_study": hidden.pk})
    assert refused.status_code == 200 and not Anchoring.objects.exists()

    response = client.post(anchor_url(cast, made), {**post, "case_study": shown.pk}, follow=True)
    assert f'<a href="{shown.url}">Night-time supervision</a>' in unit_row(response.content.decode(), "Björken ward")


def test_text_in_another_language_carries_a_language_marker(cast):
    made = example(cast.network, title="Överlämningen", language="sv")
    anchor(made, cast.unit_b, said="Vi provade det.", language="sv")
    html = signed_in(EmployeeFactory()).get(cast.network.url).content.decode()
    assert '<span lang="sv">Överlämningen</span> <span class="language-marker" lang="sv">(Svenska)</span>' in html
    assert '<div lang="sv">' in unit_row(html, "Home care West")


def test_a_swedish_reader_sees_the_tracker_in_swedish_and_written_text_as_text(cast):
    made = example(cast.network, title="Handover")
    anchor(made, cast.unit_b, said="We tried <b>it</b>\nTwice.", reflection="<script>x</script>")
    day = timezone.localdate()
    with translation.override("sv"):
        html = signed_in(cast.speaker_b).get(reader_page_url(cast.network)).content.decode()
        shown_day = date_format(day, "DATE_FORMAT")
    done, not_yet = unit_row(html, "Home care West"), unit_row(html, "Björken ward")
    assert f'Förankrat <time datetime="{day.isoformat()}">{shown_day}</time>' in done
    assert "Uppdatera er enhets förankring" in done and "Vad gruppen sa" in done
    assert "Inte förankrat ännu" in not_yet
    assert "Anchored" not in done and "Not yet anchored" not in not_yet
    # What a group wrote is shown as they wrote it, line breaks kept, never as markup.
    assert "We tried &lt;b&gt;it&lt;/b&gt;<br>Twice." in done
    assert "&lt;script&gt;x&lt;/script&gt;" in done and "<script>x" not in html


def test_the_page_cache_keeps_each_readers_buttons_apart(cast, settings):
    assert settings.PAGE_CACHE
    example(cast.network)
    first = signed_in(EmployeeFactory()).get(cast.network.url).content.decode()
    assert "Record your unit’s anchoring" not in first
    mine = signed_in(cast.speaker_b).get(cast.network.url).content.decode()
    assert "Record your unit’s anchoring" in unit_row(mine, "Home care West")
    again = signed_in(EmployeeFactory()).get(cast.network.url).content.decode()
    assert "Record your unit’s anchoring" not in again and "Record an example" not in again


def test_a_restricted_networks_examples_stay_inside(cast):
    made = example(cast.network, title="Inside story")
    anchor(made, cast.unit_a)
    PageViewRestriction.objects.create(
        page=cast.network, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([Group.objects.create(name="Network members")])
    outsider = signed_in(EmployeeFactory())
    for url in (cast.network.url, cast.network.url + "examples/new/", anchor_url(cast, made)):
        response = outsider.get(url)
        assert response.status_code in (302, 403), url
        assert "Inside story" not in response.content.decode()


def test_examples_and_anchorings_since_a_moment(cast):
    old = example(cast.network, title="Old", age=timedelta(days=20))
    new = example(cast.network, title="New", age=timedelta(days=2))
    example(cast.other_network, title="Elsewhere", age=timedelta(days=1))
    anchor(old, cast.unit_a)
    Anchoring.objects.update(recorded=timezone.now() - timedelta(days=10))
    fresh = anchor(new, cast.unit_b)
    since = timezone.now() - timedelta(days=7)

    assert list(examples_since(cast.network, since)) == [new]
    assert [anchoring.pk for anchoring in anchorings_since(cast.network, since)] == [fresh.pk]
    assert anchorings_since(cast.network, since)[0].example.title == "New"
    assert list(examples_since(cast.network, timezone.now() - timedelta(days=30))) == [old, new]
