import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client, RequestFactory

from methods.factories import MethodPageFactory
from methods.models import MethodRating
from portal.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def method(method_index):
    return MethodPageFactory(parent=method_index, title="Reflection meeting")


def rate_url(method):
    return method.url + "rate/"


def test_a_vote_is_saved_and_shown(method, employee_client, employee):
    response = employee_client.post(rate_url(method), {"score": "4"})
    assert response.status_code == 302
    assert response["Location"].endswith(method.url + "#rating")
    assert MethodRating.objects.get(user=employee, method_key=method.translation_key).score == 4
    html = employee_client.get(method.url).content.decode()
    assert "4.0 out of 5 (1 vote)" in html
    assert "Your score is 4." in html


def test_one_vote_per_user_and_changing_it_updates_the_average(method, employee_client, employee):
    other = Client()
    other.force_login(EmployeeFactory())
    other.post(rate_url(method), {"score": "2"})
    employee_client.post(rate_url(method), {"score": "5"})
    assert "3.5 out of 5 (2 votes)" in employee_client.get(method.url).content.decode()

    employee_client.post(rate_url(method), {"score": "4"})
    assert MethodRating.objects.filter(method_key=method.translation_key).count() == 2
    assert MethodRating.objects.get(user=employee).score == 4
    assert "3.0 out of 5 (2 votes)" in employee_client.get(method.url).content.decode()


@pytest.mark.parametrize("score", ["0", "6", "-1", "abc", ""])
def test_a_score_outside_one_to_five_is_refused_with_a_clear_error(method, employee_client, score):
    response = employee_client.post(rate_url(method), {"score": score})
    assert response.status_code == 400
    assert "Choose a score from 1 to 5." in response.content.decode()
    assert not MethodRating.objects.exists()


def test_the_model_rule_refuses_bad_scores_and_anonymous_users(method, employee):
    with pytest.raises(ValidationError, match="Choose a score from 1 to 5."):
        MethodRating.rate(employee, method, 9)
    with pytest.raises(ValidationError):
        MethodRating.rate(AnonymousUser(), method, 3)
    assert not MethodRating.objects.exists()


def test_anonymous_visitors_cannot_vote(method, client):
    response = client.post(rate_url(method), {"score": "5"})
    assert response.status_code == 302
    assert "/login" in response["Location"]
    assert not MethodRating.objects.exists()


def test_the_route_itself_refuses_anonymous_visitors(method):
    # The login middleware stops anonymous visitors first; the route must not rely on it.
    request = RequestFactory().post(rate_url(method), {"score": "5"})
    request.user = AnonymousUser()
    with pytest.raises(PermissionDenied):
        method.rate(request)
    assert not MethodRating.objects.exists()


def test_rating_needs_post_and_a_csrf_token(method, employee):
    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    # The form's address opened as a link leads to the method's rating and rates nothing.
    response = client.get(rate_url(method))
    assert response.status_code == 302 and response["Location"] == method.url + "#rating"
    assert client.post(rate_url(method), {"score": "3"}).status_code == 403
    assert not MethodRating.objects.exists()


def test_votes_are_shared_by_the_translations_of_a_method(method, employee_client, employee):
    from wagtail.models import Locale

    employee_client.post(rate_url(method), {"score": "5"})
    swedish = method.copy_for_translation(Locale.objects.get(language_code="sv"), copy_parents=True)
    assert swedish.rating_summary(employee) == {"average": 5.0, "count": 1, "user_score": 5}
