from django.urls import path

from discussion import views

app_name = "discussion"

urlpatterns = [
    path("discussion/<int:page_id>/", views.page_discussion, name="page"),
]
