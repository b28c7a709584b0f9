"""`newsgraph push`: load an exported dataset into a triplestore, one named graph at a time.

Each named graph (one per document, then the shared entities, support and runs graphs) is sent
on its own, replacing what the store held under that name, so pushing the same output twice
leaves the store unchanged and a re-processed article replaces its earlier statements:

- `gsp` (default): SPARQL 1.1 Graph Store Protocol, `PUT ENDPOINT?graph=IRI` with N-Triples;
- `update`: SPARQL 1.1 Update, `DROP SILENT GRAPH <IRI> ; INSERT DATA { GRAPH <IRI> { ... } }`
  in one request (atomic on stores that run a request in one transaction, such as Oxigraph).

The whole store is never replaced. Credentials come from the environment, never from the
command line: NEWSGRAPH_ENDPOINT_TOKEN (a bearer token) or NEWSGRAPH_ENDPOINT_USER and
NEWSGRAPH_ENDPOINT_PASSWORD (basic authentication). Connection errors and 5xx answers are
retried with exponential backoff; a graph that still fails is reported and the others load.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import httpx
import pyoxigraph

from .errors import NewsgraphError
from .query import load_store

__all__ = ["PushResult", "push", "METHODS"]

log = logging.getLogger(__name__)

METHODS = ("gsp", "update")
_SHARED = ("entities", "support", "runs")


@dataclass
class PushResult:
    """Which named graphs reached the store, and why the others did not."""

    endpoint: str
    pushed: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    quads: int = 0

    @property
    def exit_status(self) -> int:
        """0 when every graph was loaded, 2 when some failed, 1 when none was loaded."""
        if not self.failed:
            return 0
        return 2 if self.pushed else 1


def _auth() -> httpx.Auth | None:
    if os.environ.get("NEWSGRAPH_ENDPOINT_USER"):
        return httpx.BasicAuth(os.environ["NEWSGRAPH_ENDPOINT_USER"], os.environ.get("NEWSGRAPH_ENDPOINT_PASSWORD", ""))
    return None


def _headers() -> dict[str, str]:
    headers = {"User-Agent": "newsgraph (knowledge graphs from news)"}
    if token := os.environ.get("NEWSGRAPH_ENDPOINT_TOKEN"):
        headers["Authorization"] = f"Bearer {token}"
    return headers


def _graphs(store: pyoxigraph.Store) -> Iterator[pyoxigraph.NamedNode]:
    """Document graphs first, then the shared graphs (which describe them)."""
    names = sorted(store.named_graphs(), key=lambda g: (g.value.rsplit("/", 1)[-1] in _SHARED, g.value))
    yield from names


def _ntriples(store: pyoxigraph.Store, graph: pyoxigraph.NamedNode) -> bytes:
    triples = (q.triple for q in store.quads_for_pattern(None, None, None, graph))
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES) or b""


def _request(client: httpx.Client, method: str, endpoint: str, graph: str, body: bytes) -> httpx.Request:
    if method == "gsp":
        return client.build_request("PUT", endpoint, params={"graph": graph}, content=body,
                                    headers={"Content-Type": "application/n-triples"})
    update = f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n".encode() + body + b"}}\n"
    return client.build_request("POST", endpoint, content=update, headers={"Content-Type": "application/sparql-update"})


def _send(client: httpx.Client, request: httpx.Request, retries: int, backoff: float,
          sleep: Callable[[float], None]) -> str | None:
    """None when the store took the request, else why it did not (after the retries)."""
    reason = ""
    for attempt in range(retries + 1):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        try:
            response = client.send(request)
        except httpx.TransportError as exc:
            reason = f"cannot reach the store ({exc.__class__.__name__}: {exc})"
            continue
        if response.is_success:
            return None
        reason = f"HTTP {response.status_code}: {response.text[:200].strip()}"
        if response.status_code < 500:
            return reason  # the store refuses this request: retrying would not change its mind
    return f"{reason} after {retries + 1} attempts"


def push(
    out: str | Path,
    endpoint: str,
    method: str = "gsp",
    retries: int = 4,
    backoff: float = 0.5,
    timeout: float = 60.0,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PushResult:
    """Load every named graph of the dataset in `out` into the store at `endpoint`."""
    if method not in METHODS:
        raise NewsgraphError(f"unknown push method {method!r}: use one of {', '.join(METHODS)}")
    if not endpoint.startswith(("http://", "https://")):
        raise NewsgraphError(f"endpoint {endpoint!r} is not an http(s) URL: give the store's Graph Store Protocol "
                             "URL (e.g. http://127.0.0.1:7878/store) or its update URL with --method update")
    store = load_store(out)
    result = PushResult(endpoint)
    with httpx.Client(timeout=timeout, transport=transport, auth=_auth(), headers=_headers()) as client:
        for graph in _graphs(store):
            body = _ntriples(store, graph)
            reason = _send(client, _request(client, method, endpoint, graph.value, body), retries, backoff, sleep)
            if reason is None:
                result.pushed.append(graph.value)
                result.quads += body.count(b"\n")
                log.info("pushed %s", graph.value)
            else:
                result.failed.append({"graph": graph.value, "reason": reason})
                log.warning("%s: %s", graph.value, reason)
    return result
