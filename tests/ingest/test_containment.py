"""Where places lie, from the gazetteer: drawn only where one sentence names both places,
attributed to GeoNames, and carried from the article's own place facts to the containing places."""

from __future__ import annotations

from newsgraph.graph import Entity, Evidence, Mention, Relation
from newsgraph.ingest.containment import CONTAINMENT_SOURCE, place_containment

BERLIN = "https://sws.geonames.org/2950159/"
GERMANY = "https://sws.geonames.org/2921044/"
JERUSALEM = "https://sws.geonames.org/281184/"
ISRAEL = "https://sws.geonames.org/294640/"


def place(label: str, type_: str, uri: str | None, text: str, entity_id: str | None = None) -> Entity:
    """An entity with a mention at every occurrence of its label in `text`."""
    starts = [i for i in range(len(text)) if text.startswith(label, i)]
    mentions = tuple(Mention("d", s, s + len(label), label, type_) for s in starts)
    return Entity(entity_id or label.lower(), label, type_, (), mentions, {"geonames": uri} if uri else {})


def sentences_of(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for i, char in enumerate(text):
        if char == ".":
            bounds.append((start, i + 1))
            start = i + 2
    return bounds


def contained(text: str, entities: list[Entity], found: list[Relation] = ()) -> list[Relation]:
    return place_containment("d", text, sentences_of(text), entities, list(found), "test/1")


def test_city_lies_in_the_country_named_in_the_same_sentence():
    text = "Protesters gathered in Berlin, the capital of Germany."
    (relation,) = contained(text, [place("Berlin", "City", BERLIN, text), place("Germany", "Country", GERMANY, text)])
    assert (relation.subject, relation.predicate, relation.object) == ("berlin", "locatedIn", "germany")
    (evidence,) = relation.evidence
    assert evidence.attributed_to == CONTAINMENT_SOURCE and evidence.rule == "geonames-place-in-place"
    assert text[evidence.start:evidence.end] == evidence.quote == "Berlin, the capital of Germany"
    assert text[slice(*evidence.object_span)] == "Germany"


def test_no_fact_when_no_sentence_names_both_places():
    text = "Protesters gathered in Berlin. The government of Germany said nothing."
    assert contained(text, [place("Berlin", "City", BERLIN, text), place("Germany", "Country", GERMANY, text)]) == []


def test_a_city_the_gazetteer_puts_in_a_disputed_country_gets_no_country():
    text = "Officials in Jerusalem and Israel's army spoke."
    assert contained(text, [place("Jerusalem", "City", JERUSALEM, text), place("Israel", "Country", ISRAEL, text)]) == []


def test_a_fact_already_read_from_the_text_is_not_repeated():
    text = "Protesters gathered in Berlin, the capital of Germany."
    berlin, germany = place("Berlin", "City", BERLIN, text), place("Germany", "Country", GERMANY, text)
    stated = Relation("berlin", "locatedIn", "germany", {}, ())
    assert contained(text, [berlin, germany], [stated]) == []


def _based_in_berlin(text: str, status: str, rule: str = "based-in-clause") -> Relation:
    start = text.index("Siemens")
    evidence = Evidence("d", text, 0, len(text), start, text.index("Berlin") + 6, text[start:text.index("Berlin") + 6],
                        (start, start + 7), (text.index("Berlin"), text.index("Berlin") + 6), None, "test/1", 0.9, status,
                        rule=rule)
    return Relation("siemens", "basedIn", "berlin", {}, (evidence,))


def test_the_articles_place_fact_carries_to_the_country_the_place_lies_in():
    text = "Siemens is based in Berlin. Germany exports a lot."
    entities = [place("Siemens", "Organization", None, text), place("Berlin", "City", BERLIN, text),
                place("Germany", "Country", GERMANY, text)]
    (relation,) = contained(text, entities, [_based_in_berlin(text, "asserted")])
    assert (relation.subject, relation.predicate, relation.object) == ("siemens", "basedIn", "germany")
    (evidence,) = relation.evidence
    assert evidence.quote == "Siemens is based in Berlin" and evidence.object_span is None
    assert evidence.rule == "geonames-via-place"


def test_a_denied_place_fact_carries_nowhere():
    text = "Siemens is based in Berlin. Germany exports a lot."
    entities = [place("Siemens", "Organization", None, text), place("Berlin", "City", BERLIN, text),
                place("Germany", "Country", GERMANY, text)]
    assert contained(text, entities, [_based_in_berlin(text, "denied")]) == []


def test_a_guess_of_the_pair_classifier_carries_nowhere():
    text = "Siemens is based in Berlin. Germany exports a lot."
    entities = [place("Siemens", "Organization", None, text), place("Berlin", "City", BERLIN, text),
                place("Germany", "Country", GERMANY, text)]
    assert contained(text, entities, [_based_in_berlin(text, "asserted", rule="classifier")]) == []


def test_us_city_lies_in_its_state_and_the_state_in_the_united_states():
    text = "The plant in Dayton, Ohio, is the largest in the United States."
    entities = [place("Dayton", "City", "https://sws.geonames.org/4509884/", text),
                place("Ohio", "Place", "https://sws.geonames.org/5165418/", text),
                place("United States", "Country", "https://sws.geonames.org/6252001/", text)]
    facts = {(r.subject, r.object) for r in contained(text, entities)}
    assert facts == {("dayton", "ohio"), ("dayton", "united states"), ("ohio", "united states")}


def test_the_quote_joins_the_nearest_names_of_the_two_places():
    text = "Germany said protesters gathered in Berlin, far from the rest of Germany."
    (relation,) = contained(text, [place("Berlin", "City", BERLIN, text), place("Germany", "Country", GERMANY, text)])
    assert relation.evidence[0].quote == "Berlin, far from the rest of Germany"
