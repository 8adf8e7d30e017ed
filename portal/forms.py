"""The admin form every content page uses: choices and defaults in the page's own language."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin

from portal import languages


class ContentPageForm(WagtailAdminPageForm):
    """Offers only choices in the page's own language (of pages, the published ones), and starts language
    fields at that language.

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
        for name, field in self.fields.items():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if isinstance(field, forms.ModelChoiceField) and model and issubclass(model, TranslatableMixin):
                queryset = field.queryset.filter(locale_id=locale.pk)
                if issubclass(model, Page):
                    # Published pages, and those already chosen: a draft (an abandoned one autosave made, too)
                    # or a page still in review is nothing to link yet.
                    queryset = queryset.filter(Q(live=True) | Q(pk__in=chosen(self.initial.get(name))))
                field.queryset = queryset.order_by(ordering_of(model))
        if not self.instance.pk and languages.base_code(locale.language_code):
            for name in getattr(type(self.instance), "locale_default_fields", ()):
                if name in self.fields:
                    self.initial[name] = languages.base_code(locale.language_code)

    def clean_last_reviewed(self):
        """A review that has not happened yet would have the page's footer tell readers a date still to come.

        A date before the page's first publication is a real one: an owner checks a draft before
        Communications publishes it, and content moved to Erfa was reviewed where it was before.
        """
        reviewed = self.cleaned_data.get("last_reviewed")
        if reviewed and reviewed > timezone.localdate():
            raise forms.ValidationError(_("The last review cannot be later than today."), code="future")
        return reviewed

    def has_changed(self):
        """Whether saving would change the page: Wagtail saves a revision, and with re-approval on edit
        restarts the review, whenever this says so, even when an editor only approves.

        A draft that adds an inline row (a gathering, a member) keeps that row without a database id,
        and modelcluster gives its form a blank instance when the editor posts it back, so the row read
        as new on every save: approving such a draft from the editor saved it again and started the
        review over, for ever. Such a row counts as changed only if its values differ from the draft's.
        """
        if not self.formsets:
            return super().has_changed()
        if self.changed_data:
            return True
        return any(_formset_changed(formset) for formset in self.formsets.values())


def chosen(initial):
    """The ids a choice field starts with: none, an id or an instance, or a list or queryset of either."""
    if initial is None:
        return []
    if isinstance(initial, (str, int)) or hasattr(initial, "pk"):
        initial = [initial]
    return [getattr(value, "pk", value) for value in initial]


def _formset_changed(formset):
    if not formset.is_bound:
        return formset.has_changed()
    drafted = list(formset.get_queryset())
    for index, form in enumerate(formset.forms):
        if not form.has_changed():
            continue
        unsaved = index < formset.initial_form_count() and form.instance.pk is None and index < len(drafted)
        if not unsaved or getattr(form, "formsets", None) or _deleted(formset, form):
            return True
        if _values_differ(form, drafted[index]):
            return True
    return False


def _deleted(formset, form):
    return formset.can_delete and formset._should_delete_form(form)


def _values_differ(form, row):
    """Whether the posted form differs from `row`, a draft's inline row, field by field as Django compares."""
    values = forms.model_to_dict(row, fields=list(form.fields))
    for name in form.changed_data:
        if name not in values:
            return True
        if form.fields[name].has_changed(values[name], form[name].data):
            return True
    return False


def ordering_of(model):
    """Choices sorted as readers look for them: by name, or by title for pages."""
    field_names = {field.name for field in model._meta.get_fields()}
    return "name" if "name" in field_names else "title"
