"""The Communications overview of pages with the most negative feedback."""

from django.urls import reverse
from wagtail.models import Locale

from feedback.models import Report, UsefulVote
from methods.factories import ShareableTemplatePageFactory
from tests.feedback.conftest import client_for


def negative(page, readers, not_useful=0, reports=0, useful=0):
    for reader in readers[:not_useful]:
        UsefulVote.objects.create(page=page, user=reader, language="en", useful=False)
    for reader in readers[not_useful : not_useful + useful]:
        UsefulVote.objects.create(page=page, user=reader, language="en", useful=True)
    for n in range(reports):
        Report.objects.create(page=page, user=readers[0], language="en", comment=f"Problem {n}")


def test_pages_are_ordered_by_negative_feedback_and_filtered_by_language(library, communications_user, readers, home):
    from portal.factories import EmployeeFactory

    many = [*readers, *(EmployeeFactory(username=f"reader{n}") for n in range(4))]
    worst = ShareableTemplatePageFactory(parent=library, title="Worst agenda")
    middle = ShareableTemplatePageFactory(parent=library, title="Middle agenda")
    fine = ShareableTemplatePageFactory(parent=library, title="Fine agenda")
    negative(worst, many, not_useful=3, reports=2)
    negative(middle, many, not_useful=1, reports=1, useful=3)
    negative(fine, many, useful=4)
    Report.objects.filter(page=middle).update(state=Report.State.RESOLVED)
    negative(middle, many, reports=1)
    swedish_library = library.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish = ShareableTemplatePageFactory(parent=swedish_library, title="Svensk dagordning")
    negative(swedish, many, not_useful=1)

    client = client_for(communications_user)
    html = client.get(reverse("feedback_negative_report")).content.decode()
    assert html.index("Worst agenda") < html.index("Middle agenda") < html.index("Svensk dagordning")
    assert "Fine agenda" not in html
    assert f"/admin/pages/{worst.pk}/edit/" in html

    html = client.get(reverse("feedback_negative_report"), {"locale": "sv"}).content.decode()
    assert "Svensk dagordning" in html and "Worst agenda" not in html
    # A filter value that fits nothing is no error page.
    assert client.get(reverse("feedback_negative_report"), {"locale": "xx"}).status_code == 200

    export = client.get(reverse("feedback_negative_report"), {"export": "csv"})
    csv = b"".join(export.streaming_content).decode()
    assert "Worst agenda,en,3,0,2" in csv


def test_only_moderators_see_the_report(library, owner_user, communications_user, readers):
    url = reverse("feedback_negative_report")
    assert client_for(communications_user).get(url).status_code == 200
    response = client_for(owner_user).get(url)
    assert response.status_code in (302, 403)
    html = client_for(owner_user).get(reverse("wagtailadmin_home")).content.decode()
    assert url not in html
