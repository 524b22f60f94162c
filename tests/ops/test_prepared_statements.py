"""PostgreSQL parses and plans the statements every page repeats once per connection (settings: psycopg's prepared
statements), and an operator behind a transaction-mode pooler turns that off."""

import pytest
from django.db import connection

from oswego_site.settings.base import postgresql_options


def test_prepared_statements_are_on_unless_turned_off(monkeypatch):
    monkeypatch.delenv("DATABASE_PREPARED_STATEMENTS", raising=False)
    assert postgresql_options() == {"server_side_binding": True, "prepare_threshold": 2}
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "0")
    assert postgresql_options() == {}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's (.ci/run)")
def test_a_page_served_again_runs_prepared_statements(client, people_index):
    def prepared():
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
            return [row[0] for row in cursor.fetchall()]

    for _ in range(2):
        response = client.get("/fr/equipe-dirigeante/")
        assert response.status_code == 200
        assert "Équipe dirigeante" in response.content.decode()
    # By the second time (earlier tests on this connection may have done it already), the page's questions — its
    # site, the settings — are statements PostgreSQL has planned, held for the connection.
    statements = prepared()
    assert any('FROM "wagtailcore_site"' in statement for statement in statements)
    assert any('FROM "core_sitesettings"' in statement for statement in statements)
