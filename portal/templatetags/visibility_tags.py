"""Templates ask the one visibility rule (portal.visibility) about a single page they would link to."""

from django import template

from portal.visibility import can_list

register = template.Library()


@register.filter
def listed_for(page, viewer):
    """`{% if item.network|listed_for:request %}`: whether the viewer may see the page named. No query."""
    return can_list(page, viewer)
