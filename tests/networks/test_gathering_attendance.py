"""Facilitators record who attended a gathering, once it has started; nobody else may."""

import re

import pytest

from networks.models import GatheringAttendance
from portal.factories import EmployeeFactory
from tests.networks.gathering_helpers import client_of, facilitator_of, gathering_in, page_of

pytestmark = pytest.mark.django_db


def sign_up(network, gathering, user):
    client_of(user).post(page_of(network, gathering), {"action": "respond", "answer": "coming"})


def test_the_facilitator_ticks_who_came_and_adds_others(network, directory):
    facilitator = facilitator_of(network, directory)
    gathering = gathering_in(network, 2)
    came = EmployeeFactory(username="ann", first_name="Ann", last_name="Ek")
    stayed_home = EmployeeFactory(username="bo", first_name="Bo", last_name="Lund")
    walked_in = EmployeeFactory(username="cilla", first_name="Cilla", last_name="Ny", email="cilla@example.org")
    sign_up(network, gathering, came)
    sign_up(network, gathering, stayed_home)
    gathering.start, gathering.end = gathering.start.replace(year=2020), gathering.end.replace(year=2020)
    gathering.save()
    client = client_of(facilitator)
    url = page_of(network, gathering)

    html = client.get(url).content.decode()
    assert 'name="present"' in html and "Ann Ek" in html and "Bo Lund" in html

    response = client.post(
        url, {"action": "attendance", "present": [str(came.pk)], "others": "cilla@example.org"}, follow=True
    )
    html = response.content.decode()
    assert "The attendance has been saved." in html
    assert "2 attended" in html
    assert set(GatheringAttendance.objects.values_list("user__username", flat=True)) == {"ann", "cilla"}

    client.post(url, {"action": "attendance", "present": [str(walked_in.pk)]})
    assert list(GatheringAttendance.objects.values_list("user__username", flat=True)) == ["cilla"]


def test_an_unknown_name_is_refused_with_the_input_kept(network, directory):
    facilitator = facilitator_of(network, directory)
    gathering = gathering_in(network, -1)
    response = client_of(facilitator).post(
        page_of(network, gathering), {"action": "attendance", "others": "nobody@example.org"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Erfa has no user with these e-mail addresses or user names: nobody@example.org" in html
    assert "nobody@example.org</textarea>" in html
    assert not GatheringAttendance.objects.exists()


def test_others_may_not_record_attendance(network, directory, employee, employee_client, admin_client):
    facilitator_of(network, directory)
    gathering = gathering_in(network, -1)
    url = page_of(network, gathering)
    assert 'name="present"' not in employee_client.get(url).content.decode()
    for client in (employee_client, admin_client):
        response = client.post(url, {"action": "attendance", "others": employee.username})
        assert response.status_code == 403
    assert not GatheringAttendance.objects.exists()


def test_attendance_waits_for_the_gathering_to_start(network, directory):
    facilitator = facilitator_of(network, directory)
    gathering = gathering_in(network, 3)
    client = client_of(facilitator)
    assert 'name="present"' not in client.get(page_of(network, gathering)).content.decode()
    assert client.post(page_of(network, gathering), {"action": "attendance"}).status_code == 403


def test_who_attended_and_the_checkboxes_are_both_in_name_order(network, directory):
    facilitator = facilitator_of(network, directory)
    gathering = gathering_in(network, 2)
    names = ("Mette", "Astrid", "Elin")
    people = [EmployeeFactory(username=name.lower(), first_name=name, last_name="Test") for name in names]
    for person in people:
        sign_up(network, gathering, person)
    gathering.start, gathering.end = gathering.start.replace(year=2020), gathering.end.replace(year=2020)
    gathering.save()
    client = client_of(facilitator)
    url = page_of(network, gathering)
    client.post(url, {"action": "attendance", "present": [str(person.pk) for person in people]})

    html = client.get(url).content.decode()
    listed = html.split('class="gathering__people gathering__attended">')[1].split("</ul>")[0]
    assert re.findall(r"<li>([^<]+)</li>", listed) == ["Astrid Test", "Elin Test", "Mette Test"]
    boxes = re.findall(r'<input[^>]*name="present"[^>]*>', html)
    order = [re.search(r'value="(\d+)"', box).group(1) for box in boxes]
    by_pk = {str(person.pk): person.first_name for person in people}
    assert [by_pk[pk] for pk in order if pk in by_pk] == ["Astrid", "Elin", "Mette"]


def attendance_boxes(html):
    """The attendance form's checkboxes as the facilitator sees them: (name, ticked), in the page's order."""
    form = html.split('class="gathering-attendance-form"')[1].split("</form>")[0]
    boxes = re.findall(r'<label[^>]*>\s*(<input[^>]*name="present"[^>]*>)\s*([^<]+?)\s*</label>', form)
    return [(name, " checked" in box) for box, name in boxes]


def test_a_refused_list_offers_the_same_people_with_the_ticks_and_text_kept(network, directory):
    facilitator = facilitator_of(network, directory)
    gathering = gathering_in(network, 2)
    astrid = EmployeeFactory(username="astrid", first_name="Astrid", last_name="Berg")
    mette = EmployeeFactory(username="mette", first_name="Mette", last_name="Dahl")
    ingrid = EmployeeFactory(username="ingrid", first_name="Ingrid", last_name="Haugen")
    EmployeeFactory(username="bo", first_name="Bo", last_name="Lund", email="bo@example.org")
    sign_up(network, gathering, mette)
    sign_up(network, gathering, astrid)
    client_of(ingrid).post(page_of(network, gathering), {"action": "respond", "answer": "declined"})
    gathering.start, gathering.end = gathering.start.replace(year=2020), gathering.end.replace(year=2020)
    gathering.save()
    client = client_of(facilitator)
    url = page_of(network, gathering)
    # Bo walked in without answering: once recorded, he has a box of his own.
    client.post(url, {"action": "attendance", "others": "bo@example.org"})

    shown = attendance_boxes(client.get(url).content.decode())
    assert shown == [("Astrid Berg", False), ("Bo Lund", True), ("Mette Dahl", False)]

    response = client.post(url, {"action": "attendance", "present": [str(astrid.pk)], "others": "nobody@example.org"})
    html = response.content.decode()
    assert response.status_code == 400
    assert attendance_boxes(html) == [("Astrid Berg", True), ("Bo Lund", False), ("Mette Dahl", False)]
    assert "nobody@example.org</textarea>" in html
    # Ingrid said no: she is listed under "declined", never offered a box.
    assert "Ingrid Haugen" in html and all(name != "Ingrid Haugen" for name, _ticked in attendance_boxes(html))


def test_the_attendance_form_sends_the_browser_back_to_itself(network, directory):
    facilitator = facilitator_of(network, directory)
    gathering = gathering_in(network, -1)
    html = client_of(facilitator).get(page_of(network, gathering)).content.decode()
    # A refused list answers 400 at the action's address: its anchor puts the form, and its error, in view.
    form = re.search(r'<form [^>]*class="gathering-attendance-form"[^>]*>', html).group(0)
    assert f'action="{page_of(network, gathering)}#attendance-form"' in form
    assert 'id="attendance-form"' in form
