"""KnowledgeGraph: entities and relations with their evidence, over networkx.MultiDiGraph.

Nodes are entity ids (or literal keys); the edge key is the predicate, so one
(subject, predicate, object) is one edge, and the same fact read again from another sentence or
article appends evidence to it instead of adding a parallel edge.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Iterator
from urllib.parse import urlsplit

import networkx as nx

from ..errors import NewsgraphError
from .identifiers import normalise_name
from .model import EDGE_STATUSES, Document, Entity, Evidence, Extraction, Literal, Relation
from .ontology import load_ontology
from .resolution import Merge, Resolution

__all__ = ["KnowledgeGraph", "Conflict"]


@dataclass(frozen=True)
class Conflict:
    """A statement made as fact by some sources and denied by others."""

    relation: Relation
    stated: tuple[Evidence, ...]
    denied: tuple[Evidence, ...]


class KnowledgeGraph:
    """The graph of everything read so far.

    `graph` is the underlying `networkx.MultiDiGraph`: node attribute `entity` (an Entity) or
    `literal` (a Literal); edge attributes `predicate`, `qualifiers` (dict), `evidence`
    (list of Evidence) and `seen` (the same evidence as a set). Use the methods to change it so that those invariants hold.
    """

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.documents: dict[str, Document] = {}
        self.merges: list[Merge] = []
        """how entities of different articles were joined (see graph.resolution)"""
        self._publishers: dict[str, str | None] = {}

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
        self._publishers.pop(document.id, None)

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

    def publisher(self, doc_id: str) -> str | None:
        """Who published a document: its publisher, else the host of its URL, else unknown (None)."""
        if doc_id in self._publishers:
            return self._publishers[doc_id]
        found = self._publisher(doc_id)
        self._publishers[doc_id] = found
        return found

    def _publisher(self, doc_id: str) -> str | None:
        document = self.documents.get(doc_id)
        if document is None:
            return None
        if document.publisher:
            return document.publisher
        host = urlsplit(document.url).hostname if document.url else None
        return host.removeprefix("www.") if host else None

    def publishers(self, relation: Relation) -> list[str]:
        """The distinct known publishers of the documents that state the relation, sorted."""
        return sorted({p for p in (self.publisher(e.doc) for e in relation.evidence) if p})

    def conflicts(self) -> list[Conflict]:
        """Relations stated as fact by one source and denied by another (by source or document)."""
        found = []
        for relation in self.relations():
            stated = tuple(e for e in relation.evidence if e.status in EDGE_STATUSES)
            denied = tuple(e for e in relation.evidence if e.status == "denied")
            if stated and denied and {self._source(e) for e in stated} != {self._source(e) for e in denied}:
                found.append(Conflict(relation, stated, denied))
        return found

    def _source(self, evidence: Evidence) -> str:
        return evidence.attributed_to or self.publisher(evidence.doc) or evidence.doc

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

    # -- exploring (thin helpers over networkx for notebooks) --------------------------------

    def find(self, name: str) -> list[Entity]:
        """Entities whose id, label or an alias is `name` (compared normalised)."""
        if name in self.graph and "entity" in self.graph.nodes[name]:
            return [self.graph.nodes[name]["entity"]]
        key = normalise_name(name)
        return [e for e in self.entities() if key in {normalise_name(n) for n in (e.label, *e.aliases)}]

    def facts_about(self, name: str) -> list[Relation]:
        """Every relation with an entity called `name` as subject or object."""
        ids = {e.id for e in self.find(name)}
        return [r for r in self.relations() if r.subject in ids or r.object in ids]

    def neighbours(self, entity: str, predicate: str | None = None) -> list[Entity]:
        """Entities linked to `entity` (an id or a name) in either direction, optionally by one predicate."""
        found: dict[str, Entity] = {}
        for start in self._ids(entity):
            edges = [*self.graph.out_edges(start, keys=True), *self.graph.in_edges(start, keys=True)]
            for u, v, key in edges:
                other = v if u == start else u
                if (predicate is None or key == predicate) and "entity" in self.graph.nodes[other]:
                    found.setdefault(other, self.graph.nodes[other]["entity"])
        return list(found.values())

    def paths(self, a: str, b: str, max_length: int = 3) -> list[list[Relation]]:
        """Chains of relations (read in either direction) from entity `a` to entity `b`, shortest first."""
        undirected = self.graph.to_undirected(as_view=True)
        by_key = {(r.subject, r.key[2], r.predicate): r for r in self.relations()}
        chains = []
        for source in self._ids(a):
            for target in self._ids(b):
                for path in nx.all_simple_edge_paths(undirected, source, target, cutoff=max_length):
                    chains.append([by_key.get((u, v, k)) or by_key[(v, u, k)] for u, v, k in path])
        return sorted(chains, key=len)

    def subgraph(self, types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                 min_support: int = 1) -> "KnowledgeGraph":
        """A new graph with only the relations that pass every filter, and the entities they link."""
        types, predicates = set(types or ()), set(predicates or ())
        kept = KnowledgeGraph()
        kept.documents = dict(self.documents)
        for relation in self.relations():
            ends = [relation.subject] if isinstance(relation.object, Literal) else [relation.subject, relation.object]
            entities = [self.entity(e) for e in ends]
            if predicates and relation.predicate not in predicates or self.support(relation) < min_support:
                continue
            if types and any(e.type not in types for e in entities):
                continue
            for entity in entities:
                kept.add_entity(entity)
            kept.add_relation(relation)
        return kept

    def _ids(self, entity: str) -> list[str]:
        found = [e.id for e in self.find(entity)]
        if not found:
            raise NewsgraphError(f"no entity called {entity!r} in the graph: give an id, a label or an alias (graph.find)")
        return found

    @classmethod
    def from_extractions(cls, extractions: Iterable[Extraction]) -> "KnowledgeGraph":
        graph = cls()
        for extraction in extractions:
            graph.add(extraction)
        return graph

    @classmethod
    def from_resolution(cls, resolution: Resolution) -> "KnowledgeGraph":
        """The graph of resolved extractions, remembering how entities were merged."""
        graph = cls.from_extractions(resolution.extractions)
        graph.merges = list(resolution.merges)
        return graph
