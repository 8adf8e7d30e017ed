"""Page permissions asked of the specific page, where Wagtail holds a plain `Page`.

Page models narrow or widen who may edit them through `permissions_for_user` (people/permissions.py:
resource persons edit their own case studies and templates, facilitators their own networks). Wagtail
asks that of the page it holds; its copy and move views and its page bulk actions hold a plain `Page`,
whose answer is only the group grants. These views and the `before_bulk_action` hook ask the specific
page as well, so every way to change a page follows the same rule. (The grants alone already refuse
what the specific rule refuses, since writers hold only "add": this is the second lock on the door.)
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages import copy, move
from wagtail.models import Page


def specific_permissions(page, user):
    return page.specific_deferred.permissions_for_user(user)


class CopyView(copy.CopyView):
    def dispatch(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, id=page_id)
        if not specific_permissions(page, request.user).can_copy():
            raise PermissionDenied
        return super().dispatch(request, page_id, *args, **kwargs)

    def post(self, request, page_id, *args, **kwargs):
        destination = Page.objects.filter(id=request.POST.get("new_parent_page") or None).first()
        if destination is not None and not specific_permissions(destination, request.user).can_add_subpage():
            raise PermissionDenied
        return super().post(request, page_id, *args, **kwargs)


class MoveChooseDestinationView(move.MoveChooseDestinationView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not specific_permissions(self.page_to_move, request.user).can_move():
            raise PermissionDenied


def check_page_bulk_action(request, action_type, objects, action):
    """Refuse a bulk action on pages if the specific page refuses it to this user."""
    pages = [obj for obj in objects if isinstance(obj, Page)]
    destination = None
    if action_type == "move":
        destination = action.cleaned_form.cleaned_data.get("chooser")
        destination = destination.specific_deferred if destination is not None else None
    for page in pages:
        if not action.check_perm(page.specific_deferred):
            return permission_denied(request)
        if destination is not None and not specific_permissions(page, request.user).can_move_to(destination):
            return permission_denied(request)
    return None
