"""Uploaded files under MEDIA_URL, each sent only to a reader who may see it.

MEDIA_ROOT is never served as a folder: its files are guessable (``/media/original_images/<name>.png``)
and some belong to private collections. A path under MEDIA_URL is looked up as the file of a document,
an original image or a rendition; anything else does not exist. Django decides, and the bytes are then
sent by the backend MEDIA_SERVE chose (django-sendfile2: Django itself, nginx's X-Accel-Redirect or
Apache's X-Sendfile), so the web server does the sending without deciding anything.

- Documents: Wagtail's own view (``/documents/<id>/<file>``) applies collection privacy; a media path
  of a document is sent there, so there is one rule for documents and one place that applies it.
- Images and their renditions: every signed-in user, except that an image in a collection with view
  restrictions (Wagtail's collection privacy) goes only to readers the restrictions accept, and to
  those who may change or choose it in the admin, whose listings and choosers show it.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_safe
from django_sendfile import sendfile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

# The folders Wagtail's models upload into (their upload_to), relative to MEDIA_ROOT.
DOCUMENTS = "documents/"
ORIGINAL_IMAGES = "original_images/"
RENDITIONS = "images/"

# Readers' browsers may keep a photo for a while; shared caches and proxies never.
CACHE_CONTROL = "private, max-age=3600"


def find_image_file(path):
    """The image a media path belongs to and the field holding it, or (None, None)."""
    image_model = get_image_model()
    if path.startswith(ORIGINAL_IMAGES):
        image = image_model.objects.select_related("collection").filter(file=path).first()
        return image, image.file if image else None
    if path.startswith(RENDITIONS):
        rendition_model = image_model.get_rendition_model()
        rendition = rendition_model.objects.select_related("image__collection").filter(file=path).first()
        return (rendition.image, rendition.file) if rendition else (None, None)
    return None, None


def may_see_image(request, image):
    if not request.user.is_authenticated:
        return False
    restrictions = image.collection.get_view_restrictions()
    if all(restriction.accept_request(request) for restriction in restrictions):
        return True
    policy = policy_registry.get_by_type(get_image_model())
    return policy.user_has_any_permission_for_instance(request.user, ["change", "choose"], image)


@require_safe
def serve_media(request, path):
    if "\x00" in path:
        raise Http404  # No file name holds a NUL byte, and PostgreSQL refuses to look one up.
    if path.startswith(DOCUMENTS):
        document = get_document_model().objects.filter(file=path).first()
        if document is None:
            raise Http404
        return redirect(document.url)

    image, file = find_image_file(path)
    if image is None:
        raise Http404
    if not may_see_image(request, image):
        raise PermissionDenied
    response = sendfile(request, file.path)
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    return response
