"""One document's extraction as plain JSON data and back, for the workspace store.

The record keeps everything an Extraction holds (the document with its text, the document's own
entities with mentions and links, relations with qualifiers and evidence), so that a workspace
can be exported again without re-reading or re-parsing any article. `from_record(to_record(x))
== x` for every extraction.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from ..errors import NewsgraphError
from .model import Document, Entity, Evidence, Extraction, Literal, Mention, Quantity, Relation, TimeExpression

__all__ = ["to_record", "from_record", "RECORD_VERSION"]

#: The version of the record layout; a workspace written with another version must be rebuilt.
RECORD_VERSION = 1
#: Qualifiers whose values are structured, by name; every other qualifier is a string.
_STRUCTURED = {"quantity": Quantity, "time": TimeExpression}


def to_record(extraction: Extraction) -> dict[str, Any]:
    """The extraction as JSON-serialisable data."""
    return {
        "version": RECORD_VERSION,
        "document": asdict(extraction.document),
        "entities": [_entity(e) for e in extraction.entities],
        "relations": [_relation(r) for r in extraction.relations],
    }


def from_record(record: dict[str, Any]) -> Extraction:
    """The extraction a record holds; a record of another layout version is an error naming it."""
    if record.get("version") != RECORD_VERSION:
        raise NewsgraphError(
            f"extraction record of layout version {record.get('version')!r}, this newsgraph reads version "
            f"{RECORD_VERSION}: rebuild the workspace with this version (newsgraph add --workspace DIR INPUT...)"
        )
    return Extraction(
        document=Document(**record["document"]),
        entities=tuple(
            Entity(
                id=e["id"], label=e["label"], type=e["type"], aliases=tuple(e["aliases"]),
                mentions=tuple(Mention(**m) for m in e["mentions"]), links=dict(e["links"]),
            )
            for e in record["entities"]
        ),
        relations=tuple(_relation_from(r) for r in record["relations"]),
    )


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id, "label": entity.label, "type": entity.type, "aliases": list(entity.aliases),
        "mentions": [asdict(m) for m in entity.mentions], "links": dict(entity.links),
    }


def _relation(relation: Relation) -> dict[str, Any]:
    obj = relation.object
    return {
        "subject": relation.subject,
        "predicate": relation.predicate,
        "object": asdict(obj) if isinstance(obj, Literal) else obj,
        "qualifiers": {k: asdict(v) if k in _STRUCTURED else v for k, v in relation.qualifiers.items()},
        "evidence": [asdict(e) for e in relation.evidence],
    }


def _relation_from(data: dict[str, Any]) -> Relation:
    obj = data["object"]
    return Relation(
        subject=data["subject"],
        predicate=data["predicate"],
        object=Literal(**obj) if isinstance(obj, dict) else obj,
        qualifiers={k: _STRUCTURED[k](**v) if k in _STRUCTURED else v for k, v in data["qualifiers"].items()},
        evidence=tuple(_evidence_from(e) for e in data["evidence"]),
    )


_SPANS = frozenset(f.name for f in fields(Evidence) if f.name.endswith("_span"))


def _evidence_from(data: dict[str, Any]) -> Evidence:
    return Evidence(**{k: tuple(v) if k in _SPANS and v is not None else v for k, v in data.items()})
