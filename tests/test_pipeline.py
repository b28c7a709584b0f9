"""End to end on the example article: the facts an analyst relies on, with exact evidence."""

from __future__ import annotations

import json

import pytest

from newsgraph.pipeline import build
from tests.conftest import EXAMPLE


def find(facts, subject, predicate, obj):
    for fact in facts:
        label = fact["object"].get("label", fact["object"].get("value"))
        if fact["subject"]["label"] == subject and fact["predicate"] == predicate and label == obj:
            return fact
    raise AssertionError(f"no fact {subject} {predicate} {obj} in {[(f['subject']['label'], f['predicate']) for f in facts]}")


def test_build_writes_every_output(example_build):
    _, out = example_build
    for name in ("facts.jsonl", "documents.jsonl", "graph.trig", "graph.html", "report.json"):
        assert (out / name).stat().st_size > 0, name


def test_supply_fact_has_item_quantity_and_attribution(example_facts):
    fact = find(example_facts, "Iran", "suppliedTo", "Russia")
    assert fact["qualifiers"]["item"] == "drones"
    quantity = fact["qualifiers"]["quantity"]
    assert (quantity["text"], quantity["value"], quantity["approximate"]) == ("nearly 2,000", 2000, True)
    evidence = next(e for e in fact["evidence"] if e["quote"].startswith("Iran has so far supplied Russia with nearly 2,000 drones"))
    assert evidence["status"] == "reported"
    assert evidence["attributed_to"] == "Ukrainian defense officials"


def test_appositive_role_becomes_affiliation_with_role(example_facts):
    fact = find(example_facts, "Yuriy Ignat", "affiliatedWith", "Ukrainian Air Force")
    assert fact["qualifiers"]["role"] == "spokesperson"


def test_age_is_an_integer_literal(example_facts):
    fact = find(example_facts, "Sergei Sozinov", "age", "36")
    assert fact["object"] == {"value": "36", "datatype": "integer"}


@pytest.mark.parametrize(
    "subject, predicate, obj",
    [
        ("Kashan military base", "locatedNear", "Isfahan"),
        ("falcon hunting competition", "heldAt", "Kashan military base"),
        ("Sergei Sozinov", "trainedAt", "Kashan military base"),
    ],
)
def test_example_fact_present(example_facts, subject, predicate, obj):
    assert find(example_facts, subject, predicate, obj)["evidence"]


def test_aliases_are_merged_within_the_document(example_facts):
    sozinov = find(example_facts, "Sergei Sozinov", "trainedAt", "Kashan military base")
    assert "Kashan base" in sozinov["object"]["aliases"]
    # the trainedAt evidence names him "Sozinov" only: it still resolves to the full name
    assert "Sozinov" in sozinov["subject"]["aliases"]


def test_every_quote_is_the_text_at_its_offsets(example_facts, example_documents):
    checked = 0
    for fact in example_facts:
        for ev in fact["evidence"]:
            text = example_documents[ev["doc"]]["text"]
            assert text[ev["start"]:ev["end"]] == ev["quote"]
            assert text[ev["sentence_span"][0]:ev["sentence_span"][1]] == ev["sentence"]
            for span in (ev["subject_span"], ev["object_span"]):
                if span:
                    assert ev["start"] <= span[0] < span[1] <= ev["end"]
            checked += 1
    assert checked >= 8


def test_no_fact_comes_from_page_chrome(example_facts, example_documents):
    chrome = ("Subscribe", "Share this Story", "reCAPTCHA", "Google Privacy Policy", "Nisan 5784")
    text = next(iter(example_documents.values()))["text"]
    for marker in chrome:
        assert marker not in text, marker
    for fact in example_facts:
        for ev in fact["evidence"]:
            assert not any(marker in ev["sentence"] for marker in chrome)


def test_document_metadata_comes_from_byline_and_dateline(example_documents):
    document = next(iter(example_documents.values()))
    assert document["author"] == "Ben Cohen"
    assert document["published"] == "2023-01-05T13:38:00"
    assert document["title"].startswith("Russian Attack Drone Operators Trained")


def test_report_counts_and_cleaning(example_build):
    result, out = example_build
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["processed"] == 1 and report["skipped"] == []
    assert report["counts"]["relations"] == len(result.graph)
    assert report["cleaning"][0]["lines_removed"] >= 8
    assert report["versions"]["extractor"].startswith("newsgraph-rules/")


def test_a_bad_input_is_skipped_and_the_rest_is_built(nlp, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = build([empty, tmp_path / "missing.txt", EXAMPLE], tmp_path / "out")
    reasons = [s["reason"] for s in result.report["skipped"]]
    assert any("empty.txt" in r and "is empty" in r for r in reasons)
    assert any("missing.txt" in r and "no such file" in r for r in reasons)
    assert len(result.graph) > 0
    assert result.exit_status == 2
