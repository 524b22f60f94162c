"""The house stays readable: no import circle, no import running back up, no room holding a quarter of the code.

import-linter (`make lint`) checks the layers too; these tests say it in behaviour a newcomer can read, and also
catch what it does not see: circles inside one app and models reached by name (``apps.get_model``).
"""

import ast
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"][0]["layers"]


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*LAYERS, cache_dir=None)


def _strongly_connected(graph):
    """Tarjan's algorithm over the project's modules: every group of modules that import each other in a ring."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []
    counter = [0]

    def visit(module):
        index[module] = low[module] = counter[0]
        counter[0] += 1
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            groups.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def test_no_module_imports_itself_through_a_circle(graph):
    circles = [sorted(group) for group in _strongly_connected(graph) if len(group) > 1]
    assert circles == []


def test_no_room_imports_a_room_above_it(graph):
    upward = []
    for position, lower in enumerate(LAYERS):
        for higher in LAYERS[:position]:
            if graph.chain_exists(importer=lower, imported=higher, as_packages=True):
                upward.append(f"{lower} -> {higher}")
    assert upward == []


def _models_reached_by_name():
    """(file, app label) for every apps.get_model("app.Model") in the project's code."""
    found = []
    for app in LAYERS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "attr", "") == "get_model"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.append((app, node.args[0].value.split(".")[0]))
    return found


def test_no_room_reaches_a_model_above_it_by_name():
    upward = [
        (app, label)
        for app, label in _models_reached_by_name()
        if label in LAYERS and LAYERS.index(label) < LAYERS.index(app)
    ]
    assert upward == []


def _lines_of_code(app):
    return sum(
        len(path.read_text().splitlines()) for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts
    )


def test_no_room_holds_a_quarter_of_the_code():
    lines = {app: _lines_of_code(app) for app in LAYERS}
    total = sum(lines.values())
    biggest = max(lines, key=lines.get)
    assert lines[biggest] / total < 0.25, f"{biggest} holds {lines[biggest]} of {total} lines"


def test_core_holds_only_what_every_page_shares():
    modules = {path.relative_to(ROOT / "core").as_posix() for path in (ROOT / "core").rglob("*.py")}
    modules = {name for name in modules if not name.startswith("migrations/")}
    assert modules <= {
        "__init__.py",
        "apps.py",
        "blocks.py",
        "factories.py",
        "forms.py",
        "languages.py",
        "models.py",
        "navigation.py",
        "panels.py",
        "translation.py",
        # French spacing: base.html runs every page through it.
        "typography.py",
        # Image roles and their renditions: the home, articles, people and the image block all show images.
        "images.py",
        # Rich text cleaned on save: every page's rich text fields and paragraph blocks pass through it.
        "sanitise.py",
        # Which site answers a request, and how a page is built from its row: every page served goes through both.
        "sites.py",
        "instances.py",
        # The SQL of the questions every page served asks, built once per process.
        "prepared.py",
        # A page's URL: every link of every page asks for one.
        "page_urls.py",
        "templatetags/__init__.py",
        "templatetags/site_tags.py",
        "templatetags/image_tags.py",
    }
