from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ContactPage


@register(ContactPage)
class ContactPageTR(TranslationOptions):
    fields = ("intro", "thank_you_title", "thank_you_text")
