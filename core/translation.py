"""Fields translated field by field (French and English columns side by side).

Page's own title, slug, SEO title and search description are registered by
wagtail_modeltranslation; each model registers only its own fields.
"""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import GeneralPage, HomePage, SiteSettings


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("hero_title", "hero_text", "intro_heading", "intro_text", "sections")


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    # Each language has its own menus; an empty English one repeats the French pages (core/templatetags/site_tags.py).
    fields = ("tagline", "address", "legal_line", *SiteSettings.MENUS)


@register(GeneralPage)
class GeneralPageTR(TranslationOptions):
    fields = ("introduction", "body")
