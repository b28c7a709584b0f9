"""Plain-text cleaning: text hygiene and removal of page chrome, before any offset is taken.

Scraped articles carry date banners, "Subscribe" buttons, share bars and form errors. The rules
that recognise them are data (`data/chrome.json`); this module only applies them, line by line.
Header lines that carry metadata (byline, dateline) become metadata, the headline becomes the
title, and the kept lines, one paragraph each, make the document text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import resources

__all__ = ["CleanText", "RemovedLine", "clean_text", "normalise_text"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")


@dataclass(frozen=True)
class RemovedLine:
    line: int
    rule: str
    text: str


@dataclass(frozen=True)
class CleanText:
    """The cleaned text (what every offset indexes), metadata found, and what was removed."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    removed: tuple[RemovedLine, ...] = ()

    @property
    def lines_removed(self) -> int:
        return len(self.removed)

    @property
    def chars_removed(self) -> int:
        return sum(len(r.text) for r in self.removed)


@dataclass(frozen=True)
class _Rule:
    id: str
    pattern: re.Pattern[str]
    field: str | None = None


@dataclass(frozen=True)
class _Rules:
    drop: tuple[_Rule, ...]
    metadata: tuple[_Rule, ...]
    date_formats: tuple[str, ...]
    body_min_words: int
    title_max_words: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = json.loads(resources.files(__package__).joinpath("data/chrome.json").read_text("utf-8"))

    def compile_rule(spec: dict) -> _Rule:
        return _Rule(spec["id"], re.compile(rf"(?:{spec['pattern']})", re.IGNORECASE), spec.get("field"))

    return _Rules(
        drop=tuple(compile_rule(r) for r in raw["drop"]),
        metadata=tuple(compile_rule(r) for r in raw["metadata"]),
        date_formats=tuple(raw["date_formats"]),
        body_min_words=int(raw["body_paragraph_min_words"]),
        title_max_words=int(raw["title_max_words"]),
    )


def normalise_text(text: str) -> str:
    """NFC, no unpaired surrogates or control characters, Unix newlines, plain spaces."""
    text = _SURROGATE.sub("", text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _parse_date(value: str, formats: tuple[str, ...]) -> str | None:
    """ISO 8601 form of a dateline, or None when no known format fits."""
    compact = " ".join(value.replace("a.m.", "am").replace("p.m.", "pm").split())
    compact = re.sub(r"^sept\.?(?=\s)", "Sep", compact, flags=re.IGNORECASE)
    compact = re.sub(r"^([A-Za-z]{3})\.", r"\1", compact)
    for fmt in formats:
        try:
            parsed = datetime.strptime(compact, fmt)
        except ValueError:
            continue
        has_time = "%H" in fmt or "%I" in fmt
        return parsed.isoformat() if has_time else parsed.date().isoformat()
    return None


def _metadata_of(line: str, rules: _Rules) -> tuple[str, str, str] | None:
    """(rule id, field, value) when the whole line is a metadata line."""
    for rule in rules.metadata:
        match = rule.pattern.fullmatch(line)
        if match and rule.field:
            value = match.group("value").strip()
            if rule.field == "published":
                value = _parse_date(value, rules.date_formats) or value
            return rule.id, rule.field, value
    return None


def _is_body(line: str, rules: _Rules) -> bool:
    return len(line.split()) >= rules.body_min_words


def clean_text(raw: str) -> CleanText:
    """Clean scraped plain text: drop chrome lines, lift byline/dateline/headline into metadata."""
    rules = _rules()
    kept: list[str] = []
    removed: list[RemovedLine] = []
    metadata: dict[str, str] = {}
    in_header = True
    for number, line in enumerate(normalise_text(raw).split("\n"), start=1):
        if not line:
            continue
        if in_header and _is_body(line, rules):
            in_header = False
        drop = next((r for r in rules.drop if r.pattern.fullmatch(line)), None)
        if drop is not None:
            removed.append(RemovedLine(number, drop.id, line))
            continue
        if in_header:
            found = _metadata_of(line, rules)
            if found is not None:
                rule_id, name, value = found
                metadata.setdefault(name, value)
                removed.append(RemovedLine(number, rule_id, line))
                continue
            if "title" not in metadata and _looks_like_title(line, rules):
                metadata["title"] = line
                removed.append(RemovedLine(number, "headline", line))
                continue
        kept.append(line)
    return CleanText("\n\n".join(kept), metadata, tuple(removed))


def _looks_like_title(line: str, rules: _Rules) -> bool:
    words = line.split()
    return 3 <= len(words) <= rules.title_max_words and not _SENTENCE_END.search(line)
