"""KnowledgeGraph: one edge per (subject, predicate, object), evidence appended, support counted."""

from __future__ import annotations

import pytest

from newsgraph.errors import NewsgraphError, OntologyError
from newsgraph.graph import Document, Entity, Evidence, Extraction, KnowledgeGraph, Literal, Relation, entity_id

IRAN = Entity(entity_id("Country", "Iran"), "Iran", "Country")
RUSSIA = Entity(entity_id("Country", "Russia"), "Russia", "Country", aliases=("Russian",))


def evidence(doc: str, start: int = 0, status: str = "asserted") -> Evidence:
    quote = "Iran supplied Russia"
    return Evidence(doc, quote, start, start + len(quote), start, start + len(quote), quote,
                    (start, start + 4), (start + 14, start + 20), (start + 5, start + 13), "test/1", 0.8, status)


def supply(*items: Evidence) -> Relation:
    return Relation(IRAN.id, "suppliedTo", RUSSIA.id, {"item": "drones"}, items)


def extraction(doc: str, *relations: Relation) -> Extraction:
    return Extraction(Document(doc, "Iran supplied Russia"), (IRAN, RUSSIA), relations)


def test_same_fact_from_two_documents_is_one_edge_with_support_two():
    graph = KnowledgeGraph.from_extractions([extraction("d1", supply(evidence("d1"))), extraction("d2", supply(evidence("d2")))])
    (relation,) = graph.relations()
    assert len(relation.evidence) == 2
    assert graph.support(relation) == 2
    assert graph.graph.number_of_edges() == 1


def test_two_sentences_of_one_document_count_as_support_one():
    graph = KnowledgeGraph.from_extractions([extraction("d1", supply(evidence("d1", 0), evidence("d1", 40)))])
    (relation,) = graph.relations()
    assert graph.support(relation) == 1 and len(relation.evidence) == 2


def test_the_same_evidence_added_twice_is_kept_once():
    graph = KnowledgeGraph.from_extractions([extraction("d1", supply(evidence("d1")))] * 2)
    assert len(next(graph.relations()).evidence) == 1


def test_denied_only_relation_is_not_an_edge():
    graph = KnowledgeGraph.from_extractions([extraction("d1", supply(evidence("d1", status="denied")))])
    assert not graph.is_edge(next(graph.relations()))


def test_literal_objects_share_a_node():
    person = Entity(entity_id("Person", "Sergei Sozinov"), "Sergei Sozinov", "Person")
    graph = KnowledgeGraph()
    graph.add_entity(person)
    graph.add_relation(Relation(person.id, "age", Literal("36", "integer"), evidence=(evidence("d1"),)))
    (relation,) = graph.relations()
    assert relation.object == Literal("36", "integer")


def test_relation_to_unknown_entity_is_refused_with_its_name():
    graph = KnowledgeGraph()
    graph.add_entity(IRAN)
    with pytest.raises(NewsgraphError, match=RUSSIA.id):
        graph.add_relation(supply(evidence("d1")))


def test_unknown_predicate_names_the_known_ones():
    graph = KnowledgeGraph()
    graph.add_entity(IRAN)
    graph.add_entity(RUSSIA)
    with pytest.raises(OntologyError, match="suppliedTo"):
        graph.add_relation(Relation(IRAN.id, "soldTo", RUSSIA.id, evidence=(evidence("d1"),)))


def test_entities_with_the_same_id_merge_aliases():
    graph = KnowledgeGraph()
    graph.add_entity(RUSSIA)
    graph.add_entity(Entity(RUSSIA.id, "Russia", "Country", aliases=("Russian Federation",)))
    assert set(graph.entity(RUSSIA.id).aliases) == {"Russian", "Russian Federation"}


# -- corroboration and the notebook API ---------------------------------------------------------

UKRAINE = Entity(entity_id("Country", "Ukraine"), "Ukraine", "Country")
KASHAN = Entity(entity_id("Facility", "Kashan military base"), "Kashan military base", "Facility", aliases=("Kashan base",))


def published(doc: str, publisher: str | None, url: str | None = None, *relations: Relation) -> Extraction:
    return Extraction(Document(doc, "Iran supplied Russia", url=url, publisher=publisher),
                      (IRAN, RUSSIA, UKRAINE, KASHAN), relations)


def relation(subject: Entity, predicate: str, obj: Entity, doc: str, status: str = "asserted",
             source: str | None = None) -> Relation:
    item = evidence(doc, status=status)
    return Relation(subject.id, predicate, obj.id, {}, (Evidence(**{**item.__dict__, "attributed_to": source}),))


def corpus() -> KnowledgeGraph:
    return KnowledgeGraph.from_extractions([
        published("d1", "Algemeiner", None, relation(IRAN, "suppliedTo", RUSSIA, "d1"),
                  relation(RUSSIA, "attacked", UKRAINE, "d1")),
        published("d2", None, "https://www.kyivindependent.com/a", relation(IRAN, "suppliedTo", RUSSIA, "d2")),
        published("d3", "Algemeiner", None, relation(IRAN, "suppliedTo", RUSSIA, "d3", "denied", "Tehran"),
                  relation(IRAN, "locatedIn", KASHAN, "d3")),
    ])


def test_support_counts_documents_and_publishers_apart():
    graph = corpus()
    supply = next(r for r in graph.relations() if r.predicate == "suppliedTo")
    assert graph.support(supply) == 3
    assert graph.publishers(supply) == ["Algemeiner", "kyivindependent.com"]


def test_a_statement_denied_by_another_source_is_a_conflict():
    (conflict,) = corpus().conflicts()
    assert conflict.relation.predicate == "suppliedTo"
    assert [e.doc for e in conflict.denied] == ["d3"] and {e.doc for e in conflict.stated} == {"d1", "d2"}


def test_facts_about_finds_an_entity_by_alias():
    facts = corpus().facts_about("Kashan base")
    assert [(r.predicate, r.object) for r in facts] == [("locatedIn", KASHAN.id)]


def test_neighbours_follow_edges_both_ways_and_filter_by_predicate():
    graph = corpus()
    assert {e.label for e in graph.neighbours("Russia")} == {"Iran", "Ukraine"}
    assert [e.label for e in graph.neighbours("Russia", predicate="attacked")] == ["Ukraine"]


def test_paths_chain_relations_between_two_entities():
    (path, *_) = corpus().paths("Iran", "Ukraine")
    assert [r.predicate for r in path] == ["suppliedTo", "attacked"]


def test_subgraph_keeps_only_what_passes_every_filter():
    graph = corpus()
    assert [r.predicate for r in graph.subgraph(min_support=2).relations()] == ["suppliedTo"]
    assert {r.predicate for r in graph.subgraph(types={"Country"}).relations()} == {"suppliedTo", "attacked"}
    assert [r.predicate for r in graph.subgraph(predicates={"attacked"}).relations()] == ["attacked"]


def test_an_unknown_name_says_how_to_look_entities_up():
    with pytest.raises(NewsgraphError, match="graph.find"):
        corpus().neighbours("Atlantis")
