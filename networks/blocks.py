"""The blocks a network update's body offers: enough for news, conference blog posts and reports, no more."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe what the picture shows for people who cannot see it. Leave empty if it is decoration."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "networks/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("attribution"),
        required=False,
        max_length=150,
        help_text=_("Who said it: a role and workplace is enough, for example “Nurse, Tromsø home care”."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "networks/blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"), required=False, max_length=150, help_text=_("Leave empty to use the document’s own title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "networks/blocks/document_block.html"


class UpdateBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], icon="pilcrow"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    embed = EmbedBlock(
        label=_("Embed"), help_text=_("A link to a video or post, for example on YouTube or Vimeo."), icon="media"
    )
