"""Exports: KnowledgeGraph → facts.jsonl, documents.jsonl, RDF, HTML. Imports graph/ only."""

from .documents import to_documents, write_documents
from .facts import to_facts, write_facts
from .files import write_json, write_jsonl, write_text
from .html import View, render_html, to_view, write_html
from .rdf import DEFAULT_BASE, RDF_FORMATS, Run, to_rdf, write_rdf
from .registry import OUTPUTS, ExportOptions, get_output, write_outputs

__all__ = [
    "to_facts", "write_facts", "to_documents", "write_documents", "to_rdf", "write_rdf", "Run",
    "RDF_FORMATS", "DEFAULT_BASE", "View", "to_view", "render_html", "write_html", "OUTPUTS",
    "ExportOptions", "get_output", "write_outputs", "write_json", "write_jsonl", "write_text",
]
