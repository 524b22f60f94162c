from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import AnalysisIndexPage, ArticleIndexPage, ArticlePage, Topic


@register(Topic)
class TopicTR(TranslationOptions):
    fields = ("name", "slug")


@register(ArticleIndexPage)
class ArticleIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(ArticlePage)
class ArticlePageTR(TranslationOptions):
    fields = ("standfirst", "hero_image_alt", "body", "report")


@register(AnalysisIndexPage)
class AnalysisIndexPageTR(TranslationOptions):
    fields = ("introduction",)
