from django.urls import include, path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.my_series, name="my_series"),
    path("start/<int:template_id>/", views.start, name="start"),
    path("<int:series_id>/", views.series_page, name="series"),
    path("<int:series_id>/<int:meeting_id>/", views.meeting_page, name="meeting"),
    path("<int:series_id>/<int:meeting_id>/share/", views.share_learning, name="share"),
    path("<int:series_id>/<int:meeting_id>/export.<str:kind>", views.export, name="export"),
    path("<int:series_id>/<int:meeting_id>/<str:part>/", views.part_page, name="part"),
]


def patterns():
    return [path("meetings/", include((urlpatterns, app_name)))]
