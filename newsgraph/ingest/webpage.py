"""Main text and metadata of a saved or fetched web page, with trafilatura.

Fetching lives in `fetch.py`; this module only extracts, so a saved page and a fetched one go
through the same code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura

from ..errors import InputError

__all__ = ["WebPage", "extract_page"]

#: A page whose main text is shorter than this is a navigation or login page, not an article.
MIN_WORDS = 8
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}


@dataclass(frozen=True)
class WebPage:
    """The article text of a page (one paragraph a line) and what the page says about it."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)


def extract_page(html: str, source: str, url: str | None = None) -> WebPage:
    """Keep only the article: navigation, related links, comments and banners are dropped."""
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, date_extraction_params=_DATE_PARAMS,
    )
    if found is None or len((found.text or "").split()) < MIN_WORDS:
        raise InputError(f"{source}: no article text found in the HTML: is it an article page (not an index or login page)?")
    metadata = {
        "title": found.title,
        "author": found.author,
        "published": found.date,
        "publisher": found.sitename,
        "url": found.url or url,
    }
    lines = [line.strip() for line in found.text.split("\n") if line.strip()]
    if lines and found.title and lines[0] == found.title.strip():
        lines = lines[1:]  # the headline is the title, not the first paragraph
    return WebPage("\n".join(lines), {k: v for k, v in metadata.items() if v})
