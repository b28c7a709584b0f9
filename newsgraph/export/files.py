"""Thin file writers: every output is written to a temporary file and renamed into place.

A reader never sees half a file, and an interrupted run leaves the previous output intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from ..errors import ExportError

__all__ = ["write_atomic", "write_text", "write_jsonl", "write_json"]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: str | Path, chunks: Iterable[bytes]) -> Path:
    """Write `chunks` to `path` through a temporary file in the same directory."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write here ({exc.strerror}): choose a writable output directory") from exc
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(path: str | Path, text: str) -> Path:
    return write_atomic(path, [text.encode("utf-8")])


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]]) -> Path:
    """One JSON object a line, UTF-8, non-ASCII kept readable."""
    return write_atomic(path, ((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8") for r in records))


def write_json(path: str | Path, record: dict[str, Any]) -> Path:
    return write_text(path, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
