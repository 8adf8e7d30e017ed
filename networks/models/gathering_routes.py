"""A gathering's own page, …/<network>/gatherings/<translation key>/, and the facilitator's word list.

Routes of the network page (RoutablePageMixin): Wagtail has applied the network's view restrictions
before they run. Both answers show the reader's own things (their answer, forms, hidden comments for a
facilitator), so they are marked never_cache and the page cache never shares them; the network page
itself stays cached. The rules live in networks/gatherings.py, the forms in networks/gathering_forms.py.
"""

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from caching.personal import personal
from networks import expectation_words, services
from networks import gatherings as rules
from networks.gathering_forms import AttendanceForm, CommentForm, ResponseForm
from networks.gathering_links import gathering_links
from networks.models.participation import GatheringComment, GatheringResponse, HiddenCloudWord
from portal.i18n import reader_page_url
from portal.numbers import whole_number

CLOUD_ROUTE = "cloud_words"
GATHERING_CALENDAR_ROUTE = "gathering_ics"
TEMPLATE = "networks/gatherings/gathering.html"


class GatheringRoutesMixin(RoutablePageMixin):
    def gathering_path(self, gathering):
        """The gathering's page below the network's own address ("gatherings/<key>/")."""
        return self.reverse_subpage(rules.GATHERING_ROUTE, args=[gathering.translation_key])

    def gathering_url(self, gathering, request=None):
        page_url = reader_page_url(self, request) if self.pk else None
        return page_url + self.gathering_path(gathering) if page_url else ""

    def _private_render(self, request, template, context, status=200):
        # Page.get_context only (page, request): the network page's own lists are not needed here.
        response = TemplateResponse(request, template, {**Page.get_context(self, request), **context}, status=status)
        personal(response)
        return response

    @path("gatherings/<uuid:key>/", name=rules.GATHERING_ROUTE)
    def gathering(self, request, key):
        gathering = rules.find(self, key)
        facilitator = rules.facilitates(request.user, self)
        forms, status = {}, 200
        if request.method == "POST":
            action = request.POST.get("action", "")
            handler = {
                "respond": self._post_response,
                "comment": self._post_comment,
                "attendance": self._post_attendance,
                "hide": self._post_hide,
                "show": self._post_hide,
            }.get(action)
            if handler is None:
                return HttpResponseRedirect(self.gathering_url(gathering, request))
            result = handler(request, gathering, facilitator)
            if isinstance(result, HttpResponseRedirect):
                return result
            forms, status = result
        context = self._gathering_context(request, gathering, facilitator, forms)
        return self._private_render(request, TEMPLATE, context, status)

    def _gathering_context(self, request, gathering, facilitator, forms):
        now = timezone.now()
        responses = list(rules.responses(gathering))
        own = next((row for row in responses if row.user_id == request.user.pk), None)
        coming = [row for row in responses if row.answer == GatheringResponse.Answer.COMING]
        attended = list(rules.attendees(gathering))
        comments = list(rules.comments(gathering, facilitator))
        items = rules.agenda_items(gathering)
        initial = {"answer": own.answer, "note": own.note, "expectations": own.expectations} if own else {}

        def comment_form(topic):
            # Only agenda comments name an item; minutes are discussed as a whole.
            offered = items if topic == GatheringComment.Topic.AGENDA else ()
            return forms.get(f"comment-{topic}") or CommentForm(initial={"topic": topic}, agenda_items=offered)

        attendance_form = forms.get("attendance")
        if attendance_form is None and facilitator and rules.has_started(gathering, now):
            # Built only for whom the template shows it: it costs its own queries of who comes and who attended.
            initial = {"present": [str(row.user_id) for row in attended]}
            attendance_form = AttendanceForm(initial=initial, people=rules.attendance_people(gathering))
        return {
            "gathering": gathering,
            "gathering_links": gathering_links(request, self, gathering),
            "network_url": reader_page_url(self, request),
            "gathering_url": self.gathering_url(gathering, request),
            "calendar_url": reader_page_url(self, request)
            + self.reverse_subpage(GATHERING_CALENDAR_ROUTE, args=[gathering.translation_key]),
            "cloud_url": reader_page_url(self, request) + self.reverse_subpage(CLOUD_ROUTE) if facilitator else "",
            "facilitator": facilitator,
            "started": rules.has_started(gathering, now),
            "ended": rules.has_ended(gathering, now),
            "own_response": own,
            "coming": coming,
            "declined": [row for row in responses if row.answer == GatheringResponse.Answer.DECLINED],
            "attended": attended,
            "answers_open": rules.answers_open(gathering, now),
            "response_form": forms.get("respond") or ResponseForm(initial=initial),
            "agenda_comments": [c for c in comments if c.topic == GatheringComment.Topic.AGENDA],
            "minutes_comments": [c for c in comments if c.topic == GatheringComment.Topic.MINUTES],
            "agenda_open": rules.comments_open(gathering, GatheringComment.Topic.AGENDA, now),
            "minutes_open": rules.comments_open(gathering, GatheringComment.Topic.MINUTES, now),
            "agenda_form": comment_form(GatheringComment.Topic.AGENDA),
            "minutes_form": comment_form(GatheringComment.Topic.MINUTES),
            "attendance_form": attendance_form,
        }

    def _post_response(self, request, gathering, facilitator):
        if not rules.may_take_part(request.user) or not rules.answers_open(gathering):
            raise PermissionDenied
        form = ResponseForm(request.POST)
        if not form.is_valid():
            return {"respond": form}, 400
        rules.respond(request.user, self, gathering, **form.cleaned_data)
        if form.cleaned_data["answer"] == GatheringResponse.Answer.COMING:
            messages.success(request, _("You are signed up for %(gathering)s.") % {"gathering": gathering.title})
        else:
            messages.success(request, _("You have declined %(gathering)s.") % {"gathering": gathering.title})
        return HttpResponseRedirect(self.gathering_url(gathering, request))

    def _post_comment(self, request, gathering, facilitator):
        topic = request.POST.get("topic", "")
        if topic not in GatheringComment.Topic.values:
            topic = GatheringComment.Topic.AGENDA
        if not rules.may_take_part(request.user) or not rules.comments_open(gathering, topic):
            raise PermissionDenied
        items = rules.agenda_items(gathering) if topic == GatheringComment.Topic.AGENDA else ()
        form = CommentForm(request.POST, agenda_items=items)
        key = f"comment-{topic}"
        if not form.is_valid():
            return {key: form}, 400
        if rules.is_rate_limited(request.user):
            form.add_error(
                None,
                _(
                    "You have written %(count)s comments in the last hour, which is as many as Erfa allows. "
                    "Your text is kept below: please send it a little later."
                )
                % {"count": rules.COMMENT_LIMIT},
            )
            return {key: form}, 429
        body, item = form.cleaned_data["body"], form.cleaned_data["agenda_item"]
        rules.add_comment(request.user, self, gathering, topic=topic, body=body, agenda_item=item)
        messages.success(request, _("Your comment has been published."))
        return HttpResponseRedirect(self.gathering_url(gathering, request) + f"#{topic}-comments")

    def _post_attendance(self, request, gathering, facilitator):
        if not facilitator or not rules.has_started(gathering):
            raise PermissionDenied
        form = AttendanceForm(request.POST, people=rules.attendance_people(gathering))
        if not form.is_valid():
            return {"attendance": form}, 400
        rules.record_attendance(self, gathering, form.attendees(), request.user)
        messages.success(request, _("The attendance has been saved."))
        return HttpResponseRedirect(self.gathering_url(gathering, request) + "#attendance")

    def _post_hide(self, request, gathering, facilitator):
        if not facilitator:
            raise PermissionDenied
        # Anything but a plain number names no comment, as an unknown number does.
        pk = whole_number(request.POST.get("comment", ""), default=0)
        comment = GatheringComment.objects.of_gathering(gathering).filter(pk=pk).first()
        if comment is None:
            return HttpResponseRedirect(self.gathering_url(gathering, request))
        hide = request.POST["action"] == "hide"
        rules.set_hidden(comment, hide, request.user)
        messages.success(request, _("The comment is hidden.") if hide else _("The comment is shown again."))
        return HttpResponseRedirect(self.gathering_url(gathering, request) + f"#comment-{comment.pk}")

    # Wagtail serves pages only at paths without dots: the .ics name is in the Content-Disposition.
    @path("gatherings/<uuid:key>/calendar/", name=GATHERING_CALENDAR_ROUTE)
    def gathering_ics(self, request, key):
        """One gathering for the reader's calendar, as in the network's feed (services.gatherings_calendar)."""
        gathering = rules.find(self, key)
        body = services.gatherings_calendar(self, [gathering], page_url=reader_page_url(self, request, full=True))
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        name = slugify(gathering.title) or slugify(pgettext("a calendar file's name", "gathering")) or "gathering"
        filename = f"{name}.ics"
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response

    @path("word-cloud/", name=CLOUD_ROUTE)
    def cloud_words(self, request):
        """The facilitator's list of the word cloud's entries, each with a button to hide or show it again."""
        if not rules.facilitates(request.user, self):
            raise PermissionDenied
        if request.method == "POST":
            phrase = request.POST.get("phrase", "").strip()
            if "\x00" in phrase:
                # Forms refuse NUL bytes, so no cloud entry holds one; PostgreSQL would refuse the lookup.
                raise BadRequest("A NUL byte in a word cloud phrase.")
            if phrase and request.POST.get("action") == "show":
                rules.show_cloud_word(self, phrase)
                messages.success(request, _("“%(phrase)s” is shown in the word cloud again.") % {"phrase": phrase})
            elif phrase:
                rules.hide_cloud_word(self, phrase, request.user)
                messages.success(request, _("“%(phrase)s” is hidden from the word cloud.") % {"phrase": phrase})
            return HttpResponseRedirect(reader_page_url(self, request) + self.reverse_subpage(CLOUD_ROUTE))
        hidden = list(HiddenCloudWord.objects.filter(network_key=self.translation_key).order_by("phrase"))
        responses = GatheringResponse.objects.cloud_of(self)
        entries = expectation_words.cloud_entries(self.expectations.all(), responses, limit=200)
        hidden_phrases = {row.phrase for row in hidden}
        context = {
            "entries": [entry for entry in entries if entry.phrase.casefold() not in hidden_phrases],
            "hidden": hidden,
            "network_url": reader_page_url(self, request),
            "cloud_url": reader_page_url(self, request) + self.reverse_subpage(CLOUD_ROUTE),
        }
        return self._private_render(request, "networks/gatherings/cloud_words.html", context)
