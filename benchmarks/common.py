"""Helpers shared by the benchmarks: run newsgraph's extraction over plain texts."""

from __future__ import annotations

from typing import Iterable, Iterator

from newsgraph.graph import Document, Evidence, Extraction, Literal, Relation
from newsgraph.ingest import extract_documents, load_pipeline


def extract_texts(texts: Iterable[tuple[str, str]], model: str | None = None) -> Iterator[Extraction]:
    """(id, text) pairs through newsgraph's extractor, text taken as is (no page cleaning)."""
    nlp = load_pipeline(model)
    for result in extract_documents(nlp, (Document(doc_id, text) for doc_id, text in texts)):
        if isinstance(result, Extraction):
            yield result


def entity_relations(extraction: Extraction) -> Iterator[tuple[str, tuple[int, int], tuple[int, int], Relation, Evidence]]:
    """(predicate, subject span, object span, relation, evidence) for each evidence of each entity relation.

    A fact carried over from a place fact ("born in West Branch" -> residesIn United States) has
    no object span; it is scored with the object's first mention in the evidence's sentence, and
    not at all when the sentence does not name the object.
    """
    mentions = {e.id: e.mentions for e in extraction.entities}
    for relation in extraction.relations:
        if isinstance(relation.object, Literal):
            continue
        for evidence in relation.evidence:
            object_span = evidence.object_span or next(
                ((m.start, m.end) for m in mentions.get(relation.object, ())
                 if evidence.sentence_start <= m.start and m.end <= evidence.sentence_end), None)
            if object_span is not None:
                yield relation.predicate, evidence.subject_span, object_span, relation, evidence


def prf(tp: int, made: int, found: int, gold: int) -> tuple[float, float, float]:
    """Precision (right / made), recall (found / gold) and their F1."""
    p = tp / made if made else 0.0
    r = found / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(rows: list[list[object]], header: list[str]) -> str:
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    line = lambda r: "  ".join(str(x).ljust(w) for x, w in zip(r, widths))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])
