from core.factories import TranslatedPageFactory
from services.models import CaseStudyIndexPage, CaseStudyPage, ServiceIndexPage, ServicePage


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


class CaseStudyIndexPageFactory(TranslatedPageFactory):
    title_fr = "Références"
    title_en = "Case studies"
    show_in_menus = True

    class Meta:
        model = CaseStudyIndexPage


class CaseStudyPageFactory(TranslatedPageFactory):
    client_fr = "Un opérateur télécom marocain"
    client_en = "A Moroccan telecoms operator"
    sector_fr = "Télécoms"
    sector_en = "Telecoms"
    country_fr = "Maroc"
    country_en = "Morocco"
    summary_fr = "Un service client restructuré en six mois."
    summary_en = "A customer service restructured in six months."
    challenge_fr = "Des files d’attente trop longues."
    challenge_en = "Queues that were too long."

    class Meta:
        model = CaseStudyPage
