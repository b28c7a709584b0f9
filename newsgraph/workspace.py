"""A workspace: a graph that grows and shrinks article by article, stored on disk.

Layout of a workspace directory:

    workspace.json                     what made it (format, extractor, model)
    docs/<doc id>.<sha256[:16]>.json   one article's extraction (graph.records), written atomically

The store holds each article's own extraction, before cross-document resolution; exporting
resolves all of them again (graph.resolution), so removing an article takes its evidence out and
an entity or edge left without support disappears. Because every article is one file, written
to a temporary name and renamed, an interrupted run loses nothing already stored and a re-run
skips what is there. The file name carries the text hash, so deciding whether an article is
already stored, changed or new needs no file to be read.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import NewsgraphError
from .export.files import write_text
from .graph import Document, Extraction, from_record, to_record
from .graph.identifiers import check_identifier

__all__ = ["Workspace", "WORKSPACE_FORMAT"]

log = logging.getLogger(__name__)

#: Version of the workspace layout.
WORKSPACE_FORMAT = 1
_HASH = 16


@dataclass(frozen=True)
class _Entry:
    doc_id: str
    sha: str
    path: Path


class Workspace:
    """The extractions of the articles added so far; see the module docstring for the layout."""

    def __init__(self, path: str | Path, create: bool = False, about: dict | None = None) -> None:
        self.path = Path(path)
        self.docs = self.path / "docs"
        manifest = self.path / "workspace.json"
        if not manifest.exists():
            if not create:
                raise NewsgraphError(
                    f"{self.path} is not a newsgraph workspace (no workspace.json): "
                    "create one with newsgraph add INPUT... --workspace DIR"
                )
            self.docs.mkdir(parents=True, exist_ok=True)
            write_text(manifest, json.dumps({"format": WORKSPACE_FORMAT, **(about or {})}, indent=2))
        info = json.loads(manifest.read_text(encoding="utf-8"))
        if info.get("format") != WORKSPACE_FORMAT:
            raise NewsgraphError(
                f"workspace {self.path} has format {info.get('format')!r}, this newsgraph reads format "
                f"{WORKSPACE_FORMAT}: export it with the newsgraph that made it, or start a new workspace"
            )
        self.about = info
        self.docs.mkdir(exist_ok=True)
        self._entries = self._scan()

    def _scan(self) -> dict[str, _Entry]:
        entries: dict[str, _Entry] = {}
        for path in sorted(self.docs.glob("*.json")):
            doc_id, _, sha = path.stem.rpartition(".")
            if not doc_id:
                continue
            entries[doc_id] = _Entry(doc_id, sha, path)
        for leftover in self.docs.glob(".*.tmp"):  # a write interrupted before its rename
            leftover.unlink(missing_ok=True)
        return entries

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._entries

    def doc_ids(self) -> list[str]:
        return sorted(self._entries)

    def status(self, document: Document) -> tuple[str, str | None]:
        """("stored", id) for the same id and text, ("changed", id) for the same id with new text,
        ("duplicate", other id) for the same text under another id, ("new", None) otherwise."""
        sha = document.sha256[:_HASH]
        entry = self._entries.get(document.id)
        if entry is not None:
            return ("stored" if entry.sha == sha else "changed"), entry.doc_id
        other = next((e.doc_id for e in self._entries.values() if e.sha == sha), None)
        return ("new", None) if other is None else ("duplicate", other)

    def put(self, extraction: Extraction) -> None:
        """Store one article's extraction, replacing an earlier version of the same article."""
        document = extraction.document
        doc_id = check_identifier(document.id)
        path = self.docs / f"{doc_id}.{document.sha256[:_HASH]}.json"
        write_text(path, json.dumps(to_record(extraction), ensure_ascii=False))
        old = self._entries.get(doc_id)
        if old is not None and old.path != path:
            old.path.unlink(missing_ok=True)
        self._entries[doc_id] = _Entry(doc_id, document.sha256[:_HASH], path)

    def remove(self, doc_id: str) -> None:
        """Take one article out; an unknown id is an error that says how to list the stored ones."""
        entry = self._entries.pop(doc_id, None)
        if entry is None:
            raise NewsgraphError(
                f"no document {doc_id!r} in workspace {self.path}: the stored ids are the 'id' fields "
                "of documents.jsonl after newsgraph export, or the file names in DIR/docs"
            )
        entry.path.unlink(missing_ok=True)

    def extractions(self) -> Iterator[Extraction]:
        """Every stored extraction, in document id order."""
        for doc_id in sorted(self._entries):
            entry = self._entries[doc_id]
            try:
                record = json.loads(entry.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise NewsgraphError(
                    f"{entry.path}: unreadable ({exc}): remove it (newsgraph remove {doc_id} --workspace "
                    f"{self.path}) and add the article again"
                ) from exc
            yield from_record(record)
