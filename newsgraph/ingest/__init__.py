"""Ingest: inputs → Documents (clean text + metadata) → Extractions. Imports graph/ only."""

from .clean import CleanText, clean_text, normalise_text
from .extract import extract, extract_documents, extractor_name
from .nlp import load_pipeline, model_name
from .relations import load_rules
from .fetch import FetchSettings, fetch
from .sources import MAX_BYTES, Failure, Loaded, SourceSettings, document_from, load_documents, read_text_file

__all__ = [
    "CleanText", "clean_text", "normalise_text", "extract", "extract_documents", "extractor_name",
    "load_pipeline", "model_name", "load_rules", "Failure", "Loaded", "load_documents",
    "read_text_file", "MAX_BYTES", "SourceSettings", "FetchSettings", "fetch", "document_from",
]
