"""The closing evaluation of a network: who may answer, the form, and the figures.

A network has ended once its `ends_on` date has come (NetworkPage.has_ended). Its members then answer:
the users linked to the network in any of its languages, that is

- the facilitators (their profile's user),
- the spokespersons (their profile's user),
- and the followers (networks/following.py), the employees who took part without a named role.

A profile counts in every language: the rows of a translated page point at the source language's
profile, whose translations may carry the user. Inactive users never answer.
"""

from dataclasses import dataclass, field
from statistics import mean

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models.evaluation import SCALE, NetworkEvaluation
from networks.models.follow import NetworkFollow
from networks.models.inlines import NetworkFacilitator, NetworkSpokesperson
from people.models import ResourcePersonPage
from portal.together import Part

EVALUATION_ROUTE = "evaluation"
RESULTS_ROUTE = "evaluation_results"


def member_users(network):
    """The active users who may answer `network`'s evaluation (see the module's docstring)."""
    return member_users_of_key(network.translation_key)


def member_users_of_key(key):
    named = ResourcePersonPage.objects.filter(
        Q(pk__in=NetworkFacilitator.objects.filter(page__translation_key=key).values("person_id"))
        | Q(pk__in=NetworkSpokesperson.objects.filter(page__translation_key=key).values("person_id"))
    )
    profiles = ResourcePersonPage.objects.filter(
        translation_key__in=named.values("translation_key"), user__isnull=False
    ).values("user_id")
    followers = NetworkFollow.objects.filter(network__translation_key=key).values("user_id")
    return get_user_model().objects.filter(Q(pk__in=profiles) | Q(pk__in=followers), is_active=True)


def is_member(user, network):
    return is_member_of_key(user, network.translation_key)


def is_member_of_key(user, key):
    if user is None or not user.is_authenticated:
        return False
    return member_users_of_key(key).filter(pk=user.pk).exists()


def may_answer(user, network):
    """Members of a network that has ended."""
    return network.has_ended() and is_member(user, network)


def may_see_results(user, network):
    """The network's facilitators, and superusers."""
    return may_see_results_of_key(user, network.translation_key)


def may_see_results_of_key(user, key):
    if user is None or not user.is_authenticated:
        return False
    profiles = ResourcePersonPage.objects.filter(user=user).values("translation_key")
    return (
        user.is_superuser
        or NetworkFacilitator.objects.filter(page__translation_key=key, person__translation_key__in=profiles).exists()
    )


def reader_role(user, network):
    """What the network page offers the reader once the network has ended: (may answer, may see results)."""
    if not network.has_ended():
        return (False, False)
    return reader_role_of_key(user, network.translation_key)


def reader_role_of_key(user, key):
    if user is None or not user.is_authenticated:
        return (False, False)
    return (is_member_of_key(user, key), may_see_results_of_key(user, key))


def answers(network):
    return NetworkEvaluation.objects.filter(network_key=network.translation_key)


def answer_of(user, network):
    return answers(network).filter(user=user).first() if user.is_authenticated else None


def answers_part(network):
    """The scores of `network`'s answers, for the page's one query (portal.together); none before the end."""
    if not network.pk or not network.has_ended():
        return Part([])
    return Part(answers(network), ("would_join_again",))


@dataclass
class Aggregate:
    count: int = 0
    mean: float | None = None
    # [(score, how many gave it, share in per cent)], 1 to 5, zeros included.
    distribution: list = field(default_factory=list)


def aggregate(scores):
    scores = [score for score in scores if score in SCALE]
    if not scores:
        return Aggregate(distribution=[(score, 0, 0) for score in SCALE])
    counts = [(score, scores.count(score)) for score in SCALE]
    return Aggregate(
        count=len(scores),
        mean=round(mean(scores), 1),
        distribution=[(score, n, round(100 * n / len(scores))) for score, n in counts],
    )


SCALE_LABELS = {
    1: _("1 – certainly not"),
    2: _("2 – probably not"),
    3: _("3 – maybe"),
    4: _("4 – probably"),
    5: _("5 – certainly"),
}


class EvaluationForm(forms.ModelForm):
    would_join_again = forms.TypedChoiceField(
        label=_("Would you join a network like this again?"),
        choices=[(score, SCALE_LABELS[score]) for score in SCALE],
        coerce=int,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = NetworkEvaluation
        fields = ["what_worked", "what_to_change", "would_join_again"]
        labels = {"what_worked": _("What worked well?"), "what_to_change": _("What should be done differently?")}
        widgets = {
            "what_worked": forms.Textarea(attrs={"rows": 5}),
            "what_to_change": forms.Textarea(attrs={"rows": 5}),
        }
