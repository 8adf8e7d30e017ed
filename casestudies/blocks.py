"""The story of what was done: text, milestones along the way, the odd picture and a voice from the team."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

STORY_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class MilestoneBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    when = blocks.CharBlock(
        label=_("when"),
        max_length=60,
        required=False,
        help_text=_("Free text, for example “Spring 2023” or “Third training day”."),
    )
    description = blocks.RichTextBlock(label=_("what happened"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "flag"
        label = _("Milestone")
        template = "casestudies/blocks/milestone.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "casestudies/blocks/figure.html"


class StoryQuoteBlock(blocks.StructBlock):
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
        template = "casestudies/blocks/quote.html"


class WhatWasDoneBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=STORY_FEATURES, icon="pilcrow")
    milestone = MilestoneBlock()
    image = FigureBlock()
    quote = StoryQuoteBlock()
