"""The package as a researcher meets it: the front door, the layers, the reference, the rules."""
from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import helpers

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "helpers"
LIBRARY = sorted([*PACKAGE.glob("*.py"), *PACKAGE.glob("formats/*.py")])  # helpers/ outside the course
API = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")

#: Each library module and the layer it belongs to; a module imports only its layer and those before.
LAYER = {
    "errors": 0, "source": 0, "parse": 0, "doubts": 0, "speakers": 0, "people": 0, "metadata": 0,
    "transcript": 0, "counting": 0,
    "measures": 1,
    "annotations": 2, "concordance": 2,
    "style": 3, "text": 3, "describe": 3, "charts": 3, "display": 3, "export": 3, "formats": 3,
    "corpus": 3, "cli": 3,
}


def imported_modules(path: Path) -> set[str]:
    """The ``helpers`` modules that the file imports (``from .x import``, ``from helpers.x``);
    in a subpackage (``helpers/formats/``), ``..x`` is a module of ``helpers`` and ``.x`` its own."""
    found = set()
    depth = 2 if path.parent != PACKAGE else 1
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if depth == 2 and node.level == 1:
                continue
            if depth == 2 and node.level == 2:
                found.update([node.module.split(".")[0]] if node.module else
                             [a.name for a in node.names if not a.name.startswith("__")])
            elif node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                found.update(alias.name for alias in node.names)
            elif node.module and node.module.startswith("helpers"):
                found.add(node.module.split(".")[1] if "." in node.module else "")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("helpers."):
                    found.add(alias.name.split(".")[1])
    return found


def test_the_front_door():
    for name in ["load", "load_cable", "parse_text", "Transcript", "Metadata", "KitError",
                 "TranscriptError", "DataFileError", "OutputError", "load_speakers", "count_words"]:
        assert name in helpers.__all__ and getattr(helpers, name) is not None
    with pytest.raises(AttributeError):
        helpers.no_such_thing  # noqa: B018


def test_modules_load_when_first_used_and_the_course_only_when_asked_for():
    code = ("import sys, helpers\n"
            "helpers.charts; helpers.measures; helpers.export\n"
            "for name in helpers.MODULES: getattr(helpers, name)\n"
            "assert 'helpers.course' not in sys.modules, 'the library imported the course'\n"
            "helpers.load_cable\n"
            "assert 'helpers.course' in sys.modules\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.name)
def test_the_library_never_imports_the_course_and_layers_import_downwards(path):
    name = path.parent.name if path.parent != PACKAGE else path.stem
    if path.parent == PACKAGE and name in {"__init__", "__main__"}:
        return
    imports = imported_modules(path)
    assert "course" not in imports and "paths" not in imports, f"{path.name} imports the course"
    for other in imports:
        assert other in LAYER, f"{path.name} imports helpers.{other}, which is in no layer"
        assert LAYER[other] <= LAYER[name], f"{path.name} (layer {LAYER[name]}) imports {other} (layer {LAYER[other]})"


def test_the_front_door_reaches_the_course_only_lazily():
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    top = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert not any("course" in ast.dump(node) for node in top)


#: What only the cable has: no string of the library may say it (docstrings may, as examples).
CABLE_WORDS = re.compile(r"Kelly|Stalin|Vyshinsky|Pavlov|Hayward|25 minutes|of service")


def strings_outside_docstrings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.name)
def test_no_library_string_names_the_cable(path):
    named = [s for s in strings_outside_docstrings(path) if CABLE_WORDS.search(s)]
    assert named == [], f"{path.name}: {named[:3]}"


def test_every_import_of_the_package_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=\[ ]", d)[0].lower() for d in project["dependencies"]}
    distribution = {"pandas": "pandas", "matplotlib": "matplotlib", "IPython": "ipython", "tqdm": "tqdm"}
    stdlib = set(sys.stdlib_module_names)
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            for name in names:
                top = (name or "").split(".")[0]
                if top in stdlib or top in {"helpers", "__future__"}:
                    continue
                assert top in distribution and distribution[top] in declared, f"{path}: {top} is not declared"


def public_names() -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import api_reference
    finally:
        sys.path.remove(str(ROOT / "tools"))
    return [(module, name) for _, modules in api_reference.LAYERS for module in modules
            for name in api_reference.public_names(importlib.import_module(module))]


def test_every_public_name_is_in_the_reference():
    names = public_names()
    assert len(names) > 120
    for module, name in names:
        if module == "helpers" and (name in helpers.MODULES or name == "course"):
            assert f"`helpers.{name}`" in API, name
            continue
        assert re.search(rf"^- `{re.escape(name)}[(`]", API, re.MULTILINE), f"{module}.{name} is not in docs/api.md"
    for module in {m for m, _ in names}:
        assert f"### `{module}`" in API


def test_every_library_module_declares_its_public_names():
    for path in LIBRARY:
        if path.stem == "__main__":
            continue
        package = "helpers" if path.parent == PACKAGE else f"helpers.{path.parent.name}"
        module = importlib.import_module(f"{package}.{path.stem}" if path.stem != "__init__" else package)
        assert hasattr(module, "__all__"), path.name
        for name in module.__all__:
            assert hasattr(module, name), f"{path.name}: __all__ names {name}, which it lacks"


def test_contributing_maps_every_module_in_one_line():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        rows = [line for line in text.splitlines() if line.startswith(f"| `{name}` |")]
        assert len(rows) == 1, f"CONTRIBUTING.md has no line of its own for helpers/{name}"
