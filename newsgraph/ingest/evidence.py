"""Evidence built from offsets into the document text, so that its quote always is the text there."""

from __future__ import annotations

from ..graph import Evidence

__all__ = ["quoted"]


def quoted(text: str, doc_id: str, sentence: tuple[int, int], span: tuple[int, int], **fields) -> Evidence:
    """Evidence whose sentence and quote are read from `text` at the given (start, end) offsets;
    `fields` are the rest of Evidence (subject_span, object_span, extractor, confidence, ...)."""
    return Evidence(
        doc=doc_id, sentence=text[sentence[0] : sentence[1]], sentence_start=sentence[0], sentence_end=sentence[1],
        start=span[0], end=span[1], quote=text[span[0] : span[1]], **fields,
    )
