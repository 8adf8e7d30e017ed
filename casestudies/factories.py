import datetime

import factory
import wagtail_factories

from casestudies.models import CaseStudyIndexPage, CaseStudyPage


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseStudyIndexPage

    title = "Case studies"
    slug = "case-studies"
    intro = "<p>How workplaces put methods to work, and what they learnt.</p>"


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    """A case study with text in every section. Pass organisations=[…], methods_used=[…],
    contact_persons=[…], shareable_templates_used=[…] and network=… to relate it to other pages."""

    class Meta:
        model = CaseStudyPage

    title = factory.Sequence(lambda n: f"Reflection after customer meetings {n}")
    summary = "A support unit made short reflections after activities a habit."
    context = "<p>An advisory unit with specialists spread over the whole country.</p>"
    challenge = "<p>Sharing what the specialists know with colleagues who meet customers.</p>"
    what_was_done = factory.LazyFunction(
        lambda: [
            ("paragraph", "<p>Forty employees trained in three digital sessions.</p>"),
            (
                "milestone",
                {"title": "First reflection round", "when": "Spring 2023", "description": "<p>Small groups.</p>"},
            ),
            ("quote", {"text": "We all stand on the same ground now.", "attribution": "Adviser"}),
        ]
    )
    results = "<p>Teams now choose a reflection themselves after difficult evaluations.</p>"
    lesson_what_we_do_best = "<p>Thinking together, and forward rather than back.</p>"
    lesson_what_we_can_learn = "<p>A shared model for dialogue helps new teams.</p>"
    lesson_what_to_keep_or_develop = "<p>Keep the short reflection after every larger activity.</p>"
    quote_text = "A shared model for dialogue has been really valuable."
    quote_role = "Head of unit"
    quote_organisation = "Knowledge and support"
    period_start = datetime.date(2023, 1, 1)
    period_end = datetime.date(2023, 12, 31)
