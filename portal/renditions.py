"""Renditions for the pictures a page draws on every view, read in one query whose SQL is compiled once.

Without a prefetch, Wagtail finds each picture's rendition in its rendition cache: a Redis round trip
and the unpickling of the rendition with its image, about 0.2 ms a picture, on a front page of six
cards more than a tenth of the page. Django's prefetch_related would build and compile its query afresh
on every view. This reads them with SQL kept per number of pictures of each size (portal.compiled), the
ids and sizes as its parameters, and hands them to Wagtail as it takes prefetched renditions
(`prefetched_renditions`, what ImageQuerySet.prefetch_renditions sets). A rendition made later, for a
size not found here, is added to that list by Wagtail; the rows are read afresh on each call, so lists
kept for later requests (portal.fragments) get their pictures' renditions here, after being kept, never
frozen into them. Only the sizes asked for are read, as ImageQuerySet.prefetch_renditions(*filters)
reads only the filters asked for: a picture has a rendition for every place it was shown, and each row
read costs about as much as a short query (ImageField's post_init signal).
"""

from collections import defaultdict

from django.db.models import Q

from portal import compiled

# A card's picture on the indexes and the front page (portal_tags.card_image).
CARD_IMAGE_SPEC = "fill-480x270"


def prefetch_renditions(wanted):
    """`wanted`: {filter spec: images} (Wagtail images; Nones skipped). Reads each image's renditions in
    the sizes it is listed under, in one query, and gives them to it. One image object may be listed
    under several sizes."""
    groups = {}
    for spec, images in wanted.items():
        images = [image for image in images if image is not None and image.pk]
        if images:
            groups[spec] = images
    if not groups:
        return
    rendition_model = next(iter(groups.values()))[0].get_rendition_model()
    condition, params, shape = Q(), [], []
    for spec, images in groups.items():
        ids = sorted({image.pk for image in images})
        condition |= Q(filter_spec=spec) & Q(image_id__in=ids)
        params += [spec, *ids]
        shape.append(len(ids))
    # The SQL depends on the number of sizes and of images in each: the sizes and ids are its parameters.
    found = compiled.rows(
        ("renditions", rendition_model._meta.label, tuple(shape)),
        lambda: rendition_model.objects.filter(condition),
        params=params,
    )
    by_image = defaultdict(list)
    for rendition in found:
        by_image[rendition.image_id].append(rendition)
    specs = defaultdict(set)
    for spec, images in groups.items():
        for image in images:
            specs[id(image)].add(spec)
    for images in groups.values():
        for image in images:
            renditions = [rendition for rendition in by_image[image.pk] if rendition.filter_spec in specs[id(image)]]
            for rendition in renditions:
                rendition.image = image  # as prefetch_related sets it: the rendition knows its image without a query
            image.prefetched_renditions = renditions


def prefetch_card_renditions(pages):
    """The card pictures' renditions of `pages` (listing cards that show `page.image`, a
    portal.models.card_image_field, read with the cards), in one query."""
    prefetch_renditions({CARD_IMAGE_SPEC: [page.image for page in pages if getattr(page, "image_id", None)]})
