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
from .export.rdf import DEFAULT_BASE
from .graph import Document, KnowledgeGraph
from .ingest import Failure, Loaded, extract_documents, load_documents, load_pipeline, load_rules, model_name
from .ingest.sources import SourceSettings

__all__ = ["BuildResult", "build", "build_graph"]

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


def build_graph(
    inputs: Iterable[str | Path],
    model: str | None = None,
    settings: SourceSettings | None = None,
    progress: Callable[[_Intake], None] | None = None,
) -> tuple[KnowledgeGraph, _Intake]:
    """Read and extract every input into one KnowledgeGraph, streaming document by document."""
    nlp = load_pipeline(model)
    graph, intake = KnowledgeGraph(), _Intake(progress)
    for result in extract_documents(nlp, intake.documents(load_documents(inputs, settings))):
        if isinstance(result, Failure):
            intake.skip(result)
            continue
        graph.add(result)
        intake.done += 1
        intake.tick()
        log.info("%s: %d relations", result.document.source or result.document.id, len(result.relations))
    return graph, intake


def build(
    inputs: Iterable[str | Path],
    out: str | Path,
    model: str | None = None,
    rdf_format: str = "trig",
    base: str = DEFAULT_BASE,
    settings: SourceSettings | None = None,
    progress: Callable[[_Intake], None] | None = None,
) -> BuildResult:
    """Build the graph of `inputs` and write every output and `report.json` into `out`."""
    out = Path(out)
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    nlp = load_pipeline(model)
    loaded_at = time.perf_counter()
    graph, intake = build_graph(inputs, model, settings, progress)
    extracted_at = time.perf_counter()
    rules = load_rules()
    run = Run(rules.extractor, rules.version, started=started.replace(microsecond=0),
              ended=datetime.now(timezone.utc).replace(microsecond=0), software_version=_version("newsgraph"))
    options = ExportOptions(run=run, rdf_format=rdf_format, base=base, title=_title(graph))
    outputs = write_outputs(graph, out, options)
    finished = time.perf_counter()
    relations = list(graph.relations())
    report = {
        "inputs": intake.inputs,
        "processed": len(graph.documents),
        "skipped": intake.skipped,
        "cleaning": intake.cleaning,
        "counts": {
            "documents": len(graph.documents),
            "entities": sum(1 for _ in graph.entities()),
            "relations": len(relations),
            "edges": sum(1 for r in relations if graph.is_edge(r)),
            "evidence": sum(len(r.evidence) for r in relations),
        },
        "timings_s": {
            "load_model": round(loaded_at - clock, 3),
            "extract": round(extracted_at - loaded_at, 3),
            "export": round(finished - extracted_at, 3),
            "total": round(finished - clock, 3),
        },
        "versions": {
            "newsgraph": _version("newsgraph"),
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "model": model_name(nlp),
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
