"""newsgraph query: SPARQL over an output directory, shipped competency queries, bindings."""

from __future__ import annotations

import json

import pytest

from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.query import SHIPPED, load_store, query_text, run_query, with_bindings


def test_the_five_competency_queries_ship():
    assert set(SHIPPED) == {"supply", "trained-where", "corroborated", "attributed-to", "denied"}


def test_supply_query_as_json_from_the_command_line(example_build, capsys):
    assert main(["query", str(example_build[1]), "supply", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["supplier"], r["recipient"], r["status"]) for r in rows} >= {("Iran", "Russia", "Reported")}


def test_a_binding_restricts_claims_to_one_source(example_build):
    sparql = with_bindings(query_text("attributed-to"), {"source": "Ukrainian defense officials"})
    _, rows = run_query(load_store(example_build[1]), sparql)
    assert rows and {r["source"] for r in rows} == {"Ukrainian defense officials"}


def test_a_binding_value_cannot_break_out_of_its_literal(example_build):
    sparql = with_bindings(query_text("attributed-to"), {"source": '" } } DROP ALL ; #'})
    assert run_query(load_store(example_build[1]), sparql)[1] == []


def test_table_output_counts_rows(example_build, capsys):
    assert main(["query", str(example_build[1]), "trained-where"]) == 0
    out = capsys.readouterr().out
    assert "Sergei Sozinov" in out and "Kashan military base" in out and "row" in out


def test_invalid_sparql_and_missing_datasets_name_the_fix(example_build, tmp_path):
    with pytest.raises(NewsgraphError, match="not valid SPARQL"):
        run_query(load_store(example_build[1]), "SELECT ?x WHERE { ?x ")
    with pytest.raises(NewsgraphError, match="run newsgraph build"):
        load_store(tmp_path)
    with pytest.raises(NewsgraphError, match="shipped"):
        query_text("who-knows")
