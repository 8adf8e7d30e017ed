"""Django's own form templates are rendered by Jinja2 (portal/form_renderer.py): readers get the same
markup as through Django's default renderer, with its errors and kept input; any other form template
(Wagtail's admin widgets) still goes through Django's template language."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.template.backends.django import Template as DjangoTemplate
from django.template.backends.jinja2 import Template as Jinja2Template
from wagtail.admin.widgets import SwitchInput

from accounts.forms import TokenForm
from discussion.forms import AnswerForm, CommentForm
from feedback.forms import ReportForm, UsefulVoteForm
from methods.forms import RatingForm
from networks.gathering_forms import AttendanceForm, ResponseForm
from networks.gathering_forms import CommentForm as GatheringCommentForm
from networks.teams.forms import DecisionForm
from people.forms import ContactMessageForm
from portal.form_renderer import FormRenderer
from tests.utils import same_markup

pytestmark = pytest.mark.portal

READERS_FORMS = [
    CommentForm,
    AnswerForm,
    UsefulVoteForm,
    ReportForm,
    RatingForm,
    ContactMessageForm,
    TokenForm,
    ResponseForm,
    AttendanceForm,
    GatheringCommentForm,
    DecisionForm,
]


def markup(form):
    """The form as a page shows it (the whole form, then each field as a group), as a browser reads it."""
    return same_markup(str(form) + "".join(str(field.as_field_group()) for field in form))


def test_erfa_renders_forms_with_its_renderer():
    assert isinstance(get_default_renderer(), FormRenderer)


TYPED = {"body": "Kept <b>\"input\"</b> & 'more'", "score": "9", "message": "x" * 5}


@pytest.mark.parametrize("form_class", READERS_FORMS, ids=lambda form: f"{form.__module__}.{form.__name__}")
@pytest.mark.parametrize("data", [None, {}, TYPED], ids=["unbound", "empty", "typed"])
def test_every_readers_form_has_the_markup_djangos_default_renderer_gives(form_class, data):
    theirs, ours = form_class(data=data, renderer=DjangoTemplates()), form_class(data=data, renderer=FormRenderer())
    if data is not None:
        theirs.is_valid(), ours.is_valid()
    assert markup(ours) == markup(theirs)
    assert "<label" in markup(ours)


def test_errors_and_kept_input_come_through_escaped():
    form = CommentForm(data={"body": 'Kept <script>alert("x")</script>', "kind": "nonsense"}, renderer=FormRenderer())
    assert not form.is_valid()
    html = markup(form)
    assert "Kept &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html  # the reader's words kept
    assert 'class="errorlist' in html
    assert "<script>" not in html


def test_djangos_own_templates_go_to_jinja2_and_others_to_djangos_engine():
    renderer = FormRenderer()
    assert isinstance(renderer.get_template("django/forms/widgets/radio.html"), Jinja2Template)
    assert isinstance(renderer.get_template("wagtailadmin/widgets/switch.html"), DjangoTemplate)

    class AdminLike(forms.Form):
        enabled = forms.BooleanField(widget=SwitchInput(), required=False)

    html = str(AdminLike(renderer=renderer))
    assert 'class="switch' in html and 'name="enabled"' in html
