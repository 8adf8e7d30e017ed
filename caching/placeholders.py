"""The reader's own parts of a cached page: taken out when it is stored, put back when it is served.

Two parts differ between readers of one permission class (caching/page_cache.py): the CSRF token in
each form (a token masked afresh from the reader's own secret, as Django's get_token does) and the
reader's name in the header (templates/base.html). Stored pages hold a placeholder for each.

`segments` cuts a stored body at its placeholders once, as encoded bytes, so serving it joins bytes
instead of searching and encoding the whole page for every reader (caching/front_door.py).
"""

import re

from django.conf import settings
from django.middleware.csrf import get_token

from caching import readers

CSRF_PLACEHOLDER = "\x00erfa-csrf\x00"
NAME_PLACEHOLDER = "\x00erfa-name\x00"
_CSRF_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]*)(")')
# The reader's name in the header (templates/base.html): the one place it is shown as the reader's.
_HEADER_NAME = re.compile(r'(<span class="user-menu__name">)(.*?)(</span>)', re.S)
_PLACEHOLDERS = re.compile(f"({re.escape(CSRF_PLACEHOLDER)}|{re.escape(NAME_PLACEHOLDER)})")


def personalise(request, body, name):
    """`body` with this reader's CSRF token and `name` (escaped) in place of the placeholders."""
    if CSRF_PLACEHOLDER in body:
        body = body.replace(CSRF_PLACEHOLDER, get_token(request))
    if NAME_PLACEHOLDER in body and name is not None:
        body = body.replace(NAME_PLACEHOLDER, name)
    return body


def depersonalise(request, body):
    """The body with the reader's own parts replaced by placeholders, or None if it cannot be shared."""
    body = _CSRF_FIELD.sub(lambda match: match[1] + CSRF_PLACEHOLDER + match[3], body)
    if request.user.is_authenticated:
        names = _HEADER_NAME.findall(body)
        if len(names) != 1 or names[0][1] != readers.reader_name(request.user):
            return None  # Not the header this module knows: better uncached than someone else's name.
        body = _HEADER_NAME.sub(lambda match: match[1] + NAME_PLACEHOLDER + match[3], body)
    return body


def segments(body):
    """The stored body as a list of encoded pieces, with each placeholder as its own (str) item."""
    return [
        piece if piece in (CSRF_PLACEHOLDER, NAME_PLACEHOLDER) else piece.encode(settings.DEFAULT_CHARSET)
        for piece in _PLACEHOLDERS.split(body)
        if piece
    ]


def personalised_bytes(pieces, request, name):
    """What `personalise` makes of the body, from its `segments`: one token for all forms, as there."""
    token = None
    out = []
    for piece in pieces:
        if piece == CSRF_PLACEHOLDER:
            token = token or get_token(request).encode()
            out.append(token)
        elif piece == NAME_PLACEHOLDER:
            out.append((name if name is not None else piece).encode(settings.DEFAULT_CHARSET))
        else:
            out.append(piece)
    return b"".join(out)
