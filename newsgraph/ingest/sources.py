"""From inputs (paths) to Documents: reading and cleaning, separate from extraction.

A source that cannot be read becomes a `Failure` with a one-line reason; the run goes on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..graph import Document, document_id
from .clean import CleanText, clean_text

__all__ = ["Failure", "Loaded", "read_text_file", "load_documents", "MAX_BYTES"]

log = logging.getLogger(__name__)

#: Inputs larger than this are skipped: a news article is far smaller.
MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, and why (the run goes on without it)."""

    input: str
    reason: str


@dataclass(frozen=True)
class Loaded:
    """A document made from one input, with what cleaning removed from it."""

    document: Document
    cleaning: CleanText


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: looks binary (NUL bytes), not an article: give a .txt file")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{source}: cannot be decoded as UTF-8 or cp1252: re-save it as UTF-8")


def read_text_file(path: Path, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read a plain-text article, clean it and make its Document.

    Raises InputError naming the path when it cannot be an article.
    """
    source = str(path)
    if not path.is_file():
        raise InputError(f"{source}: no such file: check the path")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(
            f"{source}: unsupported input type {path.suffix or '(no suffix)'!r}: "
            f"give a plain-text file ({', '.join(sorted(TEXT_SUFFIXES))})"
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{source}: {size} bytes is over the size limit of {max_bytes} bytes: split it or raise the limit")
    cleaned = clean_text(_decode(path.read_bytes(), source))
    if not cleaned.text.strip():
        raise InputError(f"{source}: no article text left after cleaning: the file is empty or only page chrome")
    meta = cleaned.metadata
    document = Document(
        id=document_id(cleaned.text, meta.get("url")),
        text=cleaned.text,
        title=meta.get("title") or path.stem,
        url=meta.get("url"),
        published=meta.get("published"),
        author=meta.get("author"),
        publisher=meta.get("publisher"),
        source=source,
    )
    return Loaded(document, cleaned)


def load_documents(inputs: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[Loaded | Failure]:
    """Each input as a Loaded document, or a Failure with its reason; never stops early."""
    for item in inputs:
        path = Path(item)
        paths = sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES) if path.is_dir() else [path]
        for one in paths:
            try:
                yield read_text_file(one, max_bytes)
            except InputError as exc:
                log.warning("skipped %s", exc)
                yield Failure(str(one), str(exc))
            except OSError as exc:
                yield Failure(str(one), f"{one}: cannot be read ({exc.strerror or exc}): check permissions")
