"""Filtering, sorting and paging for the index pages, forgiving of any query string."""

from django.core.paginator import InvalidPage, Paginator

PAGE_SIZE = 12


def clean_filters(form_class, data, **form_kwargs):
    """Bind the filter form and keep only the values that are valid.

    A link with an unknown topic or a mistyped sort order still shows the list:
    the bad value is dropped, not reported. The returned form is bound to the
    valid values only, so it shows no error messages.
    """
    form = form_class(data=data, **form_kwargs)
    form.is_valid()
    valid = {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}
    raw = {name: data.get(name) for name in valid if data.get(name) is not None}
    clean_form = form_class(data=raw, **form_kwargs)
    clean_form.is_valid()
    return clean_form, valid


def paginate(queryset, page_number, per_page=PAGE_SIZE):
    """The requested page, or the first one when the number is not a page that exists."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(page_number or 1)
    except InvalidPage:
        return paginator.page(1)
