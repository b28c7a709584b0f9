"""facts.jsonl: one line per relation, the stable machine-readable contract (see DESIGN.md)."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, Iterator

from ..graph import Entity, Evidence, KnowledgeGraph, Literal, Relation
from .files import write_jsonl

__all__ = ["to_facts", "write_facts", "entity_record", "evidence_record", "qualifier_record", "statement_record"]


def entity_record(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "label": entity.label, "type": entity.type, "aliases": list(entity.aliases)}


def qualifier_record(value: Any) -> Any:
    """Qualifiers as JSON: a quantity or a time keeps its verbatim text next to its value."""
    return asdict(value) if is_dataclass(value) else value


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    return {
        "doc": evidence.doc,
        "sentence": evidence.sentence,
        "sentence_span": [evidence.sentence_start, evidence.sentence_end],
        "start": evidence.start,
        "end": evidence.end,
        "quote": evidence.quote,
        "subject_span": list(evidence.subject_span),
        "object_span": list(evidence.object_span) if evidence.object_span else None,
        "trigger_span": list(evidence.trigger_span) if evidence.trigger_span else None,
        "status": evidence.status,
        "attributed_to": evidence.attributed_to,
        "cue": evidence.cue,
        "extractor": evidence.extractor,
        "rule": evidence.rule,
        "confidence": evidence.confidence,
    }


def statement_record(graph: KnowledgeGraph, relation: Relation) -> dict[str, Any]:
    """Subject, predicate and object of a relation, the entities with their labels."""
    obj = relation.object
    return {
        "subject": entity_record(graph.entity(relation.subject)),
        "predicate": relation.predicate,
        "object": {"value": obj.value, "datatype": obj.datatype} if isinstance(obj, Literal) else entity_record(graph.entity(obj)),
    }


def fact_record(graph: KnowledgeGraph, relation: Relation) -> dict[str, Any]:
    return {
        **statement_record(graph, relation),
        "qualifiers": {name: qualifier_record(v) for name, v in relation.qualifiers.items()},
        "confidence": graph.confidence(relation),
        "support": graph.support(relation),
        "publishers": graph.publishers(relation),
        "edge": graph.is_edge(relation),
        "evidence": [evidence_record(e) for e in relation.evidence],
    }


def to_facts(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    """Every relation of the graph as a facts.jsonl record."""
    for relation in graph.relations():
        yield fact_record(graph, relation)


def write_facts(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write_jsonl(path, to_facts(graph))
