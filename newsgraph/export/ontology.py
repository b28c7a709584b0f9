"""ontology.ttl: the ontology of the data (RDFS/OWL), generated from graph/data/ontology.json.

Classes (kg:Person ...) with labels and subclass links; every predicate of rel: with its label,
comment, domain and range (rdfs:domain/rdfs:range when there is one class, schema:domainIncludes
and schema:rangeIncludes always, so that several classes need no blank-node unions), its
sub-property links (leaderOf implies affiliatedWith) and its Wikidata properties
(skos:closeMatch wdt:P...); and the provenance vocabulary of assertions, evidence and support.
"""

from __future__ import annotations

from pathlib import Path

from ..graph import Ontology, load_ontology
from .files import write_text
from .rdf import DEFAULT_BASE, Namespaces, escape_literal, rdf_terms

__all__ = ["to_ontology", "write_ontology"]

#: The provenance vocabulary: (local name, kind, label, comment).
_VOCABULARY = (
    ("Assertion", "owl:Class", "assertion", "One statement read from one sentence of one article, with its provenance."),
    ("Statement", "owl:Class", "statement", "A subject-predicate-object statement and its support across the dataset."),
    ("EpistemicStatus", "skos:ConceptScheme", "epistemic status", "How the article frames a statement."),
    ("confidence", "owl:DatatypeProperty", "confidence", "Measured precision of the rule that read the statement, in [0, 1]."),
    ("epistemicStatus", "owl:ObjectProperty", "epistemic status", "Asserted, reported, alleged, planned, denied or hypothetical."),
    ("accordingTo", "owl:ObjectProperty", "according to", "Who the article attributes the statement to."),
    ("attributionCue", "owl:DatatypeProperty", "attribution cue", "The words of the sentence that frame the statement."),
    ("extractionRule", "owl:DatatypeProperty", "extraction rule", "The rule or model that read the statement."),
    ("extractor", "owl:DatatypeProperty", "extractor", "Extractor name and version."),
    ("evidence", "owl:ObjectProperty", "evidence", "The passage of the article that states it (oa:SpecificResource)."),
    ("sentence", "owl:DatatypeProperty", "sentence", "The whole sentence holding the evidence."),
    ("supports", "owl:ObjectProperty", "supports", "The statement an assertion supports."),
    ("supportDocuments", "owl:DatatypeProperty", "supporting documents", "Number of distinct articles stating it."),
    ("supportPublishers", "owl:DatatypeProperty", "supporting publishers", "Number of distinct publishers stating it."),
    ("publishedBy", "owl:DatatypeProperty", "published by", "A publisher of an article stating it."),
    ("textSha256", "owl:DatatypeProperty", "text SHA-256", "Hash of the cleaned article text every offset indexes."),
)
_PREFIXES = """@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <http://schema.org/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
"""


def _text(value: str) -> str:
    return f'"{escape_literal(value)}"@en'


def to_ontology(ontology: Ontology | None = None, base: str = DEFAULT_BASE) -> str:
    """The ontology as Turtle."""
    ontology = ontology or load_ontology()
    ns = Namespaces(base)
    lines = [_PREFIXES + f"@prefix kg: <{ns.kg}> .\n@prefix rel: <{base}rel/> .\n",
             f"<{ns.kg}> a owl:Ontology ; rdfs:label \"newsgraph ontology\"@en ; owl:versionInfo \"{ontology.version}\" .\n"]
    for name, parents in ontology.classes.items():
        lines.append(f"kg:{name} a owl:Class ; rdfs:label {_text(ontology.class_labels[name])}"
                     + "".join(f" ; rdfs:subClassOf kg:{p}" for p in parents) + " .")
    lines.append("")
    for predicate in ontology.predicates.values():
        kind = "owl:DatatypeProperty" if predicate.datatype else "owl:ObjectProperty"
        parts = [f"rel:{predicate.name} a {kind}" + (" , owl:SymmetricProperty" if predicate.symmetric else ""),
                 f"rdfs:label {_text(predicate.label)}"]
        if predicate.comment:
            parts.append(f"rdfs:comment {_text(predicate.comment)}")
        if len(predicate.domain) == 1:
            parts.append(f"rdfs:domain kg:{predicate.domain[0]}")
        parts += [f"schema:domainIncludes kg:{d}" for d in predicate.domain]
        if predicate.datatype:
            parts.append(f"rdfs:range <{rdf_terms()['literal_datatypes'].get(predicate.datatype)}>")
        else:
            if len(predicate.range) == 1:
                parts.append(f"rdfs:range kg:{predicate.range[0]}")
            parts += [f"schema:rangeIncludes kg:{r}" for r in predicate.range]
        parts += [f"rdfs:subPropertyOf rel:{b}" for b in predicate.broader]
        parts += [f"skos:closeMatch wdt:{p}" for p in predicate.wikidata]
        lines.append(" ;\n    ".join(parts) + " .")
    lines.append("")
    for name, kind, label, comment in _VOCABULARY:
        lines.append(f"kg:{name} a {kind} ; rdfs:label {_text(label)} ; rdfs:comment {_text(comment)} .")
    for status in ontology.statuses:
        term = rdf_terms()["statuses"][status]
        lines.append(f"kg:{term} a skos:Concept ; skos:inScheme kg:EpistemicStatus ; skos:prefLabel {_text(status)} .")
    return "\n".join(lines) + "\n"


def write_ontology(path: str | Path, base: str = DEFAULT_BASE) -> Path:
    return write_text(path, to_ontology(base=base))
