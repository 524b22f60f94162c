"""Demo content: the leadership profiles (French + English).

Biographies use only what the May 2025 launch post says of each person.
"""

PEOPLE = [
    {
        "key": "olivier-pellevoizin",
        "full_name": "Olivier Pellevoizin",
        "slug": {
            "fr": "olivier-pellevoizin",
            "en": "olivier-pellevoizin",
        },
        "role": {
            "fr": "CEO",
            "en": "CEO",
        },
        "organisation": "OswegO",
        "biography": {
            "fr": (
                "<p>Olivier Pellevoizin est le CEO d’OswegO, cabinet de conseil en opérations client.</p>"
                "<p>Il conduit le développement du cabinet en Afrique : après une première base en "
                "Afrique de l’Ouest, il a annoncé en mai 2025 l’implantation d’OswegO au Maghreb, à "
                "Casablanca, en partenariat avec Altiluz Consulting. Il signe l’analyse publiée à cette "
                "occasion, qui présente le Maghreb comme un territoire stratégique pour l’expérience "
                "client.</p>"
            ),
            "en": (
                "<p>Olivier Pellevoizin is the CEO of OswegO, a customer operations consultancy.</p>"
                "<p>He leads the firm’s development in Africa: after a first base in West Africa, he "
                "announced in May 2025 that OswegO was opening in the Maghreb, in Casablanca, in "
                "partnership with Altiluz Consulting. He wrote the analysis published for the launch, "
                "which presents the Maghreb as a strategic territory for customer experience.</p>"
            ),
        },
        # The source does not say where he is based.
        "office": None,
        "search_summary": {
            "fr": "Olivier Pellevoizin, CEO d’OswegO, conduit le développement du cabinet en Afrique, de l’Afrique de l’Ouest au Maghreb.",
            "en": "Olivier Pellevoizin, CEO of OswegO, leads the firm’s development in Africa, from West Africa to the Maghreb.",
        },
    },
    {
        "key": "claudia-jimenez",
        "full_name": "Claudia Jimenez",
        "slug": {
            "fr": "claudia-jimenez",
            "en": "claudia-jimenez",
        },
        "role": {
            "fr": "Vice-présidente Maghreb",
            "en": "Vice-President Maghreb",
        },
        "organisation": "OswegO",
        "biography": {
            "fr": (
                "<p>Claudia Jimenez est vice-présidente Maghreb d’OswegO. Professionnelle reconnue, "
                "elle possède une solide expérience de la relation client et du pilotage d’opérations "
                "à grande échelle, et allie une connaissance fine des enjeux locaux à la maîtrise des "
                "standards internationaux.</p>"
                "<p>Elle a fondé Altiluz Consulting, cabinet de transformation managériale basé à "
                "Casablanca, qui aide depuis plus de dix ans les dirigeants marocains et "
                "maghrébins à relever leurs défis humains et organisationnels.</p>"
                "<p>Avec Jamal Mossaddeq, directeur associé, elle conduit le développement régional "
                "d’OswegO et accompagne les premières missions du cabinet dans la région.</p>"
            ),
            "en": (
                "<p>Claudia Jimenez is OswegO’s Vice-President Maghreb. A respected professional with "
                "solid experience in customer relations and in running large-scale operations, she "
                "combines a close understanding of local issues with a command of international "
                "standards.</p>"
                "<p>She founded Altiluz Consulting, a management-transformation firm based in "
                "Casablanca that has supported Moroccan and Maghreb business leaders with their human "
                "and organisational challenges for more than ten years.</p>"
                "<p>Together with Jamal Mossaddeq, Partner, she leads OswegO’s regional development "
                "and supports the firm’s first engagements in the region.</p>"
            ),
        },
        "office": "casablanca",
        "search_summary": {
            "fr": "Claudia Jimenez, vice-présidente Maghreb d’OswegO et fondatrice d’Altiluz Consulting, conduit le développement du cabinet dans la région.",
            "en": "Claudia Jimenez, OswegO’s Vice-President Maghreb and founder of Altiluz Consulting, leads the firm’s development in the region.",
        },
    },
    {
        "key": "jamal-mossaddeq",
        "full_name": "Jamal Mossaddeq",
        "slug": {
            "fr": "jamal-mossaddeq",
            "en": "jamal-mossaddeq",
        },
        "role": {
            "fr": "Directeur associé",
            "en": "Partner",
        },
        "organisation": "OswegO",
        "biography": {
            "fr": (
                "<p>Jamal Mossaddeq est directeur associé d’OswegO.</p>"
                "<p>Aux côtés de Claudia Jimenez, vice-présidente Maghreb, il pilote le développement "
                "régional du cabinet au Maghreb. C’est l’interlocuteur des entreprises qui souhaitent "
                "parler de leurs enjeux opérationnels et de leurs projets dans la région.</p>"
            ),
            "en": (
                "<p>Jamal Mossaddeq is a Partner at OswegO.</p>"
                "<p>Alongside Claudia Jimenez, Vice-President Maghreb, he leads the firm’s regional "
                "development in the Maghreb. He is the person to talk to for companies that want to "
                "discuss their operational challenges and their projects in the region.</p>"
            ),
        },
        "office": "casablanca",
        "search_summary": {
            "fr": "Jamal Mossaddeq, directeur associé d’OswegO, pilote le développement régional au Maghreb et est l’interlocuteur des entreprises de la région.",
            "en": "Jamal Mossaddeq, Partner at OswegO, leads regional development in the Maghreb and is the contact for companies in the region.",
        },
    },
]
