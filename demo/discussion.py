"""Questions on a demo case study, in the languages their readers write in, one answered by its owner.

On Fjordvik's digital night-time supervision (demo/content/case-studies/fjordvik-digitalt-tilsyn.yaml): each
question sits on the language version its author reads (discussion/models.py says why). The authors are
the gathering demo's fictional colleagues (demo/gatherings.py); the answer is the content owner's,
once the demo users exist and their profile is linked. A second run adds nothing.
"""

from demo.gatherings import participants
from discussion.models import Comment
from portal.i18n import page_translations

CASE_STUDY = "fjordvik-digitalt-tilsyn"

# (author, language of the version and text, kind, text, the owner's answer or "")
QUESTIONS = [
    (
        "demo-astrid",
        "sv",
        Comment.Kind.QUESTION,
        "Hur lång tid tog det innan personalen litade på sensorerna?",
        "Ungefär tre månader. Det som hjälpte mest var att vi gick igenom nattens larm tillsammans varje morgon.",
    ),
    (
        "demo-mette",
        "da",
        Comment.Kind.COMMENT,
        "Vi har prøvet noget lignende i vores kommune; det sværeste var samtalen med de pårørende.",
        "",
    ),
]


def load(case_studies):
    original = case_studies.get(CASE_STUDY)
    if original is None:
        return
    versions = page_translations(original)
    users = participants()
    owner = original.content_owner.user if original.content_owner_id and original.content_owner.user_id else None
    for username, code, kind, body, answer in QUESTIONS:
        page, author = versions.get(code), users.get(username, (None,))[0]
        if page is None or author is None:
            continue
        question = Comment.objects.filter(page_id=page.pk, author=author, body=body).first()
        if question is None:
            question = Comment.objects.create(page=page, author=author, kind=kind, body=body, language=code)
        if answer and owner is not None and not question.answers.exists():
            Comment.objects.create(
                page=page, parent=question, is_answer=True, kind=kind, author=owner, body=answer, language=code
            )
