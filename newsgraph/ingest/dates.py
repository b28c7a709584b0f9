"""Time expressions resolved against the article's publication date.

"last August" in an article of 2023-01-05 is 2022-08; "on Tuesday" is 2023-01-03; "in 1979" is
1979. What cannot be resolved keeps its text and no value: a wrong date is worse than none.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..graph import TimeExpression

__all__ = ["resolve_time"]

_MONTHS = {name: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")), start=1) for name in names}
_WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def _reference(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def resolve_time(text: str, published: str | None) -> TimeExpression:
    """The ISO value of a time expression, relative ones against the publication date."""
    words = _words(text)
    ref = _reference(published)
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    if month and year:
        day = _DAY.search(_YEAR.sub("", text))
        if day and 1 <= int(day.group(1)) <= 31:
            try:
                return TimeExpression(text, date(year, month, int(day.group(1))).isoformat())
            except ValueError:
                pass
        return TimeExpression(text, f"{year:04d}-{month:02d}")
    if year and not month:
        return TimeExpression(text, f"{year:04d}")
    if ref is None:
        return TimeExpression(text)
    if month:
        # "last August", "in August", "since September": the most recent such month before the article
        past = ref.year if month < ref.month or (month == ref.month and "last" not in words) else ref.year - 1
        if "next" in words:
            past = ref.year if month > ref.month else ref.year + 1
        return TimeExpression(text, f"{past:04d}-{month:02d}")
    weekday = next((_WEEKDAYS[w] for w in words if w in _WEEKDAYS), None)
    if weekday is not None:
        back = (ref.weekday() - weekday) % 7 or 7
        return TimeExpression(text, (ref - timedelta(days=back)).isoformat())
    if "yesterday" in words:
        return TimeExpression(text, (ref - timedelta(days=1)).isoformat())
    if "today" in words:
        return TimeExpression(text, ref.isoformat())
    if "last" in words and "year" in words:
        return TimeExpression(text, f"{ref.year - 1:04d}")
    if "this" in words and "year" in words:
        return TimeExpression(text, f"{ref.year:04d}")
    return TimeExpression(text)
