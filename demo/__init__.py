"""Demo content as data: demo/content/ holds the texts, demo/loader.py reads them into pages."""
