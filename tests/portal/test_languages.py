"""Five languages: the switcher, hreflang links, fallbacks for missing translations and machine translation."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from people.models import ResourcePersonPage
from portal.i18n import localized_pages

pytestmark = pytest.mark.django_db


def translate(page, code, **fields):
    translation = page.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


@pytest.fixture
def directory(site_tree):
    english = ResourcePersonIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), title="People")
    translate(english, "sv", title="Personer")
    return english


@pytest.fixture
def english_only_person(directory):
    return ResourcePersonPageFactory(parent=directory, title="Hanna Moe", slug="hanna-moe", organisation=None)


def test_hreflang_links_name_every_existing_translation(employee_client, directory):
    html = employee_client.get("/en/people/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://127.0.0.1:8000/en/people/">' in html
    assert '<link rel="alternate" hreflang="sv" href="http://127.0.0.1:8000/sv/people/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://127.0.0.1:8000/en/people/">' in html
    assert 'hreflang="nb"' not in html.split("</head>")[0]


def test_switcher_offers_only_existing_translations(employee_client, directory):
    html = employee_client.get("/en/people/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/sv/people/"' in switcher
    assert 'class="language-switcher__unavailable"' in switcher
    assert "/nb/" not in switcher
    assert "Norsk bokmål" in switcher


def test_missing_translation_shows_the_page_in_another_language_with_a_notice(employee_client, english_only_person):
    response = employee_client.get("/sv/people/hanna-moe/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hanna Moe" in html
    assert '<html lang="sv">' in html
    assert '<div lang="en">' in html
    assert "notice--language" in html
    assert "Den här sidan finns inte på svenska än." in html
    assert "Den visas på engelska." in html
    assert 'href="/en/people/hanna-moe/"' in html


def test_a_page_that_exists_nowhere_is_still_a_404(employee_client, directory):
    assert employee_client.get("/sv/people/nobody/").status_code == 404


def test_listings_show_local_versions_and_fall_back_to_the_source_language(directory):
    swedish_directory = directory.get_translation(Locale.objects.get(language_code="sv"))
    both = ResourcePersonPageFactory(parent=directory, title="Both Languages", organisation=None)
    both_sv = translate(both, "sv", title="Båda språken")
    only_en = ResourcePersonPageFactory(parent=directory, title="Only English", organisation=None)
    assert swedish_directory.pk != directory.pk

    swedish = localized_pages(ResourcePersonPage.objects.live(), Locale.objects.get(language_code="sv"))
    assert set(swedish) == {both_sv, only_en}
    english = localized_pages(ResourcePersonPage.objects.live(), Locale.objects.get(language_code="en"))
    assert set(english) == {both, only_en}


def test_offline_machine_translation_creates_drafts_in_four_languages(admin_client, site_tree):
    from methods.factories import MethodIndexPageFactory
    from methods.models import MethodIndexPage

    methods = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), title="Methods")
    others = Locale.objects.exclude(language_code="en")
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[methods.pk]),
        {"locales": [locale.pk for locale in others]},
    )
    assert response.status_code == 302

    for translation in Translation.objects.filter(source__object_id=methods.translation_key):
        admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
        translation.save_target()

    drafts = {
        page.locale.language_code: page
        for page in MethodIndexPage.objects.filter(translation_key=methods.translation_key).exclude(
            locale__language_code="en"
        )
    }
    assert set(drafts) == {"sv", "nb", "da", "nl"}
    for page in drafts.values():
        assert page.live is False
        assert page.has_unpublished_changes
    # "Methods" is an interface phrase the offline translator knows from Erfa's catalogues.
    titles = {code: page.get_latest_revision_as_object().title for code, page in drafts.items()}
    assert titles == {"sv": "Metoder", "nb": "Metoder", "da": "Metoder", "nl": "Methoden"}


def test_index_lists_untranslated_pages_in_their_own_language(employee_client, site_tree):
    from methods.factories import MethodIndexPageFactory, MethodPageFactory

    english_index = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), title="Methods")
    swedish_index = translate(english_index, "sv", title="Metoder", slug="metoder")
    norwegian_index = translate(english_index, "nb", title="Metoder", slug="metoder")
    translated = MethodPageFactory(parent=english_index, title="Developing reflection")
    translate(translated, "sv", title="Utvecklande reflektion")
    MethodPageFactory(parent=norwegian_index, title="Læringsnettverk", locale=norwegian_index.locale)

    html = employee_client.get(swedish_index.url).content.decode()

    assert "Utvecklande reflektion" in html
    assert "Developing reflection" not in html
    assert "Læringsnettverk" in html
    assert '<span class="language-marker" lang="nb">' in html


def test_offline_translation_leaves_what_it_does_not_know_untranslated(admin_client, site_tree):
    from wagtail_localize.models import StringTranslation

    from methods.factories import MethodIndexPageFactory

    methods = MethodIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en"), title="Methods", summary="Ways of working we trust."
    )
    swedish = Locale.objects.get(language_code="sv")
    admin_client.post(reverse("wagtail_localize:submit_page_translation", args=[methods.pk]), {"locales": [swedish.pk]})
    translation = Translation.objects.get(source__object_id=methods.translation_key, target_locale=swedish)
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))

    translated = dict(StringTranslation.objects.filter(locale=swedish).values_list("translation_of__data", "data"))
    # The title and its slug are phrases the catalogues know; the summary is left for a person, not copied.
    assert translated == {"Methods": "Metoder", "methods": "metoder"}
    total, done = translation.get_progress()
    assert done < total


def test_offline_translation_knows_nothing_from_another_source_language(site_tree):
    from wagtail_localize.strings import StringValue

    from portal.machine_translation import OfflineTranslator

    translator = OfflineTranslator({})
    swedish, english = Locale.objects.get(language_code="sv"), Locale.objects.get(language_code="en")
    assert translator.translate(swedish, english, [StringValue("Metoder")]) == {}
    # So wagtail-localize offers it only from English (its button, and its "Successfully translated").
    danish = Locale.objects.get(language_code="da")
    assert not translator.can_translate(danish, swedish) and not translator.can_translate(danish, english)
    assert translator.can_translate(english, swedish) and not translator.can_translate(english, english)
    assert translator.translate(english, swedish, [StringValue("Methods"), StringValue("Unknown words")]) == {
        StringValue("Methods"): StringValue("Metoder")
    }
