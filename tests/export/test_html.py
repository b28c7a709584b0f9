"""graph.html opens offline and never runs markup taken from an article."""

from __future__ import annotations

import re

from newsgraph.export.html import to_view

EXTERNAL = re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def test_page_has_no_external_resource_reference(example_build):
    page = (example_build[1] / "graph.html").read_text(encoding="utf-8")
    assert not EXTERNAL.search(page)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page)
    assert "vis.Network" in page  # vis-network is inlined, not fetched


def test_page_draws_the_view(example_build):
    result, out = example_build
    page = (out / "graph.html").read_text(encoding="utf-8")
    view = to_view(result.graph)
    assert len(view.edges) == len(result.graph)
    for node in view.nodes:
        assert f'"id": "{node["id"]}"' in page


def test_markup_in_article_text_is_escaped(hostile_build):
    result, out = hostile_build
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert len(result.graph) > 0, "the hostile article must yield facts so its text reaches the page"
    assert "Hostile Test Article" in page
    assert "<img src=x onerror=alert(1)>" not in page
    assert "<script>alert(2)</script>" not in page
    # the text is there, as JSON-escaped data
    assert "\\u003cscript\\u003ealert(2)\\u003c/script\\u003e" in page


def test_equal_literals_of_different_subjects_are_separate_nodes():
    from newsgraph.graph import Document, Entity, Evidence, Extraction, KnowledgeGraph, Literal, Relation, entity_id

    people = [Entity(entity_id("Person", n), n, "Person") for n in ("Hleb Plivkin", "Yevhenii Glukhov")]
    text = "Hleb Plivkin, 25, and Yevhenii Glukhov, 25."

    def age(person: Entity, start: int) -> Relation:
        quote = text[start:start + len(person.label) + 4]
        ev = Evidence("d", text, 0, len(text), start, start + len(quote), quote, (start, start + len(person.label)),
                      None, None, "test/1", 0.9)
        return Relation(person.id, "age", Literal("25", "integer"), evidence=(ev,))

    graph = KnowledgeGraph.from_extractions([Extraction(Document("d", text), tuple(people), (age(people[0], 0), age(people[1], 21)))])
    view = to_view(graph)
    literal_nodes = [n for n in view.nodes if n["type"] == "Literal"]
    assert len(literal_nodes) == 2 and {n["label"] for n in literal_nodes} == {"25"}
    assert {e["to"] for e in view.edges} == {n["id"] for n in literal_nodes}
