"""Builders for methods, shareable templates, networks and case studies (mixed into DemoLoader).

Each `build(data, code)` gets an item's data with every text in the item's language and returns
the fields of its page; DemoLoader.original() makes the page and its English translation.
"""

import json
import uuid
from datetime import date, datetime

from django.utils import timezone

from casestudies.models import CaseStudyPage
from demo.content import pick, rich
from methods.models import MethodHandbook, MethodPage, ShareableTemplateFile, ShareableTemplatePage
from networks.models import (
    Gathering,
    NetworkDocument,
    NetworkExpectation,
    NetworkFacilitator,
    NetworkMember,
    NetworkPage,
    NetworkSpokesperson,
    NetworkUpdatePage,
)


def stream(items):
    """StreamField JSON with fresh block ids; wagtail-localize keeps them in the translation."""
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in items])


def blocks(kind, values):
    return stream((kind, value) for value in values)


def aware(value):
    return timezone.make_aware(datetime.fromisoformat(str(value)))


class ContentBuilders:
    """Needs DemoLoader's items, index_pages, original(), person(), document() and organisations."""

    def load_items(self, folder, model, build):
        """Each item of a folder under its index page in its own language: key -> original page."""
        return {
            key: self.original(self.index_pages[folder][data["locale"]], model, data, build, data["topics"])
            for key, data in self.items[folder].items()
        }

    def load_methods(self):
        def build(data, code):
            return dict(
                description=rich(data["description"]),
                motives_for_organisation=blocks("motive", data["motives_for_organisation"]),
                motives_for_employees=blocks("motive", data["motives_for_employees"]),
                steps=blocks("step", ({**step, "what_to_do": rich(step["what_to_do"])} for step in data["steps"])),
                cost_note=data.get("cost_note", ""),
                content_owner=self.person(data["owner"], code),
                handbooks=[
                    MethodHandbook(title=data["handbook"], document=self.document(file["name"]))
                    for file in data.get("files", ())
                ],
                **pick(data, "facilitator_role", "participants_role", "group_size", "duration", "category", "cost"),
            )

        self.methods = self.load_items("methods", MethodPage, build)

    def load_templates(self):
        def build(data, code):
            return dict(
                purpose=rich(data["purpose"]),
                files=[ShareableTemplateFile(document=self.document(file["name"])) for file in data["files"]],
                publisher=self.person(data["publisher"], code),
                related_method=self.methods[data["method"]],
                content_owner=self.person(data["publisher"], code),
                **pick(data, "when_to_use", "file_format", "language", "version_note", "licence"),
            )

        self.templates = self.load_items("shareable-templates", ShareableTemplatePage, build)

    def load_networks(self):
        def build(data, code):
            organisation = {key: pages[code] for key, pages in self.organisations.items()}.get
            return dict(
                purpose=rich(data["purpose"]),
                content_owner=self.person(data["owner"], code),
                facilitators=[
                    NetworkFacilitator(person=self.person(row["person"], code), role_title=row["role"])
                    for row in data["facilitators"]
                ],
                members=[
                    NetworkMember(organisation=organisation(row["organisation"]), team=row["team"])
                    for row in data["members"]
                ],
                spokespersons=[
                    NetworkSpokesperson(
                        person=self.person(row["person"], code), organisation=organisation(row["organisation"])
                    )
                    for row in data["spokespersons"]
                ],
                gatherings=[
                    Gathering(
                        **pick(row, "title", "place", "online_link"),
                        start=aware(row["start"]),
                        end=aware(row["end"]),
                        agenda=rich(row["agenda"]),
                        assignment=rich(row["assignment"]),
                    )
                    for row in data["gatherings"]
                ],
                expectations=[NetworkExpectation(**row) for row in data["expectations"]],
                documents=[
                    NetworkDocument(document=self.document(row["file"]), kind=row["kind"]) for row in data["documents"]
                ],
                **pick(data, "region", "number_of_gatherings", "team_size", "duration"),
            )

        self.networks = self.load_items("networks", NetworkPage, build)
        for key, page in self.networks.items():
            data = self.items["networks"][key]
            owner, topics = data["owner"], data["topics"][:1]
            for update in data["updates"]:

                def build_update(data, code, owner=owner):
                    body = [("paragraph", rich([paragraph])) for paragraph in data["paragraphs"]]
                    body.insert(1, ("quote", data["quote"]))
                    return {
                        "date": date.fromisoformat(str(data["date"])),
                        "kind": data["kind"],
                        "body": stream(body),
                        "content_owner": self.person(owner, code),
                    }

                self.original(page, NetworkUpdatePage, update, build_update, topics)

    def load_case_studies(self):
        def build(data, code):
            return dict(
                organisations=[self.organisations[key][code] for key in data["organisations"]],
                network=self.networks[data["network"]] if data["network"] else None,
                context=rich(data["context"]),
                challenge=rich(data["challenge"]),
                methods_used=[self.methods[key] for key in data["methods"]],
                what_was_done=blocks("paragraph", (rich([paragraph]) for paragraph in data["what_was_done"])),
                results=rich(data["results"]),
                lesson_what_we_do_best=rich(data["lesson_best"]),
                lesson_what_we_can_learn=rich(data["lesson_learn"]),
                lesson_what_to_keep_or_develop=rich(data["lesson_keep"]),
                contact_persons=[self.person(key, code) for key in data["contacts"]],
                shareable_templates_used=[self.templates[key] for key in data["templates"]],
                period_start=date.fromisoformat(str(data["period_start"])),
                period_end=date.fromisoformat(str(data["period_end"])),
                content_owner=self.person(data["owner"], code),
                **pick(data, "quote_text", "quote_role", "quote_organisation"),
            )

        self.load_items("case-studies", CaseStudyPage, build)
