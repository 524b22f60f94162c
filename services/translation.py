from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ServiceIndexPage, ServicePage


@register(ServiceIndexPage)
class ServiceIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(ServicePage)
class ServicePageTR(TranslationOptions):
    fields = ("promise", "for_whom", "what_we_do", "how_we_work", "key_figures", "areas_served", "contact_text")
