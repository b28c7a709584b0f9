"""Workspaces: a graph that grows and shrinks by document and equals a build of the same articles."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import NewsgraphError
from newsgraph.export.facts import to_facts
from newsgraph.graph import Extraction, KnowledgeGraph, document_id, normalise_name, resolve
from newsgraph.ingest import extract_documents, load_documents
from newsgraph.pipeline import add, export, remove, workspace_graph
from newsgraph.workspace import Workspace

from .conftest import EXAMPLE, ROOT, read_jsonl

WIKINEWS = ROOT / "examples" / "wikinews-24.jsonl"
EXAMPLE_URL = "https://www.algemeiner.com/2023/01/05/russian-drone-operators/"
EXAMPLE_ID = document_id("", EXAMPLE_URL)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """The example article and six Wikinews articles as one JSONL corpus."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:6]
    example = {"url": EXAMPLE_URL, "title": "Russian drone operators", "published": "2023-01-05",
               "text": EXAMPLE.read_text(encoding="utf-8")}
    path = folder / "corpus.jsonl"
    path.write_text("\n".join([json.dumps(example), *lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def extractions(nlp, corpus) -> list[Extraction]:
    documents = (item.document for item in load_documents([corpus]))
    return [x for x in extract_documents(nlp, documents) if isinstance(x, Extraction)]


def facts(graph: KnowledgeGraph) -> list[str]:
    return [json.dumps(record, sort_keys=True) for record in to_facts(graph)]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(7)))
def test_adding_articles_one_by_one_in_any_order_equals_building_them_at_once(extractions, tmp_path_factory, order):
    at_once = KnowledgeGraph.from_resolution(resolve(extractions))
    store = Workspace(tmp_path_factory.mktemp("ws"), create=True)
    for index in order:
        store.put(extractions[index])
    assert facts(workspace_graph(store.path)) == facts(at_once)


def test_remove_then_add_returns_the_workspace_to_the_same_state(extractions, tmp_path):
    store = Workspace(tmp_path, create=True)
    for extraction in extractions:
        store.put(extraction)
    before = facts(workspace_graph(tmp_path))
    store.remove(extractions[0].document.id)
    assert facts(workspace_graph(tmp_path)) != before
    store.put(extractions[0])
    assert facts(workspace_graph(tmp_path)) == before


def test_removing_the_only_source_of_an_edge_removes_the_edge(extractions, tmp_path):
    store = Workspace(tmp_path, create=True)
    for extraction in extractions:
        store.put(extraction)
    example = next(x for x in extractions if x.document.id == EXAMPLE_ID)
    remove([example.document.id], tmp_path)
    graph = workspace_graph(tmp_path)
    assert not [r for r in graph.relations() if r.predicate == "suppliedTo"]
    assert not graph.find("Kashan military base")


def test_an_unknown_document_id_names_where_ids_are(tmp_path):
    Workspace(tmp_path, create=True)
    with pytest.raises(NewsgraphError, match="documents.jsonl"):
        remove(["nope"], tmp_path)


def test_adding_again_extracts_nothing_and_a_changed_article_replaces_its_version(nlp, corpus, tmp_path):
    workspace = tmp_path / "ws"
    first = add([corpus], workspace)
    assert len(first.added) == 7 and not first.skipped
    again = add([corpus], workspace)
    assert (again.added, again.replaced, len(again.unchanged)) == ([], [], 7)
    changed = tmp_path / "changed.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0]) | {"text": json.loads(lines[0])["text"].replace("nearly 2,000", "about 1,700")}
    changed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    third = add([changed], workspace)
    assert third.replaced == [EXAMPLE_ID]
    assert len(Workspace(workspace)) == 7
    quotes = [e.quote for r in workspace_graph(workspace).relations() for e in r.evidence if r.predicate == "suppliedTo"]
    assert any("about 1,700" in q for q in quotes) and not any("nearly 2,000" in q for q in quotes)


def test_export_writes_the_outputs_of_build_with_merges(nlp, corpus, tmp_path):
    add([corpus], tmp_path / "ws")
    result = export(tmp_path / "ws", tmp_path / "out")
    assert {"facts", "documents", "rdf", "html", "merges", "conflicts", "report"} <= set(result.outputs)
    merges = read_jsonl(tmp_path / "out" / "merges.jsonl")
    assert merges and all(m["reason"] in {"same name", "alias", "same GeoNames id"} and m["mentions"] for m in merges)


def test_the_corpus_has_no_two_entities_of_one_type_with_the_same_name(extractions):
    graph = KnowledgeGraph.from_resolution(resolve(extractions))
    names = [(e.type, normalise_name(e.label)) for e in graph.entities()]
    assert len(names) == len(set(names))


def test_an_interrupted_add_resumes_without_duplicates(corpus, tmp_path):
    """Kill `newsgraph add` once some articles are stored; running it again completes the rest."""
    workspace = tmp_path / "ws"
    command = [sys.executable, "-m", "newsgraph", "add", str(corpus), "--workspace", str(workspace), "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((workspace / "docs").glob("*.json"))) < 2:
        if process.poll() is not None:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    stored = len(list((workspace / "docs").glob("*.json")))
    assert 2 <= stored < 7, "the run was not interrupted midway"
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored} already there" in rerun.stdout
    assert len(list((workspace / "docs").glob("*.json"))) == 7
    assert not list((workspace / "docs").glob(".*"))
    graph = workspace_graph(workspace)
    assert len(graph.documents) == 7
    for relation in graph.relations():
        assert len(relation.evidence) == len(set(relation.evidence))
