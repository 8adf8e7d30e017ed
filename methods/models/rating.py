"""Employees' ratings of methods."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count, Max, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from methods.choices import MAX_SCORE, MIN_SCORE, SCORE_ERROR
from portal import compiled


class MethodRatingQuerySet(models.QuerySet):
    def summary(self, method_key, user=None):
        """The average score (or None), the number of votes and `user`'s own score, in one query.

        The votes are counted over every language version of the method.
        """
        user_id = user.pk if user is not None and user.is_authenticated else None
        if self.query.has_filters():  # narrowed by the caller: its own SQL, built as usual
            return self.filter(method_key=method_key).aggregate(
                average=Avg("score"), count=Count("pk"), user_score=Max("score", filter=Q(user_id=user_id))
            )
        # On every method page: the same SQL for every method and reader (signed in or not), compiled once
        # per process (portal.compiled) and run with the method's key and the reader. One row per method
        # that has votes; none, before its first.
        found = compiled.rows(
            ("method-rating-summary", self.model._meta.label, user_id is None),
            lambda: self.filter(method_key=method_key)
            .order_by()
            .values("method_key")
            .annotate(average=Avg("score"), count=Count("pk"), user_score=Max("score", filter=Q(user_id=user_id))),
            params=[method_key] if user_id is None else [user_id, method_key],
        )
        if not found:
            return {"average": None, "count": 0, "user_score": None}
        return {name: found[0][name] for name in ("average", "count", "user_score")}

    def average_subquery(self, outer_ref="translation_key"):
        per_method = self.filter(method_key=OuterRef(outer_ref)).values("method_key")
        return Subquery(per_method.annotate(value=Avg("score")).values("value")[:1])

    def count_subquery(self, outer_ref="translation_key"):
        per_method = self.filter(method_key=OuterRef(outer_ref)).values("method_key")
        return Subquery(per_method.annotate(value=Count("pk")).values("value")[:1])


class MethodRating(models.Model):
    """One employee's score for a method.

    A rating belongs to the method, not to one language version of its page: it is
    keyed on the page's translation_key, so that the Swedish and the English page
    share their votes and a reader cannot vote twice by switching language.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="method_ratings",
    )
    method_key = models.UUIDField(_("method"), db_index=True)
    score = models.PositiveSmallIntegerField(
        _("score"),
        validators=[
            MinValueValidator(MIN_SCORE, message=SCORE_ERROR),
            MaxValueValidator(MAX_SCORE, message=SCORE_ERROR),
        ],
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = MethodRatingQuerySet.as_manager()

    class Meta:
        verbose_name = _("method rating")
        verbose_name_plural = _("method ratings")
        constraints = [
            models.UniqueConstraint(fields=["user", "method_key"], name="one_rating_per_user_and_method"),
            models.CheckConstraint(
                condition=models.Q(score__gte=MIN_SCORE, score__lte=MAX_SCORE), name="rating_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.method_key}: {self.score}"

    @classmethod
    def rate(cls, user, method_page, score):
        """Record or change a user's vote; raise ValidationError for anonymous users or a bad score."""
        if user is None or not user.is_authenticated:
            raise ValidationError(_("Sign in to rate this method."), code="anonymous")
        try:
            score = int(score)
        except (TypeError, ValueError):
            raise ValidationError(SCORE_ERROR, code="invalid_score") from None
        if not MIN_SCORE <= score <= MAX_SCORE:
            raise ValidationError(SCORE_ERROR, code="invalid_score")
        rating, _created = cls.objects.update_or_create(
            user=user, method_key=method_page.translation_key, defaults={"score": score}
        )
        return rating
