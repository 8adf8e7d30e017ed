"""Builders for methods, templates, networks and case studies, in their original language first."""

import json
import uuid
from datetime import date, datetime

from django.utils import timezone

from casestudies.models import CaseStudyPage
from home.demo.data_casestudies import CASE_STUDIES
from home.demo.data_methods import METHODS, TEMPLATES
from home.demo.data_networks import NETWORKS
from home.demo.text import render_rich, same
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


def rich(blocks):
    return render_rich(blocks) if blocks else ""


def stream(items):
    """StreamField JSON with fresh block ids; wagtail-localize keeps them in the translation."""
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in items])


def aware(text):
    return timezone.make_aware(datetime.fromisoformat(text))


class ContentBuilders:
    """Mixed into DemoLoader, which supplies the shared helpers (page_in, add_original, person…)."""

    def load_methods(self):
        for key, data in METHODS.items():
            code = data["locale"]
            parent = self.index_pages["methods.MethodIndexPage"][code]
            page = self.page_in(parent, MethodPage, data["slug"].src)
            if page is None:
                handbooks = []
                if data["handbook"]:
                    handbooks.append(
                        MethodHandbook(title=str(data["handbook"]), document=self.document("handbook_pdf"))
                    )
                page = MethodPage(
                    title=str(data["title"]),
                    slug=data["slug"].src,
                    description=rich(data["description"]),
                    motives_for_organisation=stream(("motive", str(m)) for m in data["motives_for_organisation"]),
                    motives_for_employees=stream(("motive", str(m)) for m in data["motives_for_employees"]),
                    steps=stream(
                        (
                            "step",
                            {"title": str(title), "what_to_do": rich(what), "time_needed": str(time_needed)},
                        )
                        for title, what, time_needed in data["steps"]
                    ),
                    facilitator_role=str(data["facilitator_role"]),
                    participants_role=str(data["participants_role"]),
                    group_size=str(data["group_size"]),
                    duration=str(data["duration"]),
                    category=data["category"],
                    cost=data["cost"],
                    cost_note=str(data["cost_note"] or ""),
                    content_owner=self.person(data["owner"], code),
                    handbooks=handbooks,
                    **self.review_fields(data),
                )
                self.add_original(parent, page, data["topics"])
            self.ensure_english(page, data)
            self.methods[key] = page

    def load_templates(self):
        for key, data in TEMPLATES.items():
            code = data["locale"]
            parent = self.index_pages["methods.ShareableTemplateIndexPage"][code]
            page = self.page_in(parent, ShareableTemplatePage, data["slug"].src)
            if page is None:
                page = ShareableTemplatePage(
                    title=str(data["title"]),
                    slug=data["slug"].src,
                    purpose=rich(data["purpose"]),
                    when_to_use=data["when_to_use"],
                    files=[ShareableTemplateFile(document=self.document(file_key)) for file_key in data["files"]],
                    file_format=data["file_format"],
                    language=data["language"],
                    publisher=self.person(data["publisher"], code),
                    related_method=self.methods[data["method"]],
                    version_note=str(data["version_note"]),
                    licence=str(data["licence"]),
                    content_owner=self.person(data["publisher"], code),
                    **self.review_fields(data),
                )
                self.add_original(parent, page, data["topics"])
            self.ensure_english(page, data)
            self.templates[key] = page

    def load_networks(self):
        for key, data in NETWORKS.items():
            code = data["locale"]
            parent = self.index_pages["networks.NetworkIndexPage"][code]
            page = self.page_in(parent, NetworkPage, data["slug"].src)
            if page is None:
                organisations = self.organisations
                page = NetworkPage(
                    title=str(data["title"]),
                    slug=data["slug"].src,
                    purpose=rich(data["purpose"]),
                    region=data["region"],
                    number_of_gatherings=data["number_of_gatherings"],
                    team_size=str(data["team_size"]),
                    duration=str(data["duration"]),
                    content_owner=self.person(data["owner"], code),
                    facilitators=[
                        NetworkFacilitator(person=self.person(person, code), role_title=str(role))
                        for person, role in data["facilitators"]
                    ],
                    members=[
                        NetworkMember(organisation=organisations[org][code], team=str(team))
                        for org, team in data["members"]
                    ],
                    spokespersons=[
                        NetworkSpokesperson(person=self.person(person, code), organisation=organisations[org][code])
                        for person, org in data["spokespersons"]
                    ],
                    gatherings=[
                        Gathering(
                            title=str(gathering["title"]),
                            start=aware(gathering["start"]),
                            end=aware(gathering["end"]),
                            place=str(gathering["place"]),
                            online_link=gathering["online_link"],
                            agenda=rich(gathering["agenda"]),
                            assignment=rich(gathering["assignment"]),
                        )
                        for gathering in data["gatherings"]
                    ],
                    expectations=[
                        NetworkExpectation(phrase=str(phrase), weight=weight) for phrase, weight in data["expectations"]
                    ],
                    documents=[
                        NetworkDocument(document=self.document(document_key), kind=kind)
                        for document_key, kind in data["documents"]
                    ],
                    **self.review_fields(data),
                )
                self.add_original(parent, page, data["topics"])
            self.phrasebook.add(same(data["region"]))
            self.ensure_english(page, data)
            self.networks[key] = page
            for update in data["updates"]:
                self.load_update(page, update, data)

    def load_update(self, network, data, network_data):
        page = self.page_in(network, NetworkUpdatePage, data["slug"].src)
        if page is None:
            text, attribution = data["quote"]
            body = [("paragraph", rich([paragraph])) for paragraph in data["paragraphs"]]
            body.insert(1, ("quote", {"text": str(text), "attribution": str(attribution)}))
            page = NetworkUpdatePage(
                title=str(data["title"]),
                slug=data["slug"].src,
                date=date.fromisoformat(data["date"]),
                kind=data["kind"],
                body=stream(body),
                content_owner=self.person(network_data["owner"], network.locale.language_code),
                **self.review_fields(data),
            )
            self.add_original(network, page, network_data["topics"][:1])
        self.ensure_english(page, data)

    def load_case_studies(self):
        for data in CASE_STUDIES.values():
            code = data["locale"]
            parent = self.index_pages["casestudies.CaseStudyIndexPage"][code]
            page = self.page_in(parent, CaseStudyPage, data["slug"].src)
            if page is None:
                period_start, period_end = data["period"]
                page = CaseStudyPage(
                    title=str(data["title"]),
                    slug=data["slug"].src,
                    organisations=[self.organisations[key][code] for key in data["organisations"]],
                    network=self.networks[data["network"]] if data["network"] else None,
                    context=rich(data["context"]),
                    challenge=rich(data["challenge"]),
                    methods_used=[self.methods[key] for key in data["methods"]],
                    what_was_done=stream(("paragraph", rich([paragraph])) for paragraph in data["what_was_done"]),
                    results=rich(data["results"]),
                    lesson_what_we_do_best=rich(data["lesson_best"]),
                    lesson_what_we_can_learn=rich(data["lesson_learn"]),
                    lesson_what_to_keep_or_develop=rich(data["lesson_keep"]),
                    quote_text=str(data["quote_text"]),
                    quote_role=str(data["quote_role"]),
                    quote_organisation=data["quote_organisation"],
                    contact_persons=[self.person(key, code) for key in data["contacts"]],
                    shareable_templates_used=[self.templates[key] for key in data["templates"]],
                    period_start=date.fromisoformat(period_start),
                    period_end=date.fromisoformat(period_end),
                    content_owner=self.person(data["owner"], code),
                    **self.review_fields(data),
                )
                self.add_original(parent, page, data["topics"])
            self.phrasebook.add(same(data["quote_organisation"]))
            self.ensure_english(page, data)
