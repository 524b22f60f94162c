"""Messages shown by libraries that ship no French translation.

Listing them here lets `make messages` extract them into locale/fr, whose
translations take precedence over the libraries' own catalogs.
"""

from django.utils.translation import gettext_noop

MESSAGES = [
    # wagtail_modeltranslation: two sibling pages with the same slug in one language.
    gettext_noop("This slug is already in use"),
    # wagtail_modeltranslation: the label of its language toggle, written into a JavaScript string (no quotes).
    gettext_noop("View / edit fields for"),
    # Wagtail: the button under an inline panel ("Ajouter un(e) Auteur" in Wagtail's French).
    gettext_noop("Add %(label)s"),
]
