"""Cross-document entity resolution on hand-built extractions: what merges, what never does, why."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.graph import Document, Entity, Evidence, Extraction, KnowledgeGraph, Mention, Relation, entity_id, resolve

KYIV_LINK = {"geonames": "https://sws.geonames.org/703448/"}


def entity(doc: str, label: str, type_: str, aliases: tuple[str, ...] = (), links: dict | None = None) -> Entity:
    return Entity(entity_id(type_, label), label, type_, aliases, (Mention(doc, 0, len(label), label, type_),), links or {})


def article(doc: str, *entities: Entity) -> Extraction:
    """An article whose first entity is affiliated with (or located in) each of the others."""
    first, *others = entities
    quote = "x"
    relations = tuple(
        Relation(first.id, "affiliatedWith" if first.type == "Person" else "locatedIn", other.id, {},
                 (Evidence(doc, quote, 0, 1, 0, 1, quote, (0, 1), (0, 1), None, "test/1", 0.9),))
        for other in others
    )
    return Extraction(Document(doc, quote), entities, relations)


def labels(resolution) -> dict[str, set[str]]:
    """Entity id -> the documents whose entities were given that id."""
    found: dict[str, set[str]] = {}
    for extraction in resolution.extractions:
        for e in extraction.entities:
            found.setdefault(e.id, set()).add(extraction.document.id)
    return found


def test_same_name_and_type_in_two_articles_is_one_entity_with_a_recorded_reason():
    a = article("a", entity("a", "Sergei Sozinov", "Person"), entity("a", "Russian Air Force", "Organization"))
    b = article("b", entity("b", "Sergei Sozinov", "Person"), entity("b", "Ukraine", "Country"))
    resolution = resolve([a, b])
    sozinov = entity_id("Person", "Sergei Sozinov")
    assert labels(resolution)[sozinov] == {"a", "b"}
    (merge,) = resolution.merges
    assert (merge.entity, merge.reason, merge.key, merge.doc) == (sozinov, "same name", "sergei sozinov", "b")
    assert merge.mentions[0].text == "Sergei Sozinov"


def test_entities_of_different_types_never_merge():
    a = article("a", entity("a", "Jordan", "Person"), entity("a", "Amman", "City"))
    b = article("b", entity("b", "Jordan", "Country"), entity("b", "Amman", "City"))
    ids = labels(resolve([a, b]))
    assert entity_id("Person", "Jordan") in ids and entity_id("Country", "Jordan") in ids


def test_a_surname_alone_does_not_join_a_full_name_from_another_article():
    a = article("a", entity("a", "Vladimir Putin", "Person", aliases=("Putin",)), entity("a", "Russia", "Country"))
    b = article("b", entity("b", "Putin", "Person"), entity("b", "Russia", "Country"))
    ids = labels(resolve([a, b]))
    assert ids[entity_id("Person", "Vladimir Putin")] == {"a"}
    assert ids[entity_id("Person", "Putin")] == {"b"}


def test_an_acronym_the_article_defined_joins_the_full_name():
    bank = "European Bank for Reconstruction and Development"
    a = article("a", entity("a", "Thomas Mirow", "Person"), entity("a", bank, "Organization", aliases=("EBRD",)))
    b = article("b", entity("b", "Suma Chakrabarti", "Person"), entity("b", "EBRD", "Organization"))
    resolution = resolve([a, b])
    assert labels(resolution)[entity_id("Organization", bank)] == {"a", "b"}
    assert {(m.reason, m.member_label) for m in resolution.merges} == {("alias", "EBRD")}


def test_organisation_word_order_and_spelling_variants_merge():
    a = article("a", entity("a", "Sergei Shoigu", "Person"), entity("a", "Russian Ministry of Defence", "Organization"))
    b = article("b", entity("b", "Igor Konashenkov", "Person"), entity("b", "Russian Defense Ministry", "Organization"))
    merged = [m for m in resolve([a, b]).merges if m.type == "Organization"]
    assert len(merged) == 1 and merged[0].reason == "same name"


def test_the_same_geonames_id_joins_different_spellings():
    a = article("a", entity("a", "Kyiv", "City", links=KYIV_LINK), entity("a", "Ukraine", "Country"))
    b = article("b", entity("b", "Kiev", "City", links=KYIV_LINK), entity("b", "Ukraine", "Country"))
    resolution = resolve([a, b])
    city = next(m for m in resolution.merges if m.type == "City")
    assert city.reason == "same GeoNames id" and city.label == "Kiev"  # equal length: the first name in order


def test_one_name_for_two_places_with_different_geonames_ids_joins_nothing():
    a = article("a", entity("a", "Paris", "City", links={"geonames": "https://sws.geonames.org/2988507/"}),
                entity("a", "France", "Country"))
    b = article("b", entity("b", "Paris", "City", links={"geonames": "https://sws.geonames.org/4717560/"}),
                entity("b", "United States", "Country"))
    assert not [m for m in resolve([a, b]).merges if m.type == "City"]


def test_no_merge_keeps_every_article_apart():
    a = article("a", entity("a", "Sergei Sozinov", "Person"), entity("a", "Russia", "Country"))
    b = article("b", entity("b", "Sergei Sozinov", "Person"), entity("b", "Russia", "Country"))
    resolution = resolve([a, b], merge=False)
    assert not resolution.merges
    assert all(len(docs) == 1 for docs in labels(resolution).values())
    assert len(labels(resolution)) == 4


def test_relations_follow_their_entities_into_the_merged_ids():
    a = article("a", entity("a", "Sergei Sozinov", "Person"), entity("a", "Russian Air Force", "Organization"))
    b = article("b", entity("b", "Sergei Sozinov", "Person"), entity("b", "Russian Air Force", "Organization"))
    graph = KnowledgeGraph.from_resolution(resolve([a, b]))
    (relation,) = graph.relations()
    assert graph.support(relation) == 2


ARTICLES = [
    article("a", entity("a", "Vladimir Putin", "Person", aliases=("Putin",)), entity("a", "Russia", "Country")),
    article("b", entity("b", "Putin", "Person"), entity("b", "Kremlin", "Organization")),
    article("c", entity("c", "Vladimir Putin", "Person"), entity("c", "Kiev", "City", links=KYIV_LINK)),
    article("d", entity("d", "Kyiv", "City", links=KYIV_LINK), entity("d", "Ukraine", "Country")),
    article("e", entity("e", "Thomas Mirow", "Person"), entity("e", "EBRD", "Organization")),
    article("f", entity("f", "Suma Chakrabarti", "Person"),
            entity("f", "European Bank for Reconstruction and Development", "Organization", aliases=("EBRD",))),
]


@settings(max_examples=40, deadline=None)
@given(st.permutations(ARTICLES))
def test_resolution_does_not_depend_on_the_order_of_articles(order):
    expected, got = resolve(ARTICLES), resolve(order)
    assert got.extractions == expected.extractions
    assert got.merges == expected.merges
