from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import OfficeIndexPage, OfficePage


@register(OfficeIndexPage)
class OfficeIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(OfficePage)
class OfficePageTR(TranslationOptions):
    fields = ("country", "countries_served", "introduction", "partner_description", "body")
