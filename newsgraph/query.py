"""`newsgraph query`: SPARQL over an exported dataset with embedded pyoxigraph.

A query is SPARQL text, a path to a .rq file, or the name of a competency query shipped in
`newsgraph/queries` (`supply`, `trained-where`, `corroborated`, `attributed-to`, `denied`).
`bindings` add a trailing VALUES block, so one query file serves any source or entity:
`--bind source="Yuriy Ignat"`.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph

from .errors import NewsgraphError

__all__ = ["SHIPPED", "shipped_queries", "query_text", "with_bindings", "load_store", "run_query", "format_table"]

#: RDF files an output directory may hold, in the order they are looked for.
_DATASETS = (("graph.trig", pyoxigraph.RdfFormat.TRIG), ("graph.nq", pyoxigraph.RdfFormat.N_QUADS),
             ("graph.jsonld", pyoxigraph.RdfFormat.JSON_LD), ("graph.ttl", pyoxigraph.RdfFormat.TURTLE))


def shipped_queries() -> dict[str, str]:
    """Name -> SPARQL text of every competency query shipped with newsgraph."""
    folder = resources.files("newsgraph.queries")
    return {entry.name[:-3]: entry.read_text("utf-8") for entry in folder.iterdir() if entry.name.endswith(".rq")}


SHIPPED = tuple(sorted(shipped_queries()))


def query_text(query: str) -> str:
    """The SPARQL a command-line argument stands for: a shipped query's name, a .rq file or SPARQL."""
    shipped = shipped_queries()
    if query in shipped:
        return shipped[query]
    if query.endswith(".rq"):
        path = Path(query)
        if not path.is_file():
            raise NewsgraphError(f"query file {query} does not exist: give a path to a .rq file, SPARQL text, "
                                 f"or one of the shipped queries: {', '.join(SHIPPED)}")
        return path.read_text(encoding="utf-8")
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise NewsgraphError(f"{query!r} is neither SPARQL nor a shipped query: the shipped ones are {', '.join(SHIPPED)}")
    return query


def with_bindings(sparql: str, bindings: dict[str, str]) -> str:
    """The query with a trailing VALUES block binding each variable to a string literal."""
    if not bindings:
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(json.dumps(value, ensure_ascii=False) for value in bindings.values())
    return f"{sparql.rstrip()}\nVALUES ({names}) {{ ({values}) }}\n"


def load_store(out: str | Path) -> pyoxigraph.Store:
    """An in-memory store holding the RDF dataset of an output directory."""
    folder = Path(out)
    for name, rdf_format in _DATASETS:
        path = folder / name
        if path.exists():
            store = pyoxigraph.Store()
            store.bulk_load(path=str(path), format=rdf_format)
            return store
    raise NewsgraphError(f"{folder} holds no RDF dataset (graph.trig, graph.nq, graph.jsonld or graph.ttl): "
                         "run newsgraph build or newsgraph export into it first")


def _value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    return getattr(term, "value", str(term))


def run_query(store: pyoxigraph.Store, sparql: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Variables and rows (plain values: IRIs and literals as strings) of a SELECT or ASK query."""
    try:
        result = store.query(sparql)
    except SyntaxError as exc:
        raise NewsgraphError(f"the query is not valid SPARQL ({exc}): check it, e.g. with the shipped ones in "
                             "newsgraph/queries") from None
    if isinstance(result, bool):
        return ["ask"], [{"ask": result}]
    if not isinstance(result, pyoxigraph.QuerySolutions):
        raise NewsgraphError("only SELECT and ASK queries print as tables: use newsgraph's Python API for CONSTRUCT")
    variables = [v.value for v in result.variables]
    return variables, [{name: _value(solution[name]) for name in variables} for solution in result]


def format_table(variables: list[str], rows: list[dict[str, Any]], width: int = 60) -> str:
    """Rows as an aligned text table, long values cut to `width` characters."""
    def cell(value: Any) -> str:
        text = "" if value is None else str(value).replace("\n", " ")
        return text if len(text) <= width else text[: width - 1] + "…"

    table = [[cell(row.get(v)) for v in variables] for row in rows]
    widths = [max([len(v), *(len(r[i]) for r in table)]) for i, v in enumerate(variables)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(variables), line(["-" * w for w in widths]), *(line(r) for r in table)])
