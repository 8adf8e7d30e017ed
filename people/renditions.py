"""The avatars' renditions for a list of people's photos, in one query (portal.renditions).

A page that draws its avatars on every view (caching off, or the directory's page of kept cards) gives
each photo its avatar's rendition first, rather than a round trip each through Wagtail's rendition cache.
"""

from portal import renditions

# The avatar's two sizes, {large: spec} (people/templatetags/people_tags.avatar).
AVATAR_SPECS = {False: "fill-80x80", True: "fill-96x96"}


def prefetch_renditions(small=(), large=()):
    """Read the avatar renditions of the photos in `small` and `large` (Wagtail images, Nones skipped),
    each in its own size only, in one query: the network page's facilitators have large avatars, its
    spokespersons small ones. For photos shown only as avatars: Wagtail finds any other size in the list
    given it no more."""
    renditions.prefetch_renditions({AVATAR_SPECS[False]: small, AVATAR_SPECS[True]: large})
