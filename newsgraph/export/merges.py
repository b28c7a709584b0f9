"""merges.jsonl: one line per article entity joined into a cross-document entity, with why."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..graph import KnowledgeGraph, Merge
from .files import write_jsonl

__all__ = ["merge_record", "to_merges", "write_merges"]


def merge_record(merge: Merge) -> dict[str, Any]:
    return {
        "entity": {"id": merge.entity, "label": merge.label, "type": merge.type},
        "doc": merge.doc,
        "member": {"id": merge.member, "label": merge.member_label},
        "reason": merge.reason,
        "key": merge.key,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in merge.mentions],
    }


def to_merges(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    for merge in graph.merges:
        yield merge_record(merge)


def write_merges(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write_jsonl(path, to_merges(graph))
