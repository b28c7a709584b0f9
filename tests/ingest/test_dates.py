"""Relative dates resolve against the article's publication date."""

from __future__ import annotations

import pytest

from newsgraph.graph import Document, TimeExpression
from newsgraph.ingest.dates import resolve_time
from newsgraph.ingest.extract import extract

PUBLISHED = "2023-01-05T13:38:00"


@pytest.mark.parametrize(
    "text, value",
    [
        ("last August", "2022-08"),
        ("since September", "2022-09"),
        ("on Tuesday", "2023-01-03"),
        ("yesterday", "2023-01-04"),
        ("Oct. 15, 1979", "1979-10-15"),
        ("Sept. 2021", "2021-09"),
        ("in 1860", "1860"),
        ("last year", "2022"),
        ("last summer", None),
    ],
)
def test_time_expression_value(text, value):
    assert resolve_time(text, PUBLISHED) == TimeExpression(text, value)


def test_relative_date_without_publication_date_has_no_value():
    assert resolve_time("last August", None).value is None


def test_time_qualifier_on_a_fact(nlp):
    text = "Iran supplied Russia with drones last August."
    extraction = extract(nlp(text), Document("d", text, published="2023-01-05"))
    (relation,) = [r for r in extraction.relations if r.predicate == "suppliedTo"]
    assert relation.qualifiers["time"] == TimeExpression("last August", "2022-08")
