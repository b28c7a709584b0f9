"""Facts the gazetteer knows about the places an article names: Berlin lies in Germany.

An article that names Berlin and Germany seldom says that one lies in the other, yet an analyst
who asks for "organisations based in Germany" expects the ones the article places in Berlin.
GeoNames knows where its cities and US states lie. Such a fact is drawn only where one sentence
of the article names both places ("Moscow and the rest of Russia"), and it is attributed to
GeoNames, not to the article: the evidence quotes the two names and its
`attributed_to` is "GeoNames". A place the gazetteer puts in a disputed country ("Jerusalem",
"Sevastopol") gets no such fact: the gazetteer is not the judge of borders. A fact the article
states about a place ("Airbus is based in Hamburg") carries over to the places containing it
("Airbus basedIn Germany"), quoting the article's statement, when a pattern said it (the pair
classifier's guesses are not carried: a wrong guess would be repeated at every level).

Which facts are made, and their confidence, is data (`data/gazetteer.json`,
`data/confidence.json`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from ..graph import Entity, Mention, Relation, load_ontology
from .evidence import quoted
from .gazetteer import load_gazetteer
from .lexicons import calibrated, read_data

__all__ = ["CONTAINMENT_SOURCE", "containment_rules", "place_containment"]

#: Who a containment fact is attributed to.
CONTAINMENT_SOURCE = "GeoNames"


@lru_cache(maxsize=1)
def containment_rules() -> dict[str, dict]:
    """The containment rules of `data/gazetteer.json` by id, with their calibrated confidence."""
    measured = calibrated()
    return {rule_id: {**rule, "confidence": measured.get(rule_id, float(rule["prior"]))}
            for rule_id, rule in _spec()["rules"].items()}


@lru_cache(maxsize=1)
def _spec() -> dict:
    return read_data("gazetteer.json")["containment"]


def place_containment(
    doc_id: str,
    text: str,
    sentences: Sequence[tuple[int, int]],
    entities: Iterable[Entity],
    found: Sequence[Relation],
    extractor: str,
) -> list[Relation]:
    """Place-in-place facts from the gazetteer, and the article's place facts carried up to them.

    `sentences` are the (start, end) character bounds of the document's sentences in order;
    `found` are the relations already extracted from the text, which are never repeated.
    """
    gazetteer, rules = load_gazetteer(), containment_rules()
    entities = list(entities)
    by_uri = {e.links["geonames"]: e for e in entities if e.links.get("geonames")}
    disputed = frozenset(_spec()["disputed"])
    containers = {
        e.id: [by_uri[p.uri] for p in gazetteer.containers(uri) if p.uri in by_uri]
        for uri, e in by_uri.items() if getattr(gazetteer.by_uri.get(uri), "name", None) not in disputed
    }
    have = {r.key for r in found}
    made: list[Relation] = []

    def add(relation: Relation) -> None:
        if relation.key not in have and relation.subject != relation.object:
            have.add(relation.key)
            made.append(relation)

    rule_id = "geonames-place-in-place"
    rule, starts = rules[rule_id], [start for start, _ in sentences]
    for entity in entities:
        for container in containers.get(entity.id, ()):
            names = _nearest_names(starts, entity, container)
            if names is None:
                continue
            subject, obj, number = names
            evidence = quoted(
                text, doc_id, sentences[number], (min(subject.start, obj.start), max(subject.end, obj.end)),
                subject_span=(subject.start, subject.end), object_span=(obj.start, obj.end), trigger_span=None,
                extractor=extractor, confidence=rule["confidence"], rule=rule_id, attributed_to=CONTAINMENT_SOURCE,
            )
            add(Relation(entity.id, rule["predicate"], container.id, {}, (evidence,)))
    via = rules["geonames-via-place"]
    ontology = load_ontology()
    types = {e.id: e.type for e in entities}
    for relation in found:
        if relation.predicate not in via["predicates"] or not isinstance(relation.object, str):
            continue
        stated = [e for e in relation.evidence if e.status in via["statuses"] and e.rule not in via["not_from_rules"]]
        for container in containers.get(relation.object, ()) if stated else ():
            if not ontology.accepts(relation.predicate, types.get(relation.subject, ""), container.type):
                continue
            evidence = replace(max(stated, key=lambda e: e.confidence), object_span=None,
                               confidence=via["confidence"], rule="geonames-via-place")
            add(Relation(relation.subject, relation.predicate, container.id, dict(relation.qualifiers), (evidence,)))
    return made


def _nearest_names(starts: list[int], place: Entity, container: Entity) -> tuple[Mention, Mention, int] | None:
    """The mentions of the two places that stand nearest each other in one sentence, and that
    sentence's number, if a sentence names both (`starts`: the sentences' start offsets)."""

    def sentence(mention: Mention) -> int:
        return max(0, bisect_right(starts, mention.start) - 1)

    pairs = [(abs(m.start - o.start), m.start, m, o) for m in place.mentions for o in container.mentions
             if sentence(m) == sentence(o)]
    if not pairs:
        return None
    _, _, subject, obj = min(pairs, key=lambda pair: pair[:2])
    return subject, obj, sentence(subject)
