"""From inputs to Documents: files, directories, URLs, JSONL corpora and stdin.

Reading is separate from extraction. Every input becomes a `Loaded` document or a `Failure`
with a one-line reason that names the input and the fix; the run goes on either way.
"""

from __future__ import annotations

import io
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import httpx

from ..errors import InputError
from ..graph import Document, document_id
from .clean import CleanText, clean_text
from .corpus import read_corpus
from .failure import Failure
from .decode import decode_bytes
from .fetch import FetchSettings, fetch, is_url
from .language import SUPPORTED_LANGUAGES, detect_language
from .webpage import extract_page

__all__ = ["Failure", "Loaded", "SourceSettings", "load_documents", "read_text_file", "document_from", "MAX_BYTES"]

log = logging.getLogger(__name__)

#: Inputs larger than this are skipped: a news article is far smaller.
MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson"})
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES


@dataclass(frozen=True)
class Loaded:
    """A document made from one input, with what cleaning removed from it."""

    document: Document
    cleaning: CleanText


@dataclass(frozen=True)
class SourceSettings:
    """Limits and plumbing for reading inputs; `transport` lets tests replace the network."""

    max_bytes: int = MAX_BYTES
    fetch: FetchSettings = field(default_factory=FetchSettings)
    transport: httpx.BaseTransport | None = None
    stdin: Callable[[], io.BufferedIOBase] = field(default=lambda: sys.stdin.buffer)


def _text_of(data: str, source: str, html: bool, url: str | None) -> tuple[CleanText, dict[str, str]]:
    """Cleaned text and metadata of raw text or HTML."""
    if html:
        page = extract_page(data, source, url)
        cleaned = clean_text(page.text)
        return cleaned, {**cleaned.metadata, **page.metadata}
    cleaned = clean_text(data)
    return cleaned, dict(cleaned.metadata)


def document_from(data: str, source: str, html: bool = False, given: dict | None = None) -> Loaded:
    """Clean text or HTML into a Document; metadata given by the caller wins over what is found.

    Raises InputError when nothing of the article is left or it is not in a supported language.
    """
    given = {k: str(v) for k, v in (given or {}).items() if v not in (None, "")}
    cleaned, found = _text_of(data, source, html, given.get("url"))
    if not cleaned.text.strip():
        raise InputError(f"{source}: no article text left after cleaning: the input is empty or only page chrome")
    language, probability = detect_language(cleaned.text)
    if language not in SUPPORTED_LANGUAGES:
        raise InputError(
            f"{source}: language detected as {language!r} (p={probability:.2f}); extraction is English-only, "
            "so it was skipped"
        )
    meta = {**found, **given}
    document = Document(
        id=document_id(cleaned.text, meta.get("url")),
        text=cleaned.text,
        title=meta.get("title") or Path(source).stem,
        url=meta.get("url"),
        published=meta.get("published"),
        author=meta.get("author"),
        publisher=meta.get("publisher"),
        language=language,
        source=source,
    )
    return Loaded(document, cleaned)


def _check_size(size: int, source: str, cap: int) -> None:
    if size > cap:
        raise InputError(f"{source}: {size} bytes is over the size limit of {cap} bytes: split it or raise --max-bytes")
    if size == 0:
        raise InputError(f"{source}: is empty: give a file with an article in it")


def read_text_file(path: Path, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read one .txt or .html article file. Raises InputError naming the path."""
    source = str(path)
    if not path.is_file():
        raise InputError(f"{source}: no such file: check the path")
    _check_size(path.stat().st_size, source, max_bytes)
    text = decode_bytes(path.read_bytes(), source)
    return document_from(text, source, html=path.suffix.lower() in HTML_SUFFIXES)


def _from_url(url: str, settings: SourceSettings) -> Loaded:
    fetched = fetch(url, settings.fetch, settings.transport)
    _check_size(len(fetched.content), url, settings.max_bytes)
    text = decode_bytes(fetched.content, url, fetched.charset)
    html = fetched.content_type != "text/plain"
    loaded = document_from(text, url, html=html, given={"url": None})
    if loaded.document.url is None:  # no canonical link on the page: the fetched URL names it
        document = loaded.document
        loaded = Loaded(
            Document(document_id(document.text, fetched.url), document.text, document.title, fetched.url,
                     document.published, document.author, document.publisher, document.language, url),
            loaded.cleaning,
        )
    return loaded


def _from_corpus(lines: Iterable[str], name: str, settings: SourceSettings) -> Iterator[Loaded | Failure]:
    for record in read_corpus(lines, name):
        if isinstance(record, Failure):
            yield record
            continue
        data = record.data
        body = data.get("text") if isinstance(data.get("text"), str) else data["html"]
        yield _guard(record.source, lambda: _record_document(record.source, data, body, settings))


def _record_document(source: str, data: dict, body: str, settings: SourceSettings) -> Loaded:
    _check_size(len(body.encode("utf-8", "surrogatepass")), source, settings.max_bytes)
    given = {k: data.get(k) for k in ("url", "title", "published", "author", "publisher")}
    return document_from(body, source, html=not isinstance(data.get("text"), str), given=given)


def _guard(source: str, load: Callable[[], Loaded]) -> Loaded | Failure:
    """Run one load; bad input becomes a Failure, never a traceback."""
    try:
        return load()
    except InputError as exc:
        return Failure(source, str(exc))
    except OSError as exc:
        return Failure(source, f"{source}: cannot be read ({exc.strerror or exc}): check the path and permissions")
    except Exception as exc:  # a parser bug on one odd input must not stop the run
        log.debug("failed to read %s", source, exc_info=True)
        return Failure(source, f"{source}: could not be read ({type(exc).__name__}: {exc})")


def _from_path(path: Path, settings: SourceSettings) -> Iterator[Loaded | Failure]:
    source = str(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES):
            yield from _from_path(child, settings)
    elif suffix in CORPUS_SUFFIXES and path.is_file():
        try:
            with path.open(encoding="utf-8-sig", errors="surrogateescape") as lines:
                yield from _from_corpus(lines, source, settings)
        except OSError as exc:
            yield Failure(source, f"{source}: cannot be read ({exc.strerror}): check the path and permissions")
    elif path.exists() and suffix not in INPUT_SUFFIXES:
        yield Failure(source, f"{source}: unsupported input type {suffix or '(no suffix)'!r}: give "
                      f"{', '.join(sorted(INPUT_SUFFIXES))} files, a directory, a URL or '-'")
    else:
        yield _guard(source, lambda: read_text_file(path, settings.max_bytes))


def _from_stdin(settings: SourceSettings) -> Iterator[Loaded | Failure]:
    """stdin holds one article (text or HTML) or a JSONL corpus (first character '{')."""
    data = settings.stdin().read(settings.max_bytes + 1)
    try:
        _check_size(len(data), "<stdin>", settings.max_bytes)
        text = decode_bytes(data, "<stdin>")
    except InputError as exc:
        yield Failure("<stdin>", str(exc))
        return
    stripped = text.lstrip()
    if stripped.startswith("{"):
        yield from _from_corpus(io.StringIO(text), "<stdin>", settings)
    else:
        html = stripped[:1] == "<"
        yield _guard("<stdin>", lambda: document_from(text, "<stdin>", html=html))


def load_documents(inputs: Iterable[str | Path], settings: SourceSettings | None = None) -> Iterator[Loaded | Failure]:
    """Each input as Loaded documents, or Failures with their reasons; never stops early."""
    settings = settings or SourceSettings()
    for item in inputs:
        value = str(item)
        if value == "-":
            yield from _from_stdin(settings)
        elif is_url(value):
            yield _guard(value, lambda: _from_url(value, settings))
        else:
            yield from _from_path(Path(item), settings)
