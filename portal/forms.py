"""The admin form every content page uses: choices and defaults in the page's own language."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin

from portal import languages


class ContentPageForm(WagtailAdminPageForm):
    """Offers only choices in the page's own language, and starts language fields at that language.

    A Swedish case study cannot link a Danish method or tick a Dutch topic: every choice of a
    translatable model (topics, organisations, people, pages) is narrowed to the page's locale. A new
    page's fields named in its model's `locale_default_fields` (e.g. "language of the files") start
    at the page's language instead of English.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django gives a field with a callable default (a network update's date = date.today) a hidden
        # "initial-" input to compare with, which Wagtail's panels do not render; without it the field
        # counted as changed on every save. Wagtail then saved a revision with each editor's decision, and
        # with re-approval on edit an approval started the review over instead of publishing the page.
        for field in self.fields.values():
            field.show_hidden_initial = False
        locale = self.instance.locale if self.instance.locale_id else None
        if locale is None:
            return
        for field in self.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if isinstance(field, forms.ModelChoiceField) and model and issubclass(model, TranslatableMixin):
                field.queryset = field.queryset.filter(locale_id=locale.pk).order_by(ordering_of(model))
        if not self.instance.pk and languages.base_code(locale.language_code):
            for name in getattr(type(self.instance), "locale_default_fields", ()):
                if name in self.fields:
                    self.initial[name] = languages.base_code(locale.language_code)


def ordering_of(model):
    """Choices sorted as readers look for them: by name, or by title for pages."""
    field_names = {field.name for field in model._meta.get_fields()}
    return "name" if "name" in field_names else "title"
