"""newsgraph: knowledge graphs from news, where every edge carries its evidence.

The public API is small: `build` (inputs → output files), `build_graph` (inputs → KnowledgeGraph)
and the data model of `newsgraph.graph`.
"""

from .errors import ExportError, InputError, ModelError, NewsgraphError, OntologyError
from .graph import Document, Entity, Evidence, KnowledgeGraph, Literal, Mention, Quantity, Relation
from .pipeline import BuildResult, build, build_graph

__version__ = "0.1.0"

__all__ = [
    "build", "build_graph", "BuildResult", "KnowledgeGraph", "Document", "Mention", "Entity",
    "Relation", "Evidence", "Literal", "Quantity", "NewsgraphError", "InputError", "ModelError",
    "OntologyError", "ExportError", "__version__",
]
