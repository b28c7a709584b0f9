"""Shared fixtures: the spaCy pipeline is loaded once per session, the example built once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.ingest import load_pipeline
from newsgraph.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "algemeiner-2023-01-05-russian-drone-operators.txt"

HOSTILE = """Hostile Test Article About Drones

Iran has so far supplied <script>alert(2)</script> Russia with nearly 2,000 drones, officials said.

Yuriy Ignat, a spokesperson for <img src=x onerror=alert(1)> Ukraine's air force, said on Tuesday that the drones were launched at night.
"""


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def example_build(nlp, tmp_path_factory):
    """The example article built once: (BuildResult, output directory)."""
    out = tmp_path_factory.mktemp("example-out")
    return build([EXAMPLE], out), out


@pytest.fixture(scope="session")
def example_facts(example_build) -> list[dict]:
    return read_jsonl(example_build[1] / "facts.jsonl")


@pytest.fixture(scope="session")
def example_documents(example_build) -> dict[str, dict]:
    return {d["id"]: d for d in read_jsonl(example_build[1] / "documents.jsonl")}


@pytest.fixture(scope="session")
def hostile_build(nlp, tmp_path_factory):
    """An article whose text carries markup meant to run in the HTML page."""
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    out = folder / "out"
    return build([article], out), out
