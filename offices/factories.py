import datetime

from core.factories import TranslatedPageFactory
from offices.models import OfficeIndexPage, OfficePage


class OfficeIndexPageFactory(TranslatedPageFactory):
    title_fr = "Implantations"
    title_en = "Offices"
    show_in_menus = True

    class Meta:
        model = OfficeIndexPage


class OfficePageFactory(TranslatedPageFactory):
    title_fr = "Casablanca"
    title_en = "Casablanca"
    city = "Casablanca"
    country_fr = "Maroc"
    country_en = "Morocco"
    opened_on = datetime.date(2025, 5, 1)
    countries_served_fr = "Maroc\nTunisie\nAlgérie\nMauritanie"
    countries_served_en = "Morocco\nTunisia\nAlgeria\nMauritania"
    introduction_fr = "Notre bureau au Maghreb."
    introduction_en = "Our office in the Maghreb."

    class Meta:
        model = OfficePage
