"""The one place that composes ingest/, graph/ and export/: inputs in, output files out."""

from __future__ import annotations

import logging
import platform
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import spacy

from .export import ExportOptions, Run, write_json, write_outputs
from .export.html import DEFAULT_LIMIT
from .export.rdf import DEFAULT_BASE
from .graph import Document, Extraction, KnowledgeGraph, resolve
from .ingest import Failure, Loaded, extract_documents, load_documents, load_pipeline, load_rules, model_name
from .ingest.sources import SourceSettings
from .workspace import Workspace

__all__ = ["BuildResult", "AddResult", "build", "build_graph", "add", "remove", "export", "workspace_graph"]

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    """What a build did: the graph, the files written and the report written with them."""

    graph: KnowledgeGraph
    outputs: dict[str, Path] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def exit_status(self) -> int:
        """0 when every input was processed, 2 when some were skipped, 1 when none was processed."""
        if not self.graph.documents:
            return 1
        return 2 if self.report.get("skipped") else 0


class _Intake:
    """Streams documents to extraction while recording what cleaning removed and what was skipped."""

    def __init__(self, progress: Callable[["_Intake"], None] | None = None) -> None:
        self.skipped: list[dict[str, str]] = []
        self.cleaning: list[dict[str, Any]] = []
        self.inputs = 0
        self.done = 0
        self._seen: dict[str, str] = {}
        self._progress = progress

    def skip(self, failure: Failure) -> None:
        log.info("skipped %s", failure.reason)
        self.skipped.append({"input": failure.input, "reason": failure.reason})
        self.tick()

    def tick(self) -> None:
        if self._progress is not None:
            self._progress(self)

    def documents(self, loaded: Iterable[Loaded | Failure]) -> Iterator[Document]:
        for item in loaded:
            self.inputs += 1
            if isinstance(item, Failure):
                self.skip(item)
                continue
            document = item.document
            earlier = self._seen.get(document.id) or self._seen.get(document.sha256)
            if earlier is not None:
                self.skip(Failure(document.source or document.id,
                                  f"{document.source}: duplicate of {earlier} (same URL or text): processed once"))
                continue
            self._seen[document.id] = self._seen[document.sha256] = document.source or document.id
            self.cleaning.append({
                "doc": document.id,
                "input": document.source,
                "lines_removed": item.cleaning.lines_removed,
                "chars_removed": item.cleaning.chars_removed,
                "removed": [{"line": r.line, "rule": r.rule, "text": r.text} for r in item.cleaning.removed],
            })
            yield document


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _extract(
    documents: Iterable[Document], nlp, intake: _Intake, store: Callable[[Extraction], None],
) -> None:
    """Extract each document and hand its extraction to `store`; failures go to the intake."""
    for result in extract_documents(nlp, documents):
        if isinstance(result, Failure):
            intake.skip(result)
            continue
        store(result)
        intake.done += 1
        intake.tick()
        log.info("%s: %d relations", result.document.source or result.document.id, len(result.relations))


def build_graph(
    inputs: Iterable[str | Path],
    model: str | None = None,
    settings: SourceSettings | None = None,
    progress: Callable[[_Intake], None] | None = None,
    merge: bool = True,
) -> tuple[KnowledgeGraph, _Intake]:
    """Read and extract every input, then join entities across articles into one KnowledgeGraph.

    Articles stream through extraction one by one; cross-document resolution needs them all, so it
    runs once at the end (graph.resolution). `merge=False` keeps every article's entities apart.
    """
    nlp = load_pipeline(model)
    intake, extractions = _Intake(progress), []
    _extract(intake.documents(load_documents(inputs, settings)), nlp, intake, extractions.append)
    return KnowledgeGraph.from_resolution(resolve(extractions, merge=merge)), intake


def build(
    inputs: Iterable[str | Path],
    out: str | Path,
    model: str | None = None,
    rdf_format: str = "trig",
    base: str = DEFAULT_BASE,
    settings: SourceSettings | None = None,
    progress: Callable[[_Intake], None] | None = None,
    merge: bool = True,
    html_limit: int = DEFAULT_LIMIT,
) -> BuildResult:
    """Build the graph of `inputs` and write every output and `report.json` into `out`."""
    clock = _Clock()
    nlp = load_pipeline(model)
    clock.lap("load_model")
    graph, intake = build_graph(inputs, model, settings, progress, merge=merge)
    clock.lap("extract")
    return _write(graph, Path(out), nlp, clock, rdf_format, base, html_limit, {
        "inputs": intake.inputs, "processed": len(graph.documents), "skipped": intake.skipped,
        "cleaning": intake.cleaning,
    })


@dataclass
class AddResult:
    """What `add` did to a workspace, document id by document id."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """0 when every input is in the workspace, 2 when some were skipped, 1 when nothing is."""
        if not (self.added or self.replaced or self.unchanged):
            return 1
        return 2 if self.skipped else 0


def add(
    inputs: Iterable[str | Path],
    workspace: str | Path,
    model: str | None = None,
    settings: SourceSettings | None = None,
    progress: Callable[[_Intake], None] | None = None,
) -> AddResult:
    """Add articles to a workspace (created if missing), extracting only those not stored yet.

    An article already stored with the same text is left alone; the same article (same id) with
    new text replaces its earlier version; the same text under another id is a duplicate. Each
    article is stored as soon as it is extracted, so an interrupted run keeps what it finished.
    """
    nlp = load_pipeline(model)
    rules = load_rules()
    store = Workspace(workspace, create=True, about={"extractor": rules.name, "model": model_name(nlp)})
    intake, result = _Intake(progress), AddResult()

    def unseen(documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            status, stored_as = store.status(document)
            if status == "stored":
                result.unchanged.append(document.id)
                intake.tick()
            elif status == "duplicate":
                intake.skip(Failure(document.source or document.id, f"{document.source or document.id}: duplicate of "
                                    f"{stored_as} already in the workspace (same text): not added"))
            else:
                (result.replaced if status == "changed" else result.added).append(document.id)
                yield document

    _extract(unseen(intake.documents(load_documents(inputs, settings))), nlp, intake, store.put)
    done = set(store.doc_ids())
    result.added = [d for d in result.added if d in done]
    result.replaced = [d for d in result.replaced if d in done]
    result.skipped = intake.skipped
    return result


def remove(doc_ids: Iterable[str], workspace: str | Path) -> list[str]:
    """Take articles out of a workspace; their evidence goes, and what it alone supported with it."""
    store = Workspace(workspace)
    removed = []
    for doc_id in doc_ids:
        store.remove(doc_id)
        removed.append(doc_id)
    return removed


def workspace_graph(workspace: str | Path, merge: bool = True) -> KnowledgeGraph:
    """The graph of everything in a workspace, entities joined across articles."""
    return KnowledgeGraph.from_resolution(resolve(Workspace(workspace).extractions(), merge=merge))


def export(
    workspace: str | Path,
    out: str | Path,
    rdf_format: str = "trig",
    base: str = DEFAULT_BASE,
    merge: bool = True,
    html_limit: int = DEFAULT_LIMIT,
) -> BuildResult:
    """Write the same outputs as `build` for everything a workspace holds, without re-extracting."""
    clock = _Clock()
    graph = workspace_graph(workspace, merge=merge)
    clock.lap("load_workspace")
    return _write(graph, Path(out), None, clock, rdf_format, base, html_limit, {
        "workspace": str(workspace), "processed": len(graph.documents), "skipped": [],
    })


class _Clock:
    """Named timings of a run, in seconds."""

    def __init__(self) -> None:
        self.started = datetime.now(timezone.utc)
        self._last = self._first = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 3)
        self._last = now

    def total(self) -> float:
        return round(time.perf_counter() - self._first, 3)


def _write(graph: KnowledgeGraph, out: Path, nlp, clock: _Clock, rdf_format: str, base: str, html_limit: int,
           report: dict[str, Any]) -> BuildResult:
    """Write every output and report.json for a finished graph."""
    rules = load_rules()
    run = Run(rules.extractor, rules.version, started=clock.started.replace(microsecond=0),
              ended=datetime.now(timezone.utc).replace(microsecond=0), software_version=_version("newsgraph"))
    options = ExportOptions(run=run, rdf_format=rdf_format, base=base, title=_title(graph), html_limit=html_limit)
    outputs = write_outputs(graph, out, options)
    clock.lap("export")
    relations = list(graph.relations())
    report = {
        **report,
        "counts": {
            "documents": len(graph.documents),
            "entities": sum(1 for _ in graph.entities()),
            "relations": len(relations),
            "edges": sum(1 for r in relations if graph.is_edge(r)),
            "evidence": sum(len(r.evidence) for r in relations),
            "merges": len(graph.merges),
            "conflicts": len(graph.conflicts()),
        },
        "timings_s": {**clock.laps, "total": clock.total()},
        "versions": {
            "newsgraph": _version("newsgraph"),
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "model": model_name(nlp) if nlp is not None else None,
            "extractor": rules.name,
        },
        "run": run.id,
        "outputs": {name: path.name for name, path in outputs.items()},
    }
    outputs["report"] = write_json(out / "report.json", report)
    return BuildResult(graph, outputs, report)


def _title(graph: KnowledgeGraph) -> str:
    if len(graph.documents) == 1:
        document = next(iter(graph.documents.values()))
        return f"newsgraph — {document.title or document.id}"
    return f"newsgraph — {len(graph.documents)} articles"
