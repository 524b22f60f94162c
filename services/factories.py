from core.factories import TranslatedPageFactory
from services.models import ServiceIndexPage, ServicePage


class ServiceIndexPageFactory(TranslatedPageFactory):
    title_fr = "Nos offres"
    title_en = "Services"
    show_in_menus = True

    class Meta:
        model = ServiceIndexPage


class ServicePageFactory(TranslatedPageFactory):
    promise_fr = "Des opérations client structurées."
    promise_en = "Structured customer operations."
    for_whom_fr = "Les entreprises du Maghreb."
    for_whom_en = "Companies in the Maghreb."
    areas_served_fr = "Maroc\nTunisie"
    areas_served_en = "Morocco\nTunisia"

    class Meta:
        model = ServicePage
