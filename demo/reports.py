"""The demo's report: a short PDF per language drawn from the launch post's regional figures, each with its source.

Built from this data whenever the demo is loaded (``load_demo_content``) or by ``bin/build_reports.py``, so a fresh
clone can try the whole gated-download path without any binary file in the repository. The figures are the post's
(/work/shared/seed/FACTS.md): the post gives no primary source for them, and the report says so.
"""

import datetime

from fpdf import FPDF

# Dated, so two builds of the same text give the same bytes.
BUILT_ON = datetime.datetime(2025, 5, 15, tzinfo=datetime.UTC)

POST_TITLE = "Le Maghreb, territoire stratégique de l’expérience client"

REPORTS = {
    "maghreb-figures": {
        "fr": {
            "filename": "oswego-maghreb-chiffres-cles-2025.pdf",
            "title": "Le Maghreb en chiffres : l’expérience client, territoire stratégique",
            "subtitle": "Note d’analyse OswegO · mai 2025",
            "intro": (
                "Cette note rassemble les chiffres régionaux que cite notre publication de lancement au Maghreb. "
                "Ils éclairent pourquoi la région devient un territoire décisif pour les opérations client : "
                "une croissance qui tient, des talents nombreux mais sous tension, une classe moyenne qui a "
                "grandi et des usages numériques qui s’accélèrent."
            ),
            "figures_heading": "Les chiffres",
            "columns": ("Indicateur", "Valeur", "Période"),
            "figures": [
                ("Croissance du PIB du Maroc", "+3,2 %", "2024 (estimation)"),
                ("Croissance du PIB du Maroc", "+3,9 %", "2025 (prévision)"),
                ("Croissance du PIB du Maroc", "+4,2 %", "2026 (prévision)"),
                ("Croissance du Maghreb (Maroc, Algérie, Tunisie)", "1,9 %", "2024"),
                ("Croissance du Maghreb (Maroc, Algérie, Tunisie)", "2,6 %", "2025 (attendue)"),
                ("Inflation au Maroc", "0,9 %", "2024"),
                ("Chômage au Maroc, ensemble", "13,3 %", "début 2025"),
                ("Chômage au Maroc, milieu urbain", "16,6 %", "début 2025"),
                ("Chômage au Maroc, jeunes", "37,7 %", "début 2025"),
                ("Part de la classe moyenne au Maroc", "53,2 % puis 61,9 %", "2012 puis 2019"),
                ("Équipement en smartphones au Maghreb", "plus de 85 %", "2025"),
                ("M-commerce au Maghreb", "a doublé", "en cinq ans"),
            ],
            "reading_heading": "Ce que nous en retenons",
            "reading": (
                "Des entreprises locales plus attendues sur la qualité de service, une demande locale plus mûre que "
                "le seul prisme de l’outsourcing, et des filières métiers à structurer pour recruter durablement. "
                "C’est là qu’OswegO, avec Altiluz Consulting à Casablanca, accompagne les opérations client."
            ),
            "sources_heading": "Sources",
            "sources": (
                f"Tous les chiffres sont ceux que donne la publication d’OswegO « {POST_TITLE} » (mai 2025), "
                "qui ne cite pas de source primaire pour chacun d’eux : vérifiez-les auprès de la source primaire "
                "avant de les citer. La publication cite par ailleurs Ahmadou Moustapha Ndiaye, directeur de "
                "division pour le Maghreb et Malte à la Banque mondiale, et l’étude Customer Experience "
                "Excellence de KPMG."
            ),
            "footer": "OswegO · Craft Operations for Brighter Futures",
        },
        "en": {
            "filename": "oswego-maghreb-key-figures-2025.pdf",
            "title": "The Maghreb in figures: customer experience as a strategic territory",
            "subtitle": "OswegO analysis note · May 2025",
            "intro": (
                "This note gathers the regional figures our Maghreb launch post cites. They show why the region "
                "is becoming decisive for customer operations: growth that holds up, plenty of talent under "
                "strain, a middle class that has grown and digital habits picking up speed."
            ),
            "figures_heading": "The figures",
            "columns": ("Indicator", "Value", "Period"),
            "figures": [
                ("Morocco GDP growth", "+3.2%", "2024 (estimate)"),
                ("Morocco GDP growth", "+3.9%", "2025 (forecast)"),
                ("Morocco GDP growth", "+4.2%", "2026 (forecast)"),
                ("Maghreb growth (Morocco, Algeria, Tunisia)", "1.9%", "2024"),
                ("Maghreb growth (Morocco, Algeria, Tunisia)", "2.6%", "2025 (expected)"),
                ("Inflation in Morocco", "0.9%", "2024"),
                ("Unemployment in Morocco, overall", "13.3%", "early 2025"),
                ("Unemployment in Morocco, urban", "16.6%", "early 2025"),
                ("Unemployment in Morocco, young people", "37.7%", "early 2025"),
                ("Middle-class share in Morocco", "53.2% then 61.9%", "2012 then 2019"),
                ("Smartphone ownership in the Maghreb", "above 85%", "2025"),
                ("M-commerce in the Maghreb", "doubled", "in five years"),
            ],
            "reading_heading": "What we take from them",
            "reading": (
                "Local companies are expected to serve better, local demand is more mature than the outsourcing "
                "lens suggests, and career paths need structuring to recruit for the long term. That is where "
                "OswegO, with Altiluz Consulting in Casablanca, supports customer operations."
            ),
            "sources_heading": "Sources",
            "sources": (
                f"Every figure is the one given in OswegO's post “{POST_TITLE}” (in French, May 2025), which names "
                "no primary source for each of them: check them against the primary source before quoting them. "
                "The post also quotes Ahmadou Moustapha Ndiaye, World Bank Division Director for the Maghreb and "
                "Malta, and KPMG's Customer Experience Excellence study."
            ),
            "footer": "OswegO · Craft Operations for Brighter Futures",
        },
    }
}

# The PDF's built-in fonts speak Latin-1: typographic characters outside it get their nearest equivalent.
PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "−": "-", "\u202f": "\u00a0"})


def plain(text):
    return text.translate(PLAIN)


def build(key, language):
    """(file name, PDF bytes) of report ``key`` in ``language``."""
    text = REPORTS[key][language]
    pdf = FPDF(format="A4")
    pdf.set_creation_date(BUILT_ON)
    pdf.set_lang(language)
    pdf.set_title(plain(text["title"]))
    pdf.set_author("OswegO")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    width = pdf.epw

    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(width, 9, plain(text["title"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(width, 7, plain(text["subtitle"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    pdf.multi_cell(width, 6, plain(text["intro"]), new_x="LMARGIN", new_y="NEXT")

    def heading(words):
        pdf.ln(5)
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(width, 8, plain(words), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)

    heading(text["figures_heading"])
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(col_widths=(60, 22, 28), text_align=("LEFT", "RIGHT", "LEFT")) as table:
        table.row([plain(cell) for cell in text["columns"]])
        for figure in text["figures"]:
            table.row([plain(cell) for cell in figure])
    pdf.set_font("Helvetica", "", 11)

    heading(text["reading_heading"])
    pdf.multi_cell(width, 6, plain(text["reading"]), new_x="LMARGIN", new_y="NEXT")
    heading(text["sources_heading"])
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(width, 5, plain(text["sources"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(width, 5, plain(text["footer"]), new_x="LMARGIN", new_y="NEXT")
    return text["filename"], bytes(pdf.output())


def title(key, language):
    return REPORTS[key][language]["title"]
