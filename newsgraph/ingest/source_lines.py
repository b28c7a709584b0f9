"""Source lines of monitoring services: "LD2804174994 Moscow INTERFAX in English 1601 GMT 28 Apr 94".

OSINT analysts read a great deal of monitored media (FBIS, BBC Monitoring, the Open Source
Center), whose every item starts with such a line: record id, the place the outlet publishes
from, the outlet, the language, the time. spaCy's small pipeline seldom tags these outlets
("AL-AHALI", "Radio Reloj Network"), and no dependency parse links them to the place, so the
line is read by its layout: the outlet is what stands between a known place and "in
<Language>". The outlet is based in that place. The layout and the languages are data
(`data/source_lines.json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..graph import Relation
from .evidence import quoted
from .gazetteer import Place, load_gazetteer
from .lexicons import calibrated, read_data
from .mentions import Candidate, span_candidate

__all__ = ["SourceLine", "find_source_lines", "source_line_relations", "source_line_rule", "with_source_lines"]


@dataclass(frozen=True)
class SourceLine:
    """One source line: the place and outlet mentions and the span from one to the other; where
    the record id stands, and what follows the outlet (the language, not a people: "in
    Russian"; the time) as character spans."""

    place: Candidate
    outlet: Candidate
    start: int
    end: int
    record: tuple[int, int] | None
    after: tuple[int, int]


@lru_cache(maxsize=1)
def _spec() -> dict:
    return read_data("source_lines.json")


@lru_cache(maxsize=1)
def _line_pattern() -> re.Pattern[str]:
    spec = _spec()
    languages = "|".join(re.escape(language) for language in spec["languages"])
    return re.compile(
        rf"^(?P<names>[^\n]+?)[ \t]+in[ \t]+(?P<language>{languages})\b"
        rf"(?P<when>[ \t]+(?:\d{{3,4}}[ \t]+GMT|\d{{1,2}}[ \t]+[A-Z][a-z]{{2}}[ \t]+\d{{2}})[^\n]*)",
        re.MULTILINE,
    )


@lru_cache(maxsize=1)
def _record_id() -> re.Pattern[str]:
    return re.compile(rf"\b{_spec()['record_id']}[ \t]+")


def find_source_lines(doc: Doc) -> list[SourceLine]:
    """The source lines of a parsed document whose place the gazetteer knows."""
    found = []
    for match in _line_pattern().finditer(doc.text):
        names, at = match.group("names"), match.start("names")
        records = list(_record_id().finditer(names))
        record = (at + records[-1].start(), at + records[-1].end()) if records else None
        if record:  # a headline may come first: "Police Find No Signs AU0202111694 Paris AFP in English"
            names, at = names[records[-1].end() :], record[1]
        line = _split(doc, at, names, record, (match.start("language"), match.end("when")))
        if line is not None:
            found.append(line)
    return found


def _split(doc: Doc, at: int, names: str, record: tuple[int, int] | None, rest: tuple[int, int]) -> SourceLine | None:
    """Place and outlet of "Guatemala City Teleonce Television": the longest known place first."""
    spec, gazetteer = _spec(), load_gazetteer()
    words = [(m.start() + at, m.end() + at) for m in re.finditer(r"\S+", names)]
    for n in range(min(spec["max_place_words"], len(words) - 1), 0, -1):
        place_text = doc.text[words[0][0] : words[n - 1][1]]
        place: Place | None = gazetteer.city(place_text) or gazetteer.country(place_text)
        outlet_words = words[n:]
        if place is None or len(outlet_words) > spec["max_outlet_words"]:
            continue
        place_span = doc.char_span(words[0][0], words[n - 1][1], alignment_mode="expand")
        outlet_span = doc.char_span(outlet_words[0][0], outlet_words[-1][1], alignment_mode="expand")
        if place_span is None or outlet_span is None or not _is_name(outlet_span):
            return None
        return SourceLine(
            span_candidate(place_span, place.type, place.name, link=place.uri),
            span_candidate(outlet_span, "Organization", outlet_span.text),
            words[0][0], words[-1][1], record, rest,
        )
    return None


def _is_name(span: Span) -> bool:
    """An outlet's name is capitalised words or a name in capitals ("AL-AHALI", "Kanal-6 Television")."""
    return all(t.text[:1].isupper() or t.text[:1].isdigit() or t.is_punct for t in span)


def with_source_lines(candidates: list[Candidate], lines: list[SourceLine]) -> list[Candidate]:
    """The candidates, with the source lines' places and outlets in place of what overlapped them,
    and none reaching into a record id, the language or the time."""
    taken = [span for line in lines for span in ((line.start, line.end), line.record, line.after) if span]
    kept = [c for c in candidates if not any(c.start < end and start < c.end for start, end in taken)]
    return sorted(kept + [m for line in lines for m in (line.place, line.outlet)], key=lambda c: (c.start, -c.end))


def source_line_relations(
    doc_id: str, text: str, lines: list[SourceLine], owner: dict[Candidate, str], extractor: str
) -> list[Relation]:
    """One `basedIn` fact per source line, quoting the line from the place to the outlet."""
    rule_id, prior = source_line_rule()
    confidence = calibrated().get(rule_id, prior)
    relations = []
    for line in lines:
        outlet, place = owner.get(line.outlet), owner.get(line.place)
        if outlet is None or place is None or outlet == place:
            continue
        evidence = quoted(
            text, doc_id, (line.start, line.end), (line.start, line.end),
            subject_span=(line.outlet.start, line.outlet.end), object_span=(line.place.start, line.place.end),
            trigger_span=None, extractor=extractor, confidence=confidence, rule=rule_id,
        )
        relations.append(Relation(outlet, "basedIn", place, {}, (evidence,)))
    return relations


def source_line_rule() -> tuple[str, float]:
    """The rule id of source-line facts and its prior confidence."""
    return _spec()["rule"], float(_spec()["prior"])
