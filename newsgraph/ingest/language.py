"""Language identification: extraction rules are English, so other languages are skipped."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["detect_language", "SUPPORTED_LANGUAGES"]

SUPPORTED_LANGUAGES = frozenset({"en"})
#: Below this many words identification is unreliable and the text is taken as English.
MIN_WORDS = 12


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language, from its first 5,000 characters."""
    sample = text[:5000]
    if len(sample.split()) < MIN_WORDS:
        return "en", 0.0
    code, probability = _identifier().classify(sample)
    return code, float(probability)
