#!/usr/bin/env python3
"""Write the reference part of ``docs/api.md``: every public name of the package, with its
signature and the first line of its docstring, module by module, in the order of the layers.

    .venv/bin/python tools/api_reference.py          # rewrite docs/api.md between its markers
    .venv/bin/python tools/api_reference.py --check  # exit 1 if docs/api.md is out of date

The public names of a module are its ``__all__``. The text above the first marker and below
the last is written by hand and kept as it is.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
API = ROOT / "docs" / "api.md"
BEGIN = "<!-- reference: written by tools/api_reference.py; edit the docstrings, then rerun it -->"
END = "<!-- end of reference -->"

#: The modules, layer by layer (the library, then the course).
LAYERS: list[tuple[str, list[str]]] = [
    ("Front door", ["helpers"]),
    ("Reading", ["helpers.errors", "helpers.source", "helpers.parse", "helpers.doubts", "helpers.speakers",
                 "helpers.people", "helpers.metadata", "helpers.transcript"]),
    ("Measures", ["helpers.counting", "helpers.measures"]),
    ("Notes", ["helpers.annotations", "helpers.concordance"]),
    ("Views", ["helpers.style", "helpers.text", "helpers.describe", "helpers.charts",
               "helpers.display", "helpers.export", "helpers.corpus", "helpers.cli"]),
    ("Formats (exports to the standard formats of the field)",
     ["helpers.formats", "helpers.formats.tei", "helpers.formats.convokit", "helpers.formats.tsv",
      "helpers.formats.webanno", "helpers.formats.tables"]),
    ("The course (the cable and its notebooks; not a library API)",
     ["helpers.course", "helpers.course.paths", "helpers.course.cable", "helpers.course.slips",
      "helpers.course.nb01", "helpers.course.nb02", "helpers.course.nb03", "helpers.course.nb04",
      "helpers.course.witnesses", "helpers.course.quotations", "helpers.course.exercise",
      "helpers.course.plain", "helpers.course.checks", "helpers.course.answers", "helpers.course.reset"]),
]


def first_line(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    paragraph = doc.split("\n\n")[0]
    return " ".join(paragraph.split())


def signature(obj: object) -> str:
    """The signature as a reader writes it (``pd.DataFrame``, no module paths), or ``""``."""
    for evaluate in (True, False):
        try:
            text = str(inspect.signature(obj, eval_str=evaluate))  # type: ignore[arg-type]
        except (NameError, TypeError, ValueError):
            continue
        text = re.sub(r"ForwardRef\('([^']*)'\)", r"\1", text)
        text = re.sub(r"\bhelpers\.(?:\w+\.)*(?=[A-Z])", "", text)
        text = text.replace("pandas.", "pd.").replace("pathlib.", "").replace("<factory>", "...")
        text = text.replace(str(ROOT) + "/", "")  # a default path inside the kit, as the kit names it
        if inspect.isclass(obj):
            text = text.removesuffix(" -> None")
        return text
    return ""


def public_names(module: object) -> list[str]:
    """``__all__``, or else the functions and classes the module defines without a leading ``_``."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return list(names)
    return [name for name, obj in vars(module).items()
            if not name.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj))
            and getattr(obj, "__module__", None) == getattr(module, "__name__", None)]


def describe(module_name: str, name: str) -> str:
    module = importlib.import_module(module_name)
    obj = getattr(module, name)
    if inspect.ismodule(obj):
        return f"- `{name}`: the module `{obj.__name__}`. {first_line(obj)}"
    if inspect.isclass(obj):
        shown = "" if issubclass(obj, BaseException) else signature(obj)
        return f"- `{name}{shown}` (class): {first_line(obj)}"
    if callable(obj):
        return f"- `{name}{signature(obj)}`: {first_line(obj)}"
    kind = "Path" if isinstance(obj, Path) else type(obj).__name__
    return f"- `{name}` ({kind}): {first_line_of_constant(name, module_name)}"


def first_line_of_constant(name: str, module_name: str) -> str:
    """The ``#:`` comment above a constant where it is defined (its module, or the module of
    the package it is taken from)."""
    candidates = [module_name] + [m for _, modules in LAYERS for m in modules if m.startswith(module_name + ".")]
    for candidate in candidates:
        try:
            lines = inspect.getsource(importlib.import_module(candidate)).splitlines()
        except (OSError, TypeError):
            continue
        for i, line in enumerate(lines):
            if line.startswith((f"{name}:", f"{name} =")):
                notes = []
                j = i - 1
                while j >= 0 and lines[j].startswith("#:"):
                    notes.insert(0, lines[j][2:].strip())
                    j -= 1
                if notes:
                    return " ".join(notes)
    return ""


def reference() -> str:
    parts = [BEGIN, ""]
    for layer, modules in LAYERS:
        parts += [f"## {layer}", ""]
        for module_name in modules:
            module = importlib.import_module(module_name)
            parts += [f"### `{module_name}`", "", first_line(module), ""]
            names = public_names(module)
            if module_name == "helpers":
                names = [n for n in names if n not in getattr(module, "MODULES", ()) and n != "course"]
                parts.append("Also every module of the library, loaded when first used: "
                             + ", ".join(f"`helpers.{m}`" for m in module.MODULES)
                             + "; and the course, `helpers.course`.")
                parts.append("")
            parts += [describe(module_name, name) for name in names]
            parts.append("")
    parts.append(END)
    return "\n".join(parts)


def updated(text: str) -> str:
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + reference() + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether docs/api.md is up to date")
    args = parser.parse_args(argv)
    text = API.read_text(encoding="utf-8")
    new = updated(text)
    if args.check:
        if new != text:
            print("docs/api.md is out of date: run .venv/bin/python tools/api_reference.py", file=sys.stderr)
            return 1
        return 0
    API.write_text(new, encoding="utf-8")
    print(f"wrote {API.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
