"""An offline machine translator for wagtail-localize, for demos, tests and air-gapped installations."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators import deepl
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


class OfflineTranslator(BaseMachineTranslator):
    """Fills in the English phrases Erfa's own interface catalogues know, and nothing else.

    A segment it does not know is left out of the result, so wagtail-localize leaves it untranslated
    for a person instead of marking a copy of the source as translated. It never sends content
    anywhere, so it is the safe default; an installation can configure DeepL or LibreTranslate
    instead (see MACHINE_TRANSLATOR in the README).
    """

    display_name = _("Offline phrase translator")

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
        # wagtail-localize offers the button, and reports success, wherever this says yes: from another
        # language it would translate nothing and say it had.
        return source_locale.language_code == "en" != target_locale.language_code


class DeepLTranslator(deepl.DeepLTranslator):
    """wagtail-localize's DeepL translator, with the API address configurable (OPTIONS["API_URL"]).

    wagtail-localize picks DeepL's free or paid address from the key alone; an installation behind a
    proxy, DeepL's regional endpoints or a local stand-in in the tests needs to name the address.
    """

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()
