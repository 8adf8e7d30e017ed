"""Two menu items Wagtail and wagtail-localize label once per process, labelled again on each request.

Wagtail builds a menu's items the first time the menu is drawn in a process and keeps them for every
later request (wagtail/admin/menu.py: Menu.registered_menu_items is a cached_property). A label kept as
a lazy translation follows each editor's language; a label that was already plain text when the item
was built keeps the language of whoever opened the admin first. Two are plain text:

- wagtail-localize's "Translations" report (wagtail_localize/wagtail_hooks.py) is labelled with
  `gettext`, not `gettext_lazy`;
- Wagtail's "What's new in Wagtail 8.0" help item (wagtail/admin/wagtail_hooks.py) formats its lazy
  message with `%`, which translates it there and then.

So after a Swedish editor, a Danish or Dutch one read "Översättningar" and "Vad är nytt i Wagtail 8.0".
The construct_reports_menu and construct_help_menu hooks (registered in portal/wagtail_hooks.py) get each
request's own list of items; there each of the two is swapped for a copy labelled in the request's
language. The kept items themselves are left alone: another request may be drawing them at the same time.
"""

from django.urls import reverse
from django.utils.translation import gettext
from wagtail.utils.version import get_main_version

# Their messages (wagtail-localize's, Wagtail's and Erfa's admin catalogues translate them), held in names
# so that makemessages does not copy them into Erfa's own catalogues.
LOCALIZES_TRANSLATIONS = "Translations"
WAGTAILS_WHATS_NEW = "What's new in Wagtail %(version)s"


def relabelled(item, label, name):
    """A new item of the same kind, address, icon, order and attributes as `item`, under `label`.

    The name is given too: wagtail-localize made its report's name from the label, in the first editor's
    language.
    """
    return type(item)(
        label,
        item.url,
        name=name,
        classname=item.classname,
        icon_name=item.icon_name,
        attrs=dict(item.attrs),
        order=item.order,
    )


def translations_report_in_editors_language(request, items):
    url = reverse("wagtail_localize:translations_report")
    for index, item in enumerate(items):
        if item.url == url:
            items[index] = relabelled(item, gettext(LOCALIZES_TRANSLATIONS), "translations")


def whats_new_in_editors_language(request, items):
    version = get_main_version(include_patch=False)
    name = f"whats-new-in-wagtail-{version}"  # Wagtail's own name for the item, which its dismissal keeps
    for index, item in enumerate(items):
        if item.name == name:
            items[index] = relabelled(item, gettext(WAGTAILS_WHATS_NEW) % {"version": version}, name)
