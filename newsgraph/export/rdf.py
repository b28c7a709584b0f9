"""RDF: a KnowledgeGraph as an RDF 1.1 dataset (DESIGN.md, "RDF design").

One named graph per (document, extractor version) holds the plain edges the document supports,
one assertion node per evidence (PROV-O derivation and generation, status, attribution,
confidence, Web Annotation selectors) and the article's metadata. Shared graphs hold the run,
the entities and the support of each statement across the dataset (documents and publishers). There are no blank nodes: every IRI is minted from an identifier, so that a
document's graph can be replaced idempotently in a triplestore.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Graph, Literal as RDFLiteral, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from ..errors import ExportError
from ..graph import EDGE_STATUSES, Document, Entity, Evidence, KnowledgeGraph, Literal, Quantity, Relation, TimeExpression
from ..graph.identifiers import check_identifier, digest, entity_id, slugify
from .files import write_atomic

__all__ = ["Run", "Namespaces", "to_rdf", "write_rdf", "RDF_FORMATS", "DEFAULT_BASE", "safe_iri"]

DEFAULT_BASE = "https://kg.example.org/"
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("http://schema.org/")
#: Serialisations offered, with rdflib's name for each and the file suffix.
RDF_FORMATS = {"trig": ("trig", "trig"), "nquads": ("nquads", "nq")}
_CONTEXT_CHARS = 32
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`\u007f-\u009f]')
_SCHEME = re.compile(r"^https?://[^/?#]+", re.IGNORECASE)


@dataclass(frozen=True)
class Run:
    """One extraction activity: what made the statements, and when."""

    extractor: str
    version: str
    started: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    ended: datetime | None = None
    software_version: str = ""

    @property
    def extractor_slug(self) -> str:
        return check_identifier(f"{slugify(self.extractor)}-v{slugify(self.version)}")

    @property
    def id(self) -> str:
        return check_identifier(f"{self.started.strftime('%Y%m%dt%H%M%Sz')}-{self.extractor_slug}")


@dataclass(frozen=True)
class Namespaces:
    """The IRI namespaces minted under one configurable base."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+/$", self.base):
            raise ExportError(f"base IRI {self.base!r} is not usable: give an http(s) IRI ending in '/'")

    def __getattr__(self, name: str) -> Namespace:
        paths = {"kg": "ontology#", "rel": "rel/", "ent": "entity/", "doc": "doc/", "graph": "graph/",
                 "asr": "assertion/", "run": "run/", "agent": "agent/", "fact": "fact/"}
        if name not in paths:
            raise AttributeError(name)
        return Namespace(self.base + paths[name])


@lru_cache(maxsize=1)
def _terms() -> dict:
    return json.loads(resources.files(__package__).joinpath("data/rdf_types.json").read_text("utf-8"))


def safe_iri(value: str | None) -> URIRef | None:
    """An http(s) IRI from article metadata (a URL), or None when it is not a valid one."""
    if not value or _IRI_FORBIDDEN.search(value) or not _SCHEME.match(value):
        return None
    return URIRef(value)


def _issued(value: str) -> RDFLiteral:
    """A publication date as xsd:dateTime or xsd:date when it parses, else a plain literal."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return RDFLiteral(value)
    if "T" in value or " " in value:
        return RDFLiteral(parsed.isoformat(), datatype=XSD.dateTime)
    return RDFLiteral(parsed.date().isoformat(), datatype=XSD.date)


def _time_literal(value: str) -> RDFLiteral:
    """ISO 8601 year, year-month or date as the matching XSD type."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value))
    return RDFLiteral(value, datatype=datatype) if datatype else RDFLiteral(value)


def _object_term(obj: str | Literal, ns: Namespaces) -> URIRef | RDFLiteral:
    if isinstance(obj, Literal):
        datatype = _terms()["literal_datatypes"].get(obj.datatype, str(XSD.string))
        return RDFLiteral(obj.value, datatype=URIRef(datatype))
    return ns.ent[check_identifier(obj)]


def agent_iri(name: str, ns: Namespaces) -> URIRef:
    """The IRI of a source a claim is attributed to ("Ukrainian defense officials")."""
    return ns.agent[entity_id("agent", name)]


class _Writer:
    """Adds the triples of one graph to a Dataset; one method per kind of node."""

    def __init__(self, graph: KnowledgeGraph, run: Run, ns: Namespaces) -> None:
        self.kg, self.run, self.ns = graph, run, ns
        self.dataset = Dataset()
        for prefix in ("kg", "rel", "ent", "doc", "graph", "asr", "run", "agent", "fact"):
            self.dataset.bind(prefix, getattr(ns, prefix), override=True, replace=True)
        for prefix, space in (("prov", PROV), ("oa", OA), ("dct", DCTERMS), ("schema", SCHEMA), ("skos", SKOS)):
            self.dataset.bind(prefix, space, override=True, replace=True)
        self.agents: set[str] = set()

    def document_graph(self, doc_id: str) -> Graph:
        return self.dataset.graph(self.ns.graph[f"doc-{check_identifier(doc_id)}-{self.run.extractor_slug}"])

    def article(self, document: Document) -> None:
        g, doc = self.document_graph(document.id), self.ns.doc[check_identifier(document.id)]
        g.add((doc, RDF.type, SCHEMA.NewsArticle))
        g.add((doc, self.ns.kg.textSha256, RDFLiteral(document.sha256)))
        if document.title:
            g.add((doc, DCTERMS.title, RDFLiteral(document.title)))
        if document.published:
            g.add((doc, DCTERMS.issued, _issued(document.published)))
        if document.author:
            g.add((doc, SCHEMA.author, RDFLiteral(document.author)))
        if document.publisher:
            g.add((doc, SCHEMA.publisher, RDFLiteral(document.publisher)))
        if url := safe_iri(document.url):
            g.add((doc, SCHEMA.url, url))
        g.add((doc, DCTERMS.language, RDFLiteral(document.language)))

    def relation(self, relation: Relation) -> None:
        subject = self.ns.ent[check_identifier(relation.subject)]
        predicate = self.ns.rel[relation.predicate]
        obj = _object_term(relation.object, self.ns)
        for doc_id in dict.fromkeys(e.doc for e in relation.evidence):
            evidence = [e for e in relation.evidence if e.doc == doc_id]
            g = self.document_graph(doc_id)
            if any(e.status in EDGE_STATUSES for e in evidence):
                g.add((subject, predicate, obj))
            for item in evidence:
                self.assertion(g, relation, item, (subject, predicate, obj))
        self.support(relation, (subject, predicate, obj))

    def fact_iri(self, relation: Relation) -> URIRef:
        return self.ns.fact[digest(*relation.key, length=16)]

    def support(self, relation: Relation, triple: tuple) -> None:
        """Corroboration of one statement across the whole dataset, in the shared support graph
        (it changes whenever a document is added or removed, unlike the document graphs)."""
        g, kg, node = self.dataset.graph(self.ns.graph.support), self.ns.kg, self.fact_iri(relation)
        g.add((node, RDF.type, kg.Statement))
        g.add((node, RDF.subject, triple[0]))
        g.add((node, RDF.predicate, triple[1]))
        g.add((node, RDF.object, triple[2]))
        g.add((node, kg.supportDocuments, RDFLiteral(self.kg.support(relation))))
        g.add((node, kg.supportPublishers, RDFLiteral(len(self.kg.publishers(relation)))))
        for publisher in self.kg.publishers(relation):
            g.add((node, kg.publishedBy, RDFLiteral(publisher)))

    def assertion(self, g: Graph, relation: Relation, evidence: Evidence, triple: tuple) -> None:
        kg, ns = self.ns.kg, self.ns
        node = ns.asr[digest(evidence.doc, *relation.key, evidence.start, evidence.end, evidence.rule, length=16)]
        subject, predicate, obj = triple
        g.add((node, RDF.type, kg.Assertion))
        g.add((node, RDF.subject, subject))
        g.add((node, RDF.predicate, predicate))
        g.add((node, RDF.object, obj))
        g.add((node, kg.confidence, RDFLiteral(f"{evidence.confidence:.3f}", datatype=XSD.decimal)))
        g.add((node, kg.epistemicStatus, kg[_terms()["statuses"][evidence.status]]))
        g.add((node, kg.extractionRule, RDFLiteral(evidence.rule or "")))
        if evidence.cue:
            g.add((node, kg.attributionCue, RDFLiteral(evidence.cue)))
        if evidence.attributed_to:
            agent = agent_iri(evidence.attributed_to, ns)
            g.add((node, kg.accordingTo, agent))
            self.agents.add(evidence.attributed_to)
        doc = ns.doc[check_identifier(evidence.doc)]
        g.add((node, kg.supports, self.fact_iri(relation)))
        g.add((node, PROV.wasDerivedFrom, doc))
        g.add((node, PROV.wasGeneratedBy, ns.run[self.run.id]))
        self.qualifiers(g, node, relation)
        self.selectors(g, node, doc, evidence)

    def qualifiers(self, g: Graph, node: URIRef, relation: Relation) -> None:
        kg = self.ns.kg
        for name, value in relation.qualifiers.items():
            if isinstance(value, Quantity):
                qty = URIRef(f"{node}-qty")
                g.add((node, kg[name], qty))
                g.add((qty, RDF.type, SCHEMA.QuantitativeValue))
                g.add((qty, kg.verbatim, RDFLiteral(value.text)))
                g.add((qty, kg.approximate, RDFLiteral(value.approximate)))
                if value.value is not None:
                    g.add((qty, SCHEMA.value, RDFLiteral(value.value)))
                if value.unit:
                    g.add((qty, SCHEMA.unitText, RDFLiteral(value.unit)))
            elif isinstance(value, TimeExpression):
                g.add((node, kg[name], RDFLiteral(value.text)))
                if value.value:
                    g.add((node, kg[f"{name}Value"], _time_literal(value.value)))
            else:
                g.add((node, kg[name], RDFLiteral(str(value))))

    def selectors(self, g: Graph, node: URIRef, doc: URIRef, evidence: Evidence) -> None:
        text = self.kg.documents[evidence.doc].text
        ev, pos, quote = URIRef(f"{node}-ev"), URIRef(f"{node}-pos"), URIRef(f"{node}-quote")
        g.add((node, self.ns.kg.evidence, ev))
        g.add((ev, RDF.type, OA.SpecificResource))
        g.add((ev, OA.hasSource, doc))
        g.add((ev, OA.hasSelector, pos))
        g.add((ev, OA.hasSelector, quote))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, RDFLiteral(evidence.start)))
        g.add((pos, OA.end, RDFLiteral(evidence.end)))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, RDFLiteral(evidence.quote)))
        g.add((quote, OA.prefix, RDFLiteral(text[max(0, evidence.start - _CONTEXT_CHARS):evidence.start])))
        g.add((quote, OA.suffix, RDFLiteral(text[evidence.end:evidence.end + _CONTEXT_CHARS])))
        g.add((ev, self.ns.kg.sentence, RDFLiteral(evidence.sentence)))

    def entities(self, entities: Iterable[Entity]) -> None:
        g, kg = self.dataset.graph(self.ns.graph.entities), self.ns.kg
        for entity in entities:
            node = self.ns.ent[check_identifier(entity.id)]
            g.add((node, RDF.type, kg[entity.type]))
            g.add((node, RDF.type, SCHEMA[_terms()["schema_types"].get(entity.type, "Thing")]))
            g.add((node, RDFS.label, RDFLiteral(entity.label, lang="en")))
            for alias in entity.aliases:
                g.add((node, SKOS.altLabel, RDFLiteral(alias, lang="en")))
            for _, target in sorted(entity.links.items()):
                if iri := safe_iri(target):
                    g.add((node, SKOS.exactMatch, iri))
        for name in sorted(self.agents):
            agent = agent_iri(name, self.ns)
            g.add((agent, RDF.type, PROV.Agent))
            g.add((agent, RDFS.label, RDFLiteral(name, lang="en")))

    def runs(self, documents: Iterable[str]) -> None:
        g, run = self.dataset.graph(self.ns.graph.runs), self.ns.run[self.run.id]
        software = self.ns.agent[f"extractor-{self.run.extractor_slug}"]
        g.add((run, RDF.type, PROV.Activity))
        g.add((run, PROV.wasAssociatedWith, software))
        g.add((run, PROV.startedAtTime, RDFLiteral(self.run.started.isoformat(), datatype=XSD.dateTime)))
        if self.run.ended:
            g.add((run, PROV.endedAtTime, RDFLiteral(self.run.ended.isoformat(), datatype=XSD.dateTime)))
        g.add((software, RDF.type, PROV.SoftwareAgent))
        g.add((software, RDFS.label, RDFLiteral(f"{self.run.extractor}/{self.run.version}")))
        if self.run.software_version:
            g.add((software, SCHEMA.softwareVersion, RDFLiteral(self.run.software_version)))
        for doc_id in documents:
            doc = self.ns.doc[check_identifier(doc_id)]
            g.add((run, PROV.used, doc))
            graph_iri = self.document_graph(doc_id).identifier
            g.add((graph_iri, RDF.type, PROV.Entity))
            g.add((graph_iri, PROV.wasDerivedFrom, doc))
            g.add((graph_iri, PROV.wasGeneratedBy, run))


def to_rdf(graph: KnowledgeGraph, run: Run, base: str = DEFAULT_BASE) -> Dataset:
    """The graph as an rdflib Dataset following DESIGN.md's RDF design."""
    writer = _Writer(graph, run, Namespaces(base))
    for document in graph.documents.values():
        writer.article(document)
    for relation in graph.relations():
        writer.relation(relation)
    writer.entities(graph.entities())
    writer.runs(graph.documents)
    return writer.dataset


def write_rdf(graph: KnowledgeGraph, path: str | Path, run: Run, rdf_format: str = "trig", base: str = DEFAULT_BASE) -> Path:
    if rdf_format not in RDF_FORMATS:
        raise ExportError(f"unknown RDF format {rdf_format!r}: choose one of {', '.join(RDF_FORMATS)}")
    data = to_rdf(graph, run, base).serialize(format=RDF_FORMATS[rdf_format][0], encoding="utf-8")
    return write_atomic(path, [data])
