"""graph.trig loads into rdflib and pyoxigraph and answers the questions analysts ask."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from newsgraph.errors import ExportError
from newsgraph.export.rdf import Namespaces, safe_iri

SUPPLY_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX rel: <https://kg.example.org/rel/>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?supplier ?recipient ?item ?quote ?status WHERE {
  GRAPH ?g {
    ?a rdf:subject ?s ; rdf:predicate rel:suppliedTo ; rdf:object ?o ; kg:epistemicStatus ?status ; kg:evidence ?ev .
    OPTIONAL { ?a kg:item ?item }
    ?ev oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?quote .
  }
  GRAPH ?e { ?s rdfs:label ?supplier . ?o rdfs:label ?recipient }
}
"""
KG = "https://kg.example.org/ontology#"
GRAPH = "https://kg.example.org/graph/"


@pytest.fixture(scope="module")
def store(example_build):
    store = pyoxigraph.Store()
    store.load(path=str(example_build[1] / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    return store


def test_trig_parses_with_rdflib_with_one_graph_per_document(example_build):
    result, out = example_build
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    doc_graphs = {n for n in names if n.startswith(GRAPH + "doc-")}
    assert len(doc_graphs) == len(result.graph.documents) == 1
    assert {GRAPH + "entities", GRAPH + "runs"} <= names


def test_trig_parses_with_pyoxigraph(store, example_build):
    graphs = {g.value for g in store.named_graphs()}
    assert sum(1 for g in graphs if g.startswith(GRAPH + "doc-")) == len(example_build[0].graph.documents)


def test_supply_query_returns_iran_to_russia_with_quote(store):
    rows = [{k: s[k].value for k in ("supplier", "recipient", "item", "quote", "status")} for s in store.query(SUPPLY_QUERY)]
    assert any(
        r["supplier"] == "Iran" and r["recipient"] == "Russia" and r["item"] == "drones"
        and r["quote"].startswith("Iran has so far supplied Russia with nearly 2,000 drones")
        and r["status"] == KG + "Reported"
        for r in rows
    ), rows


def test_every_assertion_has_position_and_quote_matching_the_document(store, example_documents):
    text = next(iter(example_documents.values()))["text"]
    query = """
    PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX kg: <https://kg.example.org/ontology#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?a ?start ?end ?exact WHERE { GRAPH ?g {
      ?a a kg:Assertion ; kg:evidence ?ev ; prov:wasDerivedFrom ?doc ; prov:wasGeneratedBy ?run .
      ?ev oa:hasSource ?doc ; oa:hasSelector ?p , ?q .
      ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
      ?q a oa:TextQuoteSelector ; oa:exact ?exact . } }"""
    rows = list(store.query(query))
    assert len(rows) >= 8
    for row in rows:
        assert text[int(row["start"].value):int(row["end"].value)] == row["exact"].value


def test_no_blank_nodes(example_build):
    dataset = Dataset()
    dataset.parse(example_build[1] / "graph.trig", format="trig")
    for s, p, o, _ in dataset.quads():
        assert isinstance(s, URIRef) and not o.__class__.__name__ == "BNode"


def test_article_metadata_travels_with_its_graph(example_build):
    dataset = Dataset()
    dataset.parse(example_build[1] / "graph.trig", format="trig")
    docs = [g for g in dataset.graphs() if str(g.identifier).startswith(GRAPH + "doc-")]
    articles = list(docs[0].subjects(RDF.type, URIRef("http://schema.org/NewsArticle")))
    assert len(articles) == 1


@pytest.mark.parametrize("value", ["javascript:alert(1)", "http://a/<b>", "http://a b", "no-scheme", "", None])
def test_unsafe_urls_are_not_minted_as_iris(value):
    assert safe_iri(value) is None


def test_a_plain_url_is_kept_as_iri():
    assert str(safe_iri("https://example.org/news?id=1")) == "https://example.org/news?id=1"


def test_base_iri_is_validated():
    with pytest.raises(ExportError, match="base IRI"):
        Namespaces("not an iri")


def test_linked_entities_have_exact_match(store):
    query = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?link WHERE { GRAPH ?g { ?e rdfs:label "Iran"@en ; skos:exactMatch ?link } }"""
    assert [s["link"].value for s in store.query(query)] == ["https://sws.geonames.org/130758/"]


def _one_statement_graph(status: str):
    from newsgraph.graph import Document, Entity, Evidence, Extraction, KnowledgeGraph, Relation, entity_id

    text = "Iran denied that it supplied Russia with drones."
    iran, russia = (Entity(entity_id("Country", n), n, "Country") for n in ("Iran", "Russia"))
    evidence = Evidence("d1", text, 0, len(text), 0, len(text) - 1, text[:-1], (0, 4), (29, 35), (17, 25),
                        "test/1", 0.7, status, "Iran", "denied", "test-rule")
    relation = Relation(iran.id, "suppliedTo", russia.id, evidence=(evidence,))
    return KnowledgeGraph.from_extractions([Extraction(Document("d1", text), (iran, russia), (relation,))]), iran, russia


@pytest.mark.parametrize("status, plain_edge", [("denied", False), ("hypothetical", False), ("alleged", True)])
def test_only_stated_facts_become_plain_edges(status, plain_edge):
    from newsgraph.export.rdf import Run, to_rdf

    graph, iran, russia = _one_statement_graph(status)
    dataset = to_rdf(graph, Run("test", "1"))
    subject = URIRef(f"https://kg.example.org/entity/{iran.id}")
    supplied = URIRef("https://kg.example.org/rel/suppliedTo")
    assert bool(list(dataset.quads((subject, supplied, None, None)))) is plain_edge
    statuses = [o for _, _, o, _ in dataset.quads((None, URIRef(KG + "epistemicStatus"), None, None))]
    assert statuses == [URIRef(KG + status.capitalize())]


def test_nquads_output_parses(nlp, tmp_path):
    from newsgraph.pipeline import build
    from tests.conftest import EXAMPLE

    build([EXAMPLE], tmp_path, rdf_format="nquads")
    store = pyoxigraph.Store()
    store.load(path=str(tmp_path / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    assert len(store) > 100


# -- formats, ontology, shapes, hostile names ----------------------------------------------------

import io  # noqa: E402

import pyshacl  # noqa: E402
import rdflib  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsgraph.export.ontology import to_ontology  # noqa: E402
from newsgraph.export.rdf import RDF_FORMATS, Run, serialise, write_rdf  # noqa: E402
from newsgraph.export.shapes import to_shapes  # noqa: E402
from newsgraph.graph import load_ontology  # noqa: E402

RDFLIB_FORMATS = {"trig": "trig", "nquads": "nquads", "turtle": "turtle", "jsonld": "json-ld"}
OX_FORMATS = {"trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS,
              "turtle": pyoxigraph.RdfFormat.TURTLE, "jsonld": pyoxigraph.RdfFormat.JSON_LD}


@pytest.mark.parametrize("rdf_format", sorted(RDF_FORMATS))
def test_every_format_parses_with_rdflib_and_pyoxigraph(example_build, tmp_path, rdf_format):
    graph = example_build[0].graph
    path = write_rdf(graph, tmp_path / f"graph.{RDF_FORMATS[rdf_format]}", Run("newsgraph-rules", "1"), rdf_format)
    dataset = rdflib.Dataset()
    dataset.parse(path, format=RDFLIB_FORMATS[rdf_format])
    quads = list(pyoxigraph.parse(path=str(path), format=OX_FORMATS[rdf_format]))
    assert len(dataset) > 0 and len(quads) > 100
    if rdf_format in {"trig", "nquads", "jsonld"}:
        assert len({q.graph_name for q in quads}) == len(graph.documents) + 3  # documents, entities, support, runs


def _validate(dataset: rdflib.Dataset) -> tuple[bool, str]:
    shapes = rdflib.Graph().parse(data=to_shapes(), format="turtle")
    conforms, _, text = pyshacl.validate(dataset, shacl_graph=shapes, advanced=True)
    return conforms, text


def test_the_example_conforms_to_the_shipped_shapes(example_build):
    dataset = rdflib.Dataset()
    dataset.parse(example_build[1] / "graph.trig", format="trig")
    conforms, text = _validate(dataset)
    assert conforms, text


def test_the_shapes_catch_a_stated_fact_without_its_edge(example_build):
    dataset = rdflib.Dataset()
    dataset.parse(example_build[1] / "graph.trig", format="trig")
    for quad in list(dataset.quads((None, URIRef("https://kg.example.org/rel/suppliedTo"), None, None))):
        dataset.remove(quad)
    conforms, text = _validate(dataset)
    assert not conforms and "missing its plain edge" in text


def test_ontology_describes_every_predicate_with_wikidata_and_implications():
    graph = rdflib.Graph().parse(data=to_ontology(), format="turtle")
    rdfs = rdflib.RDFS
    for name, predicate in load_ontology().predicates.items():
        term = URIRef(f"https://kg.example.org/rel/{name}")
        assert graph.value(term, rdfs.label) is not None and graph.value(term, rdfs.comment) is not None, name
    leader = URIRef("https://kg.example.org/rel/leaderOf")
    assert (leader, rdfs.subPropertyOf, URIRef("https://kg.example.org/rel/affiliatedWith")) in graph
    assert (URIRef("https://kg.example.org/rel/citizenOf"), URIRef("http://www.w3.org/2004/02/skos/core#closeMatch"),
            URIRef("http://www.wikidata.org/prop/direct/P27")) in graph


def test_build_writes_ontology_and_shapes_next_to_the_data(example_build):
    out = example_build[1]
    assert (out / "ontology.ttl").exists() and (out / "shapes.ttl").exists()


def _named(name: str):
    from newsgraph.graph import Document, Entity, Evidence, Extraction, KnowledgeGraph, Relation, entity_id

    text = f"{name} supplied Russia with drones."
    person = Entity(entity_id("Person", name), name, "Person", aliases=(name[::-1],))
    russia = Entity(entity_id("Country", "Russia"), "Russia", "Country")
    evidence = Evidence("d1", text, 0, len(text), 0, len(text), text, (0, len(name)), (len(name) + 10, len(name) + 16),
                        None, "test/1", 0.5, "reported", name, name, name)
    relation = Relation(person.id, "suppliedTo", russia.id, {"item": name}, (evidence,))
    document = Document("d1", text, title=name, author=name, publisher=name, url=name)
    return KnowledgeGraph.from_extractions([Extraction(document, (person, russia), (relation,))])


HOSTILE_NAMES = ['"quoted" name', "<angle> & brackets", "spaces  and\ttabs\nnewline", "שלום עולם ‏RTL‏", "emoji 🚀🇺🇦",
                 "back\\slash", "unpaired \ud800 surrogate", "javascript:alert(1)", "x" * 500, "\x00\x1f controls"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_give_rdf_that_parses_in_every_format(name):
    _check_parses(_named(name))


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(exclude_categories=()), min_size=1, max_size=40))
def test_any_string_as_an_entity_name_gives_rdf_that_parses(name):
    _check_parses(_named(name))


def _check_parses(graph):
    for rdf_format, oxformat in OX_FORMATS.items():
        data = b"".join(serialise(graph, Run("test", "1"), rdf_format))
        quads = list(pyoxigraph.parse(data, format=oxformat))
        assert quads, rdf_format
        rdflib.Dataset().parse(io.BytesIO(data), format=RDFLIB_FORMATS[rdf_format])


# -- reading our own RDF back --------------------------------------------------------------------

import json as _json  # noqa: E402

from newsgraph.export.facts import to_facts  # noqa: E402
from newsgraph.export.rdf import read_rdf  # noqa: E402


def comparable_facts(graph) -> list[str]:
    """Facts with alias and evidence order normalised (RDF keeps sets, not orders)."""
    out = []
    for fact in to_facts(graph):
        for side in ("subject", "object"):
            if "aliases" in fact[side]:
                fact[side]["aliases"] = sorted(fact[side]["aliases"])
        fact["evidence"] = sorted(fact["evidence"], key=lambda e: (e["doc"], e["start"], e["end"], e["rule"] or ""))
        out.append(_json.dumps(fact, sort_keys=True))
    return sorted(out)


@pytest.mark.parametrize("rdf_format", ["trig", "nquads", "jsonld"])
def test_reading_our_rdf_back_gives_the_same_facts(example_build, tmp_path, rdf_format):
    graph = example_build[0].graph
    path = write_rdf(graph, tmp_path / f"graph.{RDF_FORMATS[rdf_format]}", Run("newsgraph-rules", "1"), rdf_format)
    assert comparable_facts(read_rdf(path)) == comparable_facts(graph)


@pytest.mark.parametrize("name", [n for n in HOSTILE_NAMES if "\ud800" not in n])  # U+FFFD replaces it
def test_hostile_names_survive_the_round_trip(tmp_path, name):
    graph = _named(name)
    path = write_rdf(graph, tmp_path / "graph.trig", Run("test", "1"))
    assert comparable_facts(read_rdf(path)) == comparable_facts(graph)
