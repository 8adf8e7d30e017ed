"""The closing evaluation: who may answer and when, one editable answer each, the figures and the page summary."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from networks.evaluation import aggregate, member_users
from networks.factories import NetworkFacilitatorFactory, NetworkSpokespersonFactory
from networks.following import follow
from networks.models import NetworkEvaluation
from people.factories import ResourcePersonPageFactory
from portal.factories import EmployeeFactory
from tests.utils import signed_in

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - timedelta(days=1)



@pytest.fixture
def ended(network):
    network.ends_on = YESTERDAY
    network.save_revision().publish()
    network.refresh_from_db()
    return network


@pytest.fixture
def facilitator(ended, directory):
    user = EmployeeFactory(username="frida")
    NetworkFacilitatorFactory(page=ended, person=ResourcePersonPageFactory(parent=directory, user=user))
    return user


@pytest.fixture
def spokesperson(ended, directory):
    user = EmployeeFactory(username="sami")
    NetworkSpokespersonFactory(page=ended, person=ResourcePersonPageFactory(parent=directory, user=user))
    return user


def answer(network, user, score, worked="", change="", language="en"):
    return NetworkEvaluation.objects.create(
        network=network,
        user=user,
        would_join_again=score,
        what_worked=worked,
        what_to_change=change,
        language=language,
    )


def test_members_are_facilitators_spokespersons_and_followers(ended, facilitator, spokesperson, employee):
    follow(employee, ended)
    EmployeeFactory(username="stranger")
    retired = EmployeeFactory(username="retired", is_active=False)
    follow(retired, ended)

    assert sorted(user.username for user in member_users(ended)) == ["elin", "frida", "sami"]


def test_a_member_answers_once_and_can_change_the_answer(ended, spokesperson):
    client = signed_in(spokesperson)
    url = ended.url + "evaluation/"

    form = client.get(url)
    assert form.status_code == 200
    assert "Would you join a network like this again?" in form.content.decode()
    assert "no-cache" in form["Cache-Control"] or "max-age=0" in form["Cache-Control"]

    response = client.post(url, {"what_worked": "The visits", "what_to_change": "Fewer slides", "would_join_again": 4})
    assert response.status_code == 302 and response["Location"] == url
    response = client.post(url, {"what_worked": "The visits", "what_to_change": "", "would_join_again": 5})

    [saved] = NetworkEvaluation.objects.all()
    assert (saved.user, saved.would_join_again, saved.what_to_change, saved.language) == (spokesperson, 5, "", "en")
    assert "The visits" in client.get(url).content.decode()


def test_an_answer_on_the_swedish_page_is_stored_as_swedish_and_is_the_same_answer(ended, spokesperson):
    svensk = ended.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    svensk.save_revision().publish()
    client = signed_in(spokesperson)
    client.post(ended.url + "evaluation/", {"what_worked": "Visits", "would_join_again": 3})
    client.post(svensk.specific.url + "evaluation/", {"what_worked": "Besöken", "would_join_again": 4})

    [saved] = NetworkEvaluation.objects.all()
    assert (saved.what_worked, saved.language, saved.would_join_again) == ("Besöken", "sv", 4)


def test_a_score_outside_one_to_five_is_refused(ended, spokesperson):
    response = signed_in(spokesperson).post(ended.url + "evaluation/", {"would_join_again": 7})
    assert response.status_code == 200
    assert not NetworkEvaluation.objects.exists()


def test_non_members_and_signed_out_readers_cannot_answer(ended, facilitator, client):
    stranger = signed_in(EmployeeFactory(username="stranger"))
    assert stranger.get(ended.url + "evaluation/").status_code == 403
    assert stranger.post(ended.url + "evaluation/", {"would_join_again": 1}).status_code == 403
    response = client.get(ended.url + "evaluation/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not NetworkEvaluation.objects.exists()


def test_a_refused_reader_gets_the_sites_page_in_their_language(ended, facilitator):
    # Django's bare "403 Forbidden" was English, with no way back: the refusal is a page of the site.
    svensk = ended.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    svensk.save_revision().publish()
    response = signed_in(EmployeeFactory(username="stranger")).get(svensk.specific.url + "evaluation/")

    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="sv"' in html and 'class="site-header"' in html
    assert "Du har inte åtkomst till den här sidan" in html
    assert '<a href="/sv/">Gå till startsidan</a>' in html
    assert "Forbidden" not in html
    # Its other languages are their home pages, not this address under another prefix (a 404).
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/nb/" lang="nb"' in switcher and 'href="/nl/" lang="nl"' in switcher


def test_nobody_answers_before_the_network_has_ended(network, employee):
    follow(employee, network)
    network.ends_on = timezone.localdate() + timedelta(days=1)
    network.save_revision().publish()
    client = signed_in(employee)

    assert client.post(network.url + "evaluation/", {"would_join_again": 5}).status_code == 403
    network.ends_on = None
    network.save_revision().publish()
    assert client.get(network.url + "evaluation/").status_code == 403
    assert not NetworkEvaluation.objects.exists()


def test_the_aggregate_counts_averages_and_spreads_the_scores():
    figures = aggregate([5, 4, 4, 2])
    assert (figures.count, figures.mean) == (4, 3.8)
    assert figures.distribution == [(1, 0, 0), (2, 1, 25), (3, 0, 0), (4, 2, 50), (5, 1, 25)]
    assert (aggregate([]).count, aggregate([]).mean) == (0, None)


def test_the_facilitator_sees_figures_and_texts_with_language_markers(ended, facilitator, spokesperson, employee):
    follow(employee, ended)
    answer(ended, spokesperson, 5, worked="The home visits", language="en")
    answer(ended, employee, 2, change="Mer tid mellan träffarna", language="sv")

    response = signed_in(facilitator).get(ended.url + "evaluation/results/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "2 answers from 3 members." in html
    assert "Would join again: 3.5 out of 5 on average." in html
    assert '<tr><th scope="row">5</th><td>1</td><td>50 %</td></tr>' in html
    assert '<tr><th scope="row">3</th><td>0</td><td>0 %</td></tr>' in html
    assert "The home visits" in html
    assert 'lang="sv"' in html and "(Svenska)" in html and "Mer tid mellan träffarna" in html


def test_only_facilitators_see_the_results(ended, facilitator, spokesperson, client):
    assert signed_in(spokesperson).get(ended.url + "evaluation/results/").status_code == 403
    assert client.get(ended.url + "evaluation/results/").status_code == 302


def test_the_network_page_summarises_and_invites_members_to_answer(ended, spokesperson, employee_client):
    assert "Closing evaluation" not in employee_client.get(ended.url).content.decode()

    member_page = signed_in(spokesperson).get(ended.url).content.decode()
    assert f'href="{ended.url}evaluation/"' in member_page and "Evaluation open" in member_page

    answer(ended, spokesperson, 4)
    answer(ended, EmployeeFactory(username="another"), 5)

    html = employee_client.get(ended.url).content.decode()
    assert "2 participants answered. Would join again: 4.5 out of 5 on average." in html
    assert "Evaluation open" not in html  # the employee is not a member
    assert "Evaluation open" in signed_in(spokesperson).get(ended.url).content.decode()


def test_ends_on_is_the_same_in_every_language(ended):
    svensk = ended.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    assert svensk.ends_on == YESTERDAY
    assert isinstance(svensk.ends_on, date)


def test_facilitators_find_the_results_from_the_network_page(ended, facilitator, spokesperson):
    html = signed_in(facilitator).get(ended.url).content.decode()
    assert f'href="{ended.url}evaluation/results/"' in html
    assert "evaluation/results/" not in signed_in(spokesperson).get(ended.url).content.decode()
