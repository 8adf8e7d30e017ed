"""What the demo shows a reader agrees with itself: checks mixed into TestLoadDemoContent, which loads the
bank once.

No page was reviewed before it was first published, nor before what it reports had happened (demo/history.py);
the ended network counts its member organisations and the people who answered its closing evaluation apart,
in words that say which is which; a team's plan falls due while its network runs and names the team's people;
who declined a gathering says why in the language they write in.
"""

import re
from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.dateparse import parse_date

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from demo import gatherings, network_shape, teams
from methods.models import MethodIndexPage, MethodPage, ShareableTemplateIndexPage, ShareableTemplatePage
from networks import evaluation
from networks.models import (
    GatheringResponse,
    NetworkEvaluation,
    NetworkIndexPage,
    NetworkPage,
    NetworkUpdatePage,
    TeamPlan,
)
from people.models import ResourcePersonIndexPage, ResourcePersonPage

# Every page type the demo loader builds; each in every language.
BUILT_TYPES = [
    ResourcePersonIndexPage,
    MethodIndexPage,
    ShareableTemplateIndexPage,
    NetworkIndexPage,
    CaseStudyIndexPage,
    ResourcePersonPage,
    MethodPage,
    ShareableTemplatePage,
    NetworkPage,
    NetworkUpdatePage,
    CaseStudyPage,
]
KEY_FACT = re.compile(r"<dt>([^<]+)</dt><dd>([^<]*)</dd>")


class DemoConsistencyChecks:
    def test_no_page_was_reviewed_before_it_was_first_published(self):
        today, problems, checked = date.today(), [], 0
        for model in BUILT_TYPES:
            for page in model.objects.select_related("locale"):
                checked += 1
                where = f"{model.__name__} {page.locale.language_code}/{page.slug}"
                first, last, reviewed = page.first_published_at, page.last_published_at, page.last_reviewed
                if first is None or reviewed is None:
                    problems.append(f"{where}: first published {first}, last reviewed {reviewed}")
                    continue
                if not timezone.localdate(first) <= reviewed <= today:
                    problems.append(f"{where}: first published {timezone.localdate(first)}, last reviewed {reviewed}")
                if last is None or last < first:
                    problems.append(f"{where}: last published {last}, before its first publication {first}")
                # The admin's editor starts from the latest revision: publishing from it keeps that date.
                restored = page.get_latest_revision_as_object().first_published_at
                if restored is None or timezone.localdate(restored) > reviewed:
                    problems.append(f"{where}: the editor would publish it as first published {restored}")
        self.assertGreater(checked, 150)
        self.assertEqual(problems, [])

    def test_no_page_was_reviewed_before_what_it_reports_happened(self):
        for update in NetworkUpdatePage.objects.select_related("locale"):
            with self.subTest(update=update.slug, language=update.locale.language_code):
                self.assertGreaterEqual(update.last_reviewed, update.date)
        for case in CaseStudyPage.objects.exclude(period_end=None).select_related("locale"):
            with self.subTest(case_study=case.slug, language=case.locale.language_code):
                self.assertGreaterEqual(case.last_reviewed, case.period_end)

    def test_the_ended_network_counts_organisations_and_the_people_who_answered_apart(self):
        network = NetworkPage.objects.get(slug="welfare-technology-north-west")
        self.assertTrue(network.has_ended())
        self.client.force_login(get_user_model().objects.get(username="employee"))
        html = self.client.get(network.url).content.decode()
        organisations = network.members.exclude(organisation=None).count()
        facts = dict(KEY_FACT.findall(html))
        self.assertEqual(facts.get("Member organisations"), str(organisations), facts)
        self.assertNotIn("Members", facts)

        answers = NetworkEvaluation.objects.filter(network_key=network.translation_key)
        self.assertEqual(answers.count(), len(network_shape.ANSWERS))
        summary = re.search(r'class="network__evaluation-summary">([^<]+)<', html).group(1)
        self.assertTrue(summary.startswith(f"{answers.count()} participants answered."), summary)
        # Those who answered are the evaluation's members (people), as the product counts them.
        self.assertLessEqual(
            set(answers.values_list("user_id", flat=True)),
            set(evaluation.member_users(network).values_list("pk", flat=True)),
        )

        # The networks' cards count the same thing under the same name.
        cards = self.client.get(network.get_parent().url).content.decode()
        counted = sorted(value for name, value in KEY_FACT.findall(cards) if name == "Member organisations")
        english = NetworkPage.objects.filter(locale__language_code="en")
        expected = sorted(str(page.members.exclude(organisation=None).count()) for page in english)
        self.assertEqual(counted, expected)

    def test_a_team_plan_falls_due_while_its_network_runs_and_names_the_teams_people(self):
        network = NetworkPage.objects.get(slug=teams.NETWORK)
        times = network.gathering_list()
        starts, ends = timezone.localdate(times[0].start), timezone.localdate(times[-1].end)
        plans = TeamPlan.objects.filter(team__network_key=network.translation_key, kind="plan")
        self.assertTrue(plans.exists())
        for plan in plans:
            team = plan.team
            people = {user.get_full_name() for user in team.members.all()} | {team.manager.get_full_name()}
            for action in plan.actions:
                with self.subTest(team=team.name, action=action["action"]):
                    self.assertTrue(starts <= parse_date(action["due"]) <= ends, action["due"])
                    self.assertIn(action["owner"], people)

    def test_who_declined_a_gathering_says_why_in_the_language_they_write_in(self):
        declined = GatheringResponse.objects.filter(answer="declined").exclude(note="")
        self.assertTrue(declined.exists())
        for response in declined:
            with self.subTest(user=response.user.username):
                self.assertEqual(response.note, gatherings.DECLINE_NOTES[response.language])
