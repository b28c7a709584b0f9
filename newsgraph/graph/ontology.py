"""Ontology v1: classes, predicates with domains and ranges, epistemic statuses.

The ontology is data (`data/ontology.json`); extending it means editing that file, not code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import OntologyError

__all__ = ["Ontology", "Predicate", "load_ontology"]


@dataclass(frozen=True)
class Predicate:
    name: str
    label: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    datatype: str | None = None
    symmetric: bool = False
    qualifiers: tuple[str, ...] = ()
    wikidata: tuple[str, ...] = ()
    by_subject: tuple[tuple[str, str], ...] = ()
    """(subject class, more specific predicate): locatedIn said of an Organization is basedIn"""
    broader: tuple[str, ...] = ()
    """predicates this one implies (rdfs:subPropertyOf): a leader of X is affiliated with X"""
    comment: str = ""


@dataclass(frozen=True, eq=False)
class Ontology:
    """The loaded ontology; compared and hashed by identity (there is one per process)."""

    version: str
    classes: dict[str, tuple[str, ...]]
    class_labels: dict[str, str]
    predicates: dict[str, Predicate]
    statuses: tuple[str, ...]

    def specific(self, predicate: str, subject_type: str) -> str:
        """The most specific predicate for a subject of this class ("locatedIn" -> "basedIn" for organisations)."""
        for cls, refined in self.predicate(predicate).by_subject:
            if self.is_a(subject_type, cls):
                return refined
        return predicate

    def predicate(self, name: str) -> Predicate:
        """The predicate called `name`; an unknown name lists the known ones."""
        try:
            return self.predicates[name]
        except KeyError:
            known = ", ".join(sorted(self.predicates))
            raise OntologyError(
                f"unknown predicate {name!r}: use one of {known} or add it to ontology.json"
            ) from None

    def implied(self, name: str) -> frozenset[str]:
        """The predicate and every broader predicate it implies."""
        found = {name}
        for broader in self.predicate(name).broader:
            found |= self.implied(broader)
        return frozenset(found)

    def check_class(self, name: str) -> str:
        if name not in self.classes:
            known = ", ".join(sorted(self.classes))
            raise OntologyError(
                f"unknown entity class {name!r}: use one of {known} or add it to ontology.json"
            )
        return name

    def ancestors(self, name: str) -> frozenset[str]:
        """`name` and every class above it."""
        return _ancestors(self, self.check_class(name))

    def is_a(self, name: str, parent: str) -> bool:
        return parent in self.ancestors(name)

    def accepts(self, predicate: str, subject_type: str, object_type: str | None) -> bool:
        """Whether the predicate's domain and range admit these types (None: a literal)."""
        pred = self.predicate(predicate)
        if not any(self.is_a(subject_type, d) for d in pred.domain):
            return False
        if object_type is None:
            return pred.datatype is not None
        return pred.datatype is None and any(self.is_a(object_type, r) for r in pred.range)


@lru_cache(maxsize=None)
def _ancestors(ontology: Ontology, name: str) -> frozenset[str]:
    found = {name}
    for parent in ontology.classes[name]:
        found |= _ancestors(ontology, parent)
    return frozenset(found)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The ontology shipped with the package (loaded once)."""
    raw = json.loads(resources.files(__package__).joinpath("data/ontology.json").read_text("utf-8"))
    classes = {name: tuple(spec["parents"]) for name, spec in raw["classes"].items()}
    predicates = {
        name: Predicate(
            name=name,
            label=spec["label"],
            domain=tuple(spec["domain"]),
            range=tuple(spec["range"]),
            datatype=spec.get("datatype"),
            symmetric=bool(spec.get("symmetric", False)),
            qualifiers=tuple(spec.get("qualifiers", ())),
            wikidata=tuple(spec.get("wikidata", ())),
            by_subject=tuple(spec.get("by_subject", {}).items()),
            broader=tuple(spec.get("broader", ())),
            comment=spec.get("comment", ""),
        )
        for name, spec in raw["predicates"].items()
    }
    for predicate in predicates.values():
        for broader in predicate.broader:
            if broader not in predicates:
                raise OntologyError(f"predicate {predicate.name!r} names an unknown broader predicate {broader!r} in ontology.json")
    return Ontology(
        version=raw["version"],
        classes=classes,
        class_labels={name: spec["label"] for name, spec in raw["classes"].items()},
        predicates=predicates,
        statuses=tuple(raw["statuses"]),
    )
