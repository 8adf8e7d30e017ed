"""The admin's list of every page's questions and comments, for Communications (the moderators).

Communications may hide or show any text (and see every one, hidden or not); nobody adds or deletes
here: readers write on the front end, and a text is hidden rather than deleted, so that its author
still sees it with the note. Access goes by role, not by model permissions: setup_roles keeps each
role's permission list complete (portal/roles.py) and portal never names this app's models.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from discussion import rules
from discussion.models import Comment
from portal import languages, roles

ACTIONS = {"view", "change"}
# How much of a text the list shows: enough to recognise it; the whole text is one click away.
EXCERPT_CHARS = 80


def label(field):
    """A column's heading: the field's translated name, capitalised as in Wagtail's own listings."""
    return capfirst(Comment._meta.get_field(field).verbose_name)


def excerpt(comment):
    return Truncator(comment.body).chars(EXCERPT_CHARS)


def language_name(comment):
    """The language named in the admin's language ("Danska"), as in the language choices elsewhere."""
    return languages.name(comment.language)


class ModeratorPolicy(BasePermissionPolicy):
    """Communications and superusers may list and change (hide, show) comments; nobody adds or deletes."""

    def user_has_permission(self, user, action):
        return action in ACTIONS and rules.is_moderator(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not ACTIONS & set(actions):
            return get_user_model().objects.none()
        moderators = Q(is_superuser=True) | Q(groups__name=roles.COMMUNICATIONS)
        return get_user_model().objects.filter(moderators, is_active=True).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class CommentStateForm(WagtailAdminModelForm):
    class Meta:
        model = Comment
        fields = ["state"]

    def save(self, commit=True):
        comment = self.instance
        hidden = comment.state == Comment.State.HIDDEN
        if "state" in self.changed_data:
            rules.set_hidden(comment, hidden, self.for_user)
            return comment
        return super().save(commit)


class CommentViewSet(ModelViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Questions and comments")
    add_to_admin_menu = True
    menu_order = 650
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["state"]
    list_filter = ["state", "language", "kind", "is_answer"]
    search_fields = ["body"]
    # The database's "contains", as for the taxonomy snippets (portal/wagtail_hooks.py).
    search_backend_name = None
    # At 390 px the text keeps a readable width (portal/admin.css's erfa-long-text) and the table scrolls
    # sideways in a box of its own (templates/discussion/admin/index_results.html) instead of the page.
    list_display = [
        TitleColumn(
            "body",
            label=label("body"),
            accessor=excerpt,
            url_name="discussion_comment:edit",
            classname="erfa-long-text",
        ),
        Column("page", label=label("page")),
        Column("author_name", label=label("author")),
        Column("kind", label=label("kind"), accessor="get_kind_display"),
        Column("language", label=label("language"), accessor=language_name),
        Column("state", label=label("state"), accessor="get_state_display"),
        DateColumn("created", label=label("created")),
    ]
    index_results_template_name = "discussion/admin/index_results.html"
    ordering = ["-created"]

    def get_form_class(self, for_update=False):
        return CommentStateForm

    def get_queryset(self, request):
        return Comment.objects.select_related("page", "author")
