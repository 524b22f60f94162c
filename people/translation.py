from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import PeopleIndexPage, PersonPage


@register(PeopleIndexPage)
class PeopleIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(PersonPage)
class PersonPageTR(TranslationOptions):
    # The name is the same in every language; role and biography are not.
    fields = ("role", "photo_alt", "biography")
