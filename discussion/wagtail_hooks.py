from wagtail import hooks
from wagtail.permissions import register_permission_policy

from discussion.admin import CommentViewSet, ModeratorPolicy
from discussion.models import Comment

register_permission_policy(Comment, ModeratorPolicy(Comment))


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet("discussion_comment")
