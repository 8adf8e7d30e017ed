"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds no serious or critical problem on any page an
employee opens, in all five languages, nor on the login page, nor in the admin an editor and a reviewer use.

The content is made once, and one test walks through all pages with one browser context per role: each
live-server test flushes the database and starts from nothing.
"""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect
from wagtail.models import Collection, Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from casestudies import factories as casestudies
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import HomePage
from methods import factories as methods
from methods.models import MethodIndexPage, MethodPage, ShareableTemplateIndexPage, ShareableTemplatePage
from networks import factories as networks
from networks.models import NetworkIndexPage, NetworkPage, NetworkUpdatePage
from people import factories as people
from people.models import ResourcePersonIndexPage, ResourcePersonPage
from portal.factories import EmployeeFactory, UserFactory
from portal.roles import COMMUNICATIONS, RESOURCE_PERSONS
from tests.browser.conftest import axe_violations, describe_violations
from tests.browser.test_moderation_journey import restore_rows_from_migrations
from tests.utils import login_with_second_factor

PASSWORD = "correct horse battery staple"
PAGE_TYPES = [
    HomePage,
    CaseStudyIndexPage,
    CaseStudyPage,
    MethodIndexPage,
    MethodPage,
    ShareableTemplateIndexPage,
    ShareableTemplatePage,
    NetworkIndexPage,
    NetworkPage,
    NetworkUpdatePage,
    ResourcePersonIndexPage,
    ResourcePersonPage,
]

# Markup from Wagtail and wagtail-localize that Erfa cannot change through a supported hook, setting or
# template: (axe rule, selector of the element it is reported on). Every other element keeps the rule.
# A block placed directly in a StreamField (not inside a StructBlock), as Wagtail's admin renders it.
# Wagtail's and wagtail-localize's admin draw a few inputs without a name (Draftail's box, a block placed
# directly in a StreamField, the translation editor's file upload) and grey headings; Erfa names them and
# darkens the headings (portal/static/portal/admin-names.js, admin.css), so the admin has no exceptions.
ADMIN_EXCEPTIONS = []


@pytest.fixture
def content(site_tree):
    """One page of each type (with the people, gatherings and files their templates list), a translation
    made with wagtail-localize, and the roles. Built with factories: the demo content takes minutes to load."""
    restore_rows_from_migrations()
    if not Collection.get_first_root_node():  # An earlier transactional test's flush removed it.
        Collection.add_root(name="Root")
    call_command("setup_roles", stdout=io.StringIO())
    home = HomePage.objects.get(locale__language_code="en")
    directory = people.ResourcePersonIndexPageFactory(parent=home)
    person = people.ResourcePersonPageFactory(
        parent=directory, title="Sigrid Lunde", job_title="Care coordinator", ask_me_about="Reflection."
    )
    people.SpokenLanguageFactory(person=person)
    casestudies.CaseStudyPageFactory(parent=casestudies.CaseStudyIndexPageFactory(parent=home))
    method = methods.MethodPageFactory(parent=methods.MethodIndexPageFactory(parent=home))
    methods.MethodHandbookFactory(page=method)
    template = methods.ShareableTemplatePageFactory(parent=methods.ShareableTemplateIndexPageFactory(parent=home))
    methods.ShareableTemplateFileFactory(page=template)
    network = networks.NetworkPageFactory(parent=networks.NetworkIndexPageFactory(parent=home))
    networks.NetworkFacilitatorFactory(page=network, person=person)
    networks.NetworkMemberFactory(page=network)
    networks.GatheringFactory(page=network)
    networks.NetworkDocumentFactory(page=network)
    networks.NetworkUpdatePageFactory(parent=network)

    employee = EmployeeFactory(username="employee")
    employee.set_password(PASSWORD)
    employee.save()
    author = UserFactory(username="rune", first_name="Rune", last_name="Aasvik")
    author.groups.add(Group.objects.get(name=RESOURCE_PERSONS))
    reviewer = UserFactory(username="kaja", first_name="Kaja", last_name="Verhoef")
    reviewer.groups.add(Group.objects.get(name=COMMUNICATIONS))

    # A Swedish translation of the method, for wagtail-localize's editor.
    source, _created = TranslationSource.get_or_create_from_instance(method)
    swedish = Locale.objects.get(language_code="sv")
    Translation.objects.create(source=source, target_locale=swedish).save_target(user=reviewer)
    # The case study waits for Communications' review.
    case_study = CaseStudyPage.objects.get()
    case_study.save_revision(user=author)
    case_study.get_workflow().start(case_study, author)
    return reviewer


def signed_in_context(browser, base_url, user):
    """A browser context with `user`'s session, past the admin's second factor (set up as the test client does)."""
    client = login_with_second_factor(Client(), user)
    context = browser.new_context(bypass_csp=True)  # axe is injected as a script tag; the site's CSP forbids that.
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    return context


def check(page, where, failures, ignored=()):
    violations = axe_violations(page, ignored)
    if violations:
        failures.append(describe_violations(where, violations))


def front_end_pages(code):
    """(name, path) of every page type in language `code`, with the directory and search showing results."""
    query = "Lunde"  # Sigrid Lunde, the resource person in `content`
    for model in PAGE_TYPES:
        page = model.objects.live().filter(locale__language_code="en").first()
        yield model.__name__, f"/{code}/{page.url.removeprefix('/en/')}"
        if model is ResourcePersonIndexPage:
            yield "directory results", f"/{code}/{page.url.removeprefix('/en/')}?q={query}"
    yield "search results", f"/{code}/search/?q={query}&in=all"  # in every language: she writes in English
    yield "404", f"/{code}/no-such-page/"


@pytest.mark.django_db(transaction=True)
def test_no_serious_accessibility_problem_on_any_page(browser, live_server, content):
    failures = []
    base = live_server.url

    # The login page, and signing in through it.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    for code, _name in settings.LANGUAGES:
        page.goto(f"{base}/{code}/accounts/login/")
        check(page, f"login /{code}/", failures)
    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("Username").fill("employee")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    # Every page type in every language, as an employee.
    for code, _name in settings.LANGUAGES:
        for name, path in front_end_pages(code):
            response = page.goto(f"{base}{path}")
            assert response.status == (404 if name == "404" else 200), f"{path}: {response.status}"
            check(page, f"{name} {path}", failures)
            if name == "directory results" or name == "search results":
                expect(page.locator("main").get_by_role("link", name="Sigrid Lunde").first).to_be_visible()
            if name == "ResourcePersonPage":
                # The contact form's error state: sent empty (the form leaves checking to the server).
                form = page.locator("section.contact-form form")
                form.locator("button[type=submit]").click()
                expect(page.locator("main [aria-invalid='true']").first).to_be_attached()
                check(page, f"contact form errors {path}", failures)
    context.close()

    # The admin: the page editor, a reviewer's dialogs, and wagtail-localize's translation editor.
    reviewer = content
    method = MethodPage.objects.get(locale__language_code="en")
    translation = MethodPage.objects.get(locale__language_code="sv")
    source = CaseStudyPage.objects.get()
    context = signed_in_context(browser, base, reviewer)
    page = context.new_page()
    editors = [
        # The name, the page, and something each editor shows once its JavaScript has drawn it.
        ("page editor", method.pk, "#id_title"),
        ("translation editor", translation.pk, ".js-translation-editor li h3"),
        ("page in review", source.pk, "#id_title"),
    ]
    for name, pk, drawn in editors:
        page.goto(f"{base}/admin/pages/{pk}/edit/")
        expect(page.locator(drawn).first).to_be_visible()
        page.wait_for_load_state("networkidle")  # StreamFields and the translation editor render in JavaScript
        check(page, f"admin {name} /admin/pages/{pk}/edit/", failures, ADMIN_EXCEPTIONS)
    for action in ("Request changes", "Approve with comment"):
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name=action, exact=True).click()
        dialog = page.get_by_role("dialog")
        expect(dialog.locator("textarea")).to_be_visible()
        # Visible is not yet opaque: the dialog fades in, and axe measures contrast on what it sees then.
        page.evaluate(FINISHED_ANIMATIONS)
        check(page, f"admin {action} dialog", failures, ADMIN_EXCEPTIONS)
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()

    # The translation editor in a Danish editor's admin, to a screen reader too: wagtail-localize names its
    # action menu's toggle in English, and admin-names.js gives it the admin's own translation.
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "da"
    profile.save()
    page.goto(f"{base}/admin/pages/{translation.pk}/edit/")
    editor = page.locator(".js-translation-editor")
    expect(editor.locator("li h3").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(editor.get_by_role("button", name="Flere handlinger")).to_have_count(1)
    assert editor.locator(".w-sr-only").all_text_contents().count("More actions") == 0
    check(page, "admin translation editor in Danish", failures, ADMIN_EXCEPTIONS)
    # The header's navigation of buttons, which Wagtail's template names "Actions" in every language.
    page.goto(f"{base}/admin/pages/{translation.get_parent().pk}/")
    expect(page.locator("#w-slim-header-buttons")).to_have_attribute("aria-label", "Handlinger")
    expect(page.get_by_role("navigation", name="Actions", exact=True)).to_have_count(0)
    context.close()

    assert not failures, "axe-core found serious or critical problems:\n" + "\n".join(failures)


# Resolves once every animation that ends (fades, slides) has ended; endless ones (spinners) are left out.
FINISHED_ANIMATIONS = """() => Promise.all(document.getAnimations()
    .filter(animation => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
    .map(animation => animation.finished.catch(() => null)))"""


def test_the_check_reports_each_problem_by_rule_and_element(page):
    """The check itself: an image without a text alternative and a nameless button fail it, by rule and element;
    an exception leaves out its own rule inside its own selector, and nothing else."""
    page.set_content(
        '<!doctype html><html lang="en"><title>Check</title><main><h1>Check</h1>'
        '<div class="vendor"><img src="x"></div><img id="ours" src="y"><button></button></main></html>'
    )
    found = {(violation["id"], node["target"]) for violation in axe_violations(page) for node in violation["nodes"]}
    assert found == {("image-alt", 'img[src="x"]'), ("image-alt", "#ours"), ("button-name", "button")}
    found = {(v["id"], n["target"]) for v in axe_violations(page, [("image-alt", ".vendor")]) for n in v["nodes"]}
    assert found == {("image-alt", "#ours"), ("button-name", "button")}
