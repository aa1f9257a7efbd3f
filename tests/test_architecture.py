"""The shape of the package: stages import only downward, no import circles, small modules.

Read from the source with ``ast`` (imports inside functions count too), so a new module or import is
checked as soon as it is written.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "diplo_edition"
MAX_LINES = 400

# The layers, lowest first: a module imports modules of its own layer or of lower ones only.
GROUND = (
    "diplo_edition", "diagnostics", "yamlfile", "editions", "registers", "config", "languages", "model",
    "slugs", "files", "fingerprints", "datacodec", "morphology", "cache", "previous_output", "process_pool",
    "progress",
)
STAGES = ("ocr", "layout", "apparatus", "tei", "site", "search")


def layer(module: str) -> int:
    """0 for the ground floor, 1–6 for the stages in pipeline order, 7 for what runs them."""
    head = module.split(".")[1] if "." in module else module
    if head in GROUND or module == "diplo_edition":
        return 0
    if head in STAGES:
        return 1 + STAGES.index(head)
    return len(STAGES) + 1


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules that a module imports (relative and absolute, at any depth of the code)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # Imports for the type checker only are not run: they make no circle.
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known]
            # "from . import urls" imports the submodule; "from .x import y" imports x.
            out.update(submodules or ([target] if target in known else []))
        elif isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names if alias.name in known)
    out.discard(name)
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def test_no_stage_imports_a_later_one():
    upward = sorted(
        f"{name} (layer {layer(name)}) imports {dep} (layer {layer(dep)})"
        for name, deps in graph().items()
        for dep in deps
        if layer(dep) > layer(name)
    )
    assert upward == []


def test_no_import_circles():
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for dep in edges[node]:
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in on_stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    # A package's __init__ that re-exports its modules is not a circle of code.
    circles = [c for c in circles if not all(m == c[0] or m.startswith(c[0] + ".") for m in c)]
    assert circles == []


def test_no_module_is_over_the_size_limit():
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_layers_are_real():
    """The check above would pass on an empty graph: it must see the pipeline's own imports."""
    edges = graph()
    assert "diplo_edition.model.document" in edges["diplo_edition.layout.passes"]
    assert "diplo_edition.tei.writer" in edges["diplo_edition.pipeline"]
    site, tei, model = (layer(f"diplo_edition.{m}") for m in ("site.render", "tei.writer", "model.inline"))
    assert site > tei > model == 0
