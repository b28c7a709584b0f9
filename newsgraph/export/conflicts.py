"""conflicts.jsonl: statements one source makes as fact and another denies, side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..graph import Conflict, KnowledgeGraph
from .facts import evidence_record, statement_record
from .files import write_jsonl

__all__ = ["conflict_record", "to_conflicts", "write_conflicts"]


def conflict_record(graph: KnowledgeGraph, conflict: Conflict) -> dict[str, Any]:
    return {
        **statement_record(graph, conflict.relation),
        "stated": [evidence_record(e) for e in conflict.stated],
        "denied": [evidence_record(e) for e in conflict.denied],
    }


def to_conflicts(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    for conflict in graph.conflicts():
        yield conflict_record(graph, conflict)


def write_conflicts(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write_jsonl(path, to_conflicts(graph))
