"""Demo content: home page, site settings and index pages (French + English).

Facts come from the firm's May 2025 launch post (shared/seed); the wording is original.
Fields the source says nothing about are left empty on purpose.
"""

SITE = {
    "home": {
        "title": {
            "fr": "Accueil",
            "en": "Home",
        },
        "slug": {
            "fr": "accueil",
            "en": "home",
        },
        "hero_title": {
            "fr": "Le conseil en opérations client, de l’Europe au Maghreb",
            "en": "Customer operations consulting, from Europe to the Maghreb",
        },
        "hero_text": {
            "fr": (
                "OswegO accompagne les grands groupes européens sur leurs opérations client : "
                "expérience client, centres de relation client et projets nearshore. "
                "Depuis Casablanca, nous aidons désormais aussi les entreprises du Maghreb "
                "à bâtir des opérations client durables, performantes et adaptées à leurs marchés."
            ),
            "en": (
                "OswegO works with large European groups on their customer operations: "
                "customer experience, contact centres and nearshore projects. "
                "From Casablanca, we now also help companies across the Maghreb build customer "
                "operations that last, perform well and fit their own markets."
            ),
        },
        "intro_heading": {
            "fr": "Ce que nous faisons",
            "en": "What we do",
        },
        "intro_text": {
            "fr": (
                "Depuis plus de dix ans, OswegO met son expertise opérationnelle au service des plus "
                "grands groupes européens. Après une première base en Afrique de l’Ouest, le cabinet "
                "s’implante aujourd’hui au Maghreb. Notre façon de travailler, c’est le craft : de la "
                "rigueur, de la précision, et des solutions construites avec nos clients plutôt que "
                "plaquées de l’extérieur. Craft Operations for Brighter Futures."
            ),
            "en": (
                "For more than ten years, OswegO has put its operational expertise to work for some of "
                "Europe’s largest groups. After a first base in West Africa, the firm is now opening in "
                "the Maghreb. Our way of working is what we call craft: rigour, precision, and solutions "
                "built together with our clients rather than imposed from outside. "
                "Craft Operations for Brighter Futures."
            ),
        },
    },
    "settings": {
        "tagline": {
            "fr": "Des opérations client construites avec rigueur et précision",
            "en": "Customer operations built with rigour and precision",
        },
        "legal_line": {
            "fr": "© OswegO — conseil en opérations client",
            "en": "© OswegO — customer operations consulting",
        },
        # The source gives no e-mail, phone, postal address or LinkedIn page.
        "contact_email": "",
        "phone": "",
        "address": {
            "fr": "",
            "en": "",
        },
        "linkedin_url": "",
    },
    "indexes": {
        "articles": {
            "title": {
                "fr": "Actualités",
                "en": "News",
            },
            "slug": {
                "fr": "actualites",
                "en": "news",
            },
            "intro": {
                "fr": (
                    "Analyses, annonces et nouvelles d’OswegO sur l’expérience client "
                    "et les opérations client, en Europe et au Maghreb."
                ),
                "en": (
                    "OswegO’s analysis, announcements and news on customer experience "
                    "and customer operations, in Europe and the Maghreb."
                ),
            },
        },
        "people": {
            "title": {
                "fr": "Équipe dirigeante",
                "en": "Leadership",
            },
            "slug": {
                "fr": "equipe-dirigeante",
                "en": "leadership",
            },
            "intro": {
                "fr": "Les femmes et les hommes qui dirigent OswegO et portent son développement au Maghreb.",
                "en": "The people who lead OswegO and drive its development in the Maghreb.",
            },
        },
        "offices": {
            "title": {
                "fr": "Implantations",
                "en": "Offices",
            },
            "slug": {
                "fr": "implantations",
                "en": "offices",
            },
            "intro": {
                "fr": (
                    "Nous travaillons au plus près du terrain. Au Maghreb, tout commence à Casablanca, "
                    "d’où nous servons le Maroc, la Tunisie, l’Algérie et la Mauritanie."
                ),
                "en": (
                    "We work close to the ground. In the Maghreb, it all starts in Casablanca, "
                    "from where we serve Morocco, Tunisia, Algeria and Mauritania."
                ),
            },
        },
    },
}
