"""Machine translation in the translation editor: the translators Erfa offers, and an honest report.

wagtail-localize's "Translate with …" button says "Successfully translated with …" whenever there was
something to translate, whatever the translator gave back, and answers a server error when a
translation service is down. MachineTranslationReportMiddleware tells the editor what happened instead.
"""

import logging

import requests
from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import deepl, get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue

from portal import languages

logger = logging.getLogger(__name__)

MACHINE_TRANSLATE_VIEW = "wagtail_localize:machine_translate"
UPDATE_TRANSLATIONS_VIEW = "wagtail_localize:update_translations"  # its "Use machine translation" box


class MachineTranslationUnavailable(Exception):
    """A translation service could not be reached, or answered with an error instead of translations."""


class OfflineTranslator(BaseMachineTranslator):
    """Fills in the English phrases Erfa's own interface catalogues know, and nothing else.

    A segment it does not know is left out of the result, so wagtail-localize leaves it untranslated
    for a person instead of marking a copy of the source as translated. It never sends content
    anywhere, so it is the safe default; an installation can configure DeepL or LibreTranslate
    instead (see MACHINE_TRANSLATOR in the README).
    """

    display_name = _("Offline phrase translator")
    # Why it so often translates nothing: told to the editor by MachineTranslationReportMiddleware.
    nothing_translated_message = _(
        "Nothing was translated: the offline translator knows only the phrases of Erfa's own interface. "
        "The texts are left for you to translate."
    )

    def translate(self, source_locale, target_locale, strings):
        results = {}
        if source_locale.language_code != "en":
            return results  # the catalogues translate from English only
        with translation.override(target_locale.language_code):
            for string in strings:
                translated = translation.gettext(string.data)
                if translated != string.data:
                    results[string] = StringValue(translated)
        return results

    def can_translate(self, source_locale, target_locale):
        # wagtail-localize offers the button wherever this says yes: from another language it would
        # translate nothing.
        return source_locale.language_code == "en" != target_locale.language_code


class DeepLTranslator(deepl.DeepLTranslator):
    """wagtail-localize's DeepL translator, with the API address configurable (OPTIONS["API_URL"]).

    wagtail-localize picks DeepL's free or paid address from the key alone; an installation behind a
    proxy, DeepL's regional endpoints or a local stand-in in the tests needs to name the address.
    Its failures (no connection, a timeout, an error status, an answer without translations) become
    MachineTranslationUnavailable instead of whatever the parsing of the answer happened to raise.
    """

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings):
        try:
            return super().translate(source_locale, target_locale, strings)
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            # An error status comes back as {"message": …}, without "translations" (KeyError); a proxy's
            # error page is no JSON (ValueError); fewer translations than texts fail zip(strict=True).
            logger.warning("DeepL at %s did not translate: %r", self.get_api_endpoint(), error)
            raise MachineTranslationUnavailable(str(self.display_name)) from error


def untranslated_segments(translation_id):
    """How many of a translation's texts have no translation yet, as wagtail-localize's view counts them."""
    found = Translation.objects.filter(pk=translation_id).values("source_id", "target_locale_id").first()
    if found is None:
        return 0
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale_id=found["target_locale_id"]
    )
    return StringSegment.objects.filter(source_id=found["source_id"]).exclude(Exists(translated)).count()


def report_update(request, translator, source_id):
    """After "Update existing translations" with "Use machine translation": which languages still have
    texts for a person to translate. wagtail-localize's own message says only that the update succeeded."""
    left = []
    for found in Translation.objects.filter(source_id=source_id, enabled=True).select_related("target_locale"):
        if count := untranslated_segments(found.pk):
            left.append((languages.name(found.target_locale.language_code), count))
    if not left:
        return None
    untranslated = ", ".join(
        ngettext("%(language)s: %(count)d text", "%(language)s: %(count)d texts", count)
        % {"language": language, "count": count}
        for language, count in sorted(left)
    )
    text = gettext(
        "After machine translation with %(translator)s, texts are left for you to translate in the "
        "translation editor: %(untranslated)s."
    ) % {"translator": str(translator.display_name), "untranslated": untranslated}
    return messages.warning(request, text)


def report(request, translator, total, done):
    """The message after a machine translation of `total` texts, of which `done` were translated."""
    name = str(translator.display_name)
    if done >= total:
        text = ngettext(
            "Translated %(count)d text with %(translator)s.",
            "Translated all %(count)d texts with %(translator)s.",
            total,
        ) % {"count": total, "translator": name}
        return messages.success(request, text)
    if done:
        text = ngettext(
            "Translated %(done)d of %(total)d text with %(translator)s; the rest are left for you to translate.",
            "Translated %(done)d of %(total)d texts with %(translator)s; the rest are left for you to translate.",
            total,
        ) % {"done": done, "total": total, "translator": name}
        return messages.warning(request, text)
    text = getattr(translator, "nothing_translated_message", None)
    if text is None:
        text = ngettext(
            "%(translator)s could not translate the text; it is left for you to translate.",
            "%(translator)s could not translate any of the %(count)d texts; they are left for you to translate.",
            total,
        ) % {"count": total, "translator": name}
    return messages.warning(request, str(text))


class MachineTranslationReportMiddleware:
    """Tells the editor how much a machine translation translated, or why it translated nothing.

    wagtail-localize's machine_translate view has no hook, signal or setting for its message, and its
    translators do not see the request, so this wraps that one view (by its URL name, like
    moderation.aliases.AliasConversionGuardMiddleware) through Django's public middleware and messages
    APIs; no URL or attribute of wagtail-localize's is replaced. Around the view it
    - counts the texts still untranslated before and after it, whatever the translator;
    - raises the request's message level to WARNING while it runs, so that the view's unconditional
      "Successfully translated" is not recorded (its "nothing left to translate" warning still is), and
      then records the true count instead;
    - after "Update existing translations" with "Use machine translation", names the languages that
      still have texts for a person to translate (report_update), beside the view's "Successfully updated";
    - turns a translation service's failure (MachineTranslationUnavailable, or a requests error such as
      LibreTranslate's) into an error message and the page the editor came from, not a server error.
      The same failure behind update_translations' "Use machine translation" box is reported likewise;
      that view's transaction has then undone the whole update.
    Sits after MessageMiddleware, so that what it records is stored, and after AdminLanguageMiddleware,
    so that it speaks the editor's language.
    """

    STATE = "erfa_machine_translation"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        state = getattr(request, self.STATE, None)
        if state is None:
            return response
        if state["view"] == UPDATE_TRANSLATIONS_VIEW:
            if state["machine"] and not state["failed"] and response.status_code == 302:
                report_update(request, get_machine_translator(), state["source_id"])
            return response
        messages.set_level(request, state["level"])
        if state["failed"] or response.status_code != 302 or not state["total"]:
            return response  # refused, failed or nothing to translate: the view or below has said so
        translator = get_machine_translator()
        left = untranslated_segments(state["translation_id"])
        report(request, translator, state["total"], state["total"] - left)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in (MACHINE_TRANSLATE_VIEW, UPDATE_TRANSLATIONS_VIEW):
            return None
        if request.method != "POST":
            return None
        state = {"view": match.view_name, "failed": False, "level": messages.get_level(request)}
        if match.view_name == UPDATE_TRANSLATIONS_VIEW:
            # Its form's box; the update is done (a redirect) only when the form was valid.
            state["machine"] = bool(request.POST.get("use_machine_translation"))
            state["source_id"] = view_kwargs.get("translation_source_id")
        else:
            state["translation_id"] = view_kwargs.get("translation_id")
            state["total"] = untranslated_segments(state["translation_id"])
            messages.set_level(request, messages.WARNING)
        setattr(request, self.STATE, state)
        return None

    def process_exception(self, request, exception):
        state = getattr(request, self.STATE, None)
        if state is None or not isinstance(exception, MachineTranslationUnavailable | requests.RequestException):
            return None
        if not isinstance(exception, MachineTranslationUnavailable):
            logger.warning("Machine translation failed: %r", exception)
        state["failed"] = True
        messages.set_level(request, state["level"])
        name = str(get_machine_translator().display_name)
        if state["view"] == UPDATE_TRANSLATIONS_VIEW:
            text = gettext(
                "The translations were not updated: %(translator)s could not be reached or answered with an "
                "error. Try again later, or without machine translation."
            )
            messages.error(request, text % {"translator": name})
            return redirect(request.get_full_path())
        text = gettext(
            "Nothing was translated: %(translator)s could not be reached or answered with an error. "
            "Try again later, or translate the texts yourself."
        )
        messages.error(request, text % {"translator": name})
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
