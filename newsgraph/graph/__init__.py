"""The core: data model, ontology and KnowledgeGraph. Imports neither ingest/ nor export/."""

from .identifiers import document_id, entity_id, normalise_name
from .knowledge_graph import KnowledgeGraph
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
    "Ontology",
    "Predicate",
    "load_ontology",
    "normalise_name",
    "entity_id",
    "document_id",
    "STATUSES",
    "EDGE_STATUSES",
]
