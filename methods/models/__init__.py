from methods.models.method import CATEGORY_CHOICES, COST_CHOICES, MethodHandbook, MethodIndexPage, MethodPage
from methods.models.rating import MethodRating
from methods.models.template import (
    LANGUAGE_CHOICES,
    WHEN_TO_USE_CHOICES,
    ShareableTemplatePage,
    TemplateFile,
    TemplateLibraryPage,
)

__all__ = [
    "CATEGORY_CHOICES",
    "COST_CHOICES",
    "LANGUAGE_CHOICES",
    "WHEN_TO_USE_CHOICES",
    "MethodHandbook",
    "MethodIndexPage",
    "MethodPage",
    "MethodRating",
    "ShareableTemplatePage",
    "TemplateFile",
    "TemplateLibraryPage",
]
