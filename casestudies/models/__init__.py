from casestudies.models.case_study import CaseStudyPage
from casestudies.models.index import CaseStudyIndexPage

__all__ = ["CaseStudyIndexPage", "CaseStudyPage"]
