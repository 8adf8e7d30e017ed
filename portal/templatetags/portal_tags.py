from django import template

from portal.i18n import language_links

register = template.Library()


@register.inclusion_tag("portal/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    if request is None:
        return {"links": []}
    return {"links": language_links(request, context.get("page"))}
