"""documents.jsonl: every processed document with the cleaned text all offsets index."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..graph import Document, KnowledgeGraph
from .files import write_jsonl

__all__ = ["document_record", "to_documents", "write_documents"]


def document_record(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "url": document.url,
        "published": document.published,
        "author": document.author,
        "publisher": document.publisher,
        "language": document.language,
        "source": document.source,
        "sha256": document.sha256,
        "text": document.text,
    }


def to_documents(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    for document in graph.documents.values():
        yield document_record(document)


def write_documents(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write_jsonl(path, to_documents(graph))
