"""A short plain-text preview of a template file: the first page of a PDF, or the start of a text document.

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
from pypdf import PdfReader

from methods.documents import file_extension

logger = logging.getLogger(__name__)

EXCERPT_LENGTH = 700
# Previews are made while the page renders; bigger files are left to the download.
MAX_FILE_BYTES = 10 * 1024 * 1024
# A made preview (or the finding that there is none) is kept in the cache under the file's identity, so a
# page view reads and parses each file once, not on every view. A replaced file has another name, hash
# and size, hence another key: the old entry is never read again and expires.
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


def preview_cache_key(document):
    """The document's file as the database describes it: no file is opened to make the key."""
    identity = f"{document.pk}:{document.file.name}:{document.file_hash}:{document.file_size}"
    return "erfa:methods:preview:v1:" + hashlib.sha256(identity.encode()).hexdigest()


def document_preview(document):
    """A plain-text excerpt of the document, or None when there is nothing to show."""
    extractor = EXTRACTORS.get(file_extension(document))
    if extractor is None:
        return None
    key = preview_cache_key(document)
    cached = cache.get(key)
    if cached is None:
        cached = extract_preview(document, extractor) or NO_PREVIEW
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
