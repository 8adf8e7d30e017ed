from django import template
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page

from portal import compiled, fragments, markup, sites
from portal.i18n import LANGUAGE_NAMES, language_links, page_address, page_translations, reader_page_url
from portal.languages import autonym, name_in_sentence
from portal.page_parts import render_page_parts
from portal.renditions import CARD_IMAGE_SPEC
from portal.visibility import visibility_key, visible_to

register = template.Library()


@register.simple_tag(takes_context=True)
def reader_pageurl(context, page):
    """`{% reader_pageurl page %}`: the page's URL under the reader's language prefix, whatever its language.

    Use it for every link to a page, instead of Wagtail's `pageurl`: a page that has no version in
    the reader's language opens inside the reader's interface with the fallback notice, instead of
    switching the whole interface to the page's language (portal.i18n.reader_url).
    """
    return reader_page_url(page, context.get("request"))


# One Filter for the whole process: Wagtail's {% image %} makes and parses a new one on every render.
_CARD_IMAGE_FILTER = Filter(spec=CARD_IMAGE_SPEC)
_CARD_IMAGE_ATTRIBUTES = {"class": "card__image", "alt": "", "loading": "lazy"}


@register.simple_tag
def card_image(image):
    """`{% card_image item.image %}`: a card's picture (case studies, networks, methods), drawn as Wagtail's
    `{% image image fill-480x270 class="card__image" alt="" loading="lazy" %}` draws it, from the renditions
    read with the cards (portal.renditions). Decorative, since the card's title is its link text."""
    if not image:
        return ""
    return get_rendition_or_not_found(image, _CARD_IMAGE_FILTER).img_tag(_CARD_IMAGE_ATTRIBUTES)


_TOPIC_TAGS = {"span": '<span class="tag">{}</span>', "li": '<li class="tag">{}</li>'}


@register.simple_tag
def topic_tags(topics, element="span"):
    """`{% topic_tags topics %}` (or `"li"` inside a list): each topic's name as a tag. Cards, profiles and
    pages list their topics so; a loop of template tags cost a card of three topics more than its title."""
    return markup.html_join("", _TOPIC_TAGS[element], ((topic.name,) for topic in topics))


def _translations(context):
    """Look the page's translations up once per request, however many tags ask, and once for all
    readers while nothing is published, moved or deleted (portal.fragments): they are the same for all."""
    if "_page_translations" not in context.render_context:
        page = context.get("page")
        pk = getattr(page, "pk", None)
        translations = fragments.shared(("page-translations", pk), lambda: page_translations(page)) if pk else {}
        context.render_context["_page_translations"] = translations
    return context.render_context["_page_translations"]


@register.inclusion_tag("portal/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    if request is None:
        return {"links": []}
    page = context.get("page")
    translations = _translations(context) if page else None
    return {"links": language_links(request, page, translations, page_view=context.get("page_view"))}


@register.inclusion_tag("portal/includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """The canonical URL, hreflang links to every existing translation, and x-default to the English or source version.

    All are the versions' own URLs: a page shown under the reader's prefix because it has no version
    in their language (/sv/nb/…) names its real address (/nb/…) as the canonical one.
    """
    request = context.get("request")
    translations = _translations(context)
    page = context.get("page")
    if request is None or not translations:
        return {"alternates": [], "default": None, "canonical": None}
    alternates = [(code, page_address(version, request, full=True)) for code, version in translations.items()]
    default = translations.get("en") or next(iter(translations.values()))
    return {
        "alternates": alternates,
        "default": page_address(default, request, full=True),
        "canonical": page_address(page, request, full=True) if page is not None else None,
    }


@register.simple_tag(takes_context=True)
def page_language(context):
    """The language code of the page being shown, read from the translations already fetched."""
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return get_language()
    for code, translation in _translations(context).items():
        if translation.pk == page.pk:
            return code
    return page.locale.language_code


@register.inclusion_tag("portal/includes/fallback_notice.html", takes_context=True)
def fallback_notice(context):
    """Tell a reader when the page is shown in another language than the one they asked for."""
    page = context.get("page")
    wanted = get_language()
    shown = page_language(context)
    if page is None or shown == wanted:
        return {"show": False}
    translations = _translations(context)
    request = context.get("request")
    return {
        "show": True,
        # Named mid-sentence in the reader's language: "…finns inte på svenska än. Den visas på norska."
        "wanted_name": name_in_sentence(wanted),
        "shown_code": shown,
        "shown_name": name_in_sentence(shown),
        # The versions there are, each at its own address and named in itself, like the language
        # switcher's: choosing one is choosing to read Erfa in that language.
        "versions": [(code, LANGUAGE_NAMES.get(code, code), p.get_url(request)) for code, p in translations.items()],
    }


@register.inclusion_tag("portal/includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The sections under the home page that the reader may see, in the reader's language, from one query.

    The same for every reader of one language and permission class: read once for them all while
    nothing changes (portal.fragments), never shared with another class, which may see other sections.
    """
    request = context.get("request")
    language = get_language()

    def sections():
        def build():
            pages = Page.objects.filter(depth=3, show_in_menus=True, locale__language_code=language)
            pages = visible_to(pages, request).order_by("path")
            return pages.only("id", "title", "url_path", "path", "depth", "locale_id")

        pages = compiled.rows(("main-navigation", language, visibility_key(request)), build)
        sites.for_request(request)
        return [(page.title, page_address(page, request), page.path) for page in pages]

    host = request.get_host() if request is not None else None
    current = context.get("page")
    return {
        "sections": [
            (title, url, current is not None and current.path.startswith(path))
            for title, url, path in fragments.shared(("main-navigation", language, host), sections, request)
        ]
    }


@register.simple_tag(takes_context=True)
def may_edit_content(context):
    """Whether the reader may open Wagtail's admin (the header's "Edit content" link).

    One query of one row, where `perms.wagtailadmin.access_admin` loads every permission the user has,
    through their groups and their own, in two; a request that already loaded them asks no more. The
    answer is the same for the reader's whole permission class, so it is kept for it (portal.fragments).
    """
    user = context.get("user")
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    request = context.get("request")

    def may_edit():
        if user.is_superuser or hasattr(user, "_perm_cache"):
            return user.has_perm("wagtailadmin.access_admin")
        # The SQL names the user and nothing else: compiled once per process (portal.compiled).
        found = compiled.rows(
            ("may-edit-content", user.pk),
            lambda: Permission.objects.filter(
                Q(user=user) | Q(group__user=user), content_type__app_label="wagtailadmin", codename="access_admin"
            ).values_list("pk", flat=True)[:1],
        )
        return bool(found)

    if request is None or getattr(request, "user", None) != user:
        return may_edit()
    return fragments.shared(("may-edit-content",), may_edit, request)


# Messages that belong to one part of a page (extra_tags="rating", say) are shown there, where the reader
# is after a redirect to that part's #anchor, and not at the top of the page, out of view.
@register.filter
def messages_tagged(messages, tag):
    return [message for message in messages or () if tag in message.tags.split()]


@register.filter
def messages_not_tagged(messages, tag):
    return [message for message in messages or () if tag not in message.tags.split()]


@register.filter
def language_in_sentence(code):
    """`{{ code|language_in_sentence }}`: "norska" in a Swedish sentence or e-mail, "Norwegian Bokmål" in an
    English one (portal.languages). Not Wagtail's locale display name: "Norska (bokmål)" in brackets of its own."""
    return name_in_sentence(code)


@register.filter
def language_autonym(code):
    """`{{ code|language_autonym }}`: "Norsk bokmål", the one name of a language in markers (portal.languages)."""
    return autonym(code)


@register.simple_tag
def language_marker(item):
    """`{% language_marker item %}`: " (Norsk bokmål)", with its lang, after the title of something not in
    the reader's language; nothing for one in it. A tag, not an include: a listing shows one per row."""
    code = item.locale.language_code
    if code == get_language():
        return ""
    return markup.html(' <span class="language-marker" lang="{}">({})</span>', code, autonym(code))


@register.simple_tag(takes_context=True)
def page_parts(context):
    """`{% page_parts %}`: what the apps above add at the end of a content page (portal.page_parts)."""
    return render_page_parts(context.get("request"), context.get("page"), context.flatten())


class SharedPartNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        page, request = context.get("page"), context.get("request")
        if page is None or getattr(page, "pk", None) is None:
            return self.nodelist.render(context)
        html = fragments.for_page(page, request, f"html:{self.name}", lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 - the template's own output, rendered and escaped above.


@register.tag("shared_part")
def shared_part(parser, token):
    """`{% shared_part "members" %}…{% end_shared_part %}`: a part of the page's template rendered once per
    page, language and permission class, and kept with the page's shared lists (portal.fragments.for_page;
    never for a preview). Only for markup the same for every reader of one class: no form (its CSRF token
    is the reader's), no name, nothing the reader did (a follow, a score, their units)."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][:1] not in {'"', "'"} or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Use {% shared_part "name" %}…{% end_shared_part %}.')
    nodelist = parser.parse(("end_shared_part",))
    parser.delete_first_token()
    return SharedPartNode(bits[1][1:-1], nodelist)
