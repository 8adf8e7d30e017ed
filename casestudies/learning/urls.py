"""The addresses of shared learnings, under every language prefix (registered in CaseStudiesConfig.ready)."""

from django.urls import path

from casestudies.learning import views

urlpatterns = [
    path("share/", views.share, name="share_learning"),
    path("share/autosave/", views.autosave, name="share_learning_autosave_new"),
    path("share/<int:pk>/", views.edit, name="share_learning_edit"),
    path("share/<int:pk>/autosave/", views.autosave, name="share_learning_autosave"),
    path("share/<int:pk>/delete/", views.delete, name="share_learning_delete"),
    path("contributions/", views.contributions, name="learning_contributions"),
]
