"""portal.markup's html() and html_join() write exactly what Django's format_html and format_html_join write."""

import datetime

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, override
from hypothesis import given
from hypothesis import strategies as st

from portal.markup import html, html_join

TEMPLATE = '<li class="{}"><a href="{}">{}</a>{}</li>'


class Markup:
    """An object that is its own markup (as Wagtail's RichText is)."""

    def __html__(self):
        return "<b>rich</b>"


class NotAString:
    def __str__(self):
        return "5 > 4 & \"quoted\" 'single'"


values = st.one_of(
    st.text(),
    st.text().map(mark_safe),
    st.integers(),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
    st.dates(),
    st.just(gettext_lazy("Members")),
    st.just(Markup()),
    st.just(NotAString()),
    # A str subclass that is not SafeString: escaped, as Django escapes it.
    st.text().map(type("Named", (str,), {})),
)


@given(st.lists(values, min_size=4, max_size=4))
def test_html_writes_what_format_html_writes(row):
    with override("sv"):
        written = html(TEMPLATE, *row)
        assert written == format_html(TEMPLATE, *row)
    assert isinstance(written, SafeString)


SEPARATORS = st.sampled_from(["", ", ", "<br>", mark_safe("<br>")])


@given(st.lists(st.tuples(values, values, values, values), max_size=5), SEPARATORS)
def test_html_join_writes_what_format_html_join_writes(rows, separator):
    written = html_join(separator, TEMPLATE, rows)
    assert written == format_html_join(separator, TEMPLATE, rows)
    assert isinstance(written, SafeString)


def test_markup_is_kept_and_text_escaped():
    written = html("<p>{} {} {}</p>", mark_safe("<em>kept</em>"), "<script>&'\"", datetime.date(2026, 3, 5))
    assert written == "<p><em>kept</em> &lt;script&gt;&amp;&#x27;&quot; 2026-03-05</p>"
