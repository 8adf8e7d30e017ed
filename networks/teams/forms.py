"""The front-end forms of teams and plans. They keep what was typed when something is wrong."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from networks.models.plans import Kind
from networks.models.teams import Team
from portal.numbers import whole_number

EXTRA_ACTION_ROWS = 2


class UserChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class ManagerChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


def people():
    return get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "username")


class TeamMembersForm(forms.ModelForm):
    """What the team's own members keep current."""

    members = UserChoice(
        label=_("Members"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("3 to 5 people."),
    )

    class Meta:
        model = Team
        fields = ["focus_area", "members"]
        widgets = {"focus_area": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = people()

    def clean_members(self):
        members = self.cleaned_data["members"]
        Team.check_member_count(members)
        return members


class TeamForm(TeamMembersForm):
    """What the network's facilitators set up: everything."""

    manager = ManagerChoice(label=_("Manager"), queryset=None)

    class Meta(TeamMembersForm.Meta):
        fields = ["name", "organisation", "manager", "focus_area", "members"]
        labels = {"organisation": _("Unit")}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["manager"].queryset = people()


class PlanForm(forms.Form):
    """A plan's or report's fields; planned actions as rows of action, owner and due date."""

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        model = type(plan)
        for name in plan.fields:
            if name == "actions":
                continue
            self.fields[name] = forms.CharField(
                label=model._meta.get_field(name).verbose_name.capitalize(),
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=getattr(plan, name),
            )
        self.rows = []
        if plan.kind == Kind.PLAN:
            existing = list(plan.actions or [])
            count = len(existing) + EXTRA_ACTION_ROWS
            if self.is_bound:
                # The form's hidden row count; one that is no number gets the rows the form was shown with.
                count = whole_number(self.data.get("rows") or 0, default=count)
            count = max(1, min(count, 50))
            for index in range(count):
                initial = existing[index] if index < len(existing) else {}
                self.fields[f"action_{index}"] = forms.CharField(
                    label=_("Planned action"), required=False, max_length=300, initial=initial.get("action")
                )
                self.fields[f"owner_{index}"] = forms.CharField(
                    label=_("Responsible"), required=False, max_length=150, initial=initial.get("owner")
                )
                self.fields[f"due_{index}"] = forms.DateField(
                    label=_("Due"),
                    required=False,
                    initial=initial.get("due"),
                    widget=forms.DateInput(attrs={"type": "date"}),
                )
                self.rows.append((self[f"action_{index}"], self[f"owner_{index}"], self[f"due_{index}"]))

    def text_fields(self):
        return [self[name] for name in self.plan.fields if name != "actions"]

    def clean(self):
        data = super().clean()
        actions = []
        for index in range(len(self.rows)):
            action, owner, due = (data.get(f"{name}_{index}") for name in ("action", "owner", "due"))
            if not action and (owner or due):
                self.add_error(f"action_{index}", ValidationError(_("Say what the action is, or clear its row.")))
            elif action:
                actions.append({"action": action, "owner": owner or "", "due": due.isoformat() if due else ""})
        data["actions"] = actions
        return data

    def content(self):
        return {name: self.cleaned_data.get(name, "") for name in self.plan.fields}

    def complete_for_sign_off(self):
        """Whether a manager has something to sign off: a plan's goal and one planned action, a report's
        results. A draft may be saved with anything; a submission without them is refused, field by field,
        keeping what was typed."""
        if self.plan.kind == Kind.PLAN:
            if not self.cleaned_data.get("goal", "").strip():
                self.add_error("goal", _("Write the goal before you submit the plan for sign-off."))
            if not self.cleaned_data.get("actions") and self.rows:
                self.add_error("action_0", _("Plan at least one action before you submit the plan for sign-off."))
        elif not self.cleaned_data.get("results", "").strip():
            self.add_error("results", _("Write the results before you submit the report for sign-off."))
        return not self.errors


class DecisionForm(forms.Form):
    """The manager's decision. Signing off may stand on its own; sending back must tell the team what to change."""

    comment = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
        help_text=_("Optional when you sign off. When you send it back, tell the team what to change."),
    )

    def __init__(self, *args, sending_back=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.sending_back = sending_back

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        if self.sending_back and not comment:
            raise ValidationError(_("Write what the team should change before you send it back."), code="required")
        return comment
