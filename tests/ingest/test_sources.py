"""Every kind of input, and every kind of bad input: skipped with a reason, the run goes on."""

from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsgraph.ingest.fetch import FetchSettings
from newsgraph.ingest.sources import SourceSettings, load_documents
from newsgraph.pipeline import build
from tests.conftest import EXAMPLE

SENTENCE = "Iran has so far supplied Russia with nearly 2,000 drones, officials in Kyiv said on Tuesday."
GERMAN = "Der Iran hat Russland bisher fast zweitausend Drohnen geliefert, sagten Beamte in Kiew am Dienstag."


class Status(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        self.send_response(int(self.path.strip("/")))
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def status_server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Status)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory, status_server):
    folder = tmp_path_factory.mktemp("bad")
    files = {
        "empty.txt": b"",
        "scan.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "photo.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "bundle.txt": b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        "noise.txt": bytes(range(0, 32)) * 20,
        "huge.txt": b"word " * 3000,
        "german.txt": GERMAN.encode("utf-8") * 2,
        "notes.docx": b"not an article",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    corpus = folder / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"text": SENTENCE, "url": "https://example.org/a"}) + "\n"
        + "{not json\n"
        + json.dumps({"title": "no body"}) + "\n"
        + json.dumps({"text": SENTENCE, "url": "https://example.org/a"}) + "\n",
        encoding="utf-8",
    )
    inputs = [*(folder / n for n in files), corpus, folder / "missing.txt", EXAMPLE,
              f"{status_server}/404", f"{status_server}/503", "http://127.0.0.1:9/x"]
    settings = SourceSettings(max_bytes=10_000, fetch=FetchSettings(timeout=2.0))
    return build(inputs, folder / "out", settings=settings)


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "is empty"),
        ("scan.txt", "is a PDF document, not an article"),
        ("photo.html", "is a PNG image"),
        ("bundle.txt", "is a zip archive"),
        ("noise.txt", "cannot be decoded as text"),
        ("huge.txt", "over the size limit of 10000 bytes"),
        ("german.txt", "language detected as 'de'"),
        ("notes.docx", "unsupported input type '.docx'"),
        ("missing.txt", "no such file"),
        ("corpus.jsonl:2", "malformed JSON"),
        ("corpus.jsonl:3", "has neither 'text' nor 'html'"),
        ("corpus.jsonl:4", "duplicate of"),
        ("/404", "HTTP 404"),
        ("/503", "HTTP 503"),
        ("127.0.0.1:9/x", "unreachable"),
    ],
)
def test_bad_input_is_skipped_with_its_reason(bad_inputs, name, reason):
    reasons = [s["reason"] for s in bad_inputs.report["skipped"]]
    assert any(name in r and reason in r for r in reasons), reasons


def test_good_inputs_still_produce_facts(bad_inputs):
    assert len(bad_inputs.graph.documents) == 2  # the example and the first corpus line
    assert bad_inputs.exit_status == 2
    assert any(r.predicate == "suppliedTo" for r in bad_inputs.graph.relations())


def test_the_report_lists_every_skip(bad_inputs):
    assert len(bad_inputs.report["skipped"]) == 15
    assert bad_inputs.report["inputs"] >= 17


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
     ("utf-16-le", b""), ("cp1252", b""), ("latin-1", b"")],
)
def test_encodings_are_detected(tmp_path, encoding, prefix):
    text = "Café owners in Kyiv said Iran supplied Russia with drones – “nearly 2,000” of them."
    if encoding == "latin-1":
        text = text.replace("–", "-").replace("“", '"').replace("”", '"')
    path = tmp_path / "article.txt"
    path.write_bytes(prefix + text.encode(encoding))
    (loaded,) = load_documents([path])
    assert loaded.document.text == text


def test_directory_is_read_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text(SENTENCE.replace("Tuesday", "Monday"), encoding="utf-8")
    (tmp_path / "a" / "b" / "skip.png").write_bytes(b"\x89PNG")
    assert sorted(l.document.source.split("/")[-1] for l in load_documents([tmp_path])) == ["one.txt", "two.txt"]


def test_stdin_text_and_stdin_corpus(tmp_path):
    text = SourceSettings(stdin=lambda: io.BytesIO(SENTENCE.encode()))
    (loaded,) = load_documents(["-"], text)
    assert loaded.document.text == SENTENCE and loaded.document.source == "<stdin>"
    corpus = SourceSettings(stdin=lambda: io.BytesIO((json.dumps({"text": SENTENCE}) + "\n{oops\n").encode()))
    first, second = load_documents(["-"], corpus)
    assert first.document.text == SENTENCE
    assert "<stdin>:2" in second.reason and "malformed JSON" in second.reason


def test_corpus_metadata_is_kept(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": SENTENCE, "url": "https://example.org/a", "title": "T", "published": "2023-01-05",
                                  "author": "A. Writer", "publisher": "Example"}) + "\n", encoding="utf-8")
    (loaded,) = load_documents([corpus])
    document = loaded.document
    assert (document.url, document.title, document.published, document.author, document.publisher) == (
        "https://example.org/a", "T", "2023-01-05", "A. Writer", "Example")


def test_same_article_as_file_and_in_corpus_is_processed_once(nlp, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": EXAMPLE.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    result = build([EXAMPLE, corpus], tmp_path / "out")
    assert len(result.graph.documents) == 1
    (skip,) = result.report["skipped"]
    assert "duplicate of" in skip["reason"] and str(EXAMPLE) in skip["reason"]
