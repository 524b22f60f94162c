import factory
from factory.django import DjangoModelFactory

from contact.models import ContactPage, Lead
from core.factories import TranslatedPageFactory


class ContactPageFactory(TranslatedPageFactory):
    title_fr = "Contact"
    title_en = "Contact"
    slug_fr = "contact"
    slug_en = "contact"
    intro_fr = "Parlez-nous de votre projet."
    intro_en = "Tell us about your project."
    thank_you_title_fr = "Merci, votre message est bien parti"
    thank_you_title_en = "Thank you, your message is on its way"
    thank_you_text_fr = "Nous revenons vers vous par e-mail."
    thank_you_text_en = "We will get back to you by e-mail."
    show_in_menus = True

    class Meta:
        model = ContactPage


class LeadFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Prospect {n}")
    email = factory.Sequence(lambda n: f"prospect{n}@example.com")
    company = "Atlas Télécom"
    country = "Maroc"
    message = "Nous aimerions parler de notre centre de relation client."
    language = "fr"
    person_name = factory.LazyAttribute(lambda o: o.person.full_name if o.person else "")
    person = None

    class Meta:
        model = Lead
