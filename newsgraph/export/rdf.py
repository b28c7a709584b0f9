"""RDF: a KnowledgeGraph as an RDF 1.1 dataset (DESIGN.md, "RDF design"), written as a stream.

One named graph per (document, extractor version) holds the plain edges the document supports,
one assertion node per evidence (PROV-O derivation and generation, status, attribution,
confidence, qualifiers, Web Annotation selectors) and the article's metadata. Shared graphs hold
the run, the entities and the support of each statement across the dataset (documents and
publishers). There are no blank nodes: every IRI is minted from an identifier, so that a
document's graph can be replaced idempotently in a triplestore.

Speed: terms are written as N-Triples strings straight from the graph, one named graph at a
time, without an intermediate RDF library object per term; `rdf_chunks` is the pure converter and
the writers only join strings. Memory stays bounded by the largest document graph plus the
shared graphs. Formats: TriG (default), N-Quads, Turtle (the union of all graphs, as Turtle has
no named graphs) and JSON-LD (converted by pyoxigraph).
"""

from __future__ import annotations

import io
import json
import re
from hashlib import sha256
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator

from ..errors import ExportError
from ..graph import EDGE_STATUSES, Document, load_ontology, Evidence, KnowledgeGraph, Literal, Quantity, Relation, TimeExpression
from ..graph.identifiers import check_identifier, digest, entity_id, slugify
from .files import write_atomic

__all__ = [
    "Run", "Namespaces", "to_rdf", "write_rdf", "rdf_chunks", "RDF_FORMATS", "DEFAULT_BASE",
    "safe_iri", "escape_literal", "rdf_terms", "read_rdf",
]

DEFAULT_BASE = "https://kg.example.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "http://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
#: Serialisations offered: name -> file suffix.
RDF_FORMATS = {"trig": "trig", "nquads": "nq", "turtle": "ttl", "jsonld": "jsonld"}
_CONTEXT_CHARS = 32
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`\u007f-\u009f\ud800-\udfff]')
_SCHEME = re.compile(r"^https?://[^/?#]+", re.IGNORECASE)
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f\ud800-\udfff]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}



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

    @property
    def kg(self) -> str:
        return self.base + "ontology#"


def escape_literal(value: str) -> str:
    """The N-Triples form of a string: quotes, backslashes and line breaks escaped, other control
    characters as \\u escapes, unpaired surrogates (which UTF-8 cannot carry) as U+FFFD."""
    if not _NEEDS_ESCAPE.search(value):
        return value
    return _NEEDS_ESCAPE.sub(_escape_char, value)


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return f"\\u{ord(char):04X}"


def _lit(value: str, suffix: str = "") -> str:
    return f'"{escape_literal(value)}"{suffix}'


def _typed(value: object, datatype: str) -> str:
    return f'"{escape_literal(str(value))}"^^<{XSD}{datatype}>'


def _en(value: str) -> str:
    return f'"{escape_literal(value)}"@en'


def safe_iri(value: str | None) -> str | None:
    """An http(s) IRI from article metadata (a URL), or None when it is not a valid one."""
    if not value or _IRI_FORBIDDEN.search(value) or not _SCHEME.match(value):
        return None
    return value


@lru_cache(maxsize=1)
def rdf_terms() -> dict:
    return json.loads(resources.files(__package__).joinpath("data/rdf_types.json").read_text("utf-8"))


def _issued(value: str) -> str:
    """A publication date as xsd:dateTime or xsd:date when it parses, else a plain literal."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return _lit(value)
    if "T" in value or " " in value:
        return _typed(parsed.isoformat(), "dateTime")
    return _typed(parsed.date().isoformat(), "date")


def _time_literal(value: str) -> str:
    """ISO 8601 year, year-month or date as the matching XSD type."""
    datatype = {4: "gYear", 7: "gYearMonth", 10: "date"}.get(len(value))
    return _typed(value, datatype) if datatype else _lit(value)


def _bool(value: bool) -> str:
    return _typed("true" if value else "false", "boolean")


def _number(value: float | int) -> str:
    return _typed(value, "integer") if isinstance(value, int) else _typed(repr(float(value)), "double")


#: Prefixes of compact output (TriG, Turtle): IRI spaces under the base, and vocabularies.
_SPACES = {"entity": "ent", "doc": "doc", "graph": "graph", "assertion": "asr", "run": "run", "agent": "agent",
           "fact": "fact", "rel": "rel"}
_VOCABULARIES = {"rdf": RDF, "xsd": XSD, "prov": PROV, "oa": OA}


class _Constants:
    """The IRI terms every assertion repeats, formatted once per export (prefixed when compact)."""

    def __init__(self, ns: Namespaces, compact: bool) -> None:
        def iri(space: str, prefix: str, name: str) -> str:
            return f"{prefix}:{name}" if compact else f"<{space}{name}>"

        k = ns.kg
        self.close = "" if compact else ">"
        self.type = "a" if compact else f"<{RDF}type>"
        self.subject, self.predicate, self.object = (iri(RDF, "rdf", n) for n in ("subject", "predicate", "object"))
        for name in ("Assertion", "confidence", "epistemicStatus", "extractionRule", "extractor", "supports", "attributionCue",
                     "accordingTo", "evidence", "sentence", "sentenceStart", "sentenceEnd", "subjectStart", "subjectEnd",
                     "objectStart", "objectEnd", "triggerStart", "triggerEnd"):
            setattr(self, name, iri(k, "kg", name))
        self.wasDerivedFrom, self.wasGeneratedBy = iri(PROV, "prov", "wasDerivedFrom"), iri(PROV, "prov", "wasGeneratedBy")
        for name in ("SpecificResource", "hasSource", "hasSelector", "TextPositionSelector", "start", "end",
                     "TextQuoteSelector", "exact", "prefix", "suffix"):
            setattr(self, name, iri(OA, "oa", name))
        self.statuses = {status: iri(k, "kg", term) for status, term in rdf_terms()["statuses"].items()}
        self.INTEGER, self.DECIMAL = (f"^^{iri(XSD, 'xsd', n)}" for n in ("integer", "decimal"))


def _prefixes(ns: Namespaces) -> str:
    """The @prefix lines of compact output."""
    lines = [f"@prefix {prefix}: <{ns.base}{space}/> ." for space, prefix in _SPACES.items()]
    lines += [f"@prefix {prefix}: <{iri}> ." for prefix, iri in _VOCABULARIES.items()]
    lines.append(f"@prefix kg: <{ns.kg}> .")
    return "\n".join(lines) + "\n\n"


class _Writer:
    """Writes the statements of each graph of the dataset as lines; one method per kind of node.

    Every method appends finished lines "s p o<tail>" to `out`: `tail` is " .\n" inside a TriG
    graph block or in Turtle, and " <graph> .\n" in N-Quads, so no line is formatted twice.
    """

    def __init__(self, graph: KnowledgeGraph, run: Run, ns: Namespaces, compact: bool = False) -> None:
        self.kg, self.run, self.ns, self.compact = graph, run, ns, compact
        self._terms: dict[tuple[str, str], str] = {}
        self.k = ns.kg
        self.agents: dict[str, str] = {}
        self.run_iri = self.term("run", run.id)
        self.type = f"<{RDF}type>"
        self._predicates: dict[str, str] = {}
        self._facts: dict[tuple, str] = {}
        self._literals: dict[str, str] = {}
        self.assertion_stem = "asr:" if compact else f"<{ns.base}assertion/"
        self.c = _Constants(ns, compact)

    def term(self, space: str, identifier: str, checked: bool = False) -> str:
        """The IRI of an identifier minted under the base (prefixed when compact); identifiers not
        minted by newsgraph's own id functions are checked to be safe segments."""
        key = (space, identifier)
        found = self._terms.get(key)
        if found is None:
            if not checked:
                check_identifier(identifier)
            found = f"{_SPACES[space]}:{identifier}" if self.compact else f"<{self.ns.base}{space}/{identifier}>"
            if len(self._terms) < 1_000_000:  # entities and documents recur; memory stays bounded
                self._terms[key] = found
        return found

    def kgt(self, name: str) -> str:
        return f"<{self.k}{name}>"

    @staticmethod
    def block(out: list[str], tail: str, node: str, pairs: list[tuple[str, str]]) -> None:
        """The statements about one node, one line each (grouping them with ";" measured slower)."""
        out += [f"{node} {p} {o}{tail}" for p, o in pairs]

    def graph_iri(self, doc_id: str) -> str:
        return self.term("graph", f"doc-{check_identifier(doc_id)}-{self.run.extractor_slug}")

    def predicate(self, name: str) -> str:
        """The IRI of an ontology predicate (the ontology checks the name, so it is a safe segment)."""
        found = self._predicates.get(name)
        if found is None:
            found = self._predicates[name] = self.term("rel", load_ontology().predicate(name).name, checked=True)
        return found

    def object_term(self, obj: str | Literal) -> str:
        if isinstance(obj, Literal):
            datatype = rdf_terms()["literal_datatypes"].get(obj.datatype, XSD + "string")
            return f'"{escape_literal(obj.value)}"^^<{datatype}>'
        return self.term("entity", obj)

    def literal(self, value: str) -> str:
        """A literal that recurs (rule names, cues, sentences), escaped once."""
        found = self._literals.get(value)
        if found is None:
            if len(self._literals) > 100_000:
                self._literals.clear()  # bounded memory on huge exports
            found = self._literals[value] = _lit(value)
        return found

    def fact_iri(self, relation: Relation) -> str:
        key = relation.key
        found = self._facts.get(key)
        if found is None:
            found = self._facts[key] = self.term("fact", digest(*key, length=16), checked=True)
        return found

    def document_graphs(self, tail_of: Callable[[str], str]) -> Iterator[tuple[str, list[str]]]:
        """The named graph of each document: its article metadata, edges and assertions."""
        by_doc: dict[str, list[tuple[Relation, list[Evidence]]]] = {doc_id: [] for doc_id in self.kg.documents}
        for relation in self.kg.relations():
            grouped: dict[str, list[Evidence]] = {}
            for item in relation.evidence:
                grouped.setdefault(item.doc, []).append(item)
            for doc_id, evidence in grouped.items():
                by_doc.setdefault(doc_id, []).append((relation, evidence))
        for doc_id, statements in by_doc.items():
            graph_term = self.graph_iri(doc_id)
            tail = tail_of(graph_term)
            out: list[str] = []
            doc = self.term("doc", doc_id)
            document = self.kg.documents.get(doc_id)
            if document is not None:
                self.article(out, tail, doc, document)
            text = document.text if document is not None else ""
            for relation, evidence in statements:
                self.relation(out, tail, relation, evidence, doc, text)
            yield graph_term, out

    def article(self, out: list[str], tail: str, doc: str, document: Document) -> None:
        pairs = [(self.type, f"<{SCHEMA}NewsArticle>"), (self.kgt("textSha256"), _lit(document.sha256))]
        if document.title:
            pairs.append((f"<{DCTERMS}title>", _lit(document.title)))
        if document.published:
            pairs.append((f"<{DCTERMS}issued>", _issued(document.published)))
        if document.author:
            pairs.append((f"<{SCHEMA}author>", _lit(document.author)))
        if document.publisher:
            pairs.append((f"<{SCHEMA}publisher>", _lit(document.publisher)))
        if url := safe_iri(document.url):
            pairs.append((f"<{SCHEMA}url>", f"<{url}>"))
        pairs.append((f"<{DCTERMS}language>", _lit(document.language)))
        self.block(out, tail, doc, pairs)

    def relation(self, out: list[str], tail: str, relation: Relation, evidence: list[Evidence], doc: str, text: str) -> None:
        """The plain edge (when some evidence states it as fact) and one assertion per evidence."""
        triple = (self.term("entity", relation.subject), self.predicate(relation.predicate), self.object_term(relation.object))
        if any(e.status in EDGE_STATUSES for e in evidence):
            out.append(f"{triple[0]} {triple[1]} {triple[2]}{tail}")
        fact = self.fact_iri(relation)
        for item in evidence:
            self.assertion(out, tail, relation, item, triple, fact, doc, text)

    def assertion(self, out: list[str], tail: str, relation: Relation, evidence: Evidence, triple: tuple[str, str, str],
                  fact: str, doc: str, text: str) -> None:
        c, literal = self.c, self.literal
        subject_id, predicate_name, object_key = relation.key
        # digest(doc, *key, start, end, rule), inlined: this runs once per evidence
        node_id = sha256(f"{evidence.doc}\x1f{subject_id}\x1f{predicate_name}\x1f{object_key}\x1f{evidence.start}"
                         f"\x1f{evidence.end}\x1f{evidence.rule}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
        stem = f"{self.assertion_stem}{node_id}"  # a hex digest: a safe IRI segment by construction
        node = stem + c.close
        subject, predicate, obj = triple
        t = tail
        # one format per node rather than one per statement: this loop writes most of the dataset
        out.append(
            f"{node} {c.type} {c.Assertion}{t}{node} {c.subject} {subject}{t}{node} {c.predicate} {predicate}{t}"
            f"{node} {c.object} {obj}{t}{node} {c.confidence} \"{evidence.confidence:.3f}\"{c.DECIMAL}{t}"
            f"{node} {c.epistemicStatus} {c.statuses[evidence.status]}{t}"
            f"{node} {c.extractionRule} {literal(evidence.rule or '')}{t}{node} {c.extractor} {literal(evidence.extractor)}{t}"
            f"{node} {c.supports} {fact}{t}{node} {c.wasDerivedFrom} {doc}{t}{node} {c.wasGeneratedBy} {self.run_iri}{t}"
            f"{node} {c.evidence} {stem}-ev{c.close}{t}"
        )
        if evidence.cue:
            out.append(f"{node} {c.attributionCue} {literal(evidence.cue)}{t}")
        if evidence.attributed_to:
            agent = self.agents.setdefault(evidence.attributed_to, self.term("agent", entity_id("agent", evidence.attributed_to)))
            out.append(f"{node} {c.accordingTo} {agent}{t}")
        if relation.qualifiers:
            self.qualifiers(out, tail, stem, node, relation)
        self.selectors(out, tail, stem, doc, text, evidence)

    def qualifiers(self, out: list[str], tail: str, stem: str, node: str, relation: Relation) -> None:
        k = self.kgt
        for name, value in relation.qualifiers.items():
            if isinstance(value, Quantity):
                qty = stem + "-qty" + self.c.close
                lines = [(node, k(name), qty), (qty, self.type, f"<{SCHEMA}QuantitativeValue>"),
                         (qty, k("verbatim"), _lit(value.text)), (qty, k("approximate"), _bool(value.approximate))]
                if value.value is not None:
                    lines.append((qty, f"<{SCHEMA}value>", _number(value.value)))
                if value.unit:
                    lines.append((qty, f"<{SCHEMA}unitText>", _lit(value.unit)))
            elif isinstance(value, TimeExpression):
                lines = [(node, k(name), _lit(value.text))]
                if value.value:
                    lines.append((node, k(f"{name}Value"), _time_literal(value.value)))
            else:
                lines = [(node, k(name), _lit(str(value)))]
            out += [f"{s} {p} {o}{tail}" for s, p, o in lines]

    def selectors(self, out: list[str], tail: str, stem: str, doc: str, text: str, evidence: Evidence) -> None:
        c, INT = self.c, self.c.INTEGER
        close, t = c.close, tail
        ev, pos, quote = stem + "-ev" + close, stem + "-pos" + close, stem + "-quote" + close
        start, end = evidence.start, evidence.end
        out.append(
            f"{ev} {c.type} {c.SpecificResource}{t}{ev} {c.hasSource} {doc}{t}{ev} {c.hasSelector} {pos}{t}"
            f"{ev} {c.hasSelector} {quote}{t}{ev} {c.sentence} {self.literal(evidence.sentence)}{t}"
            f"{ev} {c.sentenceStart} \"{evidence.sentence_start}\"{INT}{t}{ev} {c.sentenceEnd} \"{evidence.sentence_end}\"{INT}{t}"
            f"{pos} {c.type} {c.TextPositionSelector}{t}{pos} {c.start} \"{start}\"{INT}{t}{pos} {c.end} \"{end}\"{INT}{t}"
            f"{quote} {c.type} {c.TextQuoteSelector}{t}{quote} {c.exact} {_lit(evidence.quote)}{t}"
            f"{quote} {c.prefix} {_lit(text[max(0, start - _CONTEXT_CHARS):start])}{t}"
            f"{quote} {c.suffix} {_lit(text[end:end + _CONTEXT_CHARS])}{t}"
        )
        for first, last, span in ((c.subjectStart, c.subjectEnd, evidence.subject_span),
                                  (c.objectStart, c.objectEnd, evidence.object_span),
                                  (c.triggerStart, c.triggerEnd, evidence.trigger_span)):
            if span is not None:
                out.append(f"{ev} {first} \"{span[0]}\"{INT}{t}{ev} {last} \"{span[1]}\"{INT}{t}")

    def entities(self, tail: str) -> list[str]:
        out: list[str] = []
        for entity in self.kg.entities():
            node = self.term("entity", entity.id)
            pairs = [
                (self.type, self.kgt(entity.type)),
                (self.type, f"<{SCHEMA}{rdf_terms()['schema_types'].get(entity.type, 'Thing')}>"),
                (f"<{RDFS}label>", _en(entity.label)),
            ]
            pairs += [(f"<{SKOS}altLabel>", _en(alias)) for alias in entity.aliases]
            for _, target in sorted(entity.links.items()):
                if iri := safe_iri(target):
                    pairs.append((f"<{SKOS}exactMatch>", f"<{iri}>"))
            self.block(out, tail, node, pairs)
        for name, agent in sorted(self.agents.items()):
            out += [f"{agent} {self.type} <{PROV}Agent>{tail}", f"{agent} <{RDFS}label> {_en(name)}{tail}"]
        return out

    def support(self, tail: str) -> list[str]:
        """Corroboration of each statement across the whole dataset (changes whenever a document
        is added or removed, so it lives apart from the document graphs)."""
        out: list[str] = []
        k = self.kgt
        for relation in self.kg.relations():
            node = self.fact_iri(relation)
            publishers = self.kg.publishers(relation)
            pairs = [
                (self.type, k("Statement")),
                (f"<{RDF}subject>", self.term("entity", relation.subject)),
                (f"<{RDF}predicate>", self.predicate(relation.predicate)),
                (f"<{RDF}object>", self.object_term(relation.object)),
                (k("supportDocuments"), _typed(self.kg.support(relation), "integer")),
                (k("supportPublishers"), _typed(len(publishers), "integer")),
            ]
            pairs += [(k("publishedBy"), _lit(p)) for p in publishers]
            self.block(out, tail, node, pairs)
        return out

    def runs(self, tail: str) -> list[str]:
        run, software = self.run_iri, self.term("agent", f"extractor-{self.run.extractor_slug}")
        lines = [
            (run, self.type, f"<{PROV}Activity>"),
            (run, f"<{PROV}wasAssociatedWith>", software),
            (run, f"<{PROV}startedAtTime>", _typed(self.run.started.isoformat(), "dateTime")),
            (software, self.type, f"<{PROV}SoftwareAgent>"),
            (software, f"<{RDFS}label>", _lit(f"{self.run.extractor}/{self.run.version}")),
        ]
        if self.run.ended:
            lines.append((run, f"<{PROV}endedAtTime>", _typed(self.run.ended.isoformat(), "dateTime")))
        if self.run.software_version:
            lines.append((software, f"<{SCHEMA}softwareVersion>", _lit(self.run.software_version)))
        for doc_id in self.kg.documents:
            graph_iri, doc = self.graph_iri(doc_id), self.term("doc", doc_id)
            lines += [(run, f"<{PROV}used>", doc), (graph_iri, self.type, f"<{PROV}Entity>"),
                      (graph_iri, f"<{PROV}wasDerivedFrom>", doc), (graph_iri, f"<{PROV}wasGeneratedBy>", run)]
        return [f"{s} {p} {o}{tail}" for s, p, o in lines]


def rdf_chunks(graph: KnowledgeGraph, run: Run, base: str = DEFAULT_BASE,
               tail_of: Callable[[str], str] = lambda g: f" {g} .\n", compact: bool = False) -> Iterator[tuple[str, list[str]]]:
    """The dataset one named graph at a time: (graph IRI term, finished statement lines).

    The pure converter behind every format: `tail_of(graph)` ends each line, " <graph> .\\n" for
    N-Quads (the default) and " .\\n" for a TriG block or Turtle; `compact` writes prefixed names
    (TriG and Turtle, after the lines of `_prefixes`).
    """
    writer = _Writer(graph, run, Namespaces(base), compact)
    yield from writer.document_graphs(tail_of)
    for name, make in (("entities", writer.entities), ("support", writer.support), ("runs", writer.runs)):
        graph_term = writer.term("graph", name)
        yield graph_term, make(tail_of(graph_term))


def _nquads(graph: KnowledgeGraph, run: Run, base: str) -> Iterator[bytes]:
    for _, lines in rdf_chunks(graph, run, base):
        yield "".join(lines).encode("utf-8")


def _trig(graph: KnowledgeGraph, run: Run, base: str) -> Iterator[bytes]:
    yield _prefixes(Namespaces(base)).encode("utf-8")
    for g, lines in rdf_chunks(graph, run, base, lambda g: " .\n", compact=True):
        yield (f"{g} {{\n" + "".join(lines) + "}\n").encode("utf-8")


def _turtle(graph: KnowledgeGraph, run: Run, base: str) -> Iterator[bytes]:
    yield _prefixes(Namespaces(base)).encode("utf-8")
    for _, lines in rdf_chunks(graph, run, base, lambda g: " .\n", compact=True):
        yield "".join(lines).encode("utf-8")


def _jsonld(graph: KnowledgeGraph, run: Run, base: str) -> Iterator[bytes]:
    import pyoxigraph

    quads = pyoxigraph.parse(b"".join(_nquads(graph, run, base)), format=pyoxigraph.RdfFormat.N_QUADS)
    buffer = io.BytesIO()
    pyoxigraph.serialize(quads, buffer, format=pyoxigraph.RdfFormat.JSON_LD)
    yield buffer.getvalue()


_SERIALISERS = {"trig": _trig, "nquads": _nquads, "turtle": _turtle, "jsonld": _jsonld}


def serialise(graph: KnowledgeGraph, run: Run, rdf_format: str = "trig", base: str = DEFAULT_BASE) -> Iterator[bytes]:
    """The dataset in one format, as a stream of UTF-8 chunks (one per named graph)."""
    if rdf_format not in _SERIALISERS:
        raise ExportError(f"unknown RDF format {rdf_format!r}: choose one of {', '.join(RDF_FORMATS)}")
    return _SERIALISERS[rdf_format](graph, run, base)


def to_rdf(graph: KnowledgeGraph, run: Run, base: str = DEFAULT_BASE):
    """The dataset as an rdflib Dataset (for notebooks and tests; the writers do not need rdflib)."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=b"".join(serialise(graph, run, "nquads", base)).decode("utf-8"), format="nquads")
    return dataset


def write_rdf(graph: KnowledgeGraph, path: str | Path, run: Run, rdf_format: str = "trig", base: str = DEFAULT_BASE) -> Path:
    return write_atomic(path, serialise(graph, run, rdf_format, base))


# -- reading our own RDF back ---------------------------------------------------------------------

_READ_ENTITIES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?type ?label ?alias ?link WHERE { GRAPH ?g {
  ?e rdf:type ?type ; rdfs:label ?label . FILTER (STRSTARTS(STR(?type), STR(kg:)) && STRSTARTS(STR(?e), STR(ent:)))
  OPTIONAL { ?e skos:altLabel ?alias } OPTIONAL { ?e skos:exactMatch ?link } } }"""
_READ_DOCUMENTS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
SELECT ?doc ?title ?issued ?author ?publisher ?url ?language WHERE { GRAPH ?g {
  ?doc rdf:type schema:NewsArticle .
  OPTIONAL { ?doc dct:title ?title } OPTIONAL { ?doc dct:issued ?issued } OPTIONAL { ?doc schema:author ?author }
  OPTIONAL { ?doc schema:publisher ?publisher } OPTIONAL { ?doc schema:url ?url } OPTIONAL { ?doc dct:language ?language } } }"""
_READ_ASSERTIONS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT * WHERE { GRAPH ?g {
  ?a rdf:type kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?confidence ;
     kg:epistemicStatus ?status ; kg:extractionRule ?rule ; kg:extractor ?extractor ; prov:wasDerivedFrom ?doc ;
     kg:evidence ?ev .
  ?ev kg:sentence ?sentence ; kg:sentenceStart ?sentenceStart ; kg:sentenceEnd ?sentenceEnd ;
      kg:subjectStart ?subjectStart ; kg:subjectEnd ?subjectEnd ; oa:hasSelector ?pos , ?quote .
  ?pos rdf:type oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?quote rdf:type oa:TextQuoteSelector ; oa:exact ?exact .
  OPTIONAL { ?ev kg:objectStart ?objectStart ; kg:objectEnd ?objectEnd }
  OPTIONAL { ?ev kg:triggerStart ?triggerStart ; kg:triggerEnd ?triggerEnd }
  OPTIONAL { ?a kg:attributionCue ?cue }
  OPTIONAL { ?a kg:accordingTo ?agent . GRAPH ?e { ?agent rdfs:label ?source } }
  OPTIONAL { ?a kg:item ?item } OPTIONAL { ?a kg:role ?role }
  OPTIONAL { ?a kg:time ?time OPTIONAL { ?a kg:timeValue ?timeValue } }
  OPTIONAL { ?a kg:quantity ?q . ?q kg:verbatim ?qText ; kg:approximate ?qApprox .
             OPTIONAL { ?q <http://schema.org/value> ?qValue } OPTIONAL { ?q <http://schema.org/unitText> ?qUnit } } } }"""


def read_rdf(path: str | Path, base: str = DEFAULT_BASE) -> KnowledgeGraph:
    """A KnowledgeGraph from RDF newsgraph wrote (any of its formats): the same facts as the graph
    that was exported. Article texts are not in the RDF (documents.jsonl has them), so documents come
    back with their metadata and an empty text; alias order is not kept by RDF (aliases come back sorted)."""
    import pyoxigraph

    from ..graph import Entity, Extraction

    formats = {"trig": pyoxigraph.RdfFormat.TRIG, "nq": pyoxigraph.RdfFormat.N_QUADS,
               "jsonld": pyoxigraph.RdfFormat.JSON_LD, "ttl": pyoxigraph.RdfFormat.TURTLE}
    path = Path(path)
    if path.suffix.lstrip(".") not in formats:
        raise ExportError(f"{path}: not an RDF file newsgraph writes (.trig, .nq, .jsonld, .ttl)")
    store = pyoxigraph.Store()
    store.bulk_load(path=str(path), format=formats[path.suffix.lstrip(".")])
    ns = Namespaces(base)
    prefixes = f"PREFIX kg: <{ns.kg}> PREFIX ent: <{base}entity/> "

    def local(term, space: str) -> str:
        return term.value[len(f"{base}{space}/"):]

    def value(row, name: str):
        term = row[name]
        return None if term is None else term.value

    entities: dict[str, dict] = {}
    for row in store.query(prefixes + _READ_ENTITIES):
        found = entities.setdefault(local(row["e"], "entity"), {"type": row["type"].value[len(ns.kg):],
                                                               "label": row["label"].value, "aliases": set(), "links": {}})
        if row["alias"] is not None:
            found["aliases"].add(row["alias"].value)
        if row["link"] is not None:
            found["links"]["geonames"] = row["link"].value
    documents = {
        local(row["doc"], "doc"): Document(
            id=local(row["doc"], "doc"), text="", title=value(row, "title"), url=value(row, "url"),
            published=value(row, "issued"), author=value(row, "author"), publisher=value(row, "publisher"),
            language=value(row, "language") or "en")
        for row in store.query(prefixes + _READ_DOCUMENTS)
    }
    statuses = {term: status for status, term in rdf_terms()["statuses"].items()}
    datatypes = {iri: name for name, iri in rdf_terms()["literal_datatypes"].items()}
    relations: dict[str, list[Relation]] = {}
    for row in store.query(prefixes + _READ_ASSERTIONS):
        obj = row["o"]
        if isinstance(obj, pyoxigraph.Literal):
            target: str | Literal = Literal(obj.value, datatypes.get(obj.datatype.value, "string"))
        else:
            target = local(obj, "entity")
        span = lambda a, b: (int(row[a].value), int(row[b].value)) if row[a] is not None else None  # noqa: E731
        qualifiers: dict = {}
        for name in ("item", "role"):
            if row[name] is not None:
                qualifiers[name] = row[name].value
        if row["time"] is not None:
            qualifiers["time"] = TimeExpression(row["time"].value, value(row, "timeValue"))
        if row["qText"] is not None:
            number = value(row, "qValue")
            qualifiers["quantity"] = Quantity(row["qText"].value, None if number is None else (
                int(number) if number.lstrip("-").isdigit() else float(number)),
                row["qApprox"].value == "true", value(row, "qUnit"))
        doc_id = local(row["doc"], "doc")
        evidence = Evidence(
            doc=doc_id, sentence=row["sentence"].value, sentence_start=int(row["sentenceStart"].value),
            sentence_end=int(row["sentenceEnd"].value), start=int(row["start"].value), end=int(row["end"].value),
            quote=row["exact"].value, subject_span=span("subjectStart", "subjectEnd"),
            object_span=span("objectStart", "objectEnd"), trigger_span=span("triggerStart", "triggerEnd"),
            extractor=row["extractor"].value, confidence=float(row["confidence"].value),
            status=statuses[row["status"].value[len(ns.kg):]], attributed_to=value(row, "source"),
            cue=value(row, "cue"), rule=row["rule"].value or None,
        )
        relations.setdefault(doc_id, []).append(Relation(
            local(row["s"], "entity"), row["p"].value[len(f"{base}rel/"):], target, qualifiers, (evidence,)))
    extractions = []
    for doc_id in sorted(set(documents) | set(relations)):
        found = sorted(relations.get(doc_id, []), key=lambda r: (r.evidence[0].start, r.evidence[0].end, r.predicate))
        ids = {r.subject for r in found} | {r.object for r in found if not isinstance(r.object, Literal)}
        doc_entities = tuple(
            Entity(e, entities[e]["label"], entities[e]["type"], tuple(sorted(entities[e]["aliases"])), (),
                   dict(entities[e]["links"]))
            for e in sorted(ids) if e in entities)
        extractions.append(Extraction(documents.get(doc_id, Document(doc_id, "")), doc_entities, tuple(found)))
    return KnowledgeGraph.from_extractions(extractions)
