"""The avatars' renditions for a list of photos, read in one query whose SQL is compiled once.

A page that draws its avatars on every view (caching off, or the directory's page of kept cards) needs
each photo's renditions first: one by one through Wagtail's rendition cache costs a round trip each,
and Django's prefetch_related builds and compiles the same query afresh on every view, which cost the
network page more than running it. This reads them with SQL kept per number of photos (portal.compiled),
the photos' ids as its parameters, and hands them to Wagtail as it takes prefetched renditions
(`prefetched_renditions`, what ImageQuerySet.prefetch_renditions sets): a rendition made later, for a
size not found here, is added to that list by Wagtail, and the rows are read afresh on each call. Only
the avatars' sizes are read, as Wagtail's own ImageQuerySet.prefetch_renditions(*filters) reads only the
filters asked for: a photo has a rendition for every place it was shown, and each row read costs.
"""

from collections import defaultdict

from portal import compiled

# The avatar's two sizes, {large: spec} (people/templatetags/people_tags.avatar).
AVATAR_SPECS = {False: "fill-80x80", True: "fill-96x96"}


def prefetch_renditions(images):
    """Read the avatar renditions of `images` (Wagtail images, Nones skipped) in one query. For photos
    shown only as avatars: Wagtail finds any other size in the list given it no more."""
    images = [image for image in images if image is not None and image.pk]
    ids = sorted({image.pk for image in images})
    if not ids:
        return
    rendition_model = images[0].get_rendition_model()
    specs = sorted(AVATAR_SPECS.values())
    found = compiled.rows(
        ("avatar-renditions", rendition_model._meta.label, len(ids)),
        lambda: rendition_model.objects.filter(image_id__in=ids).filter(filter_spec__in=specs),
        params=[*ids, *specs],
    )
    by_image = defaultdict(list)
    for rendition in found:
        by_image[rendition.image_id].append(rendition)
    for image in images:
        renditions = by_image[image.pk]
        for rendition in renditions:
            rendition.image = image  # as prefetch_related sets it: the rendition knows its image without a query
        image.prefetched_renditions = renditions
