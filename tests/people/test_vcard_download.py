"""A profile's vCard is a download button, and the file comes as an attachment with its name."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_vcard_is_a_download_button_sent_as_an_attachment(person, employee_client):
    html = employee_client.get(person.url).content.decode()
    link = re.search(
        r'<a class="button button--download" href="([^"]+)" type="text/vcard" download>Add to contacts</a>', html
    )
    assert link is not None
    response = employee_client.get(link.group(1))
    assert response["Content-Type"].startswith("text/vcard")
    assert response["Content-Disposition"] == 'attachment; filename="sigrid-lunde.vcf"'


def test_the_file_is_named_after_the_person_with_every_letter_spelt(directory, employee_client):
    from people.factories import ResourcePersonPageFactory

    person = ResourcePersonPageFactory(parent=directory, title="Mette Kjærgaard")
    response = employee_client.get(person.url + "vcard/")
    assert response["Content-Disposition"] == 'attachment; filename="mette-kjaergaard.vcf"'
