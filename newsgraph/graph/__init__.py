"""The core: data model, ontology and KnowledgeGraph. Imports neither ingest/ nor export/."""

from .identifiers import document_id, entity_id, name_key, normalise_name
from .knowledge_graph import Conflict, KnowledgeGraph
from .model import (
    EDGE_STATUSES,
    STATUSES,
    Document,
    Entity,
    Evidence,
    Extraction,
    Literal,
    Mention,
    Quantity,
    Relation,
    TimeExpression,
)
from .ontology import Ontology, Predicate, load_ontology
from .records import from_record, to_record
from .resolution import Merge, Resolution, resolve

__all__ = [
    "Document",
    "Mention",
    "Entity",
    "Literal",
    "Quantity",
    "TimeExpression",
    "Evidence",
    "Relation",
    "Extraction",
    "KnowledgeGraph",
    "Conflict",
    "Ontology",
    "Predicate",
    "load_ontology",
    "normalise_name",
    "name_key",
    "Merge",
    "Resolution",
    "resolve",
    "to_record",
    "from_record",
    "entity_id",
    "document_id",
    "STATUSES",
    "EDGE_STATUSES",
]
