"""The layout the README describes, checked on the source: apps stack bottom-up and nothing runs back up.

Read with `ast`, so imports inside functions count too, and so do string references such as
"home.HomePage" (which reach a model without importing it).
"""

import ast
from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Lowest first. An app may import only apps below it; search, demo and api all sit on top, apart.
LAYERS = [
    ["portal"],
    ["accounts", "moderation", "caching"],
    ["people"],
    ["methods"],
    ["networks"],
    ["casestudies", "digests"],
    ["meetings", "feedback", "discussion"],
    ["home"],
    ["search", "demo", "api"],
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
APPS = sorted(RANK)
MAX_MODULE_LINES = 400
MAX_APP_SHARE = 0.25


def source_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path, tree):
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                yield f"{base}.{alias.name}"  # a submodule, or a name in `base`: both resolved below
            yield base


def parsed():
    return [(app, path, ast.parse(path.read_text(), filename=str(path))) for app, path in source_files()]


@pytest.fixture(scope="module")
def sources():
    return parsed()


def test_imports_run_downward_only(sources):
    upward = []
    for app, path, tree in sources:
        for module in imported_modules(path, tree):
            target = module.split(".")[0]
            if target in RANK and target != app and RANK[target] >= RANK[app]:
                upward.append(f"{path.relative_to(ROOT)} imports {module}")
    assert sorted(set(upward)) == []


def test_no_string_references_to_higher_apps_models(sources):
    found = []
    for app, path, tree in sources:
        if path == ROOT / "portal" / "settings.py":
            continue  # the project's configuration names every app (INSTALLED_APPS, ERFA_CONTENT_OWNER_MODEL)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                label, _, model = node.value.partition(".")
                upward = label in RANK and label != app and RANK[label] >= RANK[app]
                if upward and model[:1].isupper() and model.isidentifier():
                    found.append(f"{path.relative_to(ROOT)}: {node.value!r}")
    assert found == []


def test_no_import_cycles_between_modules(sources):
    modules = {module_name(path) for _app, path, _tree in sources}
    graph = defaultdict(set)
    for _app, path, tree in sources:
        source = module_name(path)
        for module in imported_modules(path, tree):
            # `from a.b import c` depends on a.b.c when that is a module, else on a.b.
            while module and module not in modules:
                module = module.rpartition(".")[0]
            if module and module != source:
                graph[source].add(module)
    cycles = []
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(" -> ".join(trail[trail.index(target) :] + [target]))
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for module in sorted(modules):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_modules_stay_small_and_no_app_holds_more_than_a_quarter(sources):
    lines = {path: len(path.read_text().splitlines()) for _app, path, _tree in sources}
    assert [f"{path.relative_to(ROOT)}: {count}" for path, count in lines.items() if count > MAX_MODULE_LINES] == []
    per_app = defaultdict(int)
    for app, path, _tree in sources:
        per_app[app] += lines[path]
    total = sum(per_app.values())
    assert {app: f"{count / total:.0%}" for app, count in per_app.items() if count > MAX_APP_SHARE * total} == {}


def test_models_never_import_views(sources):
    found = []
    for _app, path, tree in sources:
        if "models" in path.relative_to(ROOT).parts or path.stem == "models":
            found += [f"{path.relative_to(ROOT)} imports {m}" for m in imported_modules(path, tree) if ".views" in m]
    assert found == []


def test_the_readmes_layout_table_names_every_folder():
    readme = (ROOT / "README.md").read_text()
    layout = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    made_locally = {"var", "build", "media", "static_collected", "test-results", "node_modules", "__pycache__"}
    folders = [
        path.name
        for path in ROOT.iterdir()
        if path.is_dir()
        and not path.name.startswith(".")
        and path.name not in made_locally
        and not path.name.endswith(".egg-info")
    ]
    assert [folder for folder in sorted(folders) if f"`{folder}/" not in layout] == []
