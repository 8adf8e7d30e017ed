"""Property-based fuzzing of every front-end GET parameter and every front-end form: never a 500.

Hypothesis draws values for each parameter in GET_PARAMETERS (numbers too large for any database,
negative ids, NUL bytes, lone surrogates sent percent-encoded, 10 KB of text, 1.1 KB of nested tags,
query syntax, any unicode) and posts them to each form in FORMS. Every answer is a page the reader
can use: the status each surface allows, HTML where a page is expected, JSON where a script reads it.

The runs are bounded (max_examples, derandomize=True) so the whole file stays under two minutes
against the real PostgreSQL and OpenSearch the test tooling starts.
"""

import io
import json
import uuid
from urllib.parse import quote_from_bytes

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.forms import CaseStudyFilterForm
from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateFileFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from methods.forms import MethodFilterForm, ShareableTemplateFilterForm
from networks.factories import GatheringFactory, NetworkIndexPageFactory, NetworkPageFactory
from networks.forms import NetworkFilterForm
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from people.forms import DirectoryFilterForm
from portal.factories import EmployeeFactory, OrganisationFactory, TopicFactory
from search.facets import FACETS as SEARCH_FACETS

pytestmark = pytest.mark.django_db

PASSWORD = "open sesame"
User = get_user_model()

# Every front-end GET parameter, found in the filter forms (each app's forms.py), the views' own
# request.GET reads (search/views.py, people/models/directory_routes.py) and the Django and Wagtail
# front-end views Erfa serves: surface -> (URL key in the `site` fixture, parameters, statuses, answer).
# test_the_table_lists_every_filter_field checks it against the forms, so a new filter is fuzzed too.
GET_PARAMETERS = {
    "home page": ("home", [], {200}, "html"),
    "method index": ("methods", ["topic", "category", "sort", "page"], {200}, "html"),
    "method page": ("method", [], {200}, "html"),
    "template index": ("templates", ["topic", "format", "language", "method", "sort", "page"], {200}, "html"),
    "template page": ("template", [], {200}, "html"),
    "template download": ("download", [], {302}, None),
    "case study index": ("cases", ["topic", "organisation", "network", "method", "sort", "page"], {200}, "html"),
    "case study page": ("case", [], {200}, "html"),
    "network index": ("networks", ["topic", "organisation", "region", "sort", "page"], {200}, "html"),
    "network page": ("network", [], {200}, "html"),
    "network calendar (ics)": ("calendar", [], {200}, "calendar"),
    "directory": ("people", ["q", "topic", "organisation", "network", "language", "letter", "page"], {200}, "html"),
    "directory autocomplete": ("people_autocomplete", ["q"], {200}, "json"),
    "profile page": ("profile", [], {200}, "html"),
    "profile vCard": ("vcard", [], {200}, "vcard"),
    "search": ("search", ["q", "in", "page", *[name for name, _title in SEARCH_FACETS]], {200}, "html"),
    "search autocomplete": ("autocomplete", ["q", "in"], {200}, "json"),
    "password-protected page": ("restricted", [], {200}, "html"),
    "login": ("login", ["next"], {200}, "html"),
    "password reset": ("password_reset", [], {200}, "html"),
}
ANSWERS = {
    "html": "text/html",
    "json": "application/json",
    "calendar": "text/calendar",
    "vcard": "text/vcard",
}

# Values that broke, or could break, something somewhere: ids past 64 bits, numbers Python parses
# but databases do not, markup, query syntax, control characters and very long text.
NESTED_TAGS = "<b><i><u>" * 40 + "reflection" + "</u></i></b>" * 40  # about 1.1 KB
TRICKY = [
    "",
    " 7 ",
    *["0", "-1", "1", "99999999999999999999", "-99999999999999999999", "1e400", "NaN", "inf", "0x1F", "1.5"],
    # Values some parameter knows: sorts, languages, the search's "all".
    *["all", "title", "newest", "A", "en", "sv"],
    NESTED_TAGS,
    "reflection " * 1000,
    "x" * 10_000,
    "\x00",
    "a\x00b",
    "\ud800",
    "re\udfffflection",
    "\x1b[31m\x07",
    "' OR 1=1 --",
    '"quoted" (paren) AND | ! * ~2 ^3 [a TO z] {x} field:value',
    "\\",
    "../../etc/passwd",
    "%00%ED%A0%80",
    "😀" * 60,
    "ß Åsa Ørsted 中文 العربية \u202e",
    "\r\nSet-Cookie: x=1",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "//evil.example.org/",
    "https://evil.example.org/",
]
VALUES = st.one_of(
    st.sampled_from(TRICKY),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.integers(min_value=0, max_value=400).map(str),  # ids of real rows
    st.text(max_size=300),
)
BOUNDED = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def encode(value):
    """Percent-encoded UTF-8, lone surrogates included, as a browser or a script could send them."""
    return quote_from_bytes(str(value).encode("utf-8", "surrogatepass"), safe="")


def query_string(pairs):
    return "&".join(f"{encode(name)}={encode(value)}" for name, value in pairs)


def post(client, url, pairs):
    return client.post(url, query_string(pairs), content_type="application/x-www-form-urlencoded")


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """One page of every kind a reader can open, linked so that every filter has options.

    Built once for the module, in a transaction rolled back at its end (each test runs in a savepoint
    inside it), so the fuzzing time goes to requests rather than to building pages.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        data = build_site()
        yield data
        transaction.set_rollback(True)
    # Wagtail caches the sites' root paths; the rolled-back site must not outlive this module.
    cache.clear()


def build_site():
    call_command("setup_site", stdout=io.StringIO())
    EmployeeFactory(username="fuzz", email="fuzz@example.org")
    home = HomePage.objects.get(locale__language_code="en")
    topic = TopicFactory(name="Reflection")
    organisation = OrganisationFactory(name="Norrvik care home", region="Norrvik")
    directory = ResourcePersonIndexPageFactory(parent=home)
    person = ResourcePersonPageFactory(parent=directory, title="Sigrid Lunde", organisation=organisation)
    person.topics.add(topic)
    person.save_revision().publish()
    methods = MethodIndexPageFactory(parent=home)
    method = MethodPageFactory(parent=methods, title="Reflection round")
    method.topics.add(topic)
    method.save_revision().publish()
    library = ShareableTemplateIndexPageFactory(parent=home)
    template = ShareableTemplatePageFactory(parent=library, title="Reflection agenda", related_method=method)
    template_file = ShareableTemplateFileFactory(page=template)
    networks = NetworkIndexPageFactory(parent=home)
    network = NetworkPageFactory(parent=networks, title="Reflection network")
    GatheringFactory(page=network)
    cases = CaseStudyIndexPageFactory(parent=home)
    case = CaseStudyPageFactory(parent=cases, title="Reflection at night", network=network)
    case.organisations.add(organisation)
    case.save_revision().publish()
    restricted = MethodPageFactory(parent=methods, title="Closed method")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    download = f"{template.url}download/{template_file.pk}/"
    return {
        "home": home.url,
        "methods": methods.url,
        "method": method.url,
        "rate": f"{method.url}rate/",
        "templates": library.url,
        "template": template.url,
        "download": download,
        "cases": cases.url,
        "case": case.url,
        "networks": networks.url,
        "network": network.url,
        "calendar": f"{network.url}calendar/",
        "people": directory.url,
        "people_autocomplete": f"{directory.url}autocomplete/",
        "profile": person.url,
        "vcard": f"{person.url}vcard/",
        "message": f"{person.url}message/",
        "confirm_details": f"{person.url}confirm-details/",
        "search": "/en/search/",
        "autocomplete": "/en/search/autocomplete/",
        "restricted": restricted.url,
        "unlock": reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, restricted.pk]),
        "login": "/en/accounts/login/",
        "password_reset": "/en/accounts/password_reset/",
        "password_change": "/en/accounts/password_change/",
        "topic": topic,
    }


@pytest.fixture
def reader(site, db):
    client = Client()
    client.force_login(User.objects.get(username="fuzz"))
    return client


def check_answer(response, statuses, answer, context):
    assert response.status_code in statuses, (context, response.status_code)
    if answer is not None:
        assert response["Content-Type"].startswith(ANSWERS[answer]), (context, response["Content-Type"])
    if answer == "json":
        json.loads(response.content)


def test_the_table_lists_every_filter_field():
    """Each filter form's fields, and the search page's facets, are in GET_PARAMETERS."""
    forms = {
        "method index": MethodFilterForm(options={}),
        "template index": ShareableTemplateFilterForm(options={}),
        "case study index": CaseStudyFilterForm(options={}),
        "network index": NetworkFilterForm(options={}, regions=[]),
        "directory": DirectoryFilterForm(networks=[]),
    }
    for surface, form in forms.items():
        assert set(form.fields) | {"page"} == set(GET_PARAMETERS[surface][1]), surface
    assert {name for name, _title in SEARCH_FACETS} < set(GET_PARAMETERS["search"][1])


# Surfaces with parameters of their own are drawn three times as often as those that only get unknown ones.
SURFACES = [surface for surface, (_key, names, *_rest) in GET_PARAMETERS.items() for _ in range(3 if names else 1)]


@settings(BOUNDED, max_examples=60)
@given(surface=st.sampled_from(SURFACES), data=st.data())
def test_every_get_parameter_gets_an_answer_never_a_500(reader, site, surface, data):
    key, names, statuses, answer = GET_PARAMETERS[surface]
    client = Client() if key in {"login", "password_reset"} else reader
    chosen = (
        data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names)), label="names") if names else []
    )
    pairs = [(name, data.draw(VALUES, label=name)) for name in chosen]
    # An unknown parameter is ignored like any other.
    pairs.append(("utm_" + data.draw(st.text(max_size=8), label="unknown"), data.draw(VALUES, label="value")))
    response = client.get(f"{site[key]}?{query_string(pairs)}")
    check_answer(response, statuses, answer, (surface, pairs))


def test_every_tricky_value_in_every_parameter_of_the_scripts_endpoints(reader, site):
    """The JSON endpoints answer fast, so each of them gets every tricky value in each of its parameters."""
    for surface in ("directory autocomplete", "search autocomplete"):
        key, names, statuses, answer = GET_PARAMETERS[surface]
        for name in names:
            for value in TRICKY:
                response = reader.get(f"{site[key]}?{query_string([(name, value)])}")
                check_answer(response, statuses, answer, (surface, name, value))


def test_search_answers_any_text_on_the_database_backend(reader, site):
    check_search_answers_any_text(reader, "database")


def test_search_answers_any_text_on_opensearch(reader, site, fuzz_opensearch):
    with override_settings(WAGTAILSEARCH_BACKENDS=fuzz_opensearch):
        check_search_answers_any_text(reader, "opensearch")


def check_search_answers_any_text(reader, engine):
    """The audit's 1.1 KB of nested tags, 10 KB and every kind of syntax: a results page and JSON."""
    response = reader.get("/en/search/", {"q": NESTED_TAGS})
    assert response.status_code == 200
    assert response.context["search_query"] == "reflection"
    assert "Reflection round" in [item["page"].title for item in response.context["items"]]
    suggestions = reader.get("/en/search/autocomplete/", {"q": NESTED_TAGS})
    assert suggestions.status_code == 200
    assert suggestions.json()["query"] == "reflection"

    long = reader.get("/en/search/", {"q": "reflection " * 1000})
    assert long.status_code == 200
    assert "only its first 20 words" in long.content.decode()
    assert "only its first" not in response.content.decode()

    for raw in TRICKY:
        pairs = [("q", raw), ("in", "all")]
        page = reader.get(f"/en/search/?{query_string(pairs)}")
        check_answer(page, {200}, "html", (engine, raw))
        check_answer(reader.get(f"/en/search/autocomplete/?{query_string(pairs)}"), {200}, "json", (engine, raw))
    # Many distinct words (each a clause per searched field) stay within the engine's limits.
    words = " ".join(f"w{n}" for n in range(100))
    check_answer(reader.get("/en/search/", {"q": words}), {200}, "html", (engine, "100 words"))


def test_the_page_password_form_goes_to_a_url_whatever_return_url_says(reader, site):
    """Wagtail's view would read "abc" as a URL name and fail; a path is kept, anything else goes home (in the
    form's language, as signing in does)."""
    page = post(reader, site["unlock"], [("password", PASSWORD), ("return_url", site["restricted"])])
    assert page.status_code == 302
    assert page["Location"] == site["restricted"]
    for return_url in ("abc", "all", "A"):
        response = post(reader, site["unlock"], [("password", PASSWORD), ("return_url", return_url)])
        assert response.status_code == 302
        assert response["Location"] == "/en/"
    wrong = post(reader, site["unlock"], [("password", "wrong"), ("return_url", "abc")])
    assert wrong.status_code == 200


def test_the_autocomplete_answers_its_errors_in_json(reader, site):
    response = reader.post("/en/search/autocomplete/", {"q": "x"})
    assert response.status_code == 405
    assert response.json()["results"] == []
    # More parameters than Django reads (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS) is a 400, in JSON.
    response = reader.get("/en/search/autocomplete/?" + "&".join(f"p{n}=1" for n in range(10_001)))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"] == []


@pytest.fixture
def fuzz_opensearch(opensearch_url):
    """The multilingual OpenSearch backend, with indexes of its own, as the default backend."""
    prefix = f"erfa_fuzz_{uuid.uuid4().hex[:8]}_"
    backends = {"default": {"BACKEND": "search.backends.opensearch2", "URLS": [opensearch_url], "INDEX_PREFIX": prefix}}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        backend = get_search_backend()
        backend.es.indices.refresh(index=f"{prefix}*")
    yield backends
    backend.es.indices.delete(index=f"{prefix}*")


TEXT = st.one_of(st.sampled_from(TRICKY), st.text(max_size=400))
ANY_URL = st.one_of(st.sampled_from(TRICKY), st.text(max_size=80))

# Every front-end form: its URL key in `site`, its fields, who posts it, and the statuses it may answer.
FORMS = {
    # 200: the profile again with the errors and the text kept; 302: sent; 429: too many this hour.
    "contact message": ("message", {"subject": TEXT, "body": TEXT, "send_copy": TEXT}, "reader", {200, 302, 429}),
    # 302: saved; 400: the method page again with the error.
    "method rating": ("rate", {"score": st.one_of(TEXT, st.integers().map(str))}, "reader", {302, 400}),
    # 200: the form again with an error; 429: locked out after repeated failures (django-axes).
    "login": ("login", {"username": TEXT, "password": TEXT, "next": ANY_URL}, "anonymous", {200, 429}),
    # 200: the password form again; 302: on to the page.
    "page password": (
        "unlock",
        {"password": st.one_of(st.just(PASSWORD), TEXT), "return_url": ANY_URL},
        "reader",
        {200, 302},
    ),
    "template download (counted)": ("download", {"next": TEXT}, "reader", {302}),
    # Only the profile's owner confirms its details.
    "confirm details": ("confirm_details", {"next": TEXT}, "reader", {403}),
    "password reset": ("password_reset", {"email": TEXT}, "anonymous", {200, 302}),
    "password change": (
        "password_change",
        {"old_password": TEXT, "new_password1": TEXT, "new_password2": TEXT},
        "reader",
        {200, 302},
    ),
    # Pages and endpoints that only show: a POST is refused or ignored, never an error.
    "search (POST)": ("search", {"q": TEXT}, "reader", {405}),
    "search autocomplete (POST)": ("autocomplete", {"q": TEXT}, "reader", {405}),
    "directory autocomplete (POST)": ("people_autocomplete", {"q": TEXT}, "reader", {200}),
    "index page (POST)": ("methods", {"topic": TEXT}, "reader", {200, 405}),
    # The form's address opened as a link: on to the method page.
    "rating (GET)": ("rate", {}, "reader", {302}),
}


@settings(BOUNDED, max_examples=50)
@given(form=st.sampled_from(list(FORMS)), data=st.data())
def test_every_form_answers_any_input_never_a_500(reader, site, form, data):
    key, fields, who, statuses = FORMS[form]
    pairs = [(name, data.draw(strategy, label=name)) for name, strategy in fields.items()]
    client = Client() if who == "anonymous" else reader
    response = client.get(site[key]) if form.endswith("(GET)") else post(client, site[key], pairs)
    check_answer(response, statuses, None, (form, pairs))
    if response.status_code == 302:
        # Never on to another site, whatever "next" or "return_url" said.
        assert not response["Location"].startswith(("//", "http")), response["Location"]
    if form == "contact message" and response.status_code == 200:
        # The form again, with the message as the browser sent it (markup escaped), to correct and send.
        sent = dict(pairs)["body"].encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        if sent.strip() and not set(sent) & {"\x00", "\r"} and len(sent) <= 5000:
            assert escape(sent) in response.content.decode()
