"""An offline machine translator for wagtail-localize, for demos, tests and air-gapped installations."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


class OfflineTranslator(BaseMachineTranslator):
    """Fills in the phrases Erfa's own interface catalogues know, and keeps all other text as it is.

    It never sends content anywhere, so it is the safe default; the editor then
    translates what is left by hand, or an installation configures DeepL or
    LibreTranslate instead (see MACHINE_TRANSLATOR in the README).
    """

    display_name = _("Offline phrase translator")

    def translate(self, source_locale, target_locale, strings):
        results = {}
        with translation.override(target_locale.language_code):
            for string in strings:
                text = string.data
                translated = translation.gettext(text) if source_locale.language_code == "en" else text
                results[string] = StringValue(translated)
        return results

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
