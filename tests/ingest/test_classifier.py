"""The learned pair classifier: speaks only where no rule did, and says that it did."""

from __future__ import annotations

from newsgraph.graph import Document, load_ontology
from newsgraph.ingest.classifier import load_model
from newsgraph.ingest.extract import extract
from newsgraph.ingest.relations import CLASSIFIER_RULE


def test_shipped_model_predicts_ontology_predicates():
    model = load_model()
    assert model is not None and model.labels[0] == "none"
    for predicate in model.predicates.values():
        load_ontology().predicate(predicate)
    assert 0.3 <= model.threshold <= 0.95


def test_living_in_a_country_is_read_as_citizenship():
    model = load_model()
    assert model.predicate_for("Live_In", "Country") == "citizenOf"
    assert model.predicate_for("Live_In", "City") == "residesIn"


def test_probabilities_are_a_distribution():
    model = load_model()
    probs = model.probabilities(["types=Person>City", "w=in", "unknown-feature"])
    assert abs(sum(probs) - 1) < 1e-9 and all(0 <= p <= 1 for p in probs)


def test_classifier_fact_is_marked_and_quoted(nlp):
    text = "Angela Merkel, who grew up in East Germany, met reporters."  # no rule covers "grew up in"
    extraction = extract(nlp(text), Document("d", text))
    labels = {e.id: e.label for e in extraction.entities}
    classified = [r for r in extraction.relations for e in r.evidence if e.rule == CLASSIFIER_RULE]
    assert [(labels[r.subject], r.predicate, labels[r.object]) for r in classified] == [
        ("Angela Merkel", "residesIn", "East Germany")]
    for relation in classified:
        for evidence in relation.evidence:
            assert text[evidence.start:evidence.end] == evidence.quote
            assert load_model().threshold <= evidence.confidence <= 1


def test_no_classifier_fact_where_a_rule_spoke(nlp):
    text = "Iran has so far supplied Russia with nearly 2,000 drones, officials said."
    extraction = extract(nlp(text), Document("d", text))
    pairs = {(r.subject, r.object) for r in extraction.relations if r.evidence[0].rule != CLASSIFIER_RULE}
    for relation in extraction.relations:
        if relation.evidence[0].rule == CLASSIFIER_RULE:
            assert (relation.subject, relation.object) not in pairs and (relation.object, relation.subject) not in pairs
