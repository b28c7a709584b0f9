"""graph/ is the core: it must import neither ingest/ nor export/, and those not each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newsgraph"


def imported_stages(folder: Path, package: Path = PACKAGE) -> set[tuple[str, str]]:
    """(file, stage) for every import of a newsgraph stage module from files under folder."""
    found = set()
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level:
                    where = path.relative_to(package).parts[:-1]
                    base = list(where[: len(where) - (node.level - 1)])
                    module = ".".join(base + ([module] if module else []))
                    names = [module] + [f"{module}.{a.name}" if module else a.name for a in node.names]
                else:
                    names = [module.removeprefix("newsgraph.")] if module.startswith("newsgraph") else []
            elif isinstance(node, ast.Import):
                names = [a.name.removeprefix("newsgraph.") for a in node.names if a.name.startswith("newsgraph")]
            for name in names:
                stage = name.split(".")[0]
                if stage in {"ingest", "export", "graph", "pipeline", "cli"}:
                    found.add((path.name, stage))
    return found


@pytest.mark.parametrize("stage, forbidden", [
    ("graph", {"ingest", "export", "pipeline", "cli"}),
    ("ingest", {"export", "pipeline", "cli"}),
    ("export", {"ingest", "pipeline", "cli"}),
])
def test_stage_does_not_import(stage, forbidden):
    offending = {(f, s) for f, s in imported_stages(PACKAGE / stage) if s in forbidden}
    assert not offending


def test_the_checker_sees_relative_and_absolute_imports(tmp_path):
    core = tmp_path / "newsgraph" / "graph"
    core.mkdir(parents=True)
    (core / "bad.py").write_text("from ..ingest import clean\nimport newsgraph.export.rdf\nfrom .model import Entity\n")
    found = imported_stages(core, tmp_path / "newsgraph")
    assert found == {("bad.py", "ingest"), ("bad.py", "export"), ("bad.py", "graph")}
