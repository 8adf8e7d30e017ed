"""The network page's URLs for its teams, plans and reports (networks/teams/ holds the views' logic)."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from networks.teams import pages, plan_pages


class TeamRoutesMixin(RoutablePageMixin):
    @path("teams/", name=pages.TEAMS_ROUTE)
    def teams(self, request):
        return pages.teams_page(self, request)

    @path("teams/<int:team_id>/", name=pages.TEAM_ROUTE)
    def team(self, request, team_id):
        return pages.team_page(self, request, team_id)

    @path("teams/<int:team_id>/<str:kind>/", name=pages.PLAN_ROUTE)
    def team_plan(self, request, team_id, kind):
        return plan_pages.plan_page(self, request, team_id, kind)

    @path("teams/<int:team_id>/<str:kind>/versions/<int:number>/", name=pages.VERSION_ROUTE)
    def team_plan_version(self, request, team_id, kind, number):
        return plan_pages.version_page(self, request, team_id, kind, number)

    # Wagtail serves pages only at paths without dots: the format is a step of the path.
    @path("teams/<int:team_id>/<str:kind>/versions/<int:number>/<str:file_format>/", name=pages.EXPORT_ROUTE)
    def team_plan_export(self, request, team_id, kind, number, file_format):
        return plan_pages.export(self, request, team_id, kind, number, file_format)
