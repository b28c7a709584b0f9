"""shapes.ttl: SHACL shapes the RDF output conforms to (package data, adapted to the base IRI)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .files import write_text
from .rdf import DEFAULT_BASE, Namespaces

__all__ = ["to_shapes", "write_shapes"]


def to_shapes(base: str = DEFAULT_BASE) -> str:
    """The shapes as Turtle, in the ontology namespace of `base`."""
    template = resources.files(__package__).joinpath("data/shapes.ttl").read_text("utf-8")
    return template.replace("{kg}", Namespaces(base).kg)


def write_shapes(path: str | Path, base: str = DEFAULT_BASE) -> Path:
    return write_text(path, to_shapes(base))
