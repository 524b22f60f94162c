from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import CaseStudyIndexPage, CaseStudyPage, ServiceIndexPage, ServicePage


@register(ServiceIndexPage)
class ServiceIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(ServicePage)
class ServicePageTR(TranslationOptions):
    fields = ("promise", "for_whom", "what_we_do", "how_we_work", "key_figures", "areas_served", "contact_text")


@register(CaseStudyIndexPage)
class CaseStudyIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(CaseStudyPage)
class CaseStudyPageTR(TranslationOptions):
    fields = ("client", "sector", "country", "summary", "challenge", "approach", "results", "quote", "quote_role")
