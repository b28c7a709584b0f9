"""Monitoring-service source lines: the outlet between a known place and "in <Language>" is based there."""

from __future__ import annotations

from newsgraph.graph import Document
from newsgraph.ingest.extract import extract


def facts(nlp, text: str) -> list[tuple[str, str, str, str]]:
    """(subject, predicate, object, type of subject) of the facts read from the text."""
    extraction = extract(nlp(text), Document("d", text))
    entities = {e.id: e for e in extraction.entities}
    for relation in extraction.relations:
        for evidence in relation.evidence:
            assert text[evidence.start:evidence.end] == evidence.quote
    return [(entities[r.subject].label, r.predicate, entities[r.object].label, entities[r.subject].type)
            for r in extraction.relations if isinstance(r.object, str)]


def test_outlet_in_a_source_line_is_based_in_its_place(nlp):
    text = "LD2804174994 Moscow INTERFAX in English 1601 GMT 28 Apr 94\nThe agency said the talks had ended."
    assert ("INTERFAX", "basedIn", "Moscow", "Organization") in facts(nlp, text)


def test_source_line_after_a_headline(nlp):
    text = "Police Find No Signs of Radiation Leak AU0202111694 Paris AFP in English 0107 GMT 2 Feb 94"
    assert ("AFP", "basedIn", "Paris", "Organization") in facts(nlp, text)


def test_place_of_several_words_and_outlet_of_several_words(nlp):
    text = "PA2904034294 Guatemala City Teleonce Television in Spanish 0400 GMT 26 Apr 94"
    assert ("Teleonce Television", "basedIn", "Guatemala City", "Organization") in facts(nlp, text)


def test_the_language_of_a_source_line_is_not_a_people(nlp):
    text = "MK1401103094 Moscow MOSKOVSKIY KOMSOMOLETS in Russian 14 Jan 94 p 1"
    found = facts(nlp, text)
    assert ("MOSKOVSKIY KOMSOMOLETS", "basedIn", "Moscow", "Organization") in found
    assert not [f for f in found if f[2] == "Russia"]


def test_a_sentence_that_names_a_language_is_not_a_source_line(nlp):
    text = "Reporters in Moscow spoke in Russian 12 Jan 94 to the crowd."
    assert not [f for f in facts(nlp, text) if f[1] == "basedIn"]
