from django.urls import path

from feedback import views

urlpatterns = [
    path("feedback/<int:page_id>/useful/", views.vote, name="feedback_vote"),
    path("feedback/<int:page_id>/report/", views.report, name="feedback_report"),
]
