"""Region maps drawn by bin/maghreb_map.py from Natural Earth (public domain): one SVG per language in
static/images/maps/, chosen by an office page (and an article's map block) by key."""

from dataclasses import dataclass

from django.templatetags.static import static
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core import languages


@dataclass(frozen=True)
class RegionMap:
    key: str
    label: Promise
    alt: Promise
    caption: Promise
    width: int
    height: int

    def url(self, language=None):
        language = language or translation.get_language()
        code = language if languages.is_known(language) else languages.DEFAULT
        return static(f"images/maps/{self.key}.{code}.svg")


REGION_MAPS = {
    "maghreb": RegionMap(
        key="maghreb",
        label=_("The Maghreb, with Casablanca"),
        alt=_(
            "Map of the Maghreb: Casablanca on Morocco's Atlantic coast, and the four countries the office "
            "serves, Morocco, Algeria, Tunisia and Mauritania."
        ),
        caption=_("Casablanca and the four countries the office serves."),
        width=720,
        height=629,
    ),
}
REGION_MAP_CHOICES = [(key, region_map.label) for key, region_map in REGION_MAPS.items()]
