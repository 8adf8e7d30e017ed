"""The network page's closing-evaluation URLs (networks/evaluation.py has the rules)."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from networks import evaluation_views
from networks.evaluation import EVALUATION_ROUTE, RESULTS_ROUTE


class EvaluationRoutesMixin(RoutablePageMixin):
    @path("evaluation/", name=EVALUATION_ROUTE)
    def evaluation_form(self, request):
        return evaluation_views.answer(self, request)

    @path("evaluation/results/", name=RESULTS_ROUTE)
    def evaluation_results(self, request):
        return evaluation_views.results(self, request)

    def evaluation_url(self, request=None):
        return evaluation_views.page_url(self, request, EVALUATION_ROUTE) if self.pk else ""

    def evaluation_results_url(self, request=None):
        return evaluation_views.page_url(self, request, RESULTS_ROUTE) if self.pk else ""
