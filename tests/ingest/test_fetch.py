"""Fetching against a real HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest.fetch import FetchSettings, fetch

ARTICLE = (Path(__file__).resolve().parents[1] / "fixtures" / "article.html").read_bytes()
SETTINGS = FetchSettings(timeout=1.0, max_redirects=3, max_bytes=100_000)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        routes = {
            "/article": lambda: self.send(200, ARTICLE),
            "/redirect": lambda: self.send(302, b"", Location="/article"),
            "/loop": lambda: self.send(302, b"", Location="/loop"),
            "/missing": lambda: self.send(404, b"not here"),
            "/error": lambda: self.send(500, b"boom"),
            "/slow": lambda: (time.sleep(3), self.send(200, ARTICLE)),
            "/big": lambda: self.send(200, b"<p>" + b"word " * 50_000 + b"</p>"),
            "/image": lambda: self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png"),
            "/ua": lambda: self.send(200, self.headers.get("User-Agent", "").encode(), "text/plain"),
        }
        routes.get(self.path, lambda: self.send(404, b""))()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_200_returns_the_page(server):
    page = fetch(f"{server}/article", SETTINGS)
    assert page.content == ARTICLE and page.content_type == "text/html" and page.charset == "utf-8"


def test_redirect_is_followed_to_the_final_url(server):
    assert fetch(f"{server}/redirect", SETTINGS).url == f"{server}/article"


def test_user_agent_names_newsgraph(server):
    assert fetch(f"{server}/ua", SETTINGS).content.startswith(b"newsgraph/")


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/missing", "HTTP 404"),
        ("/error", "HTTP 500"),
        ("/slow", "timed out after 1 s"),
        ("/big", "over the size limit of 100000 bytes"),
        ("/image", "content type 'image/png' is not an article"),
        ("/loop", "more than 3 redirects"),
    ],
)
def test_bad_responses_are_refused_with_the_url_and_reason(server, path, reason):
    with pytest.raises(InputError) as caught:
        fetch(f"{server}{path}", SETTINGS)
    message = str(caught.value)
    assert message.startswith(f"{server}{path}: ") and reason in message


def test_unreachable_host_is_refused():
    with pytest.raises(InputError, match="unreachable"):
        fetch("http://127.0.0.1:9/article", SETTINGS)


def test_build_from_a_url_takes_canonical_url_and_facts(nlp, server, tmp_path):
    from newsgraph.pipeline import build

    result = build([f"{server}/redirect"], tmp_path)
    (document,) = result.graph.documents.values()
    assert document.url == "https://ledger.example.com/world/2024/03/03/iran-drones-russia"
    assert document.source == f"{server}/redirect"
    assert any(r.predicate == "suppliedTo" for r in result.graph.relations())
