"""Fetching articles over HTTP(S), kept apart from extracting them.

Polite and bounded: a user agent that names newsgraph, a timeout, a redirect limit, a size cap
read as the body streams in, and a content-type check. Every failure is an InputError naming
the URL and the fix. Tests inject an httpx transport or point at a local server.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from ..errors import InputError

__all__ = ["Fetched", "FetchSettings", "fetch", "is_url"]

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 15.0
    max_redirects: int = 5
    max_bytes: int = 5 * 1024 * 1024
    user_agent: str = "newsgraph/0.1 (+https://github.com/newsgraph; knowledge-graph builder for news)"


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the URL it ended at, its bytes and what the server said they are."""

    url: str
    content: bytes
    content_type: str
    charset: str | None


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _read_capped(response: httpx.Response, url: str, cap: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise InputError(f"{url}: body of {declared} bytes is over the size limit of {cap} bytes: raise --max-bytes if it is an article")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise InputError(f"{url}: body is over the size limit of {cap} bytes: raise --max-bytes if it is an article")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, settings: FetchSettings = FetchSettings(), transport: httpx.BaseTransport | None = None) -> Fetched:
    """GET one article page; raises InputError with a one-line reason when it cannot be had."""
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    try:
        with httpx.Client(
            transport=transport, timeout=settings.timeout, follow_redirects=True,
            max_redirects=settings.max_redirects, headers=headers,
        ) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(f"{url}: HTTP {response.status_code} {response.reason_phrase}: check the URL or try again later")
            content_type = response.headers.get("content-type", "")
            mime = content_type.split(";")[0].strip().lower()
            if mime and mime not in ARTICLE_TYPES:
                raise InputError(f"{url}: content type {mime!r} is not an article page: give an HTML or text URL")
            content = _read_capped(response, url, settings.max_bytes)
            return Fetched(str(response.url), content, mime or "text/html", response.charset_encoding)
    except httpx.TooManyRedirects:
        raise InputError(f"{url}: more than {settings.max_redirects} redirects: check the URL") from None
    except httpx.TimeoutException:
        raise InputError(f"{url}: timed out after {settings.timeout:g} s: try again later or raise the timeout") from None
    except httpx.InvalidURL as exc:
        raise InputError(f"{url}: not a valid URL ({exc}): check it") from None
    except httpx.TransportError as exc:
        raise InputError(f"{url}: unreachable ({type(exc).__name__}: {exc}): check the address and your network") from None
