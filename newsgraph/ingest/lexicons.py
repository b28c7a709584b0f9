"""Loading the word lists (package data) that drive mention finding, typing and patterns."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..graph import normalise_name

__all__ = ["Lexicons", "calibrated", "load_lexicons", "read_data"]


def read_data(name: str) -> dict:
    """A JSON file from this package's data folder."""
    return json.loads(resources.files(__package__).joinpath("data", name).read_text("utf-8"))


@lru_cache(maxsize=1)
def calibrated() -> dict[str, float]:
    """Confidence per rule id as measured on dev data (`benchmarks/calibrate.py`), where it was measured."""
    try:
        table = read_data("confidence.json")["rules"]
    except FileNotFoundError:
        return {}
    return {rule_id: float(row["confidence"]) for rule_id, row in table.items() if row.get("judged")}


@dataclass(frozen=True, eq=False)
class Lexicons:
    ner_types: dict[str, str]
    facility_heads: frozenset[str]
    organization_heads: frozenset[str]
    event_heads: frozenset[str]
    weapon_heads: frozenset[str]
    organization_nouns: frozenset[str]
    """common nouns that make the names in apposition to them organisations ("outlets Slidstvo and OurMoney")"""
    company_nouns: frozenset[str]
    """organisation nouns that never describe a person (unlike "automaker Henry Ford")"""
    person_nouns: frozenset[str]
    """nouns that, in apposition to a name, say it names a person ("Copland, a native of Brooklyn")"""
    generic_bodies: frozenset[str]
    """words that, tagged alone as an organisation inside a title ("Secretary of State", "State
    Premier"), are part of the title rather than a name"""
    investigative_events: frozenset[str]
    """event nouns that are worth an entity even when indefinite ("an independent investigation")"""
    group_nouns: frozenset[str]
    """plural or collective nouns that, with a demonym or a number, name a group ("four Russian officers")"""
    title_words: frozenset[str]
    """words of titles and honorifics that precede a name but are not part of it ("President", "Mrs.")"""
    transparent_nouns: dict[str, str]
    approximators: frozenset[str]
    countries: dict[str, str]
    """normalised country name, alias or demonym -> canonical country name"""
    adjectives: dict[str, str]
    """canonical country name -> its adjective ("Ukraine" -> "Ukrainian")"""
    demonyms: frozenset[str]
    """normalised demonyms ("iranian"), which name a country only as a modifier"""
    role_nouns: frozenset[str] = frozenset()
    """nouns that describe a person ("spokesperson"): a name with such an appositive is a Person"""

    def country(self, name: str) -> str | None:
        """The canonical country a name, alias or demonym refers to, if any."""
        return self.countries.get(normalise_name(name))


def _title_words(raw: dict) -> frozenset[str]:
    """Honorifics from lexicons.json plus every single-word role and leader title of patterns.json."""
    patterns = read_data("patterns.json")["lexicons"]
    words = {w for key in ("role_nouns", "leader_titles", "leader_nouns") for w in patterns[key] if " " not in w}
    return frozenset(w.lower() for w in (*words, *raw["honorifics"]))


def _plurals(demonyms: list[str]) -> list[str]:
    """The names of a country's people: "Germans", "Israelis" (not "Frenches": "-ese", "-ish" stay)."""
    return [f"{d}s" for d in demonyms if d.endswith(("an", "i"))]


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    raw = read_data("lexicons.json")
    countries: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    demonyms: set[str] = set()
    for name, spec in read_data("countries.json").items():
        peoples = [*spec["demonyms"], *_plurals(spec["demonyms"])]
        for form in (name, *spec["aliases"], *peoples):
            countries.setdefault(normalise_name(form), name)
        demonyms.update(normalise_name(d) for d in peoples)
        if spec["demonyms"]:
            adjectives[name] = spec["demonyms"][0]
    return Lexicons(
        ner_types=dict(raw["ner_types"]),
        facility_heads=frozenset(raw["facility_heads"]),
        organization_heads=frozenset(raw["organization_heads"]),
        event_heads=frozenset(raw["event_heads"]),
        weapon_heads=frozenset(raw["weapon_heads"]),
        organization_nouns=frozenset(raw["organization_nouns"]),
        company_nouns=frozenset(raw["company_nouns"]),
        person_nouns=frozenset(raw["person_nouns"]),
        generic_bodies=frozenset(raw["generic_bodies"]),
        investigative_events=frozenset(raw["investigative_events"]),
        group_nouns=frozenset(raw["group_nouns"]),
        title_words=_title_words(raw),
        transparent_nouns=dict(raw["transparent_nouns"]),
        approximators=frozenset(raw["approximators"]),
        countries=countries,
        adjectives=adjectives,
        demonyms=frozenset(demonyms),
        role_nouns=frozenset(read_data("patterns.json")["lexicons"]["role_nouns"]),
    )
