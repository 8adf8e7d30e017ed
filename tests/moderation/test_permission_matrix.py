"""Every role against every admin view and action: one table, read by one data-driven test.

Columns are the people who try. A resource person and a facilitator each try twice: on their own
page (a case study that lists the resource person as its contact, a network the facilitator runs, and
a document or image they uploaded to their collection) and on someone else's (a case study of another
resource person, another network, a document and an image in a private collection). Everyone else
tries on a published case study with a draft under review, and on the private collection's files.

Each subject page has two revisions, a review in progress and a Swedish translation made with
wagtail-localize. What a cell says:

    ok      the view answers (200), or a POST does its work and moves on
    denied  refused: Wagtail's "Sorry, you do not have permission" (back to the dashboard) or a 403;
            for a bulk action, which answers alike either way, the page is still there
    login   sent to the admin's login: anonymous visitors, and employees, who have no admin at all
    ·       not asked again: the view is the same whichever page the role works on

The world is built once for the module and rolled back at its end; each test runs in a savepoint of
it, so a POST that deletes or locks changes nothing for the next test.
"""

import io
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import DocumentFactory, ShareableTemplateIndexPageFactory
from networks.factories import NetworkFacilitatorFactory, NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import EmployeeFactory, OrganisationFactory, TopicFactory, UserFactory
from portal.roles import COMMUNICATIONS, EMPLOYEES, NETWORK_FACILITATORS, RESOURCE_PERSONS
from tests.moderation.conftest import member_of
from tests.utils import login_with_second_factor

# fmt: off
MATRIX = """
view                  anon   employee  rp_own  rp_other  fac_own  fac_other  comms   admin
# Pages: the explorer, editing and page actions
dashboard             login  login     ok      ·         ok       ·          ok      ok
explorer              login  login     ok      ·         ok       ·          ok      ok
page_search           login  login     ok      ·         ok       ·          ok      ok
add                   login  login     ok      ok        ok       denied     ok      ok
edit                  login  login     ok      denied    ok       denied     ok      ok
preview_on_edit       login  login     ok      denied    ok       denied     ok      ok
view_draft            login  login     ok      denied    ok       denied     ok      ok
delete                login  login     ok      denied    ok       denied     ok      ok
copy                  login  login     ok      denied    ok       denied     ok      ok
move                  login  login     ok      denied    ok       denied     ok      ok
unpublish             login  login     denied  denied    denied   denied     ok      ok
privacy               login  login     denied  denied    denied   denied     ok      ok
lock                  login  login     denied  denied    denied   denied     ok      ok
unlock                login  login     denied  denied    denied   denied     denied  ok
bulk_delete           login  login     ok      denied    ok       denied     ok      ok
# Revisions and history (Wagtail 8's revisions list is the history view)
revision_preview      login  login     ok      denied    ok       denied     ok      ok
revision_compare      login  login     ok      denied    ok       denied     ok      ok
revision_revert       login  login     ok      denied    ok       denied     ok      ok
history               login  login     ok      denied    ok       denied     ok      ok
usage                 login  login     ok      denied    ok       denied     ok      ok
# Review
approve               login  login     denied  denied    denied   denied     ok      ok
reject                login  login     denied  denied    denied   denied     ok      ok
review_preview        login  login     denied  denied    denied   denied     ok      ok
workflow_history      login  login     ok      denied    ok       denied     ok      ok
workflow_detail       login  login     ok      denied    ok       denied     ok      ok
# Translations
translate             login  login     ok      denied    ok       denied     ok      ok
localize_submit       login  login     denied  denied    denied   denied     ok      ok
translation_editor    login  login     ok      denied    ok       denied     ok      ok
translation_preview   login  login     ok      denied    ok       denied     ok      ok
translation_review    login  login     ok      denied    ok       denied     ok      ok
convert_to_alias      login  login     denied  denied    denied   denied     ok      ok
translations_report   login  login     ok      ·         ok       ·          ok      ok
# Snippets: topics and organisations are Communications' vocabulary
topics                login  login     denied  ·         denied   ·          ok      ok
topic_add             login  login     denied  ·         denied   ·          ok      ok
topic_edit            login  login     denied  ·         denied   ·          ok      ok
topic_delete          login  login     denied  ·         denied   ·          ok      ok
topic_history         login  login     denied  ·         denied   ·          ok      ok
organisations         login  login     denied  ·         denied   ·          ok      ok
organisation_edit     login  login     denied  ·         denied   ·          ok      ok
organisation_delete   login  login     denied  ·         denied   ·          ok      ok
# Collections, documents and images: own uploads versus the private collection
collections           login  login     denied  ·         denied   ·          ok      ok
collection_edit       login  login     denied  ·         denied   ·          ok      ok
collection_privacy    login  login     denied  ·         denied   ·          ok      ok
documents             login  login     ok      ·         ok       ·          ok      ok
document_add          login  login     ok      ·         ok       ·          ok      ok
document_edit         login  login     ok      denied    ok       denied     ok      ok
document_delete       login  login     ok      denied    ok       denied     ok      ok
images                login  login     ok      ·         ok       ·          ok      ok
image_edit            login  login     ok      denied    ok       denied     ok      ok
image_delete          login  login     ok      denied    ok       denied     ok      ok
# Search promotions and reports (writers' reports list only pages they may act on)
promotions            login  login     denied  ·         denied   ·          ok      ok
promotion_add         login  login     denied  ·         denied   ·          ok      ok
site_history          login  login     ok      ·         ok       ·          ok      ok
aging_pages           login  login     ok      ·         ok       ·          ok      ok
locked_pages          login  login     denied  ·         denied   ·          ok      ok
workflow_report       login  login     ok      ·         ok       ·          ok      ok
workflow_tasks        login  login     ok      ·         ok       ·          ok      ok
page_types            login  login     ok      ·         ok       ·          ok      ok
search_queries        login  login     denied  ·         denied   ·          ok      ok
# Settings and accounts: users, groups, lock-outs and the site's set-up are the administrators'
users                 login  login     denied  ·         denied   ·          denied  ok
user_edit             login  login     denied  ·         denied   ·          denied  ok
groups                login  login     denied  ·         denied   ·          denied  ok
group_edit            login  login     denied  ·         denied   ·          denied  ok
workflows             login  login     denied  ·         denied   ·          denied  ok
locales               login  login     denied  ·         denied   ·          denied  ok
sites                 login  login     denied  ·         denied   ·          denied  ok
redirects             login  login     denied  ·         denied   ·          denied  ok
lockouts              login  login     denied  ·         denied   ·          denied  ok
two_factor_enrol      login  login     ok      ·         ok       ·          ok      ok
account               login  login     ok      ·         ok       ·          ok      ok
own_profile           login  login     ok      ·         ok       ·          denied  denied
"""
# fmt: on

TABLE = [line.split() for line in MATRIX.strip().split("\n") if not line.startswith("#")]
ROLES = TABLE[0][1:]
# "·": not asked again; the view shows the same to the role whichever page it works on.
EXPECTED = {
    (cells[0], role): outcome
    for cells in TABLE[1:]
    for role, outcome in zip(ROLES, cells[1:], strict=True)
    if outcome != "·"
}


def translate(page, language_code):
    """The page's translation, made as wagtail-localize makes it, and published."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=language_code)
    )
    translation.save_target(publish=True)
    return translation, page.get_translation(translation.target_locale)


def subject_page(page, author, *, publish_first=False):
    """A page with two revisions (the first published if asked), a review in progress and a Swedish version."""
    first = page.save_revision(user=author, log_action=True)
    if publish_first:
        first.publish(user=author)
    page.title = f"{page.title} (draft)"
    second = page.save_revision(user=author, log_action=True)
    workflow_state = page.get_workflow().start(page, author)
    translation, swedish = translate(page, "sv")
    return SimpleNamespace(
        page=page,
        first=first,
        second=second,
        workflow_state=workflow_state,
        task_state=workflow_state.current_task_state,
        translation=translation,
        swedish=swedish,
    )


def build_world():
    call_command("setup_site", stdout=io.StringIO())
    home = HomePage.objects.get(locale__language_code="en")
    cases = CaseStudyIndexPageFactory(parent=home)
    ShareableTemplateIndexPageFactory(parent=home)
    people = ResourcePersonIndexPageFactory(parent=home)
    networks = NetworkIndexPageFactory(parent=home)
    call_command("setup_roles", stdout=io.StringIO())
    for index in (cases, networks):
        translate(index, "sv")

    rune = member_of(RESOURCE_PERSONS, "rune")
    signe = member_of(RESOURCE_PERSONS, "signe")
    frida = member_of(NETWORK_FACILITATORS, "frida")
    kaja = member_of(COMMUNICATIONS, "kaja")
    users = {
        "anon": None,
        "employee": EmployeeFactory(username="elin"),
        "rp_own": rune,
        "rp_other": rune,
        "fac_own": frida,
        "fac_other": frida,
        "comms": kaja,
        "admin": UserFactory(username="ada", is_superuser=True, is_staff=True),
    }
    profiles = {
        user: ResourcePersonPageFactory(parent=people, title=user.username.title(), user=user)
        for user in (rune, signe, frida)
    }

    # Rune is the listed contact of this case study, which Signe wrote.
    runes_case = CaseStudyPageFactory(parent=cases, title="Runes case", owner=signe, live=False)
    runes_case.contact_persons.set([profiles[rune]])
    runes_case.save()
    signes_case = CaseStudyPageFactory(parent=cases, title="Signes case", owner=signe, live=False)
    signes_case.contact_persons.set([profiles[signe]])
    signes_case.save()
    published_case = CaseStudyPageFactory(parent=cases, title="Published case", owner=kaja)
    fridas_network = NetworkPageFactory(parent=networks, title="Fridas network", owner=kaja, live=False)
    NetworkFacilitatorFactory(page=fridas_network, person=profiles[frida])
    other_network = NetworkPageFactory(parent=networks, title="Other network", owner=kaja, live=False)

    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=COMMUNICATIONS)])
    collections = {name: root.get_children().get(name=name) for name in (RESOURCE_PERSONS, NETWORK_FACILITATORS)}

    def files(collection, user):
        return (
            DocumentFactory(collection=collection, uploaded_by_user=user),
            wagtail_factories.ImageFactory(collection=collection, uploaded_by_user=user),
        )

    private_files = files(private, kaja)
    subjects = {
        role: SimpleNamespace(add=("casestudies", "casestudypage", cases.pk), files=private_files) for role in ROLES
    }
    subjects["rp_own"].files = files(collections[RESOURCE_PERSONS], rune)
    subjects["fac_own"].files = files(collections[NETWORK_FACILITATORS], frida)

    pages = {
        "runes": subject_page(runes_case, signe),
        "signes": subject_page(signes_case, signe),
        "published": subject_page(published_case, kaja, publish_first=True),
        "fridas": subject_page(fridas_network, kaja),
        "other_network": subject_page(other_network, kaja),
    }
    page_of_role = {"rp_own": "runes", "rp_other": "signes", "fac_own": "fridas", "fac_other": "other_network"}
    for role in ROLES:
        subject = subjects[role]
        vars(subject).update(vars(pages[page_of_role.get(role, "published")]))
        if role.startswith("fac"):
            subject.add = ("networks", "networkupdatepage", subject.page.pk)
    return SimpleNamespace(
        users=users,
        subjects=subjects,
        topic=TopicFactory(),
        organisation=OrganisationFactory(),
        private=private,
        employees=Group.objects.get(name=EMPLOYEES),
        employee=users["employee"],
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def get(name, *args, **query):
    return SimpleNamespace(method="get", url=reverse(name, args=args), data=query, done=None)


def post(name, *args, data=None, query="", done=None):
    """A POST; `done()` tells whether it did its work, for views that answer alike either way."""
    url = reverse(name, args=args) + (f"?{query}" if query else "")
    return SimpleNamespace(method="post", url=url, data=data or {}, done=done)


# What each row of the table asks: the view's URL for the subject `s` and the world `w`.
VIEWS = {
    # Pages
    "dashboard": lambda w, s: get("wagtailadmin_home"),
    "explorer": lambda w, s: get("wagtailadmin_explore", s.page.get_parent().pk),
    "page_search": lambda w, s: get("wagtailadmin_pages:search", q="case"),
    "add": lambda w, s: get("wagtailadmin_pages:add", *s.add),
    "edit": lambda w, s: get("wagtailadmin_pages:edit", s.page.pk),
    "preview_on_edit": lambda w, s: get("wagtailadmin_pages:preview_on_edit", s.page.pk),
    "view_draft": lambda w, s: get("wagtailadmin_pages:view_draft", s.page.pk),
    "delete": lambda w, s: get("wagtailadmin_pages:delete", s.page.pk),
    "copy": lambda w, s: get("wagtailadmin_pages:copy", s.page.pk),
    "move": lambda w, s: get("wagtailadmin_pages:move", s.page.pk),
    "unpublish": lambda w, s: get("wagtailadmin_pages:unpublish", s.page.pk),
    "privacy": lambda w, s: get("wagtailadmin_pages:set_privacy", s.page.pk),
    "lock": lambda w, s: post("wagtailadmin_pages:lock", s.page.pk),
    "unlock": lambda w, s: post("wagtailadmin_pages:unlock", s.page.pk),
    "revision_preview": lambda w, s: get("wagtailadmin_pages:revisions_view", s.page.pk, s.first.pk),
    "revision_compare": lambda w, s: get("wagtailadmin_pages:revisions_compare", s.page.pk, s.first.pk, s.second.pk),
    "revision_revert": lambda w, s: get("wagtailadmin_pages:revisions_revert", s.page.pk, s.first.pk),
    "history": lambda w, s: get("wagtailadmin_pages:history", s.page.pk),
    "usage": lambda w, s: get("wagtailadmin_pages:usage", s.page.pk),
    # Wagtail answers a bulk action with a redirect whether or not it acted: the page tells.
    "bulk_delete": lambda w, s: post(
        "wagtail_bulk_action",
        "wagtailcore",
        "page",
        "delete",
        query=f"id={s.page.pk}&next=/admin/pages/",
        done=lambda: not Page.objects.filter(pk=s.page.pk).exists(),
    ),
    # Review
    "approve": lambda w, s: get("wagtailadmin_pages:workflow_action", s.page.pk, "approve", s.task_state.pk),
    "reject": lambda w, s: get("wagtailadmin_pages:workflow_action", s.page.pk, "reject", s.task_state.pk),
    "review_preview": lambda w, s: get("wagtailadmin_pages:workflow_preview", s.page.pk, s.task_state.task_id),
    "workflow_history": lambda w, s: get("wagtailadmin_pages:workflow_history", s.page.pk),
    "workflow_detail": lambda w, s: get("wagtailadmin_pages:workflow_history_detail", s.page.pk, s.workflow_state.pk),
    # Translations (wagtail-localize and Erfa's)
    "translate": lambda w, s: get("erfa_translate_page", s.page.pk),
    "localize_submit": lambda w, s: get("wagtail_localize:submit_page_translation", s.page.pk),
    "translation_editor": lambda w, s: get("wagtailadmin_pages:edit", s.swedish.pk),
    "translation_preview": lambda w, s: get("wagtail_localize:preview_translation", s.translation.pk),
    "translation_review": lambda w, s: get("erfa_submit_translation", s.swedish.pk),
    "convert_to_alias": lambda w, s: get("wagtail_localize:convert_to_alias", s.swedish.pk),
    "translations_report": lambda w, s: get("wagtail_localize:translations_report"),
    # Snippets
    "topics": lambda w, s: get("wagtailsnippets_portal_topic:list"),
    "topic_add": lambda w, s: get("wagtailsnippets_portal_topic:add"),
    "topic_edit": lambda w, s: get("wagtailsnippets_portal_topic:edit", w.topic.pk),
    "topic_delete": lambda w, s: get("wagtailsnippets_portal_topic:delete", w.topic.pk),
    "topic_history": lambda w, s: get("wagtailsnippets_portal_topic:history", w.topic.pk),
    "organisations": lambda w, s: get("wagtailsnippets_portal_organisation:list"),
    "organisation_edit": lambda w, s: get("wagtailsnippets_portal_organisation:edit", w.organisation.pk),
    "organisation_delete": lambda w, s: get("wagtailsnippets_portal_organisation:delete", w.organisation.pk),
    # Collections, documents, images
    "collections": lambda w, s: get("wagtailadmin_collections:index"),
    "collection_edit": lambda w, s: get("wagtailadmin_collections:edit", w.private.pk),
    "collection_privacy": lambda w, s: get("wagtailadmin_collections:set_privacy", w.private.pk),
    "documents": lambda w, s: get("wagtaildocs:index"),
    "document_add": lambda w, s: get("wagtaildocs:add"),
    "document_edit": lambda w, s: get("wagtaildocs:edit", s.files[0].pk),
    "document_delete": lambda w, s: get("wagtaildocs:delete", s.files[0].pk),
    "images": lambda w, s: get("wagtailimages:index"),
    "image_edit": lambda w, s: get("wagtailimages:edit", s.files[1].pk),
    "image_delete": lambda w, s: get("wagtailimages:delete", s.files[1].pk),
    # Search promotions and reports
    "promotions": lambda w, s: get("wagtailsearchpromotions:index"),
    "promotion_add": lambda w, s: get("wagtailsearchpromotions:add"),
    "site_history": lambda w, s: get("wagtailadmin_reports:site_history"),
    "aging_pages": lambda w, s: get("wagtailadmin_reports:aging_pages"),
    "locked_pages": lambda w, s: get("wagtailadmin_reports:locked_pages"),
    "workflow_report": lambda w, s: get("wagtailadmin_reports:workflow"),
    "workflow_tasks": lambda w, s: get("wagtailadmin_reports:workflow_tasks"),
    "page_types": lambda w, s: get("wagtailadmin_reports:page_types_usage"),
    "search_queries": lambda w, s: get("search_query_report"),
    # Settings and accounts
    "users": lambda w, s: get("wagtailusers_users:index"),
    "user_edit": lambda w, s: get("wagtailusers_users:edit", w.employee.pk),
    "groups": lambda w, s: get("wagtailusers_groups:index"),
    "group_edit": lambda w, s: get("wagtailusers_groups:edit", w.employees.pk),
    "workflows": lambda w, s: get("wagtailadmin_workflows:index"),
    "locales": lambda w, s: get("wagtaillocales:index"),
    "sites": lambda w, s: get("wagtailsites:index"),
    "redirects": lambda w, s: get("wagtailredirects:index"),
    "lockouts": lambda w, s: get("erfa_lockouts"),
    "two_factor_enrol": lambda w, s: get("erfa_two_factor_enrol"),
    "account": lambda w, s: get("wagtailadmin_account"),
    "own_profile": lambda w, s: get("people_edit_own_profile"),
}


def outcome(response):
    if response.status_code == 200:
        return "ok"
    if response.status_code == 403:
        return "denied"
    if response.status_code in {301, 302}:
        path = urlsplit(response["Location"]).path
        if path == reverse("wagtailadmin_login"):
            return "login"
        if path == reverse("wagtailadmin_home"):
            return "denied"
        if path.startswith(reverse("erfa_two_factor_verify")):
            return "second-factor"
        return "ok"
    return str(response.status_code)


def client_for(user):
    client = Client()
    if user is None:
        return client
    if user.is_superuser or user.groups.filter(name=COMMUNICATIONS).exists():
        return login_with_second_factor(client, user)
    client.force_login(user)
    return client


@pytest.mark.parametrize(("view", "role"), list(EXPECTED))
def test_permission_matrix(world, db, view, role):
    ask = VIEWS[view](world, world.subjects[role])
    response = getattr(client_for(world.users[role]), ask.method)(ask.url, ask.data)
    found = outcome(response)
    if found == "ok" and ask.done is not None and not ask.done():
        found = "denied"
    assert found == EXPECTED[view, role], f"{view} as {role}: {response.status_code} {response.get('Location', '')}"
