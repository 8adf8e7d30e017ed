"""The network page's anchoring routes: record an example, and record how a unit took one up.

Wagtail routes …/examples/new/ and …/examples/<id>/anchor/ to these methods of the network page
(RoutablePageMixin), after the page's own view restrictions. The rules live in networks/anchoring.py.
Both answers are personal (a form for one reader), so they are never cached.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from caching.personal import personal_route
from networks import anchoring
from networks.anchoring_forms import AnchoringForm, ExampleForm
from networks.models.examples import Anchoring, Example
from portal.i18n import reader_language, reader_page_url
from portal.models import Organisation

EXAMPLE_ROUTE = "example_new"
ANCHOR_ROUTE = "example_anchor"


def _units(network, keys):
    """(key, name) of the given units, named in the network's language where the organisation has it."""
    names = {}
    for organisation in Organisation.objects.filter(translation_key__in=keys).order_by("pk"):
        if organisation.translation_key not in names or organisation.locale_id == network.locale_id:
            names[organisation.translation_key] = organisation.name
    return sorted(names.items(), key=lambda item: item[1].casefold())


class AnchoringRoutesMixin(RoutablePageMixin):
    def example_url(self, request=None):
        page_url = reader_page_url(self, request) if self.pk else None
        return page_url + self.reverse_subpage(EXAMPLE_ROUTE) if page_url else ""

    def anchor_url(self, example, request=None, unit_key=None):
        page_url = reader_page_url(self, request) if self.pk else None
        if not page_url:
            return ""
        url = page_url + self.reverse_subpage(ANCHOR_ROUTE, args=[example.pk])
        return f"{url}?unit={unit_key}" if unit_key else url

    def _back(self, request, anchor):
        return HttpResponseRedirect(f"{reader_page_url(self, request)}#{anchor}")

    @path("examples/new/", name=EXAMPLE_ROUTE)
    @personal_route
    def record_example(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not anchoring.may_record_example(request.user, self):
            raise PermissionDenied
        form = ExampleForm(request.POST or None, gatherings=self.gathering_list())
        if request.method == "POST" and form.is_valid():
            example = form.save(commit=False)
            example.network_key = self.translation_key
            example.gathering_key = form.cleaned_data["gathering"] or None
            example.language = reader_language()
            example.recorded_by = request.user
            example.save()
            messages.success(request, _("The example is recorded. Each member unit can now anchor it."))
            return self._back(request, f"example-{example.pk}")
        return self.render(request, template="networks/examples/example_form.html", context_overrides={"form": form})

    @path("examples/<int:example_id>/anchor/", name=ANCHOR_ROUTE)
    @personal_route
    def record_anchoring(self, request, example_id):
        example = Example.objects.filter(pk=example_id, network_key=self.translation_key).first()
        if example is None:
            raise Http404
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        own = anchoring.own_units(request.user, self)
        if not own:
            raise PermissionDenied
        asked = request.POST.get("unit") if request.method == "POST" else request.GET.get("unit")
        unit_key = next((key for key in own if str(key) == asked), None)
        if asked and unit_key is None:
            # Somebody else's unit: only its own spokespersons record for it.
            raise PermissionDenied
        units = _units(self, own)
        unit_key = unit_key or units[0][0]
        instance = Anchoring.objects.filter(example=example, unit_key=unit_key).first() or Anchoring(
            example=example, unit_key=unit_key
        )
        form = AnchoringForm(
            request.POST or None,
            instance=instance,
            units=units,
            link_pages=anchoring.link_choices(self, request),
            initial={"unit": str(unit_key)},
        )
        if request.method == "POST" and form.is_valid():
            saved = form.save(commit=False)
            saved.case_study_id = form.cleaned_data.get("case_study")
            saved.language = reader_language()
            saved.recorded_by = request.user
            saved.save()
            messages.success(request, _("Thank you. Your unit’s anchoring of the example is recorded."))
            return self._back(request, f"example-{example.pk}")
        return self.render(
            request,
            template="networks/examples/anchoring_form.html",
            context_overrides={"form": form, "example": example, "unit_name": dict(units)[unit_key]},
        )
