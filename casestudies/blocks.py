"""The story of what was done: text, milestones along the way, the odd picture and a voice from the team."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import FigureBlock, QuoteBlock

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


class WhatWasDoneBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=STORY_FEATURES, icon="pilcrow")
    milestone = MilestoneBlock()
    image = FigureBlock()
    quote = QuoteBlock()
