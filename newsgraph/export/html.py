"""The interactive HTML page: a plain view model, rendered by the only module that uses pyvis.

`to_view` is a pure function from the graph to nodes, edges and a legend (plain data that tests
and notebooks can inspect). `render_html` feeds the view to pyvis and renders newsgraph's own
template, which inlines vis-network and its styles: the page opens from disk with no network.
Every string from an article reaches the page only as JSON (`tojson` escapes `<`, `>`, `&` and
quotes) and is put into the DOM with `textContent`, never as HTML.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from pyvis.network import Network

from ..graph import EDGE_STATUSES, STATUSES, KnowledgeGraph, Literal, Relation
from .files import write_text

__all__ = ["View", "to_view", "render_html", "write_html", "DEFAULT_LIMIT"]

_VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"


#: Above this many relations the page first draws only the best-supported ones (and says so).
DEFAULT_LIMIT = 1500


@dataclass(frozen=True)
class View:
    """What the page shows: plain dicts, ready to be serialised as JSON.

    `edges` are ordered best first (support, then confidence), so that a page over a big graph
    can draw the first `limit` of them and offer the rest on demand.
    """

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[dict[str, Any]]
    title: str
    limit: int = DEFAULT_LIMIT


@lru_cache(maxsize=1)
def _styles() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("data/view_styles.json").read_text("utf-8"))


def _best_status(relation: Relation) -> str:
    """The most committed status any evidence gives the relation."""
    return min((e.status for e in relation.evidence), key=STATUSES.index, default="asserted")


def _evidence_view(graph: KnowledgeGraph, relation: Relation) -> list[dict[str, Any]]:
    items = []
    for e in relation.evidence:
        document = graph.documents.get(e.doc)
        items.append({
            "quote": e.quote,
            "start": e.start,
            "subject": [e.subject_span[0] - e.start, e.subject_span[1] - e.start],
            "object": [e.object_span[0] - e.start, e.object_span[1] - e.start] if e.object_span else None,
            "sentence": e.sentence,
            "doc": e.doc,
            "title": document.title if document else None,
            "published": document.published if document else None,
            "url": document.url if document else None,
            "status": e.status,
            "attributed_to": e.attributed_to,
            "cue": e.cue,
            "confidence": e.confidence,
        })
    return items


def _node_view(graph: KnowledgeGraph, node: str) -> dict[str, Any]:
    data = graph.graph.nodes[node]
    styles = _styles()["types"]
    if "literal" in data:
        literal: Literal = data["literal"]
        style = styles["Literal"]
        return {"id": node, "label": literal.value, "type": "Literal", "aliases": [], "links": {}, **style}
    entity = data["entity"]
    style = styles.get(entity.type, styles["Thing"])
    return {"id": node, "label": entity.label, "type": entity.type, "aliases": list(entity.aliases),
            "links": dict(entity.links), **style}


def to_view(graph: KnowledgeGraph, title: str = "newsgraph", limit: int = DEFAULT_LIMIT) -> View:
    """Nodes, edges and legend of the page, computed from the graph alone; edges best first."""
    edges, used, literals = [], set(), {}
    for number, relation in enumerate(graph.relations()):
        subject, _, obj = relation.key
        if isinstance(relation.object, Literal):
            # one literal node per subject: two people aged 25 are not linked through "25"
            literals[f"{obj}@{subject}"] = obj
            obj = f"{obj}@{subject}"
        status = _best_status(relation)
        edges.append({
            "id": f"e{number}",
            "from": subject,
            "to": obj,
            "predicate": relation.predicate,
            "status": status,
            "edge": status in EDGE_STATUSES,
            "support": graph.support(relation),
            "publishers": graph.publishers(relation),
            "confidence": graph.confidence(relation),
            "qualifiers": {k: getattr(v, "text", v) for k, v in relation.qualifiers.items()},
            "evidence": _evidence_view(graph, relation),
        })
        used.update((subject, obj))
    edges.sort(key=lambda e: (-e["edge"], -e["support"], -e["confidence"], int(e["id"][1:])))
    nodes = [_node_view(graph, node) for node in graph.graph.nodes if node in used]
    nodes += [{**_node_view(graph, key), "id": node} for node, key in literals.items()]
    present = {n["type"] for n in nodes}
    legend = [{"type": name, **style} for name, style in _styles()["types"].items() if name in present]
    return View(nodes, edges, legend, title, max(1, limit))


def _network(view: View) -> Network:
    """The pyvis network of the view: layout options and the drawn nodes and edges."""
    net = Network(directed=True, height="100%", width="100%", cdn_resources="local")
    for node in view.nodes:
        net.add_node(node["id"], label=node["label"], color=node["color"], shape=node["shape"], title=None)
    for edge in view.edges:
        net.add_edge(
            edge["from"], edge["to"], id=edge["id"], label=edge["predicate"],
            width=1 + 2 * min(edge["support"], 5), dashes=edge["status"] != "asserted",
            hidden=not edge["edge"],
        )
    options = copy.deepcopy(_styles()["network_options"])
    if len(view.edges) > view.limit or len(view.nodes) > view.limit:
        # big graphs: no quadratic "improved" layout, straight edges (curved ones add a physics body
        # per edge), and a shorter stabilisation, after which physics stops for good
        options["layout"] = {"improvedLayout": False}
        options["edges"]["smooth"] = False
        options["physics"]["stabilization"]["iterations"] = 60
    net.set_options(json.dumps(options))
    return net


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(resources.files(__package__).joinpath("templates/graph.html.j2").read_text("utf-8"))


def render_html(view: View) -> str:
    """The self-contained page for a view."""
    nodes, edges, _, _, _, options = _network(view).get_network_data()
    return _template().render(
        title=view.title,
        nodes=nodes,
        edges=edges,
        options=json.loads(options),
        view={"nodes": view.nodes, "edges": view.edges, "legend": view.legend, "limit": view.limit,
              "statuses": list(STATUSES), "shown_statuses": sorted(EDGE_STATUSES, key=STATUSES.index)},
        vis_js=jinja2.utils.markupsafe.Markup((_VIS_DIR / "vis-network.min.js").read_text("utf-8")),
        vis_css=jinja2.utils.markupsafe.Markup((_VIS_DIR / "vis-network.css").read_text("utf-8")),
    )


def write_html(graph: KnowledgeGraph, path: str | Path, title: str = "newsgraph", limit: int = DEFAULT_LIMIT) -> Path:
    return write_text(path, render_html(to_view(graph, title, limit)))
