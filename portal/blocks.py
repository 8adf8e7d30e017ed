"""Blocks every section's stream offers: a quote, a figure and a document, defined once.

Their templates live in templates/portal/blocks/ and their styles in portal/static/portal/erfa.css.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("attribution"),
        max_length=150,
        required=False,
        help_text=_("A role and workplace rather than a name, for example “Team leader, Customer service”."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "portal/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    """A picture with an optional caption. Wagtail's ImageBlock asks for alternative text or "decorative"."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "portal/blocks/figure.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"), required=False, max_length=150, help_text=_("Leave empty to use the document’s own title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "portal/blocks/document.html"

