"""The base of every listing's filter form: the same HTML as Django's, its select boxes built in Python.

A filter form offers every topic, organisation, network, region and language a listing can be narrowed
by, so its select boxes hold hundreds of options, and Django's form templates render each option
through its own template include: on the people directory that was a fifth of the page's CPU. The
renderer below writes exactly what django/forms/widgets/select.html and select_option.html write
(tests/portal/test_filter_form.py compares them), and leaves every other template to Erfa's form
renderer (portal/form_renderer.py: Django's templates, through Jinja2).
"""

from django import forms
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe

from portal.form_renderer import FormRenderer

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _attributes(attrs):
    # As django/forms/widgets/attrs.html: False leaves an attribute out, True writes its bare name.
    written = []
    for name, value in attrs.items():
        if value is True:
            written.append(f" {escape(name)}")
        elif value is not False:
            written.append(f' {escape(name)}="{escape(value)}"')
    return "".join(written)


def _option(option):
    value, label = escape(str(option["value"])), escape(option["label"])
    return f'<option value="{value}"{_attributes(option["attrs"])}>{label}</option>'


def render_select(widget):
    """A select box's HTML from its widget context, character for character as Django's templates write it."""
    parts = [f'<select name="{escape(widget["name"])}"{_attributes(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        # The option template's file ends in a newline, which the include keeps.
        parts.extend(f"\n  {_option(option)}\n" for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every name, value and label above is escaped.


class FilterRenderer(FormRenderer):
    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if template_name == SELECT_TEMPLATE and all(
            option["template_name"] == OPTION_TEMPLATE
            for _name, options, _index in widget["optgroups"]
            for option in options
        ):
            return render_select(widget)
        return super().render(template_name, context, request)


class FilterForm(forms.Form):
    """A listing's GET filters (portal.listing.bind_filters binds them)."""

    default_renderer = FilterRenderer()
