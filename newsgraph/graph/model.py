"""The data model at the seams between stages: plain frozen dataclasses.

Offsets are Python code-point offsets into `Document.text` (end exclusive); for every evidence
`text[start:end] == quote` holds. Nothing here holds a spaCy or rdflib object, so a graph can be
pickled, compared and rebuilt without the pipeline that made it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Mapping, Union

__all__ = [
    "Document",
    "Mention",
    "Entity",
    "Literal",
    "Quantity",
    "TimeExpression",
    "Evidence",
    "Relation",
    "Extraction",
    "STATUSES",
    "EDGE_STATUSES",
]

#: Epistemic statuses, from the most to the least committed.
STATUSES = ("asserted", "reported", "alleged", "planned", "denied", "hypothetical")
#: Statuses under which a statement becomes a plain edge of the graph.
EDGE_STATUSES = frozenset({"asserted", "reported", "alleged"})


@dataclass(frozen=True)
class Document:
    """One article: the cleaned text every offset indexes, and what is known about it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    publisher: str | None = None
    language: str = "en"
    source: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Mention:
    """A span of a document naming an entity: the name itself, no determiner or possessive."""

    doc: str
    start: int
    end: int
    text: str
    type: str


@dataclass(frozen=True)
class Entity:
    """Something the articles talk about: a person, country, base, organisation, event..."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    links: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Literal:
    """A literal object of a relation, such as an age."""

    value: str
    datatype: str = "string"

    @property
    def key(self) -> str:
        """The node id a literal gets in the graph (literals with equal value share it)."""
        return f"literal:{self.datatype}:{self.value}"


@dataclass(frozen=True)
class Quantity:
    """A quantity as the article wrote it ("nearly 2,000") with its normalised value."""

    text: str
    value: float | int | None = None
    approximate: bool = False
    unit: str | None = None


@dataclass(frozen=True)
class TimeExpression:
    """A time as the article wrote it ("last August") and its ISO 8601 value ("2022-08"),
    resolved against the article's publication date; value is None when it cannot be resolved."""

    text: str
    value: str | None = None


QualifierValue = Union[str, Quantity, TimeExpression]


@dataclass(frozen=True)
class Evidence:
    """One sentence that supports a relation, and how the article frames it.

    `start`/`end` delimit `quote`, the shortest stretch of the sentence holding the subject,
    trigger and object; `sentence_start`/`sentence_end` delimit the whole sentence.
    """

    doc: str
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    quote: str
    subject_span: tuple[int, int]
    object_span: tuple[int, int] | None
    trigger_span: tuple[int, int] | None
    extractor: str
    confidence: float
    status: str = "asserted"
    attributed_to: str | None = None
    cue: str | None = None
    rule: str | None = None


@dataclass(frozen=True)
class Relation:
    """An edge: subject entity id, ontology predicate, object entity id or literal."""

    subject: str
    predicate: str
    object: Union[str, Literal]
    qualifiers: Mapping[str, QualifierValue] = field(default_factory=dict, hash=False, compare=False)
    evidence: tuple[Evidence, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        """(subject, predicate, object) as the graph keys it."""
        obj = self.object.key if isinstance(self.object, Literal) else self.object
        return (self.subject, self.predicate, obj)


@dataclass(frozen=True)
class Extraction:
    """What one document yielded: the seam between ingest/ and graph/."""

    document: Document
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
