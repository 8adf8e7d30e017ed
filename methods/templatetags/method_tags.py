"""`{% rating_summary average count %}`: a method's rating in words, as its card and its page say it.

A tag rather than an include: a method index draws it on every card, and an include with its
blocktranslate and floatformat cost a card more than its picture. The words and their plurals are the
catalogues' own msgids, as the include had them; the numbers are localized as the templates do it.
"""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

register = template.Library()


@register.simple_tag
def rating_summary(average, count):
    if not count:
        return conditional_escape(gettext("No votes yet"))
    said = ngettext(
        "%(average)s out of 5 (%(counter)s vote)", "%(average)s out of 5 (%(counter)s votes)", count
    ) % {"average": conditional_escape(floatformat(average, 1)), "counter": conditional_escape(localize(count))}
    return mark_safe(said)  # noqa: S308 - the catalogue's words, the numbers escaped
