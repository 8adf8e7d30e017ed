"""The blocks a network update's body offers: enough for news, conference blog posts and reports, no more."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from portal.blocks import DocumentBlock, FigureBlock, QuoteBlock


class UpdateBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], icon="pilcrow"
    )
    image = FigureBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    embed = EmbedBlock(
        label=_("Embed"), help_text=_("A link to a video or post, for example on YouTube or Vimeo."), icon="media"
    )
