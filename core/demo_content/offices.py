"""Demo content: offices (French + English).

Only Casablanca is named in the source. No street address, phone or coordinates are
given, so those fields stay empty. "opened" carries month precision only (May 2025).
"""

OFFICES = [
    {
        "key": "casablanca",
        "title": {
            "fr": "Casablanca",
            "en": "Casablanca",
        },
        "slug": {
            "fr": "casablanca",
            "en": "casablanca",
        },
        "city": "Casablanca",
        "country": {
            "fr": "Maroc",
            "en": "Morocco",
        },
        "opened": "2025-05-01",
        "countries_served": {
            "fr": ["Maroc", "Tunisie", "Algérie", "Mauritanie"],
            "en": ["Morocco", "Tunisia", "Algeria", "Mauritania"],
        },
        "street_address": "",
        "phone": "",
        "latitude": None,
        "longitude": None,
        "partner": {
            "name": "Altiluz Consulting",
            "description": {
                "fr": (
                    "Cabinet de transformation managériale installé à Casablanca et créé par Claudia Jimenez. "
                    "Depuis plus de dix ans, Altiluz aide les dirigeants marocains et maghrébins "
                    "à relever leurs défis humains et organisationnels."
                ),
                "en": (
                    "A management-transformation firm based in Casablanca, founded by Claudia Jimenez. "
                    "For more than ten years, Altiluz has supported Moroccan and Maghreb business leaders "
                    "with their human and organisational challenges."
                ),
            },
            "url": "",
        },
        "introduction": {
            "fr": (
                "Casablanca est le point de départ d’OswegO au Maghreb, en partenariat avec Altiluz "
                "Consulting. De là, le cabinet accompagne les entreprises du Maroc, de la Tunisie, de "
                "l’Algérie et de la Mauritanie."
            ),
            "en": (
                "Casablanca is where OswegO’s presence in the Maghreb begins, in partnership with "
                "Altiluz Consulting. From here, the firm works with companies in Morocco, Tunisia, "
                "Algeria and Mauritania."
            ),
        },
        "body": {
            "fr": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Annoncée en mai 2025, l’implantation de Casablanca prolonge la présence "
                        "d’OswegO en Afrique, amorcée en Afrique de l’Ouest. Elle répond à un besoin "
                        "croissant d’opérations client mieux structurées dans la région, porté par une "
                        "classe moyenne connectée et exigeante et par l’essor de secteurs tels que la "
                        "fintech, la santé et l’e-commerce.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>OswegO s’y installe avec Altiluz Consulting. Claudia Jimenez, fondatrice "
                        "d’Altiluz et vice-présidente Maghreb d’OswegO, conduit le développement "
                        "régional avec Jamal Mossaddeq, directeur associé.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Nos priorités dans la région", "level": "h2"},
                },
                {
                    "type": "list",
                    "value": {
                        "style": "bullet",
                        "items": [
                            "Épauler les groupes européens qui mènent des projets nearshore au Maghreb : sécuriser les opérations, structurer les dispositifs et monter rapidement en performance.",
                            "Aider les entreprises maghrébines à structurer leurs opérations client : conception des parcours, planification de la charge, pilotage qualité, dimensionnement des équipes, management opérationnel.",
                            "Contribuer à une expérience client pensée pour les marchés locaux, réaliste et exigeante.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Casablanca n’est qu’un début : notre ambition couvre le Maroc, la Tunisie, "
                        "l’Algérie et la Mauritanie, là où l’expérience client pèse désormais sur les "
                        "résultats des entreprises.</p>"
                    ),
                },
            ],
            "en": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Announced in May 2025, the Casablanca office extends OswegO’s presence in "
                        "Africa, which began in West Africa. It meets a growing need for better-structured "
                        "customer operations in the region, driven by a connected, demanding middle class "
                        "and by the rise of sectors such as fintech, healthcare and e-commerce.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>OswegO is setting up here with Altiluz Consulting. Claudia Jimenez, founder "
                        "of Altiluz and OswegO’s Vice-President Maghreb, leads regional development "
                        "together with Jamal Mossaddeq, Partner.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Our priorities in the region", "level": "h2"},
                },
                {
                    "type": "list",
                    "value": {
                        "style": "bullet",
                        "items": [
                            "Support European groups with their nearshore projects in the Maghreb: securing operations, structuring set-ups and ramping up performance quickly.",
                            "Help Maghreb companies structure their customer operations: journey design, workload planning, quality management, team sizing and operational management.",
                            "Contribute to a customer experience designed for local markets, realistic yet demanding.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Casablanca is only the beginning: our ambition spans Morocco, Tunisia, "
                        "Algeria and Mauritania, wherever customer experience is becoming a business "
                        "issue.</p>"
                    ),
                },
            ],
        },
    },
]
