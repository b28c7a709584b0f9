"""Bytes to text: reject binaries, detect the encoding, before any offset is taken."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

__all__ = ["decode_bytes", "binary_kind"]

#: File signatures of formats that are not articles, with what to tell the user.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def binary_kind(data: bytes) -> str | None:
    """What a binary input is ("a PDF document"), or None when it may be text."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM shows NUL in every other byte of ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode an article's bytes: BOM, declared charset, UTF-16 without BOM, UTF-8, cp1252, Latin-1.

    Raises InputError naming `source` for binaries and for bytes that decode only to noise.
    """
    if kind := binary_kind(data):
        raise InputError(f"{source}: is {kind}, not an article: give text, HTML or JSONL")
    encodings: list[str] = [enc for bom, enc in _BOMS if data.startswith(bom)][:1]
    if not encodings:
        if declared:
            encodings.append(declared)
        if utf16 := _utf16_without_bom(data):
            encodings.append(utf16)
        encodings += ["utf-8", "cp1252", "latin-1"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if "\x00" in text or len(_CONTROL.findall(text)) > max(8, len(text) // 20):
            continue
        return text
    raise InputError(
        f"{source}: cannot be decoded as text (tried {', '.join(dict.fromkeys(encodings))}): "
        "it is binary or corrupt; re-save it as UTF-8"
    )
