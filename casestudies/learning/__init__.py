"""Share a learning from the front end: the form, its drafts, invited co-authors, submission into review
and the author's "My contributions" (issue 16).

Other apps start a draft with `start_draft` and send its author to `draft.get_edit_url()`.
"""


def start_draft(
    author,
    *,
    language,
    title="",
    activity="",
    workplace="",
    date=None,
    best="",
    learn="",
    keep_and_develop="",
    method=None,
    network=None,
):
    """A new LearningDraft of `author` in `language`, filled in with what the caller already knows."""
    from casestudies.learning.drafts import start_draft as start

    return start(
        author,
        language=language,
        title=title,
        activity=activity,
        workplace=workplace,
        date=date,
        best=best,
        learn=learn,
        keep_and_develop=keep_and_develop,
        method=method,
        network=network,
    )
