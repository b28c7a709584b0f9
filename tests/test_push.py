"""push and query against a real Oxigraph server, started and stopped by the tests."""

from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.push import push
from newsgraph.query import SHIPPED, load_store, query_text, run_query, with_bindings

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
BINDINGS = {"attributed-to": {"source": "Ukrainian defense officials"}}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Oxigraph:
    """An `oxigraph serve` process on a free local port, over a store directory."""

    def __init__(self, location: Path) -> None:
        if OXIGRAPH is None:
            pytest.fail("the oxigraph server is not installed: pip install oxigraph (make test installs it)")
        self.location, self.port, self.process = location, free_port(), None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Oxigraph":
        self.process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/query", params={"query": "ASK {}"}, timeout=1)
                return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("oxigraph did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def select(self, sparql: str) -> list[dict[str, str]]:
        response = httpx.post(f"{self.url}/query", data={"query": sparql},
                              headers={"Accept": "application/sparql-results+json"}, timeout=30)
        response.raise_for_status()
        return [{k: v["value"] for k, v in row.items()} for row in response.json()["results"]["bindings"]]

    def count(self) -> int:
        return int(self.select(COUNT)[0]["n"])


@pytest.fixture
def server(tmp_path):
    oxigraph = Oxigraph(tmp_path / "store").start()
    yield oxigraph
    oxigraph.stop()


def local_rows(out: Path, name: str) -> list[dict]:
    _, rows = run_query(load_store(out), with_bindings(query_text(name), BINDINGS.get(name, {})))
    return rows


def test_push_then_every_competency_query_answers_the_same_on_the_server(example_build, server):
    out = example_build[1]
    result = push(out, f"{server.url}/store")
    assert not result.failed and len(result.pushed) == 4
    assert server.count() == len(load_store(out))
    for name in SHIPPED:
        remote = server.select(with_bindings(query_text(name), BINDINGS.get(name, {})))
        local = [{k: str(v) for k, v in row.items() if v is not None} for row in local_rows(out, name)]
        assert sorted(map(sorted, (r.items() for r in remote))) == sorted(map(sorted, (r.items() for r in local))), name
    supply = server.select(query_text("supply"))
    assert any(r["supplier"] == "Iran" and r["recipient"] == "Russia" and r["status"] == "Reported"
               and r["quote"].startswith("Iran has so far supplied Russia with nearly 2,000 drones")
               and r["source"] == "Ukrainian defense officials" for r in supply)
    trained = server.select(query_text("trained-where"))
    assert {(r["person"], r["place"]) for r in trained} >= {("Sergei Sozinov", "Kashan military base")}
    attributed = server.select(with_bindings(query_text("attributed-to"), BINDINGS["attributed-to"]))
    assert attributed and all(r["source"] == "Ukrainian defense officials" for r in attributed)


@pytest.mark.parametrize("method, path", [("gsp", "/store"), ("update", "/update")])
def test_pushing_twice_leaves_the_store_unchanged(example_build, server, method, path):
    push(example_build[1], server.url + path, method=method)
    before = server.count()
    again = push(example_build[1], server.url + path, method=method)
    assert not again.failed and server.count() == before


class _StopsServerAfterFirstGraph(httpx.HTTPTransport):
    """The real HTTP transport; once the first graph is stored, the server process is stopped."""

    def __init__(self, server: "Oxigraph") -> None:
        super().__init__()
        self.server, self.requests = server, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.requests += 1
        if self.requests == 1:
            response.read()
            self.server.stop()
        return response


def test_a_push_interrupted_by_the_server_going_away_is_reported_and_a_re_push_completes(example_build, tmp_path):
    server = Oxigraph(tmp_path / "store").start()
    result = push(example_build[1], f"{server.url}/store", retries=2, backoff=0.01,
                  transport=_StopsServerAfterFirstGraph(server))
    assert len(result.pushed) == 1 and len(result.failed) == 3 and result.exit_status == 2
    assert "cannot reach the store" in result.failed[0]["reason"] and "after 3 attempts" in result.failed[0]["reason"]
    server.start()
    try:
        again = push(example_build[1], f"{server.url}/store")
        assert not again.failed and server.count() == len(load_store(example_build[1]))
    finally:
        server.stop()


class _Flaky(http.server.BaseHTTPRequestHandler):
    """Answers 503 to the first two requests, then 204; remembers the headers it saw."""

    seen: list[dict[str, str]] = []

    def do_PUT(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).seen.append(dict(self.headers))
        self.send_response(503 if len(type(self).seen) <= 2 else 204)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_5xx_is_retried_with_backoff_and_credentials_come_from_the_environment(example_build, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_ENDPOINT_TOKEN", "s3cret")
    _Flaky.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    waits: list[float] = []
    try:
        result = push(example_build[1], f"http://127.0.0.1:{httpd.server_port}/store", backoff=0.5, sleep=waits.append)
    finally:
        httpd.shutdown()
    assert not result.failed and waits == [0.5, 1.0]
    assert all(h.get("Authorization") == "Bearer s3cret" for h in _Flaky.seen)


def test_an_endpoint_that_is_not_a_url_says_what_to_give(example_build):
    with pytest.raises(NewsgraphError, match="Graph Store Protocol"):
        push(example_build[1], "127.0.0.1:7878")
