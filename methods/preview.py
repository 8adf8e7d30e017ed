"""A short plain-text preview of a template file: the first page of a PDF, or the start of a text document.

Made once per file, in the background: saving a document (an upload in the admin, a replaced file)
and publishing a template page enqueue `store_document_preview`; production's task worker runs it,
development and tests at once. Page views read the stored text (`document_preview`), never the file.

Anything that goes wrong while reading an uploaded file means "no preview", never an error page:
the files come from many editors and some will be damaged, encrypted or mislabelled.
"""

import hashlib
import io
import logging
import re
import zipfile

from defusedxml import ElementTree
from django.core.cache import cache
from django.tasks import task
from pypdf import PdfReader
from wagtail.documents import get_document_model

from methods.documents import file_extension
from methods.models.preview import DocumentPreview

logger = logging.getLogger(__name__)

EXCERPT_LENGTH = 700
# Bigger files are left to the download.
MAX_FILE_BYTES = 10 * 1024 * 1024
# A preview is made once, by a task, when the document is saved (store_document_preview), and stored on
# methods.DocumentPreview under the file's identity; a page view reads the stored text and never the file.
# The cache keeps a read preview (or the finding that there is none) so a warm view costs no query.
# A replaced file has another name, hash and size, hence another identity and key.
CACHE_SECONDS = 7 * 24 * 60 * 60
NO_PREVIEW = ""
MAX_XML_BYTES = 5 * 1024 * 1024

WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class UnpreviewableFile(Exception):
    pass


def _zip_member(data, name):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
        # A small archive can unpack to gigabytes; refuse before reading.
        if info.file_size > MAX_XML_BYTES:
            raise UnpreviewableFile(f"{name} is too large to preview")
        return archive.read(info)


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted or not reader.pages:
        return ""
    return reader.pages[0].extract_text() or ""


def docx_text(data):
    root = ElementTree.fromstring(_zip_member(data, "word/document.xml"))
    paragraphs = ("".join(node.text or "" for node in p.iter(f"{WORD_NS}t")) for p in root.iter(f"{WORD_NS}p"))
    return "\n\n".join(paragraphs)


def odt_text(data):
    root = ElementTree.fromstring(_zip_member(data, "content.xml"))
    blocks = (f"{ODF_TEXT_NS}p", f"{ODF_TEXT_NS}h")
    return "\n\n".join("".join(node.itertext()) for node in root.iter() if node.tag in blocks)


def plain_text(data):
    if b"\x00" in data[:4096]:
        raise UnpreviewableFile("binary data in a text file")
    return data.decode("utf-8-sig")


EXTRACTORS = {"pdf": pdf_text, "docx": docx_text, "odt": odt_text, "txt": plain_text, "md": plain_text}


def excerpt(text, length=EXCERPT_LENGTH):
    paragraphs = [re.sub(r"\s+", " ", part).strip() for part in re.split(r"\n\s*\n|\n", text)]
    text = "\n\n".join(part for part in paragraphs if part)
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0].rstrip(" ,.;:")
    return f"{cut} …"


def file_identity(document):
    """The document's file as the database describes it: no file is opened to make it."""
    identity = f"{document.pk}:{document.file.name}:{document.file_hash}:{document.file_size}"
    return hashlib.sha256(identity.encode()).hexdigest()


def preview_cache_key(document):
    return "erfa:methods:preview:v2:" + file_identity(document)


def forget_cached_preview(document):
    cache.delete(preview_cache_key(document))


def document_preview(document):
    """The stored plain-text excerpt of the document, or None when there is none (yet).

    Never reads the file: a preview not stored yet (a file saved before previews were stored) is
    queued for the task worker, and the page shows it from then on.
    """
    if EXTRACTORS.get(file_extension(document)) is None:
        return None
    key = preview_cache_key(document)
    cached = cache.get(key)
    if cached is None:
        identity = file_identity(document)
        stored = DocumentPreview.objects.filter(document_id=document.pk, identity=identity).first()
        if stored is None:
            store_document_preview.enqueue(document.pk)
            stored = DocumentPreview.objects.filter(document_id=document.pk, identity=identity).first()
            if stored is None:
                return None  # The worker has not made it yet: nothing cached, so the next view looks again.
        cached = stored.text or NO_PREVIEW
        cache.set(key, cached, CACHE_SECONDS)
    return cached or None


def extract_preview(document, extractor):
    try:
        with document.open_file() as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return None
        text = excerpt(extractor(data))
    except Exception:  # noqa: BLE001 - pypdf and the XML parser raise many kinds; any of them means "no preview".
        logger.warning("No preview for document %s (%s)", document.pk, document.filename, exc_info=True)
        return None
    return text or None


@task()
def store_document_preview(document_id):
    """Read and parse the document's file once; store the preview (or that there is none)."""
    document = get_document_model().objects.filter(pk=document_id).first()
    extractor = EXTRACTORS.get(file_extension(document)) if document is not None else None
    if extractor is None:
        return
    identity = file_identity(document)
    if DocumentPreview.objects.filter(document_id=document_id, identity=identity).exists():
        return
    text = extract_preview(document, extractor) or ""
    DocumentPreview.objects.update_or_create(document_id=document_id, defaults={"identity": identity, "text": text})
    forget_cached_preview(document)


def on_document_saved(sender, instance, **kwargs):
    """post_save of the document model: a new or replaced file gets its preview made."""
    if instance.file and EXTRACTORS.get(file_extension(instance)) is not None:
        store_document_preview.enqueue(instance.pk)


def on_template_published(sender, instance, **kwargs):
    """page_published of a template page: files saved before previews were stored get theirs."""
    for document_id in instance.files.exclude(document=None).values_list("document_id", flat=True):
        store_document_preview.enqueue(document_id)
