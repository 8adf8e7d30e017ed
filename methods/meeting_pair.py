"""A shareable template's before/after *pair*: the structured fields of a meeting's two forms.

The template page owns the definition (it is where templates live); the meetings app reads it to build
its forms. Labels and help texts are content, translated with the page by wagtail-localize (CharBlock);
the part, kind and carry-over are synchronised (ChoiceBlock, BooleanBlock), and every language version
keeps the same block ids. A meeting stores its answers by block id, so a series started from one
language version reads its labels in any other.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

BEFORE, AFTER = "before", "after"
TEXT, LIST = "text", "list"
PART_CHOICES = [(BEFORE, _("Before the meeting")), (AFTER, _("After the meeting"))]
KIND_CHOICES = [(TEXT, _("Text")), (LIST, _("List, one item per line"))]
# Which of the three reflection questions of "Share a learning" an "after" field answers.
SHARES_AS_CHOICES = [
    ("best", _("What do we do best when this happens?")),
    ("learn", _("What can we learn from it?")),
    ("keep_and_develop", _("What do we keep, and what do we develop, next time?")),
]


class MeetingFieldBlock(blocks.StructBlock):
    part = blocks.ChoiceBlock(choices=PART_CHOICES, default=BEFORE, label=_("Form"))
    label = blocks.CharBlock(max_length=120, label=_("Label"))
    help_text = blocks.CharBlock(max_length=300, required=False, label=_("Help text"))
    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, default=TEXT, label=_("Kind"))
    carries_over = blocks.BooleanBlock(
        required=False,
        label=_("Carries over"),
        help_text=_("An “after” list whose items open the next meeting's “before” form, such as next steps."),
    )

    shares_as = blocks.ChoiceBlock(
        choices=SHARES_AS_CHOICES,
        required=False,
        label=_("In “Share a learning”"),
        help_text=_("The reflection question an “after” field answers when a meeting's learning is shared."),
    )

    class Meta:
        icon = "form"
        label = _("Field")


class MeetingPairBlock(blocks.StreamBlock):
    field = MeetingFieldBlock()


def pair_fields(stream):
    """[{key, part, label, help_text, kind, carries_over}] of a pair's stream value, in order."""
    return [
        {
            "key": child.id,
            "part": child.value["part"],
            "label": child.value["label"],
            "help_text": child.value["help_text"],
            "kind": child.value["kind"],
            "carries_over": bool(child.value["carries_over"]) and child.value["part"] == AFTER,
            "shares_as": (child.value.get("shares_as") or "") if child.value["part"] == AFTER else "",
        }
        for child in stream or []
        if child.block_type == "field"
    ]


def is_pair(fields):
    return {field["part"] for field in fields} == {BEFORE, AFTER}
