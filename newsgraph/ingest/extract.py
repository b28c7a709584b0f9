"""From a Document to an Extraction: parse, find mentions, resolve entities, apply rules."""

from __future__ import annotations

import logging
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..graph import Document, Extraction
from .containment import place_containment
from .entities import resolve_entities
from .lexicons import load_lexicons
from .mentions import find_mentions
from .source_lines import find_source_lines, source_line_relations, with_source_lines
from .relations import classify_pairs, extract_relations, load_rules, make_context
from .failure import Failure

__all__ = ["Failure", "extract", "extract_documents", "extractor_name"]

log = logging.getLogger(__name__)


def extractor_name() -> str:
    """Name and version of the rule set, as recorded on every evidence."""
    return load_rules().name


def extract(doc: Doc, document: Document) -> Extraction:
    """The entities and relations of one parsed document.

    Only entities that take part in a relation are kept: the graph is a graph of facts. Where
    places lie comes from the gazetteer (attributed to GeoNames), the rest from the text.
    """
    lex = load_lexicons()
    lines = find_source_lines(doc)
    candidates = with_source_lines(find_mentions(doc, lex), lines)
    entities, owner = resolve_entities(document.id, candidates)
    ctx = make_context(doc, document.id, owner, entities, lex, document.published)
    relations = extract_relations(ctx, load_rules())
    relations += source_line_relations(document.id, ctx.text, lines, owner, extractor_name())
    relations += classify_pairs(ctx, relations)
    relations += place_containment(document.id, ctx.text, ctx.sentence_bounds, entities, relations, extractor_name())
    used = {r.subject for r in relations} | {r.object for r in relations if isinstance(r.object, str)}
    return Extraction(document, tuple(e for e in entities if e.id in used), tuple(relations))


def extract_documents(
    nlp: Language, documents: Iterable[Document], batch_size: int = 16
) -> Iterator[Extraction | Failure]:
    """Parse documents in batches with `nlp.pipe` and extract each; never stop on one failure."""
    stream = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        try:
            yield extract(doc, document)
        except Exception as exc:  # one broken article must not stop a corpus run
            log.debug("extraction failed for %s", document.source or document.id, exc_info=True)
            yield Failure(document.source or document.id, f"extraction failed: {type(exc).__name__}: {exc}")
