"""KnowledgeGraph: entities and relations with their evidence, over networkx.MultiDiGraph.

Nodes are entity ids (or literal keys); the edge key is the predicate, so one
(subject, predicate, object) is one edge, and the same fact read again from another sentence or
article appends evidence to it instead of adding a parallel edge.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator

import networkx as nx

from ..errors import NewsgraphError
from .model import EDGE_STATUSES, Document, Entity, Evidence, Extraction, Literal, Relation
from .ontology import load_ontology

__all__ = ["KnowledgeGraph"]


class KnowledgeGraph:
    """The graph of everything read so far.

    `graph` is the underlying `networkx.MultiDiGraph`: node attribute `entity` (an Entity) or
    `literal` (a Literal); edge attributes `predicate`, `qualifiers` (dict), `evidence`
    (list of Evidence) and `seen` (the same evidence as a set). Use the methods to change it so that those invariants hold.
    """

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.documents: dict[str, Document] = {}

    # -- building ---------------------------------------------------------------------------

    def add(self, extraction: Extraction) -> None:
        """Add one document's extraction: its document, entities and relations."""
        self.add_document(extraction.document)
        for entity in extraction.entities:
            self.add_entity(entity)
        for relation in extraction.relations:
            self.add_relation(relation)

    def add_document(self, document: Document) -> None:
        self.documents[document.id] = document

    def add_entity(self, entity: Entity) -> None:
        """Add an entity, or merge its aliases and mentions into the one with the same id."""
        load_ontology().check_class(entity.type)
        existing = self.graph.nodes.get(entity.id, {}).get("entity")
        if existing is None:
            self.graph.add_node(entity.id, entity=entity)
            return
        aliases = tuple(dict.fromkeys(existing.aliases + entity.aliases + (entity.label,)))
        mentions = tuple(dict.fromkeys(existing.mentions + entity.mentions))
        merged = replace(
            existing,
            aliases=tuple(a for a in aliases if a != existing.label),
            mentions=mentions,
            links={**entity.links, **existing.links},
        )
        self.graph.nodes[entity.id]["entity"] = merged

    def add_relation(self, relation: Relation) -> None:
        """Add a relation; an existing (subject, predicate, object) gains its evidence."""
        ontology = load_ontology()
        ontology.predicate(relation.predicate)
        subject, predicate, obj = relation.key
        for node in (subject,) if isinstance(relation.object, Literal) else (subject, obj):
            if node not in self.graph:
                raise NewsgraphError(
                    f"relation {relation.key} names entity {node!r}, which is not in the graph: "
                    "add the entity before the relations that use it"
                )
        if isinstance(relation.object, Literal) and obj not in self.graph:
            self.graph.add_node(obj, literal=relation.object)
        if not self.graph.has_edge(subject, obj, key=predicate):
            self.graph.add_edge(subject, obj, key=predicate, predicate=predicate, qualifiers={}, evidence=[], seen=set())
        data = self.graph.edges[subject, obj, predicate]
        for evidence in relation.evidence:
            if evidence not in data["seen"]:  # a set beside the list: appending stays O(1) per evidence
                data["seen"].add(evidence)
                data["evidence"].append(evidence)
        for name, value in relation.qualifiers.items():
            data["qualifiers"].setdefault(name, value)

    # -- reading ----------------------------------------------------------------------------

    def entity(self, entity_id: str) -> Entity:
        try:
            return self.graph.nodes[entity_id]["entity"]
        except KeyError:
            raise NewsgraphError(f"no entity with id {entity_id!r} in the graph") from None

    def entities(self) -> Iterator[Entity]:
        for _, data in self.graph.nodes(data=True):
            if "entity" in data:
                yield data["entity"]

    def relations(self) -> Iterator[Relation]:
        """Every edge as a Relation with all its evidence, in insertion order."""
        for subject, obj, predicate, data in self.graph.edges(keys=True, data=True):
            literal = self.graph.nodes[obj].get("literal")
            yield Relation(
                subject=subject,
                predicate=predicate,
                object=literal if literal is not None else obj,
                qualifiers=dict(data["qualifiers"]),
                evidence=tuple(data["evidence"]),
            )

    @staticmethod
    def support(relation: Relation) -> int:
        """Number of distinct documents that state the relation."""
        return len({e.doc for e in relation.evidence})

    @staticmethod
    def confidence(relation: Relation) -> float:
        """The highest confidence of any evidence: one reliable reading suffices."""
        return max((e.confidence for e in relation.evidence), default=0.0)

    @staticmethod
    def is_edge(relation: Relation) -> bool:
        """Whether some evidence states the relation as fact (not denied, planned or hypothetical)."""
        return any(e.status in EDGE_STATUSES for e in relation.evidence)

    def __len__(self) -> int:
        return self.graph.number_of_edges()

    @classmethod
    def from_extractions(cls, extractions: Iterable[Extraction]) -> "KnowledgeGraph":
        graph = cls()
        for extraction in extractions:
            graph.add(extraction)
        return graph
