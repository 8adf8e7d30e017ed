"""From a meeting's "after" form to a "Share a learning" draft (casestudies.learning), in one click.

A pair's "after" fields say which reflection question they answer (methods/meeting_pair.py,
`shares_as`); a pair that says nothing hands all of its "after" text over as what was learned.
"""

from methods.meeting_pair import AFTER
from methods.models import MethodPage
from networks.models import NetworkPage


def as_text(value):
    return "\n".join(value) if isinstance(value, list) else (value or "")


def learning_texts(meeting):
    """{"best", "learn", "keep_and_develop"} from the meeting's "after" answers."""
    fields = meeting.series.fields_of(AFTER)
    texts = {"best": [], "learn": [], "keep_and_develop": []}
    marked = any(field["shares_as"] for field in fields)
    for field in fields:
        text = as_text(meeting.after.get(field["key"])).strip()
        if not text:
            continue
        if marked and field["shares_as"] in texts:
            texts[field["shares_as"]].append(text)
        elif not marked:
            texts["learn"].append(f"{field['label']}\n{text}")
    return {key: "\n\n".join(parts) for key, parts in texts.items()}


def has_learning(meeting):
    return any(learning_texts(meeting).values())


def in_language(model, translation_key, language):
    pages = model.objects.filter(translation_key=translation_key)
    return pages.filter(locale__language_code=language).first() or pages.first()


def start_learning_draft(meeting, author, language):
    # Built beside this app by the "Share a learning" work (issue 16); imported here, where it is used.
    from casestudies.learning import start_draft

    series = meeting.series
    template = series.template
    method = None
    if template is not None and template.related_method_id:
        method = in_language(MethodPage, template.related_method.translation_key, language)
    network = in_language(NetworkPage, series.team.network_key, language) if series.team_id else None
    return start_draft(
        author,
        language=language,
        title=meeting.title,
        activity=series.title,
        workplace=series.team.organisation.name if series.team_id else "",
        date=meeting.date,
        method=method,
        network=network,
        **learning_texts(meeting),
    )
