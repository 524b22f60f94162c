"""PostgreSQL only: accent-insensitive French and English text search configurations, and a GIN index.

Creating the unaccent extension needs a role allowed to (the postgres
superuser locally and in CI; a managed database may need it done once by its
administrator). SQLite has nothing to do here.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'oswego_fr') THEN
    CREATE TEXT SEARCH CONFIGURATION oswego_fr (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION oswego_fr
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'oswego_en') THEN
    CREATE TEXT SEARCH CONFIGURATION oswego_en (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION oswego_en
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
  END IF;
END
$$;
CREATE INDEX IF NOT EXISTS sitesearch_document_vector ON sitesearch_searchdocument USING GIN (vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS sitesearch_document_vector;
DROP TEXT SEARCH CONFIGURATION IF EXISTS oswego_fr;
DROP TEXT SEARCH CONFIGURATION IF EXISTS oswego_en;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
