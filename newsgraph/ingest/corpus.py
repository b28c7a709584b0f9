"""JSONL corpora: one article a line, `{"id"?, "text"|"html", "url"?, "title"?, "published"?, ...}`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import IO, Iterator

from .failure import Failure

__all__ = ["CorpusRecord", "read_corpus", "FIELDS"]

FIELDS = ("id", "text", "html", "url", "title", "published", "author", "publisher")


@dataclass(frozen=True)
class CorpusRecord:
    """One line of a corpus, located by file and line number for error messages."""

    source: str
    data: dict


def _check(record: object, where: str) -> str | None:
    if not isinstance(record, dict):
        return f"{where}: is JSON but not an object: each line must be one article object"
    if not isinstance(record.get("text"), str) and not isinstance(record.get("html"), str):
        return f"{where}: has neither 'text' nor 'html' (a string): add the article body"
    wrong = [k for k in FIELDS if k in record and record[k] is not None and not isinstance(record[k], (str, int))]
    if wrong:
        return f"{where}: field(s) {', '.join(wrong)} must be strings"
    return None


def read_corpus(lines: IO[str], name: str) -> Iterator[CorpusRecord | Failure]:
    """Stream a JSONL corpus; a malformed line becomes a Failure with its line number."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"{where}: malformed JSON ({exc.msg} at column {exc.colno}): fix or remove the line")
            continue
        problem = _check(record, where)
        if problem:
            yield Failure(where, problem)
        else:
            yield CorpusRecord(where, record)
