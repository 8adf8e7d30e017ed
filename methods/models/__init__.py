from methods.choices import CATEGORY_CHOICES, COST_CHOICES, FILE_FORMAT_CHOICES, LANGUAGE_CHOICES, WHEN_TO_USE_CHOICES
from methods.models.download import TemplateDownload
from methods.models.method import MethodHandbook, MethodIndexPage, MethodPage
from methods.models.preview import DocumentPreview
from methods.models.rating import MethodRating
from methods.models.shareable_template import (
    ShareableTemplateFile,
    ShareableTemplateIndexPage,
    ShareableTemplatePage,
)

__all__ = [
    "CATEGORY_CHOICES",
    "COST_CHOICES",
    "FILE_FORMAT_CHOICES",
    "LANGUAGE_CHOICES",
    "WHEN_TO_USE_CHOICES",
    "DocumentPreview",
    "MethodHandbook",
    "MethodIndexPage",
    "MethodPage",
    "MethodRating",
    "ShareableTemplatePage",
    "ShareableTemplateFile",
    "ShareableTemplateIndexPage",
    "TemplateDownload",
]
