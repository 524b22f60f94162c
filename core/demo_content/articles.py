"""Demo content: topics and articles (French + English).

Facts and figures come from the firm's May 2025 launch post (shared/seed); the wording
is original. Quote blocks carry only words the source itself puts in quotation marks:
the French text is the source's, word for word; the English text is a translation.
French and English bodies are parallel: same blocks, same order.
"""

TOPICS = [
    {
        "key": "maghreb",
        "name": {"fr": "Maghreb", "en": "Maghreb"},
        "slug": {"fr": "maghreb", "en": "maghreb"},
    },
    {
        "key": "experience-client",
        "name": {"fr": "Expérience client", "en": "Customer experience"},
        "slug": {"fr": "experience-client", "en": "customer-experience"},
    },
    {
        "key": "nearshore",
        "name": {"fr": "Nearshore", "en": "Nearshore"},
        "slug": {"fr": "nearshore", "en": "nearshore"},
    },
    {
        "key": "annonces",
        "name": {"fr": "Annonces", "en": "Announcements"},
        "slug": {"fr": "annonces", "en": "announcements"},
    },
    {
        "key": "equipe",
        "name": {"fr": "Nominations", "en": "Appointments"},
        "slug": {"fr": "nominations", "en": "appointments"},
    },
]


# --- Quotes -----------------------------------------------------------------
# French: the source's words, verbatim. English: a translation of those words.

QUOTE_NDIAYE = {
    "fr": {
        "quote": (
            "La poursuite de réformes structurelles pour répondre aux chocs récents et aux défis liés "
            "à l’emploi, notamment ceux auxquels sont confrontés les jeunes Marocains, demeure "
            "essentielle pour soutenir la croissance économique. Cela nécessitera des améliorations "
            "ciblées de l’environnement des affaires."
        ),
        "person": None,
        "name": "Ahmadou Moustapha Ndiaye",
        "role": "Directeur de Division pour le Maghreb et Malte",
        "organisation": "Banque mondiale",
    },
    "en": {
        "quote": (
            "Continuing structural reforms to respond to recent shocks and to employment challenges, "
            "notably those facing young Moroccans, remains essential to support economic growth. "
            "This will require targeted improvements to the business environment."
        ),
        "person": None,
        "name": "Ahmadou Moustapha Ndiaye",
        "role": "Division Director for the Maghreb and Malta",
        "organisation": "World Bank",
    },
}

QUOTE_KPMG = {
    "fr": {
        "quote": (
            "La maturité des expériences offertes poursuit sa course et les pratiques différenciantes "
            "des leaders d’hier deviennent les basiques attendus d’aujourd’hui."
        ),
        "person": None,
        "name": "Étude Customer Experience Excellence",
        "role": "",
        "organisation": "KPMG",
    },
    "en": {
        "quote": (
            "The maturity of the experiences on offer keeps advancing, and the differentiating "
            "practices of yesterday’s leaders are becoming the basics expected today."
        ),
        "person": None,
        "name": "Customer Experience Excellence study",
        "role": "",
        "organisation": "KPMG",
    },
}

QUOTE_CLAUDIA = {
    "fr": {
        "quote": (
            "Le Maghreb a ses propres forces. Ce que nous cherchons à faire avec OswegO, c’est "
            "canaliser ces forces vers plus de clarté opérationnelle, plus de constance dans "
            "l’exécution, plus d’impact pour les clients finaux."
        ),
        "person": "claudia-jimenez",
        "name": "",
        "role": "",
        "organisation": "",
    },
    "en": {
        "quote": (
            "The Maghreb has its own strengths. What we want to do with OswegO is channel those "
            "strengths towards greater operational clarity, greater consistency in execution and "
            "greater impact for end customers."
        ),
        "person": "claudia-jimenez",
        "name": "",
        "role": "",
        "organisation": "",
    },
}

QUOTE_JAMAL = {
    "fr": {
        "quote": (
            "Trop souvent, les entreprises hésitent entre copier ce qui fonctionne ailleurs ou rester "
            "figées dans leurs habitudes. Notre ambition, c’est d’ouvrir une troisième voie : celle "
            "de la transformation enracinée."
        ),
        "person": "jamal-mossaddeq",
        "name": "",
        "role": "",
        "organisation": "",
    },
    "en": {
        "quote": (
            "Too often, companies hesitate between copying what works elsewhere and staying stuck in "
            "their habits. Our ambition is to open up a third way: rooted transformation."
        ),
        "person": "jamal-mossaddeq",
        "name": "",
        "role": "",
        "organisation": "",
    },
}

QUOTE_OLIVIER = {
    "fr": {
        "quote": (
            "Nous n’ouvrons pas un bureau, nous construisons une relation de long terme avec un "
            "territoire, ses entreprises, ses talents."
        ),
        "person": "olivier-pellevoizin",
        "name": "",
        "role": "",
        "organisation": "",
    },
    "en": {
        "quote": (
            "We are not opening an office; we are building a long-term relationship with a "
            "territory, its companies and its talent."
        ),
        "person": "olivier-pellevoizin",
        "name": "",
        "role": "",
        "organisation": "",
    },
}

PRIORITIES = {
    "fr": [
        "Épauler nos clients européens qui mènent des projets nearshore au Maghreb : sécuriser les opérations, structurer les dispositifs et atteindre rapidement le niveau de performance visé.",
        "Aider les entreprises maghrébines à structurer leurs opérations client : conception des parcours, planification de la charge, pilotage qualité, dimensionnement des équipes, management opérationnel.",
        "Contribuer activement à une expérience client pensée pour les marchés locaux : ancrée dans le terrain, réaliste et exigeante.",
    ],
    "en": [
        "Support our European clients with their nearshore projects in the Maghreb: securing operations, structuring set-ups and reaching target performance quickly.",
        "Help Maghreb companies structure their customer operations: journey design, workload planning, quality management, team sizing and operational management.",
        "Play an active part in building a customer experience designed for local markets: grounded, realistic and demanding.",
    ],
}


ARTICLES = [
    # ------------------------------------------------------------------------
    # a) The launch analysis
    # ------------------------------------------------------------------------
    {
        "key": "maghreb-strategic-territory",
        "title": {
            "fr": "Le Maghreb, territoire stratégique de l’expérience client",
            "en": "The Maghreb, a strategic territory for customer experience",
        },
        "slug": {
            "fr": "le-maghreb-territoire-strategique-de-lexperience-client",
            "en": "the-maghreb-a-strategic-territory-for-customer-experience",
        },
        "date": "2025-05-15",
        "authors": ["olivier-pellevoizin"],
        "topics": ["maghreb", "experience-client", "nearshore"],
        "standfirst": {
            "fr": (
                "Longtemps vu comme une simple destination de production, le Maghreb devient un terrain "
                "décisif pour l’expérience client. OswegO s’y implante, à Casablanca, avec Altiluz Consulting."
            ),
            "en": (
                "Long seen as little more than a production destination, the Maghreb is becoming a decisive "
                "territory for customer experience. OswegO is setting up there, in Casablanca, with Altiluz Consulting."
            ),
        },
        "search_description": {
            "fr": "Pourquoi le Maghreb devient stratégique pour l’expérience client, et pourquoi OswegO s’implante à Casablanca avec Altiluz Consulting.",
            "en": "Why the Maghreb is becoming strategic for customer experience, and why OswegO is opening in Casablanca with Altiluz Consulting.",
        },
        "related": ["oswego-opens-in-the-maghreb", "claudia-jimenez-vice-president-maghreb"],
        "body": {
            "fr": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>OswegO construit depuis plusieurs années une présence active en Afrique, à partir "
                        "d’une première base en Afrique de l’Ouest. Notre arrivée au Maghreb répond à la même "
                        "conviction : c’est sur le terrain, au plus près des équipes, que se transforment les "
                        "opérations client, et c’est là qu’il faut les accompagner dans la durée.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Dans la région, les besoins de structuration opérationnelle progressent vite. Une "
                        "classe moyenne plus connectée et plus exigeante, l’essor de la fintech, de la santé ou "
                        "de l’e-commerce : tout pousse dans le même sens. Entreprises locales et groupes "
                        "internationaux partagent désormais un même défi, offrir à leurs clients une expérience "
                        "fluide, cohérente et maîtrisée.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>C’est pourquoi OswegO ouvre ses activités au Maghreb, main dans la main avec le "
                        "cabinet Altiluz Consulting. Notre ambition est régionale et ancrée localement : bâtir, avec nos "
                        "clients, des opérations client durables, performantes et adaptées à leur contexte.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": "<p>Cette publication réunit trois annonces :</p>",
                },
                {
                    "type": "list",
                    "value": {
                        "style": "bullet",
                        "items": [
                            "Le Maghreb s’affirme comme un territoire stratégique pour l’expérience client.",
                            "OswegO ouvre son implantation au Maghreb, à Casablanca.",
                            "Claudia Jimenez est nommée vice-présidente Maghreb d’OswegO.",
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Pourquoi le Maghreb compte pour les opérations client", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le Maghreb est devenu une zone clé pour concevoir, organiser et délivrer des "
                        "opérations client de qualité. Proche de l’Europe, porté par une démographie et une "
                        "économie dynamiques, riche de ses ancrages culturels et linguistiques, il offre un "
                        "levier sans équivalent : pour l’outsourcing, bien sûr, mais aussi pour faire émerger "
                        "des modèles d’expérience client pensés localement.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>À la Banque mondiale, Ahmadou Moustapha Ndiaye, directeur de division pour le "
                        "Maghreb et Malte, insiste sur l’importance des réformes :</p>"
                    ),
                },
                {"type": "quote", "value": dict(QUOTE_NDIAYE["fr"])},
                {
                    "type": "heading",
                    "value": {"text": "Une croissance qui tient bon malgré les défis", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Dans un environnement mondial incertain, la région fait preuve de résilience. Le PIB "
                        "du Maroc aurait progressé de 3,2 % en 2024, et sa croissance devrait s’accélérer à "
                        "3,9 % en 2025, puis à 4,2 % en 2026. Dans son ensemble, le Maghreb (Maroc, Algérie, "
                        "Tunisie) suit la trajectoire de la région MENA : 2,6 % de croissance attendus en 2025, "
                        "contre 1,9 % en 2024.</p>"
                    ),
                },
                {
                    "type": "key_figures",
                    "value": {
                        "figures": [
                            {
                                "value": "+3,2 %",
                                "label": "Croissance du PIB marocain en 2024 (estimation)",
                                "source": "",
                            },
                            {"value": "+3,9 %", "label": "Croissance attendue au Maroc en 2025", "source": ""},
                            {"value": "+4,2 %", "label": "Croissance attendue au Maroc en 2026", "source": ""},
                        ]
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Au Maroc, le recul de l’inflation, ramenée à 0,9 % en 2024, soutient la "
                        "consommation des ménages, principal moteur de l’activité dans les pays importateurs de "
                        "pétrole. Conséquence directe : les entreprises locales sont davantage attendues sur leur "
                        "capacité à bien servir, à écouter et à satisfaire leurs clients.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>On parle moins de la Mauritanie, où les services se structurent pourtant peu à peu, "
                        "notamment dans les télécoms, l’énergie et le paiement mobile. Professionnaliser les "
                        "opérations client y répond à un vrai besoin, et la marge de progression en qualité est "
                        "importante.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Des talents nombreux, mais sous tension", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>La région dispose d’un large vivier de talents. Au Maroc, le chômage touchait 13,3 % "
                        "des actifs début 2025 ; il atteignait 16,6 % en milieu urbain et 37,7 % chez les "
                        "jeunes. Des profils qualifiés sont donc disponibles, mais il devient urgent de bâtir des "
                        "filières métiers durables, qui qualifient et ouvrent de vraies perspectives.</p>"
                    ),
                },
                {
                    "type": "key_figures",
                    "value": {
                        "figures": [
                            {
                                "value": "13 %",
                                "label": "Taux de chômage au Maroc début 2025, plus élevé encore en ville et chez les jeunes",
                                "source": "",
                            },
                        ]
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Les entreprises qui investiront dans un management solide, une gestion "
                        "des compétences modernisée et de vrais parcours d’évolution pourront à la fois recruter "
                        "dans la durée et se distinguer par la qualité de leur service.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "L’expérience client au Maghreb : des attentes en hausse", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>L’expérience client prend une dimension stratégique. Elle ne se calque pas sur les "
                        "modèles européens : elle part des attentes propres à une classe moyenne urbaine, "
                        "connectée, bilingue et devenue exigeante. Il ne suffit plus de décrocher le téléphone ; "
                        "il faut maîtriser des parcours, des émotions et des niveaux de service.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Au-delà du seul prisme du BPO", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Vu d’Europe, le Maghreb reste souvent réduit à une terre d’outsourcing. Cette lecture "
                        "est dépassée. Le BPO demeure un atout de compétitivité, mais il ne suffit plus à "
                        "expliquer les transformations en cours. La nouveauté, c’est la demande locale, devenue "
                        "plus complexe, plus mature et plus pressante : les entreprises ne travaillent "
                        "plus seulement pour des donneurs d’ordres étrangers, elles imaginent des offres de "
                        "service pensées pour leur propre marché.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Une classe moyenne qui rebat les cartes", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>L’essor de la classe moyenne a transformé les équilibres. Au Maroc, son poids est "
                        "passé de 53,2 % en 2012 à 61,9 % en 2019, une progression visible dans les campagnes "
                        "comme dans les villes. Le mouvement a ralenti après 2020, sans que la pression sur les "
                        "entreprises diminue pour autant. Ces clients attendent des services efficaces, "
                        "accessibles et simples, et veulent être traités comme des clients, pas comme des "
                        "usagers.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Ailleurs au Maghreb, les trajectoires diffèrent mais les effets se ressemblent : "
                        "l’essor puis la fragilisation de la classe moyenne conduisent à accorder plus de valeur "
                        "à la qualité de service, faute d’un pouvoir d’achat stable. L’expérience client devient "
                        "alors un gage de confiance, parfois même un signe de distinction sociale.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Des usages numériques en forte accélération", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Au Maghreb, l’équipement en smartphones franchit désormais la barre des 85 %, et le "
                        "m-commerce a été multiplié par deux en cinq ans, tiré par l’essor des places de marché locales, la "
                        "numérisation des services publics et le développement des services financiers mobiles. "
                        "Simplicité, rapidité, personnalisation : cette promesse est partout, et les "
                        "consommateurs attendent qu’elle soit tenue à chaque interaction.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": "<p>L’étude Customer Experience Excellence de KPMG le formule ainsi :</p>",
                },
                {"type": "quote", "value": dict(QUOTE_KPMG["fr"])},
                {
                    "type": "key_figures",
                    "value": {
                        "figures": [
                            {
                                "value": "100 %",
                                "label": "Croissance du m-commerce en cinq ans : il a doublé",
                                "source": "",
                            },
                        ]
                    },
                },
                {
                    "type": "paragraph",
                    "value": "<p>Au Maghreb comme ailleurs, la barre s’élève, et rapidement.</p>",
                },
                {
                    "type": "heading",
                    "value": {"text": "Des opérations plus complexes pour les entreprises locales", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Fintech, e-commerce, mobilité, santé privée, éducation : dans tous les secteurs où "
                        "la relation client est intense, il faut désormais piloter finement les parcours, "
                        "disposer d’une vision unifiée des données, intégrer la voix du client et maîtriser le "
                        "service multicanal. Les entreprises doivent répondre à une double exigence :</p>"
                    ),
                },
                {
                    "type": "list",
                    "value": {
                        "style": "bullet",
                        "items": [
                            "Répondre aux attentes d’une clientèle locale toujours plus structurée.",
                            "Travailler aussi, bien souvent, pour des clients à l’étranger, avec des engagements de service (SLA) inscrits au contrat et des audits réguliers.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": "<p>Pour y parvenir, il leur faut :</p>",
                },
                {
                    "type": "list",
                    "value": {
                        "style": "bullet",
                        "items": [
                            "Un pilotage opérationnel.",
                            "Des processus structurés.",
                            "Des outils technologiques bien choisis.",
                            "Un management de proximité nettement renforcé.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Les besoins s’envolent, et l’écart grandit entre les entreprises qui anticipent et "
                        "celles qui subissent.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Pourquoi OswegO arrive au Maghreb, et ce que cela change", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Les attentes des clients évoluent vite et les opérations gagnent en complexité dans "
                        "toute la région. Notre décision est donc nette : OswegO s’implante au Maghreb. Et nous "
                        "ne le faisons pas seuls.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Notre partenaire, Altiluz Consulting, est un cabinet de référence en transformation "
                        "managériale installé à Casablanca. Créé par Claudia Jimenez, il aide depuis plus de dix "
                        "ans les dirigeants marocains et maghrébins à relever leurs défis humains et "
                        "organisationnels. Nous partageons une même conviction : sans excellence opérationnelle "
                        "ancrée dans la réalité locale, aucune transformation ne dure.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Une implantation portée par des professionnels reconnus", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Claudia Jimenez devient vice-présidente Maghreb d’OswegO. Reconnue pour sa solide "
                        "expérience de la relation client et du pilotage d’opérations à grande échelle, elle "
                        "allie une compréhension fine des enjeux locaux à la maîtrise des standards "
                        "internationaux. Avec Jamal Mossaddeq, directeur associé, elle conduira le développement "
                        "d’OswegO dans la région et suivra les premières missions.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Nous commençons à Casablanca, avec une ambition qui couvre toute la région : Maroc, "
                        "Tunisie, Algérie et Mauritanie, là où l’expérience client pèse désormais sur les "
                        "résultats des entreprises.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Ce que nous venons faire", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Notre objectif est simple : mettre au service des entreprises maghrébines le "
                        "savoir-faire opérationnel développé par OswegO, depuis plus de dix ans, auprès des plus "
                        "grands groupes européens. "
                        "Notre engagement repose sur trois priorités :</p>"
                    ),
                },
                {"type": "list", "value": {"style": "check", "items": list(PRIORITIES["fr"])}},
                {
                    "type": "heading",
                    "value": {"text": "Co-construire, ancrer, transformer", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Chez OswegO, nous croyons que le contexte fait la différence. Chaque entreprise, "
                        "chaque marché, chaque culture client appelle une réponse sur mesure ; nous préférons donc "
                        "construire avec nos clients, les écouter et nous adapter. Notre méthode, c’est le craft : de la "
                        "rigueur et de la précision, pour construire ensemble des opérations client durables et "
                        "performantes.</p>"
                    ),
                },
                {
                    "type": "key_figures",
                    "value": {
                        "figures": [
                            {
                                "value": "72 %",
                                "label": "des clients passent par une plateforme en ligne dans leurs échanges avec un service client",
                                "source": "",
                            },
                        ]
                    },
                },
                {"type": "quote", "value": dict(QUOTE_CLAUDIA["fr"])},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Nous nous appuyons sur des méthodes éprouvées, des benchmarks concrets et une équipe "
                        "experte et disponible. Et surtout, nous nous engageons en profondeur aux côtés des "
                        "dirigeants pour bâtir leur réussite.</p>"
                    ),
                },
                {"type": "quote", "value": dict(QUOTE_JAMAL["fr"])},
                {
                    "type": "heading",
                    "value": {"text": "Une présence pensée pour durer", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Avec Casablanca, OswegO garde un cap clair : être aux côtés des "
                        "entreprises là où l’avenir de l’expérience client se dessine aujourd’hui. Le Maghreb, "
                        "après l’Afrique de l’Ouest, marque une nouvelle étape de notre implantation, que nous voulons "
                        "durable et utile.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Nous apportons notre savoir-faire, notre expérience du terrain et des dizaines de "
                        "références éprouvées et de cas d’usage concrets, forgés dans les contextes les plus "
                        "exigeants, en Europe comme en Afrique. Nous ne proposons pas un modèle figé, mais une capacité "
                        "à structurer, à adapter au contexte et à transformer.</p>"
                    ),
                },
                {"type": "quote", "value": dict(QUOTE_OLIVIER["fr"])},
                {
                    "type": "cta",
                    "value": {
                        "text": (
                            "Envie d’aller plus loin ? Parlez de vos défis opérationnels et de vos projets au "
                            "Maghreb avec Jamal Mossaddeq, directeur associé d’OswegO."
                        ),
                        "button_label": "Échanger avec Jamal Mossaddeq",
                        "person": "jamal-mossaddeq",
                    },
                },
            ],
            "en": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>For several years now, OswegO has been building an active presence in Africa, "
                        "starting with a first base in West Africa. Coming to the Maghreb follows the same "
                        "conviction: customer operations are transformed on the ground, close to the teams, and "
                        "that is where they need long-term support.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Across the region, the need for operational structure is growing fast. A more "
                        "connected and more demanding middle class, and the rise of fintech, healthcare and "
                        "e-commerce, all push in the same direction. Local companies and international groups now "
                        "face the same challenge: giving their customers an experience that is smooth, consistent "
                        "and under control.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>That is why we are opening OswegO in the Maghreb, in partnership with the consulting "
                        "firm Altiluz Consulting. Our ambition is regional and locally rooted: to build, with our "
                        "clients, customer operations that last, perform well and fit their context.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": "<p>This post brings together three announcements:</p>",
                },
                {
                    "type": "list",
                    "value": {
                        "style": "bullet",
                        "items": [
                            "The Maghreb is emerging as a strategic territory for customer experience.",
                            "OswegO is opening in the Maghreb, in Casablanca.",
                            "Claudia Jimenez is appointed OswegO’s Vice-President Maghreb.",
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Why the Maghreb matters for customer operations", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The Maghreb has become a key region for designing, organising and delivering "
                        "high-quality customer operations. Close to Europe, driven by dynamic demographics and a "
                        "growing economy, and rich in cultural and linguistic ties, it offers a lever like no "
                        "other: for outsourcing, of course, but also for developing customer experience models "
                        "designed locally.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>At the World Bank, Ahmadou Moustapha Ndiaye, Division Director for the Maghreb and "
                        "Malta, stresses the importance of reform:</p>"
                    ),
                },
                {"type": "quote", "value": dict(QUOTE_NDIAYE["en"])},
                {
                    "type": "heading",
                    "value": {"text": "Growth that holds up despite the challenges", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Against an uncertain global backdrop, the region is proving resilient. Morocco’s GDP "
                        "is estimated to have grown by 3.2% in 2024, and growth is expected to pick up to 3.9% in "
                        "2025 and 4.2% in 2026. Taken as a whole, the Maghreb (Morocco, Algeria, Tunisia) is "
                        "following the trend of the MENA region, with 2.6% growth expected in 2025, up from 1.9% "
                        "in 2024.</p>"
                    ),
                },
                {
                    "type": "key_figures",
                    "value": {
                        "figures": [
                            {"value": "+3.2%", "label": "Morocco’s GDP growth in 2024 (estimate)", "source": ""},
                            {"value": "+3.9%", "label": "Expected growth in Morocco in 2025", "source": ""},
                            {"value": "+4.2%", "label": "Expected growth in Morocco in 2026", "source": ""},
                        ]
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>In Morocco, inflation fell to 0.9% in 2024, which supports household spending, the "
                        "main engine of growth in oil-importing countries. The direct consequence: local "
                        "companies are under more pressure to serve, listen to and satisfy their customers "
                        "well.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Mauritania gets less attention, yet its services are steadily taking shape, "
                        "particularly in telecoms, energy and mobile payments. There is a real need to "
                        "professionalise customer operations there, and plenty of room to raise quality.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "A large talent pool, under strain", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The region has a deep pool of talent. In Morocco, unemployment stood at 13.3% in "
                        "early 2025, rising to 16.6% in urban areas and 37.7% among young people. Qualified "
                        "candidates are available, then, but there is an urgent need to build lasting career "
                        "paths that develop skills and offer real prospects.</p>"
                    ),
                },
                {
                    "type": "key_figures",
                    "value": {
                        "figures": [
                            {
                                "value": "13%",
                                "label": "Unemployment in Morocco in early 2025, higher still in cities and among young people",
                                "source": "",
                            },
                        ]
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Companies that invest in sound management models, modern skills management and real "
                        "career progression will be able both to recruit for the long term and to stand out "
                        "through the quality of their service.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Customer experience in the Maghreb: rising expectations", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Customer experience is taking on a strategic dimension. It is not a copy of European "
                        "models: it starts from the specific expectations of an urban, connected, bilingual and "
                        "increasingly demanding middle class. Answering the phone is no longer enough; companies "
                        "need to master journeys, emotions and service levels.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Looking beyond the BPO lens", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Seen from Europe, the Maghreb is often reduced to an outsourcing destination. That "
                        "view is out of date. BPO remains a source of competitiveness, but it no longer explains "
                        "on its own the changes under way. What is emerging today is local demand that is more "
                        "complex, more mature and more urgent: companies no longer work only for foreign "
                        "contractors; they are designing service models for their own markets.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "A middle class that changes the game", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The growth of the middle class has reshaped the balance. In Morocco, its share rose "
                        "from 53.2% to 61.9% between 2012 and 2019, in rural areas as well as in cities. The "
                        "trend slowed after 2020, but the pressure on companies has not let up. These customers "
                        "want services that are efficient, available and easy to use, and they expect to be "
                        "treated as customers rather than as mere users.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Elsewhere in the Maghreb, the paths differ but the effects are similar: the rise and "
                        "then the weakening of the middle class lead people to place more value on service "
                        "quality, in the absence of stable purchasing power. Customer experience then becomes a "
                        "source of reassurance, sometimes even a marker of social distinction.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Digital habits picking up speed", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>In the Maghreb, smartphone ownership is now above 85%, and m-commerce has doubled in "
                        "five years, driven by the growth of local marketplaces, the digitalisation of public "
                        "services and the expansion of mobile financial services. Simplicity, speed, "
                        "personalisation: the promise is everywhere, and consumers expect it to be kept at every "
                        "interaction.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": "<p>As KPMG’s Customer Experience Excellence study puts it:</p>",
                },
                {"type": "quote", "value": dict(QUOTE_KPMG["en"])},
                {
                    "type": "key_figures",
                    "value": {
                        "figures": [
                            {
                                "value": "100%",
                                "label": "Growth in m-commerce over five years: it has doubled",
                                "source": "",
                            },
                        ]
                    },
                },
                {
                    "type": "paragraph",
                    "value": "<p>In the Maghreb as elsewhere, the bar is rising, and fast.</p>",
                },
                {
                    "type": "heading",
                    "value": {"text": "Growing complexity for local companies", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Fintech, e-commerce, mobility, private healthcare, education: every sector with "
                        "intensive customer contact now needs fine-grained journey management, a unified view of "
                        "data, the ability to bring in the voice of the customer and a firm grip on multichannel "
                        "service. Companies face a twofold demand:</p>"
                    ),
                },
                {
                    "type": "list",
                    "value": {
                        "style": "bullet",
                        "items": [
                            "Serving an increasingly structured local customer base.",
                            "Often also operating for foreign markets, with contractual SLAs and regular audits.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": "<p>To get there, they need:</p>",
                },
                {
                    "type": "list",
                    "value": {
                        "style": "bullet",
                        "items": [
                            "Operational steering.",
                            "Structured processes.",
                            "Well-chosen technology.",
                            "Much stronger frontline management.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Needs are soaring, and the gap is widening between the companies that plan ahead and "
                        "those that are left to react.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Why OswegO is setting up in the Maghreb, and what it changes", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Customer expectations are changing fast and operations are growing more complex "
                        "across the region. So our decision is clear: OswegO is setting up in the Maghreb. And we "
                        "are not doing it alone.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>We are joining forces with Altiluz Consulting, a leading management-transformation "
                        "firm based in Casablanca. Founded by Claudia Jimenez, Altiluz has supported Moroccan and "
                        "Maghreb business leaders with their human and organisational challenges for more than "
                        "ten years. We share the same conviction: without operational excellence rooted in local "
                        "reality, no transformation lasts.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "A presence led by recognised professionals", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Claudia Jimenez becomes OswegO’s Vice-President Maghreb. Respected for her solid "
                        "experience in customer relations and in running large-scale operations, she combines a "
                        "close understanding of local issues with a command of international standards. Together "
                        "with Jamal Mossaddeq, Partner, she will lead OswegO’s regional development and support "
                        "the first engagements.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>We are starting in Casablanca, with an ambition that covers the whole region: "
                        "Morocco, Tunisia, Algeria and Mauritania, wherever customer experience is becoming a "
                        "business issue.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "What we are here to do", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Our goal is simple: to put the operational expertise OswegO has built over more than "
                        "ten years with Europe’s largest groups at the service of the Maghreb. Our commitment "
                        "rests on three priorities:</p>"
                    ),
                },
                {"type": "list", "value": {"style": "check", "items": list(PRIORITIES["en"])}},
                {
                    "type": "heading",
                    "value": {"text": "Co-build, take root, transform", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>At OswegO, we believe context makes the difference. Every company, every market and "
                        "every customer culture calls for a tailored response, so we favour co-construction, "
                        "listening and adaptation. Our method is craft: rigour and precision, to build lasting, "
                        "high-performing customer operations together.</p>"
                    ),
                },
                {
                    "type": "key_figures",
                    "value": {
                        "figures": [
                            {
                                "value": "72%",
                                "label": "of customers use an online platform when dealing with customer service",
                                "source": "",
                            },
                        ]
                    },
                },
                {"type": "quote", "value": dict(QUOTE_CLAUDIA["en"])},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>We bring proven methods, concrete benchmarks and an expert, available team. Above "
                        "all, we work closely with business leaders to build their success.</p>"
                    ),
                },
                {"type": "quote", "value": dict(QUOTE_JAMAL["en"])},
                {
                    "type": "heading",
                    "value": {"text": "A presence built to last", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>By setting up in Casablanca, OswegO is pursuing a clear strategy: supporting companies "
                        "where the future of customer experience is now being shaped. After West Africa, the "
                        "Maghreb marks a new stage in our commitment to a lasting and useful presence.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>We bring our know-how, our hands-on operational experience and dozens of proven "
                        "references and use cases, built in the most demanding environments in Europe and Africa. "
                        "What we offer is not a fixed model, but the ability to structure, to adapt to context "
                        "and to transform.</p>"
                    ),
                },
                {"type": "quote", "value": dict(QUOTE_OLIVIER["en"])},
                {
                    "type": "cta",
                    "value": {
                        "text": (
                            "Want to go further? Talk about your operational challenges and your projects in the "
                            "Maghreb with Jamal Mossaddeq, Partner at OswegO."
                        ),
                        "button_label": "Talk to Jamal Mossaddeq",
                        "person": "jamal-mossaddeq",
                    },
                },
            ],
        },
    },
    # ------------------------------------------------------------------------
    # b) The opening announcement
    # ------------------------------------------------------------------------
    {
        "key": "oswego-opens-in-the-maghreb",
        "title": {
            "fr": "OswegO s’implante au Maghreb",
            "en": "OswegO opens in the Maghreb",
        },
        "slug": {
            "fr": "oswego-simplante-au-maghreb",
            "en": "oswego-opens-in-the-maghreb",
        },
        "date": "2025-05-15",
        "authors": ["olivier-pellevoizin"],
        "topics": ["annonces", "maghreb", "nearshore"],
        "standfirst": {
            "fr": (
                "OswegO ouvre une implantation à Casablanca avec Altiluz Consulting, et vise le Maroc, la "
                "Tunisie, l’Algérie et la Mauritanie."
            ),
            "en": (
                "OswegO is opening in Casablanca with Altiluz Consulting, with its sights set on Morocco, "
                "Tunisia, Algeria and Mauritania."
            ),
        },
        "search_description": {
            "fr": "OswegO s’implante à Casablanca avec Altiluz Consulting pour accompagner les opérations client au Maroc, en Tunisie, en Algérie et en Mauritanie.",
            "en": "OswegO opens in Casablanca with Altiluz Consulting to support customer operations in Morocco, Tunisia, Algeria and Mauritania.",
        },
        "related": ["maghreb-strategic-territory", "claudia-jimenez-vice-president-maghreb"],
        "body": {
            "fr": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>OswegO s’implante au Maghreb et commence par Casablanca. Après une première base en "
                        "Afrique de l’Ouest, le cabinet franchit une nouvelle étape de sa présence en Afrique, "
                        "pour accompagner au plus près du terrain la transformation des opérations client.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>L’ambition est régionale : Maroc, Tunisie, Algérie et Mauritanie. Pour la porter, "
                        "OswegO s’associe à Altiluz Consulting, cabinet de transformation managériale de "
                        "Casablanca créé par Claudia Jimenez. Celle-ci devient vice-présidente Maghreb "
                        "d’OswegO et pilotera le développement régional avec Jamal Mossaddeq, directeur "
                        "associé.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Trois priorités", "level": "h2"},
                },
                {"type": "list", "value": {"style": "check", "items": list(PRIORITIES["fr"])}},
                {"type": "quote", "value": dict(QUOTE_OLIVIER["fr"])},
                {
                    "type": "cta",
                    "value": {
                        "text": (
                            "Vous avez un projet ou un enjeu opérationnel au Maghreb ? Jamal Mossaddeq, directeur "
                            "associé, est votre interlocuteur."
                        ),
                        "button_label": "Contacter Jamal Mossaddeq",
                        "person": "jamal-mossaddeq",
                    },
                },
            ],
            "en": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>OswegO is opening in the Maghreb, starting in Casablanca. After a first base in West "
                        "Africa, the firm is taking a new step in its presence on the continent, to support the "
                        "transformation of customer operations on the ground.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The ambition is regional: Morocco, Tunisia, Algeria and Mauritania. To carry it "
                        "forward, OswegO is partnering with Altiluz Consulting, a management-transformation firm "
                        "based in Casablanca and founded by Claudia Jimenez. She becomes OswegO’s Vice-President "
                        "Maghreb and will lead regional development together with Jamal Mossaddeq, Partner.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Three priorities", "level": "h2"},
                },
                {"type": "list", "value": {"style": "check", "items": list(PRIORITIES["en"])}},
                {"type": "quote", "value": dict(QUOTE_OLIVIER["en"])},
                {
                    "type": "cta",
                    "value": {
                        "text": (
                            "Do you have a project or an operational challenge in the Maghreb? Jamal Mossaddeq, "
                            "Partner, is your contact."
                        ),
                        "button_label": "Contact Jamal Mossaddeq",
                        "person": "jamal-mossaddeq",
                    },
                },
            ],
        },
    },
    # ------------------------------------------------------------------------
    # c) The appointment
    # ------------------------------------------------------------------------
    {
        "key": "claudia-jimenez-vice-president-maghreb",
        "title": {
            "fr": "Claudia Jimenez nommée vice-présidente Maghreb",
            "en": "Claudia Jimenez appointed Vice-President Maghreb",
        },
        "slug": {
            "fr": "claudia-jimenez-nommee-vice-presidente-maghreb",
            "en": "claudia-jimenez-appointed-vice-president-maghreb",
        },
        "date": "2025-05-15",
        "authors": ["olivier-pellevoizin"],
        "topics": ["equipe", "annonces", "maghreb"],
        "standfirst": {
            "fr": (
                "Fondatrice d’Altiluz Consulting, Claudia Jimenez devient vice-présidente Maghreb d’OswegO et "
                "conduira, avec Jamal Mossaddeq, le développement du cabinet dans la région."
            ),
            "en": (
                "Claudia Jimenez, founder of Altiluz Consulting, becomes OswegO’s Vice-President Maghreb and "
                "will lead the firm’s development in the region with Jamal Mossaddeq."
            ),
        },
        "search_description": {
            "fr": "Claudia Jimenez, fondatrice d’Altiluz Consulting, est nommée vice-présidente Maghreb d’OswegO.",
            "en": "Claudia Jimenez, founder of Altiluz Consulting, is appointed OswegO’s Vice-President Maghreb.",
        },
        "related": ["oswego-opens-in-the-maghreb", "maghreb-strategic-territory"],
        "body": {
            "fr": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Claudia Jimenez est nommée vice-présidente Maghreb d’OswegO, à l’occasion de "
                        "l’ouverture du cabinet à Casablanca. Professionnelle reconnue, elle possède une solide "
                        "expérience de la relation client et du pilotage d’opérations à grande échelle, et allie "
                        "une connaissance fine des enjeux locaux à la maîtrise des standards internationaux.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Elle a fondé Altiluz Consulting, cabinet de transformation managériale basé à "
                        "Casablanca, qui aide depuis plus de dix ans les dirigeants marocains et maghrébins à "
                        "relever leurs défis humains et organisationnels. Altiluz est le partenaire d’OswegO pour "
                        "cette implantation.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Avec Jamal Mossaddeq, directeur associé, elle pilotera le développement régional "
                        "d’OswegO au Maroc, en Tunisie, en Algérie et en Mauritanie, et accompagnera les premières "
                        "missions du cabinet.</p>"
                    ),
                },
                {"type": "quote", "value": dict(QUOTE_CLAUDIA["fr"])},
                {
                    "type": "cta",
                    "value": {
                        "text": (
                            "Pour échanger sur vos défis opérationnels et vos projets dans la région, contactez "
                            "Jamal Mossaddeq, directeur associé."
                        ),
                        "button_label": "Contacter Jamal Mossaddeq",
                        "person": "jamal-mossaddeq",
                    },
                },
            ],
            "en": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Claudia Jimenez has been appointed OswegO’s Vice-President Maghreb, as the firm opens "
                        "in Casablanca. A respected professional with solid experience in customer relations and "
                        "in running large-scale operations, she combines a close understanding of local issues "
                        "with a command of international standards.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>She founded Altiluz Consulting, a management-transformation firm based in Casablanca "
                        "that has supported Moroccan and Maghreb business leaders with their human and "
                        "organisational challenges for more than ten years. Altiluz is OswegO’s partner for this "
                        "new presence.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Together with Jamal Mossaddeq, Partner, she will lead OswegO’s regional development in "
                        "Morocco, Tunisia, Algeria and Mauritania, and support the firm’s first engagements.</p>"
                    ),
                },
                {"type": "quote", "value": dict(QUOTE_CLAUDIA["en"])},
                {
                    "type": "cta",
                    "value": {
                        "text": (
                            "To discuss your operational challenges and your projects in the region, contact "
                            "Jamal Mossaddeq, Partner."
                        ),
                        "button_label": "Contact Jamal Mossaddeq",
                        "person": "jamal-mossaddeq",
                    },
                },
            ],
        },
    },
]
