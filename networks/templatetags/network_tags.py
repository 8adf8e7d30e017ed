"""The network page's longest lists, drawn in Python as `{% avatar %}` is (people/templatetags).

A network of eight units with ten examples shows eighty anchoring entries and a dozen spokespersons,
and a template node costs about as much as a line of Python: the per-entry markup written here, in one
`html()` each (portal/markup.py, Django's `format_html` made cheaper), costs a fifth of the same markup
in a loop of tags. The sections around them stay in templates/networks/. Every text is escaped by
`html()`; every label is translated.
"""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import date_format, time_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext
from wagtail.templatetags.wagtailcore_tags import richtext

from people.templatetags.people_tags import avatar
from portal.i18n import reader_page_url
from portal.markup import html, html_join
from portal.templatetags.portal_tags import language_marker

register = template.Library()


@register.simple_tag
def plan_state(plan, insider=False):
    """`{% plan_state plan insider %}`: a progress plan's or final report's state, as a team table's cell
    and a plan page say it. Only insiders (the team, its manager, the facilitators) hear that a version was
    sent back; everyone else keeps reading the last signed-off one. The network page passes its insiders
    too: it is cached per set of teams whose plan the reader sees sent back (networks/teams/access.py)."""
    if not plan:
        return html('<span class="meta">{}</span>', gettext("Not started yet"))
    if plan.state == "signed_off":
        return html('<span class="tag tag--done">{}</span>', gettext("Signed off"))
    if plan.state == "waiting":
        return html('<span class="tag">{}</span>', gettext("Waiting for sign-off"))
    if plan.state == "returned" and insider:
        return html('<span class="tag">{}</span>', gettext("Sent back"))
    if plan.signed_off_at:
        return html(
            '<span class="tag tag--done">{}</span> <span class="meta">{}</span>',
            gettext("Signed off"),
            gettext("(a new draft is being written)"),
        )
    return html('<span class="meta">{}</span>', gettext("Being drafted"))


@register.simple_tag
def gathering_when(gathering):
    """`{% gathering_when gathering %}`: when a gathering starts and ends, in the site's time zone and the
    reader's date format; the end as a time only when it is the same day."""
    start, end = localtime(gathering.start), localtime(gathering.end)
    return html(
        '<time datetime="{}">{}</time> – <time datetime="{}">{}</time>',
        start.isoformat(),
        date_format(start, "DATETIME_FORMAT"),
        end.isoformat(),
        time_format(end, "TIME_FORMAT") if start.date() == end.date() else date_format(end, "DATETIME_FORMAT"),
    )


@register.simple_tag(takes_context=True)
def spokesperson_list(context, people):
    """`{% spokesperson_list member.spokespersons %}`: the members table's cell of a unit's spokespersons,
    each with their avatar, a link to their profile and their job title; a dash for none."""
    if not people:
        return "–"
    request = context.get("request")
    return html(
        '<ul class="network__spokespersons">{}</ul>',
        html_join(
            "",
            # Name and job title in one span: the item lays its avatar and its text out as a flex row.
            '<li>{} <span><a href="{}">{}</a>{}</span></li>',
            (
                (
                    avatar(person),
                    reader_page_url(person, request),
                    person.title,
                    html(', <span class="meta">{}</span>', person.job_title) if person.job_title else "",
                )
                for person in people
            ),
        ),
    )


@register.simple_tag(takes_context=True)
def example_items(context, rows):
    """`{% example_items examples %}`: the anchoring tracker's examples, each with where it came from, its
    text in its own language and its member units (anchoring_units)."""
    return html_join("", "{}", ((_example(context, row),) for row in rows))


def _example(context, row):
    example = row["example"]
    source = ""
    if row["gathering"]:
        # As {% blocktranslate %} would: the translation as it is, the gathering's title escaped.
        said = gettext("From the gathering “%(gathering)s”") % {"gathering": conditional_escape(row["gathering"])}
        source = html('<p class="meta">{}</p>', mark_safe(said))  # noqa: S308 - only the title is data
    progress = ""
    if row["units"]:
        count = len(row["units"])
        said = ngettext(
            "Anchored in %(done)s of %(counter)s unit", "Anchored in %(done)s of %(counter)s units", count
        ) % {"done": row["anchored_count"], "counter": count}
        progress = html(
            '<p class="example__progress"><strong>{}</strong></p>{}', said, anchoring_units(context, row["units"])
        )
    return html(
        '<li id="example-{}" class="example"><h3 class="example__title"><span lang="{}">{}</span>{}</h3>{}'
        '<p lang="{}">{}</p>{}</li>',
        example.pk,
        example.language,
        example.title,
        language_marker(example),
        source,
        example.language,
        linebreaksbr(example.description, autoescape=True),
        progress,
    )


@register.simple_tag
def gathering_items(gatherings, next_gathering=None):
    """`{% gathering_items gatherings next_gathering %}`: a network's gatherings, each with its link, time,
    place, agenda and assignment; the next one marked."""
    return html_join(
        "", "{}", ((_gathering(gathering, gathering == next_gathering),) for gathering in gatherings)
    )


def _gathering(gathering, is_next):
    title = gathering.title
    if gathering.page_url:
        title = html('<a href="{}">{}</a>', gathering.page_url, gathering.title)
    where = ""
    if gathering.place or gathering.online_link:
        place = html("<span>{} {}</span>", gettext("Place:"), gathering.place) if gathering.place else ""
        online = ""
        if gathering.online_link:
            online = html('<a href="{}">{}</a>', gathering.online_link, gettext("Join online"))
        where = html('<p class="gathering__where">{} {}</p>', place, online)
    texts = [
        html('<h4>{}</h4><div class="rich-text">{}</div>', heading, richtext(text))
        for heading, text in (
            (gettext("Agenda"), gathering.agenda),
            (gettext("Before the next gathering"), gathering.assignment),
        )
        if text
    ]
    return html(
        '<li class="gathering{}"><h3>{}{}</h3><p class="gathering__when">{}</p>{}{}</li>',
        " gathering--next" if is_next else "",
        title,
        html(' <span class="tag">{}</span>', gettext("Next")) if is_next else "",
        gathering_when(gathering),
        where,
        mark_safe("".join(texts)),  # noqa: S308 - each is html()
    )


@register.simple_tag(takes_context=True)
def anchoring_units(context, units):
    """`{% anchoring_units row.units %}`: an example's member units, each anchored (when, and what the
    group said) or not yet, with the reader's own unit's link to record or update it."""
    request = context.get("request")
    labels = {
        "done": gettext("Anchored"),
        "not_yet": gettext("Not yet anchored"),
        "update": gettext("Update your unit’s anchoring"),
        "record": gettext("Record your unit’s anchoring"),
        "said": gettext("What the group said"),
        "reflection": gettext("Reflection:"),
        "case_study": gettext("Case study:"),
    }
    return html(
        '<ul class="anchoring" aria-label="{}">{}</ul>',
        gettext("Units"),
        mark_safe("".join(_unit(unit, labels, request) for unit in units)),  # noqa: S308 - each is html()
    )


def _unit(unit, labels, request):
    anchoring = unit["anchoring"]
    if anchoring:
        status = html(
            '<span class="anchoring__status anchoring__status--done">{} <time datetime="{}">{}</time></span>',
            labels["done"],
            anchoring.taken_up_on.isoformat(),
            date_format(anchoring.taken_up_on, "DATE_FORMAT"),
        )
    else:
        status = html('<span class="anchoring__status">{}</span>', labels["not_yet"])
    action = ""
    if unit["mine"]:
        action = html(
            '<a class="anchoring__action" href="{}">{}</a>',
            unit["anchor_url"],
            labels["update"] if anchoring else labels["record"],
        )
    return html(
        '<li class="anchoring__unit{}"><span class="anchoring__name">{}</span> {} {}{}</li>',
        " anchoring__unit--done" if anchoring else "",
        unit["name"],
        status,
        action,
        _what_the_group_said(anchoring, labels, request) if anchoring else "",
    )


def _what_the_group_said(anchoring, labels, request):
    reflection = ""
    if anchoring.reflection:
        reflection = html(
            "<p><strong>{}</strong> {}</p>", labels["reflection"], linebreaksbr(anchoring.reflection, autoescape=True)
        )
    case_study = ""
    if anchoring.linked_page:
        case_study = html(
            '<p>{} <a href="{}">{}</a></p>',
            labels["case_study"],
            reader_page_url(anchoring.linked_page, request),
            anchoring.linked_page.title,
        )
    return html(
        '<details class="anchoring__details"><summary>{}{}</summary><div lang="{}"><p>{}</p>{}</div>{}</details>',
        labels["said"],
        language_marker(anchoring),
        anchoring.language,
        linebreaksbr(anchoring.group_said, autoescape=True),
        reflection,
        case_study,
    )
