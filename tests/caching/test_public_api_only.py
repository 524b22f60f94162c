"""Only Wagtail's public API: no module of the project reads Wagtail's private request attributes or writes into a
page's ``__dict__`` (the behavioural tests say what the cache does; this guards how)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".venv", "node_modules", "var", "tests", ".git", "migrations"}


def project_sources():
    for path in ROOT.rglob("*.py"):
        if not SKIPPED.intersection(path.relative_to(ROOT).parts):
            yield path


def test_no_module_reads_wagtails_private_attributes_or_a_pages_dict():
    offenders = [
        str(path.relative_to(ROOT))
        for path in project_sources()
        if "_wagtail_" in (text := path.read_text()) or "__dict__" in text
    ]
    assert offenders == []


def test_the_guard_reads_the_project():
    assert any(path.name == "cache.py" for path in project_sources())
