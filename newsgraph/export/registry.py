"""The one registry of output formats: a name, the file it writes, and its writer.

`newsgraph build` writes every registered output; `get_output(name)` finds one, and an unknown
name is an error that lists the known ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import ExportError
from ..graph import KnowledgeGraph
from .conflicts import write_conflicts
from .documents import write_documents
from .facts import write_facts
from .merges import write_merges
from .ontology import write_ontology
from .shapes import write_shapes
from .html import DEFAULT_LIMIT, write_html
from .rdf import DEFAULT_BASE, RDF_FORMATS, Run, write_rdf

__all__ = ["ExportOptions", "Output", "OUTPUTS", "get_output", "write_outputs"]


@dataclass(frozen=True)
class ExportOptions:
    """Settings shared by the writers of one run."""

    run: Run
    rdf_format: str = "trig"
    base: str = DEFAULT_BASE
    title: str = "newsgraph"
    html_limit: int = DEFAULT_LIMIT
    """relations the HTML page draws at first; the rest are one click away"""


@dataclass(frozen=True)
class Output:
    name: str
    filename: Callable[[ExportOptions], str]
    write: Callable[[KnowledgeGraph, Path, ExportOptions], Path]
    description: str = field(default="", compare=False)


OUTPUTS: dict[str, Output] = {
    output.name: output
    for output in (
        Output("facts", lambda o: "facts.jsonl", lambda g, p, o: write_facts(g, p), "one line per relation with its evidence"),
        Output("documents", lambda o: "documents.jsonl", lambda g, p, o: write_documents(g, p), "the cleaned documents"),
        Output(
            "rdf",
            lambda o: f"graph.{RDF_FORMATS.get(o.rdf_format, 'rdf')}",
            lambda g, p, o: write_rdf(g, p, o.run, o.rdf_format, o.base),
            "RDF dataset, one named graph per document",
        ),
        Output("html", lambda o: "graph.html", lambda g, p, o: write_html(g, p, o.title, o.html_limit), "interactive graph page"),
        Output("ontology", lambda o: "ontology.ttl", lambda g, p, o: write_ontology(p, o.base), "the ontology (RDFS/OWL)"),
        Output("shapes", lambda o: "shapes.ttl", lambda g, p, o: write_shapes(p, o.base), "SHACL shapes the RDF conforms to"),
        Output("merges", lambda o: "merges.jsonl", lambda g, p, o: write_merges(g, p), "entities joined across articles, with reasons"),
        Output("conflicts", lambda o: "conflicts.jsonl", lambda g, p, o: write_conflicts(g, p), "statements stated by one source, denied by another"),
    )
}


def get_output(name: str) -> Output:
    try:
        return OUTPUTS[name]
    except KeyError:
        raise ExportError(f"unknown output format {name!r}: known formats are {', '.join(OUTPUTS)}") from None


def write_outputs(graph: KnowledgeGraph, out: Path, options: ExportOptions, names: tuple[str, ...] = tuple(OUTPUTS)) -> dict[str, Path]:
    """Write the named outputs into `out`; returns the path of each."""
    outputs = [get_output(name) for name in names]
    return {o.name: o.write(graph, out / o.filename(options), options) for o in outputs}
