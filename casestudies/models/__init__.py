from casestudies.models.case_study import CaseStudyPage
from casestudies.models.index import CaseStudyIndexPage
from casestudies.models.learning import LearningDraft

__all__ = ["CaseStudyIndexPage", "CaseStudyPage", "LearningDraft"]
