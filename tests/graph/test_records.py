"""Extraction records: what the workspace stores reads back as the same extraction."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.graph import (
    Document, Entity, Evidence, Extraction, Literal, Mention, Quantity, Relation, TimeExpression, from_record, to_record,
)


def sample() -> Extraction:
    text = "Iran has supplied Russia with nearly 2,000 drones since last August. Ignat, 47, said so."
    iran = Entity("iran-1", "Iran", "Country", ("Iranian",), (Mention("d", 0, 4, "Iran", "Country"),),
                  {"geonames": "https://sws.geonames.org/130758/"})
    russia = Entity("russia-1", "Russia", "Country", (), (Mention("d", 18, 24, "Russia", "Country"),))
    ignat = Entity("ignat-1", "Ignat", "Person", (), (Mention("d", 69, 74, "Ignat", "Person"),))
    supply = Relation(
        "iran-1", "suppliedTo", "russia-1",
        {"item": "drones", "quantity": Quantity("nearly 2,000", 2000, True, "drone"),
         "time": TimeExpression("last August", "2022-08")},
        (Evidence("d", text[:68], 0, 68, 0, 49, text[:49], (0, 4), (18, 24), (9, 17), "newsgraph-rules/1", 0.91,
                  "reported", "Ignat", "said", "supply-recipient-with-item"),),
    )
    age = Relation("ignat-1", "age", Literal("47", "integer"), {},
                   (Evidence("d", text[69:], 69, len(text), 69, 78, text[69:78], (69, 74), None, None, "newsgraph-rules/1", 0.97),))
    return Extraction(Document("d", text, title="T", url="https://example.org/a", published="2023-01-05"),
                      (iran, russia, ignat), (supply, age))


def test_a_record_reads_back_as_the_same_extraction():
    extraction = sample()
    back = from_record(json.loads(json.dumps(to_record(extraction))))
    assert back == extraction
    assert back.relations[0].qualifiers == extraction.relations[0].qualifiers
    assert back.entities[0].links == extraction.entities[0].links


def test_a_record_of_another_layout_version_names_the_fix():
    record = to_record(sample()) | {"version": 99}
    with pytest.raises(NewsgraphError, match="rebuild the workspace"):
        from_record(record)
