"""Name normalisation and stable identifiers for entities and documents.

Identifiers are minted from normalised data (never from raw article text) and validated when
minted, so they are safe to use as IRI path segments and as HTML element ids.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from ..errors import NewsgraphError

__all__ = ["normalise_name", "name_key", "slugify", "digest", "entity_id", "document_id", "check_identifier"]

_POSSESSIVE = re.compile(r"(?:'|’)s\b", re.IGNORECASE)
_TRAILING_APOSTROPHE = re.compile(r"(?<=s)(?:'|’)(?=\s|$)")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_IDENTIFIER = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$")


class _Punctuation(dict):
    """str.translate table mapping every Unicode punctuation character to a space, filled as met."""

    def __missing__(self, code: int) -> str | int:
        value = " " if unicodedata.category(chr(code)).startswith("P") else code
        self[code] = value
        return value


_PUNCTUATION = _Punctuation()


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The comparison form of a name: NFKC, case-folded, no possessive, punctuation or article.

    This is the normalisation of the evaluation rules, so that what merges here is what a
    matcher would consider the same name.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _TRAILING_APOSTROPHE.sub("", text)
    text = text.translate(_PUNCTUATION)
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)


@lru_cache(maxsize=1)
def _organization_forms() -> tuple[dict[str, str], tuple[tuple[re.Pattern[str], str], ...]]:
    forms = json.loads(resources.files(__package__).joinpath("data/name_forms.json").read_text("utf-8"))
    return dict(forms["spellings"]), tuple((re.compile(p), out) for p, out in forms["patterns"])


@lru_cache(maxsize=65536)
def name_key(name: str, type_: str) -> str:
    """The comparison form of a name of an entity of this type; organisation names also lose
    spelling and word-order variants ("Russian Ministry of Defence" and "Russian Defense
    Ministry" have one key). Resolution inside a document and across documents both use it."""
    key = normalise_name(name)
    if type_ != "Organization":
        return key
    spellings, patterns = _organization_forms()
    key = " ".join(spellings.get(word, word) for word in key.split(" "))
    for pattern, form in patterns:
        if match := pattern.match(key):
            key = " ".join(form.format(**match.groupdict()).split())
    return key


def slugify(text: str, max_length: int = 40) -> str:
    """A lowercase ASCII slug (letters, digits, hyphens); 'x' when nothing ASCII remains."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:max_length].strip("-") or "x"


def digest(*parts: object, length: int = 12) -> str:
    """A short stable hash of the parts: the unique half of every minted id."""
    data = "\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:length]


def check_identifier(identifier: str) -> str:
    """Return `identifier` if it is a safe id segment, else raise naming it."""
    if not _IDENTIFIER.match(identifier):
        raise NewsgraphError(
            f"identifier {identifier!r} is not a safe id: ids are lowercase ASCII letters, "
            "digits and inner hyphens, at most 120 characters; mint ids with entity_id()"
        )
    return identifier


def entity_id(entity_type: str, name: str, scope: str | None = None) -> str:
    """Stable entity id from (type, normalised name): readable slug plus a hash. A `scope` (a
    document id) keeps the entity apart from same-named ones elsewhere (`--no-merge`)."""
    parts = (entity_type, normalise_name(name)) if scope is None else (entity_type, normalise_name(name), scope)
    return check_identifier(f"{slugify(name)}-{digest(*parts)}")


def document_id(text: str, url: str | None = None) -> str:
    """Stable document id: from the canonical URL when there is one, else from the text."""
    basis = ("url", url) if url else ("text", " ".join(text.split()))
    return check_identifier(digest(*basis, length=16))
