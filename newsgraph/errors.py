"""The one error family of newsgraph.

Every message names the input it is about (a path, URL, line or value) and says how to fix it,
so that a user reading a one-line error on stderr knows what to do next.
"""

from __future__ import annotations

__all__ = ["NewsgraphError", "InputError", "ModelError", "OntologyError", "ExportError"]


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input (file, URL, corpus line) cannot be read or is not an article."""


class ModelError(NewsgraphError):
    """The spaCy pipeline cannot be loaded."""


class OntologyError(NewsgraphError):
    """A class or predicate is not part of the ontology."""


class ExportError(NewsgraphError):
    """An output cannot be produced (unknown format, unwritable directory)."""
