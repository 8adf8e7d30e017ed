from casestudies.models.case_study import CaseStudyPage, CaseStudyPageForm
from casestudies.models.index import CaseStudyIndexPage

__all__ = ["CaseStudyIndexPage", "CaseStudyPage", "CaseStudyPageForm"]
